/**
 * The model memo's store (model/memo.ts says what a part is keyed by): each version's agents, types
 * and entities as the last run built them, keyed besides by the model's own source (everything
 * model/build.ts imports, the parsers' result types included), so an edit of the model code is never
 * served stale. One pack per set of input roots (store.ts); anything unreadable is a miss.
 */
import path from "node:path";
import { isMemoEntry, type MemoEntry, type MemoStore } from "../model/memo.js";
import { textDigest } from "../util/json-digest.js";
import { generatorDir, moduleExtension } from "../paths.js";
import { openPack, scopeName, sourceKey } from "./store.js";

/** Bump when the entries' layout changes. */
const PACK_FORMAT = 1;
/** A run reads every entry; an edit replaces the entries of an agent in each version it feeds, a few shards. */
const SHARDS = 16;

export async function openModelMemo(dir: string, scope: readonly string[]): Promise<MemoStore & { save(): Promise<void> }> {
  const [pack, model] = await Promise.all([openPack<MemoEntry>(path.join(dir, `model-${scopeName(scope)}.json`), PACK_FORMAT, isMemoEntry, SHARDS), modelKey()]);
  const key = (part: string): string => textDigest(`${model}\0${part}`);
  return {
    get: (part) => pack.get(key(part)),
    set: (part, entry) => pack.set(key(part), entry),
    save: () => pack.save(),
  };
}

let modelSource: Promise<string> | undefined;

function modelKey(): Promise<string> {
  modelSource ??= sourceKey(path.join(generatorDir, "model", `build${moduleExtension}`), [], `model memo ${PACK_FORMAT}`);
  return modelSource;
}
