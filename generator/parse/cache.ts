/**
 * Parse cache: parseFile results keyed by a content hash of everything parseFile reads
 * (parser version, kind, path, text). One packed JSON file per set of input roots, so a
 * warm run costs one read and one JSON.parse instead of ~1,700 file opens; it is rewritten
 * (atomically, tmp + rename) only when something was parsed, holding exactly the entries
 * of that run, so it never grows past one corpus. Anything unreadable is a miss, never a crash.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DiscoveredFile } from "../discover/index.js";
import type { ParsedFile } from "./index.js";

/** Bump when the pack layout changes. */
const PACK_FORMAT = 1;

export const DEFAULT_CACHE_DIR = path.join("node_modules", ".cache", "superoffice-codegen");

export interface ParseCache {
  /** The cached result for the file, or undefined on a miss. */
  get(file: DiscoveredFile): ParsedFile | undefined;
  set(file: DiscoveredFile, result: ParsedFile): void;
  /** Writes the pack when this run parsed anything or dropped entries; a failure to write only loses the cache. */
  save(): Promise<void>;
  readonly hits: number;
  readonly misses: number;
}

interface Pack {
  format: number;
  parser: string;
  entries: Record<string, ParsedFile>;
}

/**
 * @param dir cache folder
 * @param scope what the pack is for (the input roots): runs over different inputs keep separate packs
 */
export async function openParseCache(dir: string, scope: readonly string[]): Promise<ParseCache> {
  const parser = await parserVersionKey();
  const packFile = path.join(dir, `parse-${sha256(scope.map((root) => path.resolve(root)).join("\n")).slice(0, 16)}.json`);
  const previous = await readPack(packFile, parser);
  const current = new Map<string, ParsedFile>();
  let hits = 0;
  let misses = 0;
  let parsedAny = false;
  return {
    get(file) {
      const key = entryKey(parser, file);
      const entry = previous.get(key);
      if (entry && entry.path === file.path && Array.isArray(entry.diagnostics)) {
        hits++;
        current.set(key, entry);
        return entry;
      }
      misses++;
      return undefined;
    },
    set(file, result) {
      current.set(entryKey(parser, file), result);
      parsedAny = true;
    },
    async save() {
      if (!parsedAny && current.size === previous.size) return;
      const pack: Pack = { format: PACK_FORMAT, parser, entries: Object.fromEntries(current) };
      await writeAtomically(packFile, JSON.stringify(pack)).catch(() => undefined);
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}

async function readPack(file: string, parser: string): Promise<Map<string, ParsedFile>> {
  try {
    const pack = JSON.parse(await readFile(file, "utf8")) as Partial<Pack>;
    if (pack.format !== PACK_FORMAT || pack.parser !== parser || typeof pack.entries !== "object" || pack.entries === null) return new Map();
    return new Map(Object.entries(pack.entries));
  } catch {
    return new Map();
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Exactly what parseFile reads: a WSDL fence is parsed from `xml`, everything else from `text`. */
function entryKey(parser: string, file: DiscoveredFile): string {
  const hash = createHash("sha256").update(`${parser}\0${file.kind}\0${file.path}\0`);
  if (file.xml) hash.update(`${file.xml.firstLine}\0`).update(file.xml.text);
  else hash.update(file.text);
  return hash.digest("base64url");
}

let parserKey: Promise<string> | undefined;

/**
 * Hash of every source file parseFile can run (the relative-import graph from parse/index.ts)
 * and the versions of the packages they import: editing a parser invalidates the cache.
 * Computed once per process; a few dozen small reads.
 */
export function parserVersionKey(): Promise<string> {
  parserKey ??= hashImportGraph(fileURLToPath(new URL("./index.ts", import.meta.url)));
  return parserKey;
}

const IMPORT = /(?:\bfrom|^\s*import)\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

async function hashImportGraph(entry: string): Promise<string> {
  const hash = createHash("sha256").update(`format ${PACK_FORMAT}\0`);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(file, "utf8").catch(() => "(unreadable)");
    hash.update(`${path.basename(file)}\0${source}\0`);
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith(".")) queue.push(path.resolve(path.dirname(file), specifier).replace(/\.js$/, ".ts"));
      else if (!specifier.startsWith("node:")) packages.add(packageName(specifier));
    }
  }
  for (const name of [...packages].sort()) hash.update(`${name}@${await packageVersion(name, path.dirname(entry))}\0`);
  return hash.digest("base64url");
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Found the way Node finds it: node_modules folders upward from the importer. */
async function packageVersion(name: string, from: string): Promise<string> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) return (JSON.parse(await readFile(manifest, "utf8")) as { version?: string }).version ?? "?";
    if (path.dirname(dir) === dir) return "?";
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
