/**
 * The compile cache: each generated module's JavaScript and declarations (emit/package/compile.ts), keyed
 * by the module's path and text and by the compiler's own source and versions, so a run after an
 * edit compiles only the modules whose text changed. One pack per set of input roots (store.ts).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { CompileCache, CompiledModule } from "../output-files.js";
import { generatorDir, moduleExtension } from "../paths.js";
import { openPack, scopeName, sourceKey } from "./store.js";

/** Bump when the pack layout changes. */
const PACK_FORMAT = 3;
/** An edit recompiles a few dozen of the ~1,500 modules: small shards, so it reads and rewrites about as many. */
const SHARDS = 256;

export async function openCompileCache(dir: string, scope: readonly string[]): Promise<CompileCache & { save(options?: { keepUnused: boolean }): Promise<void> }> {
  const [pack, compiler] = await Promise.all([
    openPack<CompiledModule>(path.join(dir, `compile-${scopeName(scope)}.json`), PACK_FORMAT, (entry) => typeof entry.js === "string" && typeof entry.declarations === "string", SHARDS),
    compilerKey(),
  ]);
  const key = (file: string, source: string): string => createHash("sha256").update(`${compiler}\0${file}\0`).update(source).digest("base64url");
  return {
    get: (file, source) => pack.get(key(file, source)),
    set: (file, source, compiled) => pack.set(key(file, source), compiled),
    save: (options) => pack.save(options),
  };
}

let compilerSource: Promise<string> | undefined;

/** compile.ts and the version of oxc-transform it imports; once per process. */
function compilerKey(): Promise<string> {
  compilerSource ??= sourceKey(path.join(generatorDir, "emit", "package", `compile${moduleExtension}`), [], `compile pack ${PACK_FORMAT}`);
  return compilerSource;
}
