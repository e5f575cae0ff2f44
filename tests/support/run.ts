/** discover → parse → model in memory; no vitest import, so the global set-up can use it too. */
import { discoverInputs } from "../../generator/discover/index.js";
import { buildModels, type BuildResult } from "../../generator/model/build.js";
import { parseFiles, type PoolOptions } from "../../generator/parse/pool.js";
import type { Diagnostic } from "../../generator/diagnostics.js";

export interface InMemoryRun extends BuildResult {
  allDiagnostics: Diagnostic[];
}

/** What the global set-up left for the test processes: the corpus run as JSON and its output folder (no docs). */
export interface SharedCorpusRun {
  runFile: string;
  outDir: string;
}

// Type only: what corpus-run.ts provides and pipeline.ts injects.
declare module "vitest" {
  export interface ProvidedContext {
    corpusRun: SharedCorpusRun | null;
  }
}

export async function computeRun(inputs: readonly string[], options: PoolOptions = { threads: 1 }): Promise<InMemoryRun> {
  const discovery = await discoverInputs([...inputs]);
  const parsed = await parseFiles(discovery.files, options);
  const built = buildModels(parsed);
  return { ...built, allDiagnostics: [...discovery.diagnostics, ...parsed.flatMap((file) => file.diagnostics), ...built.diagnostics] };
}

