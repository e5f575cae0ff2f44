/**
 * parse → model → emit: what a run that has to build does. Loaded by index.ts only then (a dynamic
 * import), so a warm run does not pay for loading the parsers' and templates' libraries.
 */
import type { Diagnostic } from "./diagnostics.js";
import type { Discovery, FileNote, FoundFile, ReadFile } from "./discover/index.js";
import type { ServicesModel } from "./ir/types.js";
import type { CompileCache, OutputFiles } from "./output-files.js";
import { nameCollisions, outputPieces, packagePiece, withCompiled } from "./emit/index.js";
import { buildModels } from "./model/build.js";
import type { ModelMemo } from "./model/memo.js";
import { openModelMemo } from "./cache/model-memo.js";
import { openCompileCache } from "./cache/compile-pack.js";
import { writeDiscoveryMemo } from "./cache/discovery-memo.js";
import type { RunResult, RunShape } from "./cache/run-memo.js";
import { fileKeys, openParseCache } from "./parse/cache.js";
import type { ParsedFile } from "./parse/index.js";
import { parseFiles } from "./parse/pool.js";
import { isUsageError, selectedDiagnostics, selectModels } from "./select.js";
import { userPaths } from "./model/shown-paths.js";
import type { GenerateReport, Progress } from "./index.js";
import { compareStrings } from "./util/order.js";
import { releaseGarbage } from "./util/heap.js";

/** Discovery's notes on the listed files, to keep in the discovery memo; `rediscover` reads every input again. */
export interface Remembering {
  notes: ReadonlyMap<string, FileNote>;
  rediscover: () => Promise<Discovery>;
}

/**
 * parse → model, and the emit to run after it (`files` is emptied once parsed); with a cache, parse
 * results come from the parse cache where the file did not change. Each stage is its own call, so
 * the parse results (and the parse pack) are garbage once the models are built, before emit
 * allocates the output, which it hands on piece by piece.
 * @param files discovered files; remembered ones (not read) only with a cache and `remembering`
 */
export async function produce(files: FoundFile[], shape: RunShape, cacheDir: string | false, progress: (progress: Progress) => void, remembering?: Remembering): Promise<RunResult & { cache: GenerateReport["cache"] }> {
  const total = files.length;
  const parseProgress = (done: number): void => progress({ stage: "parse", done, total });
  if (cacheDir === false) {
    const parsed = await parseFiles(files.filter(isRead), { onProgress: parseProgress });
    // `files` is emptied once parsed, so the inputs' text can be collected before the emit.
    files.length = 0;
    const built = modelStage(parsed, shape, progress);
    return { ...emitStage(built, shape, progress), cache: { reused: false, cached: 0, parsed: total } };
  }
  const parsing = await parseThroughCache(files, cacheDir, shape.inputs, parseProgress, remembering);
  files.length = 0;
  const counts = { reused: false, cached: parsing.cached, parsed: total - parsing.cached };
  const modelMemo = await openModelMemo(cacheDir, shape.inputs);
  const built = modelStage(parsing.take(), shape, progress, { keys: parsing.keys, store: modelMemo });
  await modelMemo.save();
  const compileCache = await openCompileCache(cacheDir, shape.inputs);
  const run = emitStage(built, shape, progress, compileCache);
  return {
    ...run,
    cache: counts,
    async emit(sink, previous) {
      const emitted = await run.emit(sink, previous);
      // A kept piece compiled nothing, yet its modules' entries serve the next run into another --out.
      await compileCache.save({ keepUnused: emitted.kept > 0 });
      return emitted;
    },
  };
}

/**
 * Parse results from the pack where the file did not change, the rest parsed and the pack saved; `take` hands them over once.
 * A remembered file whose result the pack lacks (the pack was lost) has every input read again.
 */
async function parseThroughCache(found: readonly FoundFile[], cacheDir: string, scope: readonly string[], parseProgress: (done: number) => void, remembering?: Remembering): Promise<{ cached: number; keys: readonly string[]; take: () => ParsedFile[] }> {
  const cache = await openParseCache(cacheDir, scope);
  let files = found;
  let notes = remembering?.notes;
  if (remembering && files.some((file) => !isRead(file) && cache.get(file.parseKey) === undefined)) {
    const again = await remembering.rediscover();
    files = again.files;
    notes = again.notes;
  }
  const read = files.filter(isRead);
  const readKeys = await fileKeys(read);
  let position = 0;
  const keys = files.map((file) => (isRead(file) ? readKeys[position++] : file.parseKey));
  let parsed: (ParsedFile | undefined)[] = keys.map((key) => cache.get(key));
  const missing = keys.flatMap((_, index) => (parsed[index] ? [] : [index]));
  const cached = files.length - missing.length;
  if (cached > 0) parseProgress(cached);
  const fresh = await parseFiles(
    missing.map((index) => files[index] as ReadFile),
    { onProgress: (done) => parseProgress(cached + done) },
  );
  fresh.forEach((result, position) => {
    parsed[missing[position]] = result;
    cache.set(keys[missing[position]], result);
  });
  await cache.save();
  if (notes) await writeDiscoveryMemo(cacheDir, scope, notes, files, keys);
  return {
    cached,
    keys,
    take() {
      const all = parsed as ParsedFile[];
      parsed = [];
      return all;
    },
  };
}

