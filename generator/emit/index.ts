/**
 * Emit, the stage's entry: models → the output folder's files (model files, runtime, TypeScript
 * clients per version from ts/, docs from docs/, package.json and the compiled modules from
 * package/), piece by piece so that the writer can put each on disk before the next is made.
 * Nothing is written here (write/ does); the same models give the same bytes.
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

/**
 * The output piece by piece (the model files, the runtime, each version's modules, the package files,
 * the docs), each escaped, in the order made: a caller that writes each piece before asking for the
 * next never holds the whole output. The same models give the same pieces.
 */
export function* emitPieces(selected: readonly ServicesModel[], options: OutputOptions): Generator<OutputFiles> {
  for (const model of selected) yield escaped(new Map([[`ir/${model.version}.json`, `${JSON.stringify(model, null, 2)}\n`]]));
  // The package's entries are chosen among the modules, so their paths are kept until it is made.
  const modules: string[] = [];
  for (const piece of [() => emitRuntime(), ...selected.map((model) => () => emitVersion(model))]) {
    const files = piece();
    modules.push(...files.keys());
    yield escaped(files);
  }
  yield escaped(emitPackage(selected, modules, options.package));
  if (options.docs) yield escaped(emitDocs(selected, diffConsecutive(selected)));
}

/** Emits the selected versions (and agents) as one file map, by path; docs diff each version against the selected one before it. */
export function emitOutput(selected: readonly ServicesModel[], options: OutputOptions): OutputFiles {
  return byPath(collect(emitPieces(selected, options)));
}

/** Each piece of emitPieces followed by its modules compiled under dist/ (compile.ts). */
export function* emitCompiledPieces(selected: readonly ServicesModel[], options: OutputOptions, cache?: CompileCache): Generator<{ files: OutputFiles; diagnostics: Diagnostic[] }> {
  for (const files of emitPieces(selected, options)) {
    const compiled = compileOutput(files, cache);
    // The compiled modules escaped too: the compiler may write an escape back as its character (a test catches it).
    yield { files: new Map([...files, ...escaped(compiled.files)]), diagnostics: compiled.diagnostics };
  }
}

/** What `generate` writes, as one file map (tests; the generator streams emitCompiledPieces). */
export function emitCompiledOutput(selected: readonly ServicesModel[], options: OutputOptions, cache?: CompileCache): { files: OutputFiles; diagnostics: Diagnostic[] } {
  const pieces = [...emitCompiledPieces(selected, options, cache)];
  return { files: byPath(collect(pieces.map((piece) => piece.files))), diagnostics: pieces.flatMap((piece) => piece.diagnostics) };
}

function collect(pieces: Iterable<OutputFiles>): OutputFiles {
  const files: OutputFiles = new Map();
  for (const piece of pieces) for (const [file, content] of piece) files.set(file, content);
  return files;
}

function byPath(files: OutputFiles): OutputFiles {
  return new Map([...files].sort(([a], [b]) => compareStrings(a, b)));
}

function escaped(files: OutputFiles): OutputFiles {
  for (const [file, content] of files) files.set(file, escapeControlCharacters(content));
  return files;
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
