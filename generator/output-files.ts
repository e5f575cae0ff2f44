/**
 * The output as data, shared by the stages and the cache so none of them imports another:
 * emit produces it, write puts it on disk, the run memo and the compile pack store it.
 */

/** Every output file: its path inside the output folder → its content. */
export type OutputFiles = Map<string, string>;

/** A file as written: path inside the output folder, size, mtime (ms) and sha256 of its content (write/index.ts). */
export type OutputStamp = [file: string, size: number, mtimeMs: number, hash: string];

/** One emitted module compiled (emit/package/compile.ts). */
export interface CompiledModule {
  js: string;
  declarations: string;
}

/** Compiled modules by their path and source text (cache/compile-pack.ts keeps them between runs). */
export interface CompileCache {
  get(file: string, source: string): CompiledModule | undefined;
  set(file: string, source: string, compiled: CompiledModule): void;
}

/** Hands one piece of the output on (to the writer, or to --check); resolves once ready for the next. */
export type PutFiles = (files: OutputFiles) => Promise<void>;
