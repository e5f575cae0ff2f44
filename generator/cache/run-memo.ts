/**
 * The run memo: what model + emit made of the inputs (output files, diagnostics, version summary),
 * keyed by every input file's parse key, the options that shape the output and the source of the
 * whole generator, templates included. When none of that changed, a warm run skips parse, model
 * and emit and costs one read. One memo per set of input roots; anything unreadable is a miss.
 * Code that starts reading files at run time outside templates/ must add them to generatorKey.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { generatorDir, moduleExtension, templatesDir } from "../paths.js";
import type { Diagnostic } from "../diagnostics.js";
import type { PackageIdentity } from "../config.js";
import type { OutputFiles } from "../output-files.js";
import { readJson, scopeName, sourceKey, writeAtomically } from "./store.js";

/** Bump when the memo layout changes. */
const MEMO_FORMAT = 1;

export interface RunResult {
  files: OutputFiles;
  /** Parse and model diagnostics (discovery reports its own on every run). */
  diagnostics: Diagnostic[];
  versions: { version: string; agents: number; operations: number }[];
}

interface Memo {
  format: number;
  key: string;
  files: [string, string][];
  diagnostics: Diagnostic[];
  versions: RunResult["versions"];
}

/** What the output depends on besides the inputs' content. */
export interface RunShape {
  inputs: readonly string[];
  versions?: readonly string[];
  agents?: readonly string[];
  docs: boolean;
  package?: Partial<PackageIdentity>;
  /** Versions whose files were left out before parsing (select.ts): named in messages. */
  skippedVersions?: readonly string[];
}

export async function runKey(fileKeys: readonly string[], shape: RunShape): Promise<string> {
  return createHash("sha256")
    .update(`${await generatorKey()}\0${JSON.stringify(shape)}\0`)
    .update(fileKeys.join("\n"))
    .digest("base64url");
}

export async function readRunMemo(dir: string, scope: readonly string[], key: string): Promise<RunResult | undefined> {
  const memo = await readJson<Memo>(memoFile(dir, scope));
  if (memo?.format !== MEMO_FORMAT || memo.key !== key || !Array.isArray(memo.files) || !Array.isArray(memo.diagnostics) || !Array.isArray(memo.versions)) return undefined;
  return { files: new Map(memo.files), diagnostics: memo.diagnostics, versions: memo.versions };
}

/** Failing to write only loses the memo. */
export async function writeRunMemo(dir: string, scope: readonly string[], key: string, result: RunResult): Promise<void> {
  const memo: Memo = { format: MEMO_FORMAT, key, files: [...result.files], diagnostics: result.diagnostics, versions: result.versions };
  await writeAtomically(memoFile(dir, scope), JSON.stringify(memo)).catch(() => undefined);
}

function memoFile(dir: string, scope: readonly string[]): string {
  return path.join(dir, `run-${scopeName(scope)}.json`);
}

let generatorSource: Promise<string> | undefined;

function generatorKey(): Promise<string> {
  generatorSource ??= sourceKey(path.join(generatorDir, `index${moduleExtension}`), [templatesDir], `run memo ${MEMO_FORMAT}`);
  return generatorSource;
}
