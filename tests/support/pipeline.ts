/** Runs discover → parse → model in memory, once per input set and test process. */
import { discoverInputs } from "../../generator/discover/index.js";
import { buildModels, type BuildResult } from "../../generator/model/build.js";
import { parseFile } from "../../generator/parse/index.js";
import type { Diagnostic } from "../../generator/diagnostics.js";

export interface InMemoryRun extends BuildResult {
  allDiagnostics: Diagnostic[];
}

const runs = new Map<string, Promise<InMemoryRun>>();

export function buildFrom(inputs: string[]): Promise<InMemoryRun> {
  const key = inputs.join("\n");
  let run = runs.get(key);
  if (!run) {
    run = (async () => {
      const discovery = await discoverInputs(inputs);
      const parsed = discovery.files.map(parseFile);
      const built = buildModels(parsed);
      return { ...built, allDiagnostics: [...discovery.diagnostics, ...parsed.flatMap((file) => file.diagnostics), ...built.diagnostics] };
    })();
    runs.set(key, run);
  }
  return run;
}
