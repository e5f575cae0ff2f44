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

/** What reading one listed file gave: its note (warnings, and the hash where asked for) and the files it holds for parsing. */
export interface Examined {
  note: FileNote;
  files: Pick<DiscoveredFile, "kind" | "text" | "xml">[];
}

/**
 * Examines listed files off this thread (a run that parses everything lends its parse workers,
 * which idle while discovery reads): examineFile's answer for each, in order. May reject; then
 * this thread examines them itself.
 */
export type Examiner = (files: readonly string[], hashing: boolean) => Promise<Examined[]>;

/** A listed file to examine, or one whose note stands in for reading it, in listing order. */
type Slot = { absolute: string; shown: string; source: string; known?: FileNote };

/**
 * @param memory listed files known unchanged since noted (their content hash is the same): their
 * notes stand in for reading them; with memory, every file read is hashed for the next run's notes
 * @param listings each root's listing, where the caller has just listed them (cache/input-stamps.ts)
 * @param examiner reads a share of the files on another thread
 */
export async function discoverInputs(roots: readonly string[], memory?: undefined, listings?: readonly Listing[], examiner?: Examiner): Promise<Omit<Discovery, "files"> & { files: ReadFile[] }>;
export async function discoverInputs(roots: readonly string[], memory: ReadonlyMap<string, FileNote>, listings?: readonly Listing[], examiner?: Examiner): Promise<Discovery>;
export async function discoverInputs(roots: readonly string[], memory?: ReadonlyMap<string, FileNote>, listings?: readonly Listing[], examiner?: Examiner): Promise<Discovery> {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const slots: Slot[] = [];
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
    for (const passed of listing.passedOver) diagnostics.push({ path: displayPath(passed.path), line: 0, severity: "warning", code: passed.code, message: passed.message });
    const paths = rootPaths(rootNames[rootIndex], root);
    for (const absolute of listing.files) {
      const { shown, source } = paths(absolute);
      if (seen.has(shown)) continue;
      seen.add(shown);
      const known = memory?.get(absolute);
      slots.push(known?.remembered ? { absolute, shown, source, known } : { absolute, shown, source });
    }
  }
  const toRead = slots.filter((slot) => !slot.known);
  const examined = await examineAll(toRead.map((slot) => slot.absolute), memory !== undefined, examiner);
  const files: FoundFile[] = [];
  const notes = new Map<string, FileNote>();
  let position = 0;
  for (const { absolute, shown, source, known } of slots) {
    const { note, files: held } = known ? { note: known, files: [] } : examined[position++];
    notes.set(absolute, note);
    for (const { line, code, message } of note.warnings) diagnostics.push({ path: shown, line, severity: "warning", code, message });
    for (const { kind, parseKey } of known?.remembered ?? []) files.push({ path: shown, source, kind, parseKey, input: absolute });
    for (const { kind, text, xml } of held) files.push(xml ? { path: shown, source, kind, text, xml, input: absolute } : { path: shown, source, kind, text, input: absolute });
  }
  return { files, diagnostics, notes };
}

/** Below this many files to read, lending them to another thread costs more than it saves. */
const MIN_FILES_TO_LEND = 200;
/** Files per share: small enough that neither thread is left with a long tail. */
const SHARE_FILES = 24;
/** Shares the other thread holds at once, so it never waits for the next. */
const LENT_AT_ONCE = 2;

/**
 * examineFile of each file, in order: this thread takes shares from the front of the list, the
 * examiner from the back, until they meet. A share the examiner fails, or has not answered when
 * this thread runs out of shares (a worker still booting), is examined here; a late answer is dropped.
 */
async function examineAll(files: readonly string[], hashing: boolean, examiner?: Examiner): Promise<Examined[]> {
  if (!examiner || files.length < MIN_FILES_TO_LEND) return files.map((file) => examineFile(file, hashing));
  const results: Examined[] = new Array(files.length);
  const shares = Math.ceil(files.length / SHARE_FILES);
  const done: boolean[] = new Array(shares).fill(false);
  const lentOut = new Set<number>();
  let front = 0;
  let back = shares;
  const examineHere = (share: number): void => {
    for (let index = share * SHARE_FILES; index < Math.min(files.length, (share + 1) * SHARE_FILES); index++) results[index] = examineFile(files[index], hashing);
    done[share] = true;
  };
  let failure: { error: unknown } | undefined;
  const lend = async (): Promise<void> => {
    while (front < back) {
      const share = --back;
      const first = share * SHARE_FILES;
      const lent = files.slice(first, first + SHARE_FILES);
      lentOut.add(share);
      let answers: Examined[] | undefined;
      try {
        answers = await examiner(lent, hashing);
      } catch {
        // Examined here below.
      }
      lentOut.delete(share);
      if (done[share]) return;
      if (answers?.length === lent.length) {
        answers.forEach((answer, offset) => (results[first + offset] = answer));
        done[share] = true;
      } else {
        try {
          examineHere(share);
        } catch (error) {
          // Thrown here, it would go unhandled: the discovery rethrows it.
          failure ??= { error };
          return;
        }
      }
    }
  };
  void Promise.all(Array.from({ length: LENT_AT_ONCE }, lend));
  while (front < back) {
    examineHere(front++);
    // Let the examiner's answers in, and lend it its next shares.
    await new Promise(setImmediate);
  }
  if (failure) throw failure.error;
  for (const share of lentOut) examineHere(share);
  return results;
}

/** Reads one listed file: its note, and what it holds for parsing (nothing for other files). */
export function examineFile(absolute: string, hashing: boolean): Examined {
  const note: FileNote = { warnings: [] };
  const warn = (line: number, code: string, message: string): void => void note.warnings.push({ line, code, message });
  let bytes: Buffer;
  try {
    const read = readInput(absolute);
    if (typeof read === "number") {
      warn(0, "input.too-large", `The file is ${read} bytes, over the ${MAX_INPUT_BYTES}-byte limit for one input; it was skipped.`);
      return { note, files: [] };
    }
    bytes = read;
  } catch (error) {
    warn(0, "input.unreadable", `The file cannot be read (${fsReason(error)}); it was skipped.`);
    return { note, files: [] };
  }
  if (hashing) note.hash = createHash("sha256").update(bytes).digest("base64url");
  const { text, invalidUtf8Line, encoding } = decodeInput(bytes);
  if (invalidUtf8Line !== null) {
    const message = encoding === "utf-8" ? "The file has bytes that are not UTF-8; they were replaced by U+FFFD." : `The file has bytes that are not ${encoding === "utf-16le" ? "UTF-16 LE" : "UTF-16 BE"} (as its byte order mark says); they were replaced by U+FFFD.`;
    warn(invalidUtf8Line, "input.invalid-utf8", message);
  }
  const { kind, xml, moreXml, skippedBecause } = classify(absolute, text);
  if (skippedBecause) warn(0, skippedBecause.code, skippedBecause.message);
  if (kind === "other" || kind === "index-page") return { note, files: [] };
  return { note, files: [xml ? { kind, text, xml } : { kind, text }, ...(moreXml ?? []).map((more) => ({ kind, text, xml: more }))] };
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
