/**
 * The generator as a library: generate(options) → report.
 * discover → parse → model → emit → write, data flowing one way.
 */
import { identityProblems, type PackageIdentity } from "./config.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostics.js";
import { discoverInputs } from "./discover/index.js";
import { checkOutput, matchesManifest, OutputFolderError, repairOutput, writeOutput } from "./write/index.js";
import type { OutputSink } from "./output-files.js";
import { readDiscoveryMemo } from "./cache/discovery-memo.js";
import { stampInputs } from "./cache/input-stamps.js";
import { readRunMemo, runKey, writeRunMemo, type RunShape } from "./cache/run-memo.js";
import { DEFAULT_CACHE_DIR } from "./parse/cache.js";
import { examinerOnWorker, startParseWorkers } from "./parse/pool.js";
import { canonicalPath, usageProblems } from "./safety.js";
import { isUsageError, preselect } from "./select.js";

export type { Diagnostic } from "./diagnostics.js";
export type { ServicesModel } from "./ir/types.js";
export type { PackageIdentity } from "./config.js";
export { defineConfig, type Config } from "./config.js";

export interface GenerateOptions {
  /** Input roots (folders or files); default ["input"]. */
  inputs?: string[];
  /** Output folder; default "output". */
  out?: string;
  /** Only these versions, by number or name ("86", "Services88"); default all. */
  versions?: string[];
  /** Only these agents; default all. */
  agents?: string[];
  /** Warnings fail the run. */
  strict?: boolean;
  /** Generate in memory and compare with `out`; write nothing. */
  check?: boolean;
  /** Emit markdown docs (default true). */
  docs?: boolean;
  /** The generated package's identity; unset fields keep their defaults (name superoffice-netserver-clients, version 0.0.0, license UNLICENSED). */
  package?: Partial<PackageIdentity>;
  /** Cache folder (parse results, last run), or false to neither read nor write it; default: the generator package's node_modules/.cache/superoffice-codegen, else the OS cache folder (paths.ts defaultCacheDir). */
  cache?: string | false;
  /** Called as stages progress, for progress lines. */
  onProgress?: (progress: Progress) => void;
  /**
   * Ends the run early (Ctrl-C): between stages and while the output is staged, the run stops and
   * the output folder stays as it was (`interrupted`; the CLI exits 130); once the folder's swap has begun, it is
   * finished first, so the folder holds the old output or the new one, never a mix.
   */
  signal?: AbortSignal;
}

export interface Progress {
  stage: "discover" | "parse" | "model" | "emit" | "write";
  done: number;
  total: number;
}

export interface GenerateReport {
  /**
   * 0 success, 1 errors in the inputs or the output folder (or warnings under strict), 2 bad usage (refused paths,
   * see safety.ts; versions or agents named that the inputs lack), 3 check found the output stale.
   * A run `signal` ended early is 1, with `interrupted` set.
   */
  exitCode: 0 | 1 | 2 | 3;
  /** Set when `signal` ended the run before the output was written (the CLI exits 130). */
  interrupted?: true;
  versions: { version: string; agents: number; operations: number }[];
  files: number;
  /** True when files of the output folder were written or deleted (a folder already up to date is not touched). */
  written: boolean;
  /**
   * reused: nothing that shapes the output changed and --out still holds it (cache/run-memo.ts), so
   * nothing was parsed, built or written;
   * cached / parsed: input files whose parse result came from the cache / was computed.
   */
  cache: { reused: boolean; cached: number; parsed: number };
  /** With check: the files that differ. */
  stale: string[];
  diagnostics: Diagnostic[];
  seconds: number;
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const out = options.out ?? "output";
  const inputs = options.inputs?.length ? options.inputs : ["input"];
  const unusable = identityProblems(options.package ?? {});
  if (unusable.length) {
    const diagnostics = unusable.map((message): Diagnostic => ({ path: "package", line: 0, severity: "error", code: "options.package", message }));
    return { exitCode: 2, versions: [], files: 0, cache: { reused: false, cached: 0, parsed: 0 }, written: false, stale: [], diagnostics, seconds: (performance.now() - started) / 1000 };
  }

