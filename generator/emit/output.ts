/** The whole output folder as one file map: model files, runtime, clients per version, docs. */
import { diffConsecutive } from "../model/diff.js";
import type { ServicesModel } from "../model/types.js";
import { emitDocs } from "./docs.js";
import { emitModelFiles, emitRuntime, emitVersion, type OutputFiles } from "./index.js";
import { emitPackage } from "./package.js";

export interface OutputOptions {
  docs: boolean;
}

/** Emits the selected versions (and agents); docs diff each version against the selected one before it. */
export function emitOutput(selected: readonly ServicesModel[], options: OutputOptions): OutputFiles {
  const files: OutputFiles = new Map();
  const add = (more: OutputFiles): void => {
    for (const [file, content] of more) files.set(file, content);
  };
  add(emitModelFiles(selected));
  add(emitRuntime());
  for (const model of selected) add(emitVersion(model));
  add(emitPackage(selected));
  if (options.docs) add(emitDocs(selected, diffConsecutive(selected)));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
