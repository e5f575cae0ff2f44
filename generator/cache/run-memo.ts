/**
 * The run memo: what the last run made of the inputs, small enough to read on every run (no output
 * content): the stamps of the inputs it read (input-stamps.ts), its diagnostics and version summary,
 * and the manifest of the output folder it wrote. Keyed by the options that shape the output, the
 * working directory (paths in messages are relative to it) and the source of the whole generator,
 * templates included. When none of that and no input changed and the output folder still matches
 * its manifest, a warm run is one small read and a stat per file. One memo per set of input roots;
 * anything unreadable is a miss. Code that starts reading files at run time outside templates/
 * must add them to generatorKey.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { generatorDir, moduleExtension, templatesDir } from "../paths.js";
import type { Diagnostic } from "../diagnostics.js";
import type { PackageIdentity } from "../config.js";
import type { OutputSink, OutputStamp, PieceFiles } from "../output-files.js";
import type { InputStamp } from "./input-stamps.js";
import { readJson, scopeName, sourceKey, writeAtomically } from "./store.js";

/** Bump when the memo layout changes. */
const MEMO_FORMAT = 3;

export interface VersionSummary {
  version: string;
  agents: number;
  operations: number;
}

/** What parse and model made of the inputs, and how to emit it. */
export interface RunResult {
  /** Parse and model diagnostics (discovery reports its own). */
  diagnostics: Diagnostic[];
  versions: VersionSummary[];
  /**
   * Emits the output piece by piece into `sink`, leaving a keyed piece unmade where `previous` has
   * its files and the sink keeps them: the number of files, emit's own diagnostics, the keyed
   * pieces emitted without problems with their files, and how many pieces were kept unmade.
   */
  emit(sink: OutputSink, previous?: PieceFiles): Promise<{ files: number; diagnostics: Diagnostic[]; pieces: [string, string[]][]; kept: number }>;
}

export interface RunMemo {
  format: number;
  /** runKey: everything besides the inputs that shapes the output. */
  key: string;
  inputs: InputStamp[];
  /** Stamping.contentKey of those inputs. */
  contentKey: string;
  /** Every diagnostic of discovery, parse and model. */
  diagnostics: Diagnostic[];
  versions: VersionSummary[];
  /** Output files (the marker aside) and input files parsed. */
  files: number;
  parsedInputs: number;
  /**
   * The output folder last written (canonical path) as written; `current` when it holds this memo's
   * output; `pieces`: the keyed pieces of that write and their files, so that the next run with the
   * same key leaves those unmade where they are unchanged.
   */
  out?: { path: string; manifest: OutputStamp[]; current: boolean; pieces: [key: string, files: string[]][] };
}

/** What the output depends on besides the inputs' content. */
export interface RunShape {
  inputs: readonly string[];
  versions?: readonly string[];
  agents?: readonly string[];
  docs: boolean;
  package?: Partial<PackageIdentity>;
  /** Versions whose files were left out before parsing (select.ts): named in messages. Follows from the inputs. */
  skippedVersions?: readonly string[];
}

export async function runKey(shape: RunShape): Promise<string> {
  const { inputs, versions, agents, docs, package: identity } = shape;
  return createHash("sha256")
    .update(`${await generatorKey()}\0${process.cwd()}\0${JSON.stringify({ inputs, versions, agents, docs, identity })}`)
    .digest("base64url");
}

export async function readRunMemo(dir: string, scope: readonly string[]): Promise<RunMemo | undefined> {
  const memo = readJson<RunMemo>(memoFile(dir, scope));
  if (memo?.format !== MEMO_FORMAT || typeof memo.key !== "string" || typeof memo.contentKey !== "string" || !Array.isArray(memo.inputs) || !Array.isArray(memo.diagnostics) || !Array.isArray(memo.versions)) return undefined;
  if (typeof memo.files !== "number" || typeof memo.parsedInputs !== "number") return undefined;
  const out = memo.out;
  const validOut = out === undefined || (typeof out === "object" && out !== null && typeof out.path === "string" && Array.isArray(out.manifest) && typeof out.current === "boolean");
  return validOut ? (memo as RunMemo) : undefined;
}

/** Failing to write only loses the memo. */
export async function writeRunMemo(dir: string, scope: readonly string[], memo: Omit<RunMemo, "format">): Promise<void> {
  await writeAtomically(memoFile(dir, scope), JSON.stringify({ format: MEMO_FORMAT, ...memo })).catch(() => undefined);
}

function memoFile(dir: string, scope: readonly string[]): string {
  return path.join(dir, `run-${scopeName(scope)}.json`);
}

let generatorSource: Promise<string> | undefined;

function generatorKey(): Promise<string> {
  generatorSource ??= sourceKey(path.join(generatorDir, `index${moduleExtension}`), [templatesDir], `run memo ${MEMO_FORMAT}`);
  return generatorSource;
}