  const cacheDir = options.cache ?? DEFAULT_CACHE_DIR;
  const refused = usageProblems(inputs, out, cacheDir === false ? undefined : cacheDir);
  if (refused.length > 0) return { exitCode: 2, versions: [], files: 0, cache: { reused: false, cached: 0, parsed: 0 }, written: false, stale: [], diagnostics: refused, seconds: (performance.now() - started) / 1000 };
  // A run killed in the middle of its swap is finished before anything else.
  const repairProblems = options.check ? [] : await outputStep(out, () => repairOutput(out));

  const optionsShape: RunShape = { inputs, versions: options.versions, agents: options.agents, docs: options.docs ?? true, package: options.package };
  const failing = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === "error" || (options.strict === true && d.severity === "warning"));
  const finish = (report: Omit<GenerateReport, "exitCode" | "seconds">): GenerateReport => {
    report.diagnostics.sort(compareDiagnostics);
    const exitCode = report.diagnostics.some(isUsageError) ? 2 : failing(report.diagnostics) ? 1 : report.stale.length > 0 ? 3 : 0;
    return { ...report, exitCode, seconds: (performance.now() - started) / 1000 };
  };
  // Nothing written, no memo kept: the next run does what this one would have.
  const interrupted = (diagnostics: readonly Diagnostic[]): GenerateReport => ({
    ...finish({ versions: [], files: 0, cache: { reused: false, cached: 0, parsed: 0 }, written: false, stale: [], diagnostics: [...diagnostics, interruption(out)] }),
    interrupted: true,
  });

  progress({ stage: "discover", done: 0, total: 1 });
  // Stat before anything is read: a file changed meanwhile shows up as changed next run.
  const memo = cacheDir === false ? undefined : await readRunMemo(cacheDir, inputs);
  const stamping = cacheDir === false ? undefined : await stampInputs(inputs, memo?.inputs);
  const key = cacheDir === false ? "" : await runKey(optionsShape);
  const target = canonicalPath(out);
  const previousOut = memo?.out?.path === target ? memo.out : undefined;
  if (memo && stamping && memo.key === key && memo.contentKey === stamping.contentKey) {
    const current = previousOut?.current === true && (await matchesManifest(out, previousOut.manifest));
    // Nothing to write either way: a failing run writes nothing, a current folder is left untouched.
    if (current || (failing(memo.diagnostics) && !options.check)) {
      if (stamping.restamped > 0) await writeRunMemo(cacheDir as string, inputs, { ...memo, inputs: stamping.stamps });
      progress({ stage: "parse", done: memo.parsedInputs, total: memo.parsedInputs });
      return finish({ versions: memo.versions, files: memo.files, cache: { reused: true, cached: memo.parsedInputs, parsed: 0 }, written: false, stale: [], diagnostics: [...memo.diagnostics, ...repairProblems] });
    }
  }

  // A run with nothing cached parses every input: its parse workers boot while discovery reads them.
  if (cacheDir === false || memo === undefined) startParseWorkers();
  // Files unchanged since the discovery memo noted them are not read. Preselecting versions needs
  // every file's text, and leaves out files a note must not lose: such a run keeps no memo.
  const memory = cacheDir === false || stamping === undefined || options.versions ? undefined : await readDiscoveryMemo(cacheDir, inputs, stamping.stamps);
  // The folders were just listed for the stamps: the stamps describe exactly the files discovery reads.
  // The started workers idle until the parse: one of them reads a share of the inputs meanwhile.
  const examiner = examinerOnWorker();
  const discovery = memory ? await discoverInputs(inputs, memory, stamping?.listings, examiner) : await discoverInputs(inputs, undefined, undefined, examiner);
  const remembering = memory && { notes: discovery.notes, rediscover: () => discoverInputs(inputs, new Map()) };
  if (options.signal?.aborted) return interrupted(discovery.diagnostics);
  const preselected = preselect(discovery.files, options);
  // The inputs' text (75 MB for the corpus) is needed until parsed, not through the emit: produce empties
  // preselected.files once parsed, and this list of them goes now (a local here lives as long as the run).
  discovery.files.length = 0;
  const parsedInputs = preselected.files.length;
  const shape: RunShape = { ...optionsShape, skippedVersions: preselected.skippedVersions };
  const { produce } = await import("./pipeline.js");
  const run = await produce(preselected.files, shape, cacheDir, progress, remembering);
  if (options.signal?.aborted) return interrupted([...discovery.diagnostics, ...run.diagnostics]);

  const found = [...discovery.diagnostics, ...run.diagnostics];
  const diagnostics = [...found, ...repairProblems];
  let stale: string[] = [];
  let written = false;
  let files = 0;
  // The pieces the last write into this folder made, only when that write had this run's key (the
  // memo's key is its last run's: a --check or failed run under another key keeps no pieces).
  const keptPieces = memo?.key === key ? (previousOut?.pieces ?? []) : [];
  let outMemo = previousOut && { ...previousOut, current: false, pieces: keptPieces };
  const previousPieces = cacheDir === false ? undefined : new Map(keptPieces);
  let pieces: [string, string[]][] = [];
  // Emit's own diagnostics (name collisions, compile problems) join the run's as the output is made.
  const emit = async (sink: OutputSink): Promise<boolean> => {
    const emitted = await run.emit(options.signal ? interruptible(sink, options.signal) : sink, previousPieces);
    files = emitted.files;
    pieces = emitted.pieces;
    found.push(...emitted.diagnostics);
    diagnostics.push(...emitted.diagnostics);
    return !failing(diagnostics);
  };
  try {
    if (options.check) {
      const check = checkOutput(out);
      await emit(check);
      stale = await check.differing().catch((error: unknown) => {
        diagnostics.push(outputProblem(out, error));
        return [];
      });
    } else if (failing(diagnostics)) {
      // A failing run writes nothing; its emit still runs for its diagnostics.
      await emit({ put: async () => undefined });
    } else {
      try {
        // The manifest serves the run memo only.
        const result = await writeOutput(out, previousOut?.manifest ?? [], emit, { manifest: cacheDir !== false });
        if (result) {
          progress({ stage: "write", done: files, total: files });
          written = result.written + result.removed > 0;
          outMemo = { path: target, manifest: result.manifest, current: true, pieces };
        }
      } catch (error) {
        diagnostics.push(outputProblem(out, error));
        // Whatever the folder holds now, the next run reads it rather than trusting a manifest.
        outMemo = undefined;
      }
    }
  } catch (error) {
    // Emit stopped; a staged write removed its files (write/index.ts), so the folder is as it was.
    if (error instanceof RunInterrupted) return interrupted(found);
    throw error;
  }
  if (cacheDir !== false && stamping) {
    await writeRunMemo(cacheDir, inputs, { key, inputs: stamping.stamps, contentKey: stamping.contentKey, diagnostics: found, versions: run.versions, files, parsedInputs, out: outMemo });
  }
  return finish({ versions: run.versions, files, cache: run.cache, written, stale, diagnostics });
}

/** Thrown by an interruptible sink once the run's signal fired: emit stops, the staged files go. */
class RunInterrupted extends Error {}

/** `sink`, refusing further files once `signal` fired (so the write stops before its swap). */
function interruptible(sink: OutputSink, signal: AbortSignal): OutputSink {
  const guard = (): void => {
    if (signal.aborted) throw new RunInterrupted();
  };
  return {
    put: async (files) => (guard(), sink.put(files)),
    ...(sink.keep && { keep: async (files: readonly string[]) => (guard(), sink.keep!(files)) }),
  };
}

function interruption(out: string): Diagnostic {
  return { path: out, line: 0, severity: "error", code: "run.interrupted", message: "The run was interrupted before the output folder was updated; it is as it was." };
}

/** A step on the output folder; its failure (a plain sentence naming the path) as a diagnostic. */
async function outputStep(out: string, step: () => Promise<void>): Promise<Diagnostic[]> {
  try {
    await step();
    return [];
  } catch (error) {
    return [outputProblem(out, error)];
  }
}

function outputProblem(out: string, error: unknown): Diagnostic {
  if (!(error instanceof OutputFolderError)) throw error;
  return { path: out, line: 0, severity: "error", code: "output.unwritable", message: error.message };
}
