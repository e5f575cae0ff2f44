/**
 * What the parse cache and the run memo share: packs read leniently (anything unreadable is a
 * miss), written atomically (tmp + rename), named per set of input roots, and keyed by the
 * source code that produced them.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { CACHE_TAG } from "../paths.js";
import { makeFolders, replaceAtomically } from "../util/files.js";

/**
 * The parsed JSON, or undefined when the file is missing, truncated or not JSON. Synchronous: a
 * pack's shard is read when a caller first asks for one of its keys.
 */
export function readJson<T>(file: string): Partial<T> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, "utf8"));
    return typeof value === "object" && value !== null ? (value as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

const CACHE_TAG_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by superoffice-codegen.\n# For information about cache directory tags, see https://bford.info/cachedir/\n";

/** Writes a cache file (every cache file lives directly in its cache folder, which is tagged). */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const folder = path.dirname(file);
  await makeFolders(folder);
  if (!existsSync(path.join(folder, CACHE_TAG))) await writeFile(path.join(folder, CACHE_TAG), CACHE_TAG_TEXT);
  await replaceAtomically(file, (temporary) => writeFile(temporary, text));
}

/**
 * Results by key in JSON files (shards by key), each read when a key of it is first asked for and
 * rewritten (atomically) only when this run added or dropped entries of it, so one edited input
 * reads and rewrites a few shards, not the whole pack. The pack holds exactly the entries this run
 * asked for, so it never outgrows one run. Entries that `isEntry` rejects, like a pack of another
 * format, are misses.
 */
export interface Pack<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /**
   * Keeps the entries this run used or set, and with `keepUnused` the others too (a run that left
   * output unmade still needs their entries). Failing to write only loses the cache.
   */
  save(options?: { keepUnused: boolean }): Promise<void>;
}

interface Shard<T> {
  previous: Map<string, T>;
  current: Map<string, T>;
  added: boolean;
}

/**
 * @param file the pack's name: shard i is `<file without .json>.<i>.json`
 * @param shardCount more shards where a run needs few entries (the compile pack after an edit), fewer where it reads them all
 */
export async function openPack<T>(file: string, format: number, isEntry: (value: Partial<T>) => boolean, shardCount: number): Promise<Pack<T>> {
  const shardFiles = Array.from({ length: shardCount }, (_, shard) => file.replace(/\.json$/, `.${shard}.json`));
  const shards: (Shard<T> | undefined)[] = new Array(shardCount);
  const readShard = (shardFile: string): Shard<T> => {
    const pack = readJson<{ format: number; entries: Record<string, T> }>(shardFile);
    const previous = new Map(pack?.format === format && typeof pack.entries === "object" && pack.entries !== null ? Object.entries(pack.entries) : []);
    return { previous, current: new Map<string, T>(), added: false };
  };
  const shardOf = (key: string): Shard<T> => {
    const index = shardIndex(key, shardCount);
    return (shards[index] ??= readShard(shardFiles[index]));
  };
  return {
    get(key) {
      const shard = shardOf(key);
      const entry = shard.previous.get(key);
      if (typeof entry !== "object" || entry === null || !isEntry(entry)) return undefined;
      shard.current.set(key, entry);
      return entry;
    },
    set(key, value) {
      const shard = shardOf(key);
      shard.current.set(key, value);
      shard.added = true;
    },
    async save(options) {
      await Promise.all(
        shardFiles.map(async (shardFile, index) => {
          const shard = shards[index];
          // A shard this run never asked for stays as it is where unused entries are kept, else it is removed unread.
          if (!shard) return options?.keepUnused ? undefined : rm(shardFile, { force: true }).catch(() => undefined);
          if (options?.keepUnused) for (const [key, entry] of shard.previous) if (!shard.current.has(key)) shard.current.set(key, entry);
          // A shard this run needs nothing from is removed, whatever it held (even a damaged file).
          if (shard.current.size === 0) return rm(shardFile, { force: true }).catch(() => undefined);
          if (!shard.added && shard.current.size === shard.previous.size) return;
          await writeAtomically(shardFile, JSON.stringify({ format, entries: Object.fromEntries(shard.current) })).catch(() => undefined);
        }),
      );
    },
  };
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Keys are hashes (base64url): the 12 bits of their first two characters spread evenly over 16 or 256 shards. */
function shardIndex(key: string, shardCount: number): number {
  const bits = (Math.max(0, BASE64URL.indexOf(key.charAt(0))) << 6) | Math.max(0, BASE64URL.indexOf(key.charAt(1)));
  return bits % shardCount;
}

/** A file-name-safe name for a set of input roots. */
export function scopeName(roots: readonly string[]): string {
  return createHash("sha256").update(roots.map((root) => path.resolve(root)).join("\n")).digest("hex").slice(0, 16);
}

const IMPORT = /(?:\bfrom|^\s*import)\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/**
 * Hash of the code behind a result: every module reachable by relative imports from `entry`,
 * the versions of the packages they import, and every file below `dataFolders` (templates read
 * at run time). A few hundred small reads, synchronous (awaited one by one they left the thread
 * idle on the pool for longer than they take); callers compute it once per process.
 */
export async function sourceKey(entry: string, dataFolders: readonly string[], salt: string): Promise<string> {
  const hash = createHash("sha256").update(`${salt}\0`);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readOrMark(file);
    hash.update(`${path.relative(path.dirname(entry), file)}\0${source}\0`);
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      // `./x.js` names x.ts in the sources and x.js when compiled: the entry's own extension.
      if (specifier.startsWith(".")) queue.push(path.resolve(path.dirname(file), specifier).replace(/\.js$/, path.extname(entry)));
      else if (!specifier.startsWith("node:")) packages.add(packageName(specifier));
    }
  }
  for (const name of [...packages].sort()) hash.update(`${name}@${packageVersion(name, path.dirname(entry))}\0`);
  for (const folder of dataFolders) {
    for (const file of listFiles(folder)) hash.update(`${path.relative(folder, file)}\0`).update(readOrMark(file)).update("\0");
  }
  return hash.digest("base64url");
}

function readOrMark(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "(unreadable)";
  }
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Found the way Node finds it: node_modules folders upward from the importer. */
function packageVersion(name: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version ?? "?";
    if (path.dirname(dir) === dir) return "?";
  }
}

function listFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}
