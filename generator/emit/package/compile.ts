/**
 * The generated package's compiled form, so it works without a build step: every emitted
 * TypeScript module as JavaScript (esbuild) and as declarations (the TypeScript compiler's
 * isolated declaration emit) under `dist/`, in the same layout. Both run per file without a
 * type-check: the emitted sources are written to need none (explicit types on every export,
 * `isolatedDeclarations`), so compiling costs about one parse per file, not a program.
 * Deterministic: the same sources and compiler versions give the same bytes. With a cache
 * (cache/compile-pack.ts), only modules whose text changed are compiled again.
 */
import { createRequire } from "node:module";
import type * as Esbuild from "esbuild";
import type * as TypeScript from "typescript";
import type { Diagnostic } from "../../diagnostics.js";
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

/** JavaScript and declarations of every TypeScript module among `files`. */
export function compileOutput(files: ReadonlyMap<string, string>, cache?: CompileCache): CompiledOutput {
  const compiled: OutputFiles = new Map();
  const diagnostics: Diagnostic[] = [];
  let compile: ((file: string, source: string) => { module: CompiledModule; diagnostics: Diagnostic[] }) | undefined;
  for (const [file, source] of files) {
    if (!isCompiledSource(file)) continue;
    let module = cache?.get(file, source);
    if (!module) {
      // Loaded on first use: a run that finds every module cached never loads the compilers.
      compile ??= compiler();
      const result = compile(file, source);
      module = result.module;
      diagnostics.push(...result.diagnostics);
      // A module with problems is compiled again next time, so its diagnostics are reported again.
      if (result.diagnostics.length === 0) cache?.set(file, source, module);
    }
    compiled.set(compiledPath(file, "js"), module.js);
    compiled.set(compiledPath(file, "d.ts"), module.declarations);
  }
  return { files: compiled, diagnostics };
}

function compiler(): (file: string, source: string) => { module: CompiledModule; diagnostics: Diagnostic[] } {
  const require = createRequire(import.meta.url);
  const esbuild = require("esbuild") as typeof Esbuild;
  const ts = require("typescript") as typeof TypeScript;
  const options: TypeScript.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    declaration: true,
    isolatedDeclarations: true,
    newLine: ts.NewLineKind.LineFeed,
  };
  return (file, source) => {
    const diagnostics: Diagnostic[] = [];
    let js = "";
    try {
      js = esbuild.transformSync(source, { loader: "ts", format: "esm", target: "es2022", sourcefile: file, tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } } }).code;
    } catch (error) {
      diagnostics.push(compileError(file, 0, error instanceof Error ? error.message : String(error)));
    }
    const declarations = ts.transpileDeclaration(source, { fileName: file, compilerOptions: options, reportDiagnostics: true });
    for (const problem of declarations.diagnostics ?? []) {
      const line = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start).line + 1 : 0;
      diagnostics.push(compileError(file, line, ts.flattenDiagnosticMessageText(problem.messageText, " ")));
    }
    return { module: { js, declarations: declarations.outputText }, diagnostics };
  };
}

function compileError(file: string, line: number, message: string): Diagnostic {
  return { path: file, line, severity: "error", code: "emit.compile", message: `The generated module cannot be compiled on its own (a generator defect): ${message}` };
}
