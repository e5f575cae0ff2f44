/**
 * The discovery memo: for each listed input file, the sha256 of its bytes when a run last read it,
 * its discovery warnings and the kind and parse-cache key of each file it gave. A later run whose
 * stamp of that file (input-stamps.ts) has the same hash takes the note instead of reading, decoding
 * and classifying the file again. Keyed by the discovery and parser sources and the working
 * directory (the paths in keys and warnings are relative to it); anything unreadable is a miss.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { FileNote, FoundFile } from "../discover/index.js";
import { generatorDir, moduleExtension } from "../paths.js";
import { parserVersionKey } from "../parse/cache.js";
import type { InputStamp } from "./input-stamps.js";
import { readJson, scopeName, sourceKey, writeAtomically } from "./store.js";

/** Bump when the memo layout changes. */
const MEMO_FORMAT = 1;

type Remembered = NonNullable<FileNote["remembered"]>;
type Entry = [hash: string, warnings: FileNote["warnings"], files: [kind: Remembered[number]["kind"], parseKey: string][]];

interface MemoFile {
  format: number;
  key: string;
  files: Record<string, Entry>;
}

/** The notes of the stamped files whose hash is the one noted: an empty map when there are none. */
export async function readDiscoveryMemo(dir: string, scope: readonly string[], stamps: readonly InputStamp[]): Promise<Map<string, FileNote>> {
  const key = await memoKey();
  const memo = readJson<MemoFile>(memoFile(dir, scope));
  const known = new Map<string, FileNote>();
  if (memo?.format !== MEMO_FORMAT || memo.key !== key || typeof memo.files !== "object" || memo.files === null) return known;
  for (const stamp of stamps) {
    const entry: unknown = Object.hasOwn(memo.files, stamp[0]) ? memo.files[stamp[0]] : undefined;
    // Anything but the layout written below is a miss, as a damaged file is.
    if (!Array.isArray(entry) || entry[0] !== stamp[5] || !Array.isArray(entry[1]) || !entry[1].every(isWarning) || !Array.isArray(entry[2]) || !entry[2].every(isGivenFile)) continue;
    const [hash, warnings, files] = entry as Entry;
    known.set(stamp[0], { hash, warnings, remembered: files.map(([kind, parseKey]) => ({ kind, parseKey })) });
  }
  return known;
}

/**
 * Notes every listed file discovery hashed or remembered, with the parse keys of the files it gave
 * (`parseKeys[i]` is `files[i]`'s). Failing to write only loses the memo.
 */
export async function writeDiscoveryMemo(dir: string, scope: readonly string[], notes: ReadonlyMap<string, FileNote>, files: readonly FoundFile[], parseKeys: readonly string[]): Promise<void> {
  const given = new Map<string, Entry[2]>();
  files.forEach((file, index) => {
    const list = given.get(file.input) ?? [];
    list.push([file.kind, parseKeys[index]]);
    given.set(file.input, list);
  });
  const entries: Record<string, Entry> = {};
  for (const [file, note] of notes) if (note.hash !== undefined) entries[file] = [note.hash, note.warnings, given.get(file) ?? []];
  await writeAtomically(memoFile(dir, scope), JSON.stringify({ format: MEMO_FORMAT, key: await memoKey(), files: entries })).catch(() => undefined);
}

function memoFile(dir: string, scope: readonly string[]): string {
  return path.join(dir, `discover-${scopeName(scope)}.json`);
}

/** The kinds a listed file can give: a memo naming another is not ours. */
const GIVEN_KINDS: Record<Remembered[number]["kind"], true> = { wsdl: true, "soap-page": true, "soap-text-dump": true, "rest-page": true, "rest-entity-page": true, openapi: true, "entity-openapi": true };

function isWarning(value: unknown): value is Entry[1][number] {
  if (typeof value !== "object" || value === null) return false;
  const { line, code, message } = value as Record<string, unknown>;
  return typeof line === "number" && typeof code === "string" && typeof message === "string";
}

function isGivenFile(value: unknown): value is Entry[2][number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && Object.hasOwn(GIVEN_KINDS, value[0]) && typeof value[1] === "string";
}

let code: Promise<string> | undefined;

/**
 * This module's sources (its imports reach discovery and the parse keys) and the parsers', once per
 * process; the working directory on every call, since a library caller may change it between runs.
 */
function memoKey(): Promise<string> {
  code ??= Promise.all([sourceKey(path.join(generatorDir, "cache", `discovery-memo${moduleExtension}`), [], `discovery memo ${MEMO_FORMAT}`), parserVersionKey()]).then(([memo, parser]) => `${memo}\0${parser}`);
  return code.then((sources) => createHash("sha256").update(`${sources}\0${process.cwd()}`).digest("base64url"));
}
