/** Discover: every input root → the files worth parsing, read once and classified by content. */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { fsReason } from "../fs-errors.js";
import { classify, type InputKind } from "./classify.js";
import { decodeInput } from "./decode.js";
import { listInputFiles, type Listing } from "./walk.js";

export interface DiscoveredFile {
  /** Path as reported in diagnostics: cwd-relative, forward slashes. */
  path: string;
  /**
   * Path as recorded in provenance (the model's and the docs' sources): relative to the input root
   * the file was found under, behind that root's name (see inputRootNames), so it is the same
   * whatever the working directory.
   */
  source: string;
  kind: Exclude<InputKind, "other" | "index-page">;
  text: string;
  /** For WSDL: the XML and the line of the file it starts on. */
  xml?: { text: string; firstLine: number };
}

/**
 * A file of the inputs whose content is what it was when a run noted it (cache/discovery-memo.ts):
 * not read again; its parse result was cached under `parseKey`.
 */
export interface RememberedFile {
  path: string;
  source: string;
  kind: DiscoveredFile["kind"];
  parseKey: string;
  /** The listed file it came from (FileNote's key). */
  input: string;
  text?: undefined;
  xml?: undefined;
}

/** What discovery made of one listed file: its warnings, and (read files) the sha256 of the bytes read. */
export interface FileNote {
  hash?: string;
  warnings: { line: number; code: string; message: string }[];
  /** With memory: what it was last time (its files are RememberedFiles). */
  remembered?: { kind: DiscoveredFile["kind"]; parseKey: string }[];
}

/** A file discovery read. */
export type ReadFile = DiscoveredFile & { input: string };
export type FoundFile = ReadFile | RememberedFile;

export interface Discovery {
  files: FoundFile[];
  diagnostics: Diagnostic[];
  /** Every listed file looked at, by its listed path. */
  notes: Map<string, FileNote>;
}

/**
 * Larger than any real input by far (the biggest file of the docs corpus is under 4 MB): a file over
 * it is decided from its size on disk before it is read, reported with a warning and skipped.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * @param memory listed files known unchanged since noted (their content hash is the same): their
 * notes stand in for reading them; with memory, every file read is hashed for the next run's notes
 * @param listings each root's listing, where the caller has just listed them (cache/input-stamps.ts)
 */
export async function discoverInputs(roots: readonly string[]): Promise<Omit<Discovery, "files"> & { files: ReadFile[] }>;
export async function discoverInputs(roots: readonly string[], memory: ReadonlyMap<string, FileNote>, listings?: readonly Listing[]): Promise<Discovery>;
export async function discoverInputs(roots: readonly string[], memory?: ReadonlyMap<string, FileNote>, listings?: readonly Listing[]): Promise<Discovery> {
  const diagnostics: Diagnostic[] = [];
  const files: FoundFile[] = [];
  const notes = new Map<string, FileNote>();
  const seen = new Set<string>();
  let note: FileNote = { warnings: [] };
  const warn = (file: string, line: number, code: string, message: string): void => {
    diagnostics.push({ path: displayPath(file), line, severity: "warning", code, message });
    note.warnings.push({ line, code, message });
  };
  const rootNames = inputRootNames(roots);
  for (const [rootIndex, root] of roots.entries()) {
    let listing: Listing;
    try {
      listing = listings?.[rootIndex] ?? (await listInputFiles(root));
    } catch (error) {
      diagnostics.push({ path: displayPath(root), line: 0, severity: "error", code: "input.unreadable", message: `The input ${root} cannot be read: ${fsReason(error)}.` });
      continue;
    }
    // Not a listed file's: noted nowhere.
    note = { warnings: [] };
    for (const passed of listing.passedOver) warn(passed.path, 0, passed.code, passed.message);
    const paths = rootPaths(rootNames[rootIndex], root);
    for (const absolute of listing.files) {
      const { shown, source } = paths(absolute);
      if (seen.has(shown)) continue;
      seen.add(shown);
      const known = memory?.get(absolute);
      if (known?.remembered) {
        for (const { line, code, message } of known.warnings) diagnostics.push({ path: shown, line, severity: "warning", code, message });
        for (const { kind, parseKey } of known.remembered) files.push({ path: shown, source, kind, parseKey, input: absolute });
        notes.set(absolute, known);
        continue;
      }
      note = { warnings: [] };
      notes.set(absolute, note);
      let bytes: Buffer;
      try {
        const read = readInput(absolute);
        if (typeof read === "number") {
          warn(absolute, 0, "input.too-large", `The file is ${read} bytes, over the ${MAX_INPUT_BYTES}-byte limit for one input; it was skipped.`);
          continue;
        }
        bytes = read;
      } catch (error) {
        warn(absolute, 0, "input.unreadable", `The file cannot be read (${fsReason(error)}); it was skipped.`);
        continue;
      }
      if (memory) note.hash = createHash("sha256").update(bytes).digest("base64url");
      const { text, invalidUtf8Line, encoding } = decodeInput(bytes);
      if (invalidUtf8Line !== null) {
        const message = encoding === "utf-8" ? "The file has bytes that are not UTF-8; they were replaced by U+FFFD." : `The file has bytes that are not ${encoding === "utf-16le" ? "UTF-16 LE" : "UTF-16 BE"} (as its byte order mark says); they were replaced by U+FFFD.`;
        warn(absolute, invalidUtf8Line, "input.invalid-utf8", message);
      }
      const { kind, xml, moreXml, skippedBecause } = classify(absolute, text);
      if (skippedBecause) warn(absolute, 0, skippedBecause.code, skippedBecause.message);
      if (kind === "other" || kind === "index-page") continue;
      files.push(xml ? { path: shown, source, kind, text, xml, input: absolute } : { path: shown, source, kind, text, input: absolute });
      for (const more of moreXml ?? []) files.push({ path: shown, source, kind, text, xml: more, input: absolute });
    }
  }
  return { files, diagnostics, notes };
}

