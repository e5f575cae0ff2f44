/**
 * The generated package's compiled form, so it works without a build step: every emitted
 * TypeScript module as JavaScript and as declarations under `dist/`, in the same layout, both
 * from one oxc-transform pass per file (native: about a fortieth of esbuild plus the TypeScript
 * compiler's declaration emit on the corpus output). No type-check is needed: the emitted sources
 * are written for isolated declarations (explicit types on every export), so compiling costs
 * about one parse per file, not a program.
 * Deterministic: the same sources and compiler versions give the same bytes. With a cache
 * (cache/compile-pack.ts), only modules whose text changed are compiled again.
 */
import { createRequire } from "node:module";
import type * as Oxc from "oxc-transform";
import type { Diagnostic } from "../../diagnostics.js";
import { LineIndex } from "../../util/text.js";
import type { CompileCache, CompiledModule, OutputFiles } from "../../output-files.js";

/** Where the compiled modules go inside the output (the package's `exports` point there). */
export const COMPILED_DIR = "dist";

export interface CompiledOutput {
  files: OutputFiles;
  /** Problems compiling a module: a defect of the generator, reported against the emitted file. */
  diagnostics: Diagnostic[];
}

/** The compiled path of an emitted module: `services88/index.ts` → `dist/services88/index.js` (or `.d.ts`). */
export function compiledPath(source: string, kind: "js" | "d.ts"): string {
  return `${COMPILED_DIR}/${source.replace(/\.ts$/, `.${kind}`)}`;
}

function isCompiledSource(file: string): boolean {
  return file.endsWith(".ts") && !file.endsWith(".d.ts");
}

/**
 * JavaScript and declarations of every TypeScript module among `files`. The compiler runs off this
 * thread (oxc's native thread pool), so a caller can make the next piece of output meanwhile.
 */
export async function compileOutput(files: ReadonlyMap<string, string>, cache?: CompileCache): Promise<CompiledOutput> {
  const compiled: OutputFiles = new Map();
  const diagnostics: Diagnostic[] = [];
  const modules = await Promise.all(
    [...files].filter(([file]) => isCompiledSource(file)).map(async ([file, source]): Promise<[string, CompiledModule]> => {
      const cached = cache?.get(file, source);
      if (cached) return [file, cached];
      // Loaded on first use: a run that finds every module cached never loads the compiler.
      const result = await (compile ??= compiler())(file, source);
      diagnostics.push(...result.diagnostics);
      // A module with problems is compiled again next time, so its diagnostics are reported again.
      if (result.diagnostics.length === 0) cache?.set(file, source, result.module);
      return [file, result.module];
    }),
  );
  for (const [file, module] of modules) {
    compiled.set(compiledPath(file, "js"), module.js);
    compiled.set(compiledPath(file, "d.ts"), module.declarations);
  }
  return { files: compiled, diagnostics };
}

let compile: ((file: string, source: string) => Promise<{ module: CompiledModule; diagnostics: Diagnostic[] }>) | undefined;

function compiler(): (file: string, source: string) => Promise<{ module: CompiledModule; diagnostics: Diagnostic[] }> {
  const { transform } = createRequire(import.meta.url)("oxc-transform") as typeof Oxc;
  return async (file, source) => {
    // Class fields keep their define semantics (useDefineForClassFields), as tsc's ES2022 output does.
    const result = await transform(file, source, { lang: "ts", sourceType: "module", target: "es2022", typescript: { declaration: {} } });
    const lines = result.errors.length > 0 ? new LineIndex(source) : undefined;
    const diagnostics = result.errors.map((problem) => compileError(file, problem.labels[0] && lines ? lines.lineAt(problem.labels[0].start) : 0, problem.message));
    return { module: { js: alignDocComments(result.code), declarations: alignDocComments(result.declaration ?? "") }, diagnostics };
  };
}

/** oxc prints a block comment's inner lines flush with the code (`* text`); put back the space before each `*`. */
function alignDocComments(code: string): string {
  return code.replace(/\/\*\*[^]*?\*\//g, (comment) => comment.replace(/\n(\t*)\*/g, "\n$1 *"));
}

function compileError(file: string, line: number, message: string): Diagnostic {
  return { path: file, line, severity: "error", code: "emit.compile", message: `The generated module cannot be compiled on its own (a generator defect): ${message}` };
}
