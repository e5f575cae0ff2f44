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

/** Where emit hands the output: the writer, or --check. */
export interface OutputSink {
  put: PutFiles;
  /**
   * Takes `files` as the previous write into the folder left them, unread: true when each is still
   * so (the writer's manifest says it, the file's stat agrees), else false and nothing is taken.
   */
  keep?(files: readonly string[]): Promise<boolean>;
}

/** Pieces of the output by their key (emit/index.ts OutputPiece.key) → the files the piece made, as the last write left them. */
export type PieceFiles = ReadonlyMap<string, readonly string[]>;