/**
 * A file's bytes, or its size where that is over MAX_INPUT_BYTES: decided from the size on disk
 * before a byte is read, by the open file's stat (a stat by path per file cost ~60 ms a cold run).
 * Synchronous on purpose: ~1,700 awaited reads cost ~0.2 s of round trips to the thread pool, sync reads ~20 ms.
 */
function readInput(file: string): Buffer | number {
  const descriptor = openSync(file, "r");
  try {
    const { size } = fstatSync(descriptor);
    return size > MAX_INPUT_BYTES ? size : readFileSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The name each input root's files carry in provenance: the root's own folder (or file) name
 * ("../shared/corpus" → "corpus"); a name two roots share gets "-2", "-3"… in --input order.
 */
export function inputRootNames(roots: readonly string[]): string[] {
  const taken = new Set<string>();
  return roots.map((root) => {
    const base = path.basename(path.resolve(root)) || "input";
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name;
  });
}

/**
 * A listed file's display path and its source, `<root name>/<path below the root>` (a root that is
 * a file is just its name), both with forward slashes. The files below a root share the root's
 * part of both: it is worked out once, and each file's part is a slice of its listed path, not two
 * resolves and a relative per file (~60 ms a run on the corpus). Where the working directory lies
 * inside the root, display paths do not start with the root's, so they are worked out per file.
 */
function rootPaths(rootName: string, root: string): (file: string) => { shown: string; source: string } {
  // The listing joins each name to the root (walk.ts), which normalises the root's part like this.
  const prefix = path.join(root, "x").slice(0, -1);
  const resolvedRoot = path.resolve(root);
  const fromRoot = path.relative(resolvedRoot, process.cwd());
  const cwdInside = fromRoot !== "" && !fromRoot.startsWith("..") && !path.isAbsolute(fromRoot);
  const shownRoot = displayPath(root);
  return (file) => {
    if (!file.startsWith(prefix)) {
      const below = toSlashes(path.relative(resolvedRoot, path.resolve(file)));
      return { shown: displayPath(file), source: below === "" ? rootName : `${rootName}/${below}` };
    }
    const below = toSlashes(file.slice(prefix.length));
    return { shown: cwdInside ? displayPath(file) : shownRoot === "." ? below : `${shownRoot}/${below}`, source: `${rootName}/${below}` };
  };
}

function toSlashes(file: string): string {
  return path.sep === "/" ? file : file.split(path.sep).join("/");
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return toSlashes(relative === "" ? "." : relative);
}
