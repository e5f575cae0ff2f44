/**
 * The generator as a library: generate(options) → report.
 * discover → parse → model → emit → write, data flowing one way.
 */
import { compareDiagnostics, type Diagnostic } from "./diagnostics.js";
import { discoverInputs, type DiscoveredFile } from "./discover/index.js";
import { emitOutput } from "./emit/output.js";
import { compareOutput, writeOutput } from "./emit/write.js";
import { buildModels } from "./model/build.js";
import type { ServicesModel } from "./model/types.js";
import { DEFAULT_CACHE_DIR, openParseCache } from "./parse/cache.js";
import type { ParsedFile } from "./parse/index.js";
import { parseFiles } from "./parse/pool.js";

export type { Diagnostic } from "./diagnostics.js";
export type { ServicesModel } from "./model/types.js";

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
  /** Parse cache folder, or false to neither read nor write it; default node_modules/.cache/superoffice-codegen. */
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
  /** 0 success, 1 errors in the inputs (or warnings under strict), 3 check found the output stale. */
  exitCode: 0 | 1 | 3;
  versions: { version: string; agents: number; operations: number }[];
  files: number;
  /** True when the output folder was replaced. */
  written: boolean;
  /** Parse results taken from the cache and parsed afresh. */
  parse: { cached: number; parsed: number };
  /** With check: the files that differ. */
  stale: string[];
  diagnostics: Diagnostic[];
  seconds: number;
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const out = options.out ?? "output";

  progress({ stage: "discover", done: 0, total: 1 });
  const inputs = options.inputs?.length ? options.inputs : ["input"];
  const discovery = await discoverInputs(inputs);

  const { parsed, cached } = await parseAll(discovery.files, options.cache ?? DEFAULT_CACHE_DIR, inputs, (done) => progress({ stage: "parse", done, total: discovery.files.length }));

  progress({ stage: "model", done: 0, total: 1 });
  const built = buildModels(parsed);
  const models = selectModels(built.models, options);

  const diagnostics = [...discovery.diagnostics, ...parsed.flatMap((file) => file.diagnostics), ...built.diagnostics].sort(compareDiagnostics);
  if (models.length === 0) diagnostics.push({ path: inputs.join(", "), line: 0, severity: "error", code: "input.no-wsdl", message: "No WSDL of a selected Services version was found in the inputs." });

  progress({ stage: "emit", done: 0, total: 1 });
  const files = emitOutput(models, { docs: options.docs ?? true });

  const failed = diagnostics.some((d) => d.severity === "error" || (options.strict === true && d.severity === "warning"));
  let stale: string[] = [];
  let written = false;
  if (options.check) {
    stale = await compareOutput(out, files);
  } else if (!failed) {
    progress({ stage: "write", done: 0, total: files.size });
    await writeOutput(out, files);
    written = true;
  }
  return {
    exitCode: failed ? 1 : stale.length > 0 ? 3 : 0,
    versions: models.map((model) => ({ version: model.version, agents: model.agents.length, operations: model.agents.reduce((sum, agent) => sum + agent.operations.length, 0) })),
    files: files.size,
    parse: { cached, parsed: parsed.length - cached },
    written,
    stale,
    diagnostics,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Cache hits first; the misses go to the worker pool, and their results into the cache. */
async function parseAll(files: readonly DiscoveredFile[], cacheDir: string | false, inputs: readonly string[], onProgress: (done: number) => void): Promise<{ parsed: ParsedFile[]; cached: number }> {
  const cache = cacheDir === false ? null : await openParseCache(cacheDir, inputs);
  const parsed = files.map((file) => cache?.get(file));
  const missing = files.flatMap((_, index) => (parsed[index] ? [] : [index]));
  const cached = files.length - missing.length;
  if (cached > 0) onProgress(cached);
  const fresh = await parseFiles(
    missing.map((index) => files[index]),
    { onProgress: (done) => onProgress(cached + done) },
  );
  fresh.forEach((result, position) => {
    parsed[missing[position]] = result;
    cache?.set(files[missing[position]], result);
  });
  await cache?.save();
  return { parsed: parsed as ParsedFile[], cached };
}

/** Applies --versions and --agents after the build, so docs can still be inherited from unselected versions. */
function selectModels(models: ServicesModel[], options: GenerateOptions): ServicesModel[] {
  const versions = options.versions?.map((version) => version.toLowerCase().replace(/^services/, ""));
  const agents = options.agents?.map((agent) => agent.toLowerCase());
  return models
    .filter((model) => !versions || versions.includes(model.version.toLowerCase().replace(/^services/, "")))
    .map((model) => (agents ? { ...model, agents: model.agents.filter((agent) => agents.includes(agent.name.toLowerCase())) } : model));
}
