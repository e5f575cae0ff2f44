/** The whole output folder as one file map: model files, runtime, clients per version, docs, the compiled package. */
import type { Diagnostic } from "../diagnostics.js";
import { diffConsecutive } from "../model/diff.js";
import type { ServicesModel } from "../model/types.js";
import { compileOutput, type CompileCache } from "./package/compile.js";
import { emitDocs } from "./docs/index.js";
import { emitModelFiles, emitRuntime, emitVersion, type OutputFiles } from "./ts/index.js";
import { emitPackage, type PackageIdentity } from "./package/package.js";

export interface OutputOptions {
  docs: boolean;
  /** The generated package's name, version, description, license (defaults: package.ts). */
  package?: Partial<PackageIdentity>;
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
  add(emitPackage(selected, files.keys(), options.package));
  if (options.docs) add(emitDocs(selected, diffConsecutive(selected)));
  return sorted(files);
}

/**
 * What `generate` writes: emitOutput plus the compiled modules under dist/ (compile.ts), which
 * tests that import the TypeScript sources do without.
 */
export function emitCompiledOutput(selected: readonly ServicesModel[], options: OutputOptions, cache?: CompileCache): { files: OutputFiles; diagnostics: Diagnostic[] } {
  const sources = emitOutput(selected, options);
  const compiled = compileOutput(sources, cache);
  return { files: sorted(new Map([...sources, ...compiled.files])), diagnostics: compiled.diagnostics };
}

/** Sorted by path, with control characters escaped (again for the compiled modules: the compilers may write an escape back as its character, a test catches it). */
function sorted(files: OutputFiles): OutputFiles {
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, content]) => [file, escapeControlCharacters(content)]));
}

/** Every control and bidi-override character but tab and newline. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Such characters from the inputs (`&#27;` in a doc, a NUL in a name) never reach a generated file:
 * identifiers are sanitised before, and what is left sits in string literals (where a `\uXXXX`
 * escape means the same), comments and docs (where it reads as text).
 */
function escapeControlCharacters(content: string): string {
  return content.replace(CONTROL_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
