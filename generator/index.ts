/**
 * The generator as a library: generate(options) → report.
 * discover → parse → model → emit → write, data flowing one way.
 */
import { identityProblems, type PackageIdentity } from "./config.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostics.js";
import { discoverInputs, type DiscoveredFile } from "./discover/index.js";
import type { CompileCache } from "./output-files.js";
import { emitCompiledOutput, nameCollisions } from "./emit/index.js";
import { compareOutput, OutputFolderError, repairOutput, writeOutput } from "./write/index.js";
import { buildModels } from "./model/build.js";
import { openCompileCache } from "./cache/compile-pack.js";
import { readRunMemo, runKey, writeRunMemo, type RunResult, type RunShape } from "./cache/run-memo.js";
import { DEFAULT_CACHE_DIR, fileKeys, openParseCache } from "./parse/cache.js";
import type { ParsedFile } from "./parse/index.js";
import { parseFiles } from "./parse/pool.js";
import { usageProblems } from "./safety.js";
import { isUsageError, preselect, selectedDiagnostics, selectModels } from "./select.js";

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
   */
  exitCode: 0 | 1 | 2 | 3;
  versions: { version: string; agents: number; operations: number }[];
  files: number;
  /** True when the output folder was replaced. */
  written: boolean;
  /**
   * reused: the output and diagnostics came from the run memo (nothing that shapes them changed);
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

  const refused = usageProblems(inputs, out);
  if (refused.length > 0) return { exitCode: 2, versions: [], files: 0, cache: { reused: false, cached: 0, parsed: 0 }, written: false, stale: [], diagnostics: refused, seconds: (performance.now() - started) / 1000 };
  // A run killed in the middle of its swap is finished before anything else.
  const repairProblems = options.check ? [] : await outputStep(out, () => repairOutput(out));

  progress({ stage: "discover", done: 0, total: 1 });
  const discovery = await discoverInputs(inputs);
  const preselected = preselect(discovery.files, options);
  // The inputs' text (75 MB for the corpus) is needed until parsed, not through the emit: produce empties
  // preselected.files once parsed, and this list of them goes now (a local here lives as long as the run).
  discovery.files.length = 0;
  const shape: RunShape = { inputs, versions: options.versions, agents: options.agents, docs: options.docs ?? true, package: options.package, skippedVersions: preselected.skippedVersions };
  const run = await produce(preselected.files, shape, options.cache ?? DEFAULT_CACHE_DIR, progress);

  const diagnostics = [...discovery.diagnostics, ...run.diagnostics, ...repairProblems];
  let failed = diagnostics.some((d) => d.severity === "error" || (options.strict === true && d.severity === "warning"));
  let stale: string[] = [];
  let written = false;
  if (options.check) {
    stale = await compareOutput(out, run.files);
  } else if (!failed) {
    progress({ stage: "write", done: 0, total: run.files.size });
    const writeProblems = await outputStep(out, () => writeOutput(out, run.files));
    diagnostics.push(...writeProblems);
    written = writeProblems.length === 0;
    failed = !written;
  }
  diagnostics.sort(compareDiagnostics);
  return {
    exitCode: diagnostics.some(isUsageError) ? 2 : failed ? 1 : stale.length > 0 ? 3 : 0,
    versions: run.versions,
    files: run.files.size,
    cache: run.cache,
    written,
    stale,
    diagnostics,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A step on the output folder; its failure (a plain sentence naming the path) as a diagnostic. */
async function outputStep(out: string, step: () => Promise<void>): Promise<Diagnostic[]> {
  try {
    await step();
    return [];
  } catch (error) {
    if (!(error instanceof OutputFolderError)) throw error;
    return [{ path: out, line: 0, severity: "error", code: "output.unwritable", message: error.message }];
  }
}

/**
 * parse → model → emit. With a cache: all three come from the run memo when nothing that shapes
 * the output changed; otherwise parse results come from the parse cache where the file did not change.
 * `files` is emptied once parsed, so the inputs' text can be collected before the emit.
 */
async function produce(files: DiscoveredFile[], shape: RunShape, cacheDir: string | false, progress: (progress: Progress) => void): Promise<RunResult & { cache: GenerateReport["cache"] }> {
  const total = files.length;
  const parseProgress = (done: number): void => progress({ stage: "parse", done, total });
  if (cacheDir === false) {
    const parsed = await parseFiles(files, { onProgress: parseProgress });
    files.length = 0;
    return { ...modelAndEmit(parsed, shape, progress), cache: { reused: false, cached: 0, parsed: total } };
  }
  const keys = await fileKeys(files);
  const memoKey = await runKey(keys, shape);
  const memo = await readRunMemo(cacheDir, shape.inputs, memoKey);
  if (memo) {
    parseProgress(files.length);
    return { ...memo, cache: { reused: true, cached: files.length, parsed: 0 } };
  }

  const [cache, compileCache] = await Promise.all([openParseCache(cacheDir, shape.inputs), openCompileCache(cacheDir, shape.inputs)]);
  const parsed = keys.map((key) => cache.get(key));
  const missing = keys.flatMap((_, index) => (parsed[index] ? [] : [index]));
  const cached = files.length - missing.length;
  if (cached > 0) parseProgress(cached);
  const fresh = await parseFiles(
    missing.map((index) => files[index]),
    { onProgress: (done) => parseProgress(cached + done) },
  );
  files.length = 0;
  fresh.forEach((result, position) => {
    parsed[missing[position]] = result;
    cache.set(keys[missing[position]], result);
  });
  const result = modelAndEmit(parsed as ParsedFile[], shape, progress, compileCache);
  await Promise.all([cache.save(), compileCache.save(), writeRunMemo(cacheDir, shape.inputs, memoKey, result)]);
  return { ...result, cache: { reused: false, cached, parsed: missing.length } };
}

function modelAndEmit(parsed: readonly ParsedFile[], shape: RunShape, progress: (progress: Progress) => void, compileCache?: CompileCache): RunResult {
  progress({ stage: "model", done: 0, total: 1 });
  // Selected after the build, so docs can still be inherited from unselected versions.
  const built = buildModels(parsed);
  const selected = selectModels(built.models, shape, shape.skippedVersions);
  // A command that names what the inputs lack is answered by that alone: the rest would be noise.
  const diagnostics = selected.diagnostics.some(isUsageError) ? selected.diagnostics : [...selectedDiagnostics(parsed, [...parsed.flatMap((file) => file.diagnostics), ...built.diagnostics], shape), ...selected.diagnostics];
  const models = selected.models;
  if (models.length === 0 && !diagnostics.some(isUsageError)) diagnostics.push({ path: shape.inputs.join(", "), line: 0, severity: "error", code: "input.no-wsdl", message: "No WSDL of a selected Services version was found in the inputs." });

  progress({ stage: "emit", done: 0, total: 1 });
  const output = emitCompiledOutput(models, { docs: shape.docs, package: shape.package }, compileCache);
  return {
    files: output.files,
    diagnostics: [...diagnostics, ...nameCollisions(models, output.files), ...output.diagnostics],
    versions: models.map((model) => ({ version: model.version, agents: model.agents.length, operations: model.agents.reduce((sum, agent) => sum + agent.operations.length, 0) })),
  };
}