/** A file discovery read (not remembered): its text is there. */
function isRead(file: FoundFile): file is ReadFile {
  return file.text !== undefined;
}

interface Built {
  models: ServicesModel[];
  diagnostics: Diagnostic[];
  /** Names the model's provenance paths in later diagnostics as the user gave the files. */
  shown: (diagnostics: readonly Diagnostic[]) => Diagnostic[];
}

/** @param memo the parse key of each parsed file and the model memo (cache/model-memo.ts) */
function modelStage(parsed: readonly ParsedFile[], shape: RunShape, progress: (progress: Progress) => void, memo?: ModelMemo): Built {
  progress({ stage: "model", done: 0, total: 1 });
  // The inputs' text is garbage now; the parse results are, once the models are built.
  releaseGarbage();
  // Selected after the build, so docs can still be inherited from unselected versions.
  const built = buildModels(parsed, memo);
  const selected = selectModels(built.models, shape, shape.skippedVersions);
  // A command that names what the inputs lack is answered by that alone: the rest would be noise.
  const diagnostics = selected.diagnostics.some(isUsageError) ? selected.diagnostics : [...selectedDiagnostics(parsed, [...parsed.flatMap((file) => file.diagnostics), ...built.diagnostics], shape), ...selected.diagnostics];
  const models = selected.models;
  if (models.length === 0 && !diagnostics.some(isUsageError)) diagnostics.push({ path: shape.inputs.join(", "), line: 0, severity: "error", code: "input.no-wsdl", message: "No WSDL of a selected Services version was found in the inputs." });
  return { models, diagnostics, shown: userPaths(parsed) };
}

function emitStage({ models, diagnostics, shown }: Built, shape: RunShape, progress: (progress: Progress) => void, compileCache?: CompileCache): RunResult {
  return {
    diagnostics,
    versions: models.map((model) => ({ version: model.version, agents: model.agents.length, operations: model.agents.reduce((sum, agent) => sum + agent.operations.length, 0) })),
    async emit(sink, previous) {
      progress({ stage: "emit", done: 0, total: 1 });
      releaseGarbage();
      const options = { docs: shape.docs, package: shape.package };
      const paths: string[] = [];
      const problems: Diagnostic[] = [];
      const pieces: [string, string[]][] = [];
      let handing = Promise.resolve();
      let kept = 0;
      // A made piece compiles off the thread while the next is made here; at most two are held.
      const handOn = async (key: string | undefined, files: OutputFiles): Promise<void> => {
        const compiling = withCompiled(files, compileCache);
        // Until awaited below, neither failure may count as unhandled.
        compiling.catch(() => undefined);
        await handing;
        handing = compiling.then(async (made) => {
          paths.push(...made.files.keys());
          problems.push(...made.diagnostics);
          if (key !== undefined && made.diagnostics.length === 0) pieces.push([key, [...made.files.keys()]]);
          await sink.put(made.files);
        });
        handing.catch(() => undefined);
        releaseGarbage();
      };
      try {
        for (const piece of outputPieces(models, options)) {
          // Keys cost a digest of the slice: computed only where the run memo offers pieces.
          const key = previous ? piece.key?.() : undefined;
          const known = key === undefined ? undefined : previous?.get(key);
          if (key !== undefined && known && (await sink.keep?.(known))) {
            paths.push(...known);
            pieces.push([key, [...known]]);
            kept++;
            continue;
          }
          await handOn(key, piece.make());
        }
      } finally {
        // Nothing is handed on after emit returns or throws (the writer removes its staging folder then).
        await handing.catch(() => undefined);
      }
      await handing;
      const packageFiles = packagePiece(models, paths, options);
      paths.push(...packageFiles.keys());
      await sink.put(packageFiles);
      // A path two pieces both made is one file (the later piece's), as in one map.
      const unique = [...new Set(paths)].sort(compareStrings);
      const collisions = shown(nameCollisions(models, unique));
      // Two names that meet make modules that do not compile: the collision says why, a compile error would only blame the generator.
      const compiled = collisions.length > 0 ? problems.filter((problem) => problem.code !== "emit.compile") : problems;
      return { files: unique.length, diagnostics: [...collisions, ...compiled], pieces, kept };
    },
  };
}
