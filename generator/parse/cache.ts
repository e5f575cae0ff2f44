/**
 * Parse cache: parseFile results keyed by a content hash of everything parseFile reads
 * (parser version, kind, both paths, text). One packed JSON file per set of input roots, so a
 * warm run costs one read and one JSON.parse instead of ~1,700 file opens; it is rewritten
 * (atomically) only when something was parsed or dropped, holding exactly the entries of that
 * run, so it never grows past one corpus. Anything unreadable is a miss, never a crash.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { defaultCacheDir, generatorDir, moduleExtension } from "../paths.js";
import type { DiscoveredFile } from "../discover/index.js";
import { openPack, scopeName, sourceKey, type Pack } from "../cache/store.js";
import type { ParsedFile } from "./index.js";

/** Absolute, decided once per process (see paths.ts): never the working directory's node_modules. */
export const DEFAULT_CACHE_DIR = defaultCacheDir();

/** Bump when the pack layout changes. */
const PACK_FORMAT = 3;
/** A run that builds needs every file's result: few shards, each a large read. */
const SHARDS = 16;

export type ParseCache = Pack<ParsedFile>;

/**
 * @param dir cache folder
 * @param scope what the pack is for (the input roots): runs over different inputs keep separate packs
 */
export function openParseCache(dir: string, scope: readonly string[]): Promise<ParseCache> {
  return openPack<ParsedFile>(path.join(dir, `parse-${scopeName(scope)}.json`), PACK_FORMAT, (entry) => typeof entry.path === "string" && typeof entry.source === "string" && Array.isArray(entry.diagnostics), SHARDS);
}

/**
 * One key per file over exactly what parseFile reads (a WSDL fence is parsed from `xml`, anything
 * else from `text`) and the parser's own source: editing a parser invalidates every entry.
 */
export async function fileKeys(files: readonly DiscoveredFile[]): Promise<string[]> {
  const parser = await parserVersionKey();
  return files.map((file) => {
    const hash = createHash("sha256").update(`${parser}\0${file.kind}\0${file.path}\0${file.source}\0`);
    if (file.xml) hash.update(`${file.xml.firstLine}\0`).update(file.xml.text);
    else hash.update(file.text);
    return hash.digest("base64url");
  });
}

let parserKey: Promise<string> | undefined;

/** The parser sources (everything parse/index.ts imports) and the packages they use; once per process. */
export function parserVersionKey(): Promise<string> {
  parserKey ??= sourceKey(path.join(generatorDir, "parse", `index${moduleExtension}`), [], `parse pack ${PACK_FORMAT}`);
  return parserKey;
}
