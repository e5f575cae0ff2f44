/**
 * parse → model → emit: what a run that has to build does. Loaded by index.ts only then (a dynamic
 * import), so a warm run does not pay for loading the parsers' and templates' libraries.
 */
import type { DiscoveredFile } from "./discover/index.js";
import type { CompileCache } from "./output-files.js";
import { emitCompiledOutput, nameCollisions } from "./emit/index.js";
import { buildModels } from "./model/build.js";
import { openCompileCache } from "./cache/compile-pack.js";
import type { RunResult, RunShape } from "./cache/run-memo.js";
import { fileKeys, openParseCache } from "./parse/cache.js";
import type { ParsedFile } from "./parse/index.js";
import { parseFiles } from "./parse/pool.js";
import { isUsageError, selectedDiagnostics, selectModels } from "./select.js";
import type { GenerateReport, Progress } from "./index.js";

/** parse → model → emit; with a cache, parse results come from the parse cache where the file did not change. */
export async function produce(files: readonly DiscoveredFile[], shape: RunShape, cacheDir: string | false, progress: (progress: Progress) => void): Promise<RunResult & { cache: GenerateReport["cache"] }> {
  const parseProgress = (done: number): void => progress({ stage: "parse", done, total: files.length });
  if (cacheDir === false) {
    const parsed = await parseFiles(files, { onProgress: parseProgress });
    return { ...modelAndEmit(parsed, shape, progress), cache: { reused: false, cached: 0, parsed: files.length } };
  }
  const keys = await fileKeys(files);
  const [cache, compileCache] = await Promise.all([openParseCache(cacheDir, shape.inputs), openCompileCache(cacheDir, shape.inputs)]);
  const parsed = keys.map((key) => cache.get(key));
  const missing = keys.flatMap((_, index) => (parsed[index] ? [] : [index]));
  const cached = files.length - missing.length;
  if (cached > 0) parseProgress(cached);
  const fresh = await parseFiles(
    missing.map((index) => files[index]),
    { onProgress: (done) => parseProgress(cached + done) },
  );
  fresh.forEach((result, position) => {
    parsed[missing[position]] = result;
    cache.set(keys[missing[position]], result);
  });
  const result = modelAndEmit(parsed as ParsedFile[], shape, progress, compileCache);
  await Promise.all([cache.save(), compileCache.save()]);
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
