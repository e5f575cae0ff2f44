/**
 * Emit, the stage's entry: models → the whole output folder as one file map (model files, runtime,
 * TypeScript clients per version from ts/, docs from docs/, package.json and the compiled modules
 * from package/). Nothing is written here (write/ does); the same models give the same bytes.
 */
import type { Diagnostic } from "../diagnostics.js";
import { diffConsecutive } from "../model/diff.js";
import type { ServicesModel } from "../ir/types.js";
import type { CompileCache, OutputFiles } from "../output-files.js";
import { compileOutput } from "./package/compile.js";
import { emitDocs } from "./docs/index.js";
import { emitRuntime, emitVersion } from "./ts/index.js";
import { emitPackage } from "./package/package.js";
import type { PackageIdentity } from "../config.js";
import { compareStrings } from "../util/order.js";

export { nameCollisions } from "./collisions.js";

export interface OutputOptions {
  docs: boolean;
  /** The generated package's name, version, description, license (defaults: package/package.ts). */
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

/** The model of each version as `ir/<Version>.json` (CONTRACTS §3). */
function emitModelFiles(models: readonly ServicesModel[]): OutputFiles {
  const files: OutputFiles = new Map();
  for (const model of models) files.set(`ir/${model.version}.json`, `${JSON.stringify(model, null, 2)}\n`);
  return files;
}

/**
 * What `generate` writes: emitOutput plus the compiled modules under dist/ (compile.ts), which
 * tests that import the TypeScript sources do without.
 */
export function emitCompiledOutput(selected: readonly ServicesModel[], options: OutputOptions, cache?: CompileCache): { files: OutputFiles; diagnostics: Diagnostic[] } {
  const sources = emitOutput(selected, options);
  const compiled = compileOutput(sources, cache);
  // The compiled modules escaped too: the compilers may write an escape back as its character (a test catches it).
  return { files: byPath(new Map([...sources, ...escaped(compiled.files)])), diagnostics: compiled.diagnostics };
}

function sorted(files: OutputFiles): OutputFiles {
  return byPath(escaped(files));
}

function byPath(files: OutputFiles): OutputFiles {
  return new Map([...files].sort(([a], [b]) => compareStrings(a, b)));
}

function escaped(files: OutputFiles): OutputFiles {
  return new Map([...files].map(([file, content]) => [file, escapeControlCharacters(content)]));
}

/** Every control and bidi-override character but tab and newline. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Such characters from the inputs (`&#27;` in a doc, a NUL in a name) never reach a generated file:
 * identifiers are sanitised before, and what is left sits in string literals (where a `\uXXXX`
 * escape means the same), comments and docs (where it reads as text).
 */
function escapeControlCharacters(content: string): string {
  // Most files hold none: testing first spares building a copy of each.
  CONTROL_CHARACTERS.lastIndex = 0;
  if (!CONTROL_CHARACTERS.test(content)) return content;
  return content.replace(CONTROL_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
