/**
 * Where the generator's own files are, decided here only. The generator runs in two forms: as
 * TypeScript sources in this repository (generator/*.ts, through tsx or the dev launcher's bundle,
 * whose `import.meta.url` is defined as this file's) and compiled into dist/generator/ (the
 * published package, tsconfig.build.json): one or two folders below the package root.
 */
import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const thisFile = fileURLToPath(import.meta.url);

/** The folder of the running generator modules: generator/ (sources) or dist/generator/ (compiled). */
export const generatorDir = path.dirname(thisFile);
/** ".ts" when running from the sources, ".js" when compiled: the extension of the generator's own modules. */
export const moduleExtension = path.extname(thisFile);
/** The package root: the repository, or the installed package. */
export const packageRoot = path.resolve(generatorDir, moduleExtension === ".js" ? "../.." : "..");
export const templatesDir = path.join(packageRoot, "templates");

/**
 * The parse cache and run memo, never under the working directory: the generator package's own
 * `node_modules/.cache/superoffice-codegen` when the package has a writable node_modules folder (a
 * checkout, most installs), else the OS cache folder (`$XDG_CACHE_HOME/superoffice-codegen`, else
 * `~/.cache/superoffice-codegen`). `--cache DIR` overrides it.
 */
export function defaultCacheDir(): string {
  const own = path.join(packageRoot, "node_modules");
  try {
    accessSync(own, constants.W_OK);
    return path.join(own, ".cache", "superoffice-codegen");
  } catch {
    const xdg = process.env.XDG_CACHE_HOME;
    return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), ".cache"), "superoffice-codegen");
  }
}

/**
 * The Cache Directory Tagging Specification's file (https://bford.info/cachedir/), written in every
 * cache folder (cache/store.ts): backup and archive tools leave such a folder out, and so does input
 * discovery (discover/walk.ts), so a cache folder inside an input is never read as input files.
 */
export const CACHE_TAG = "CACHEDIR.TAG";

/** How to start one of the generator's worker threads. */
export interface WorkerStart {
  file: string;
  workerData?: { module: string };
  /** False when the worker must first load tsx and compile its modules (~4 s of a loaded 2-core machine). */
  bootsCheaply: boolean;
}

/**
 * A worker thread of the generator (`module`: "parse/worker"): compiled, from its
 * module as is; from the sources, from the bundle generator/bin.js built of it (`bundle`, named by
 * bin.js in an environment variable), else through worker-entry.js, which registers tsx in it first.
 */
export function workerStart(module: string, bundle: string | undefined): WorkerStart {
  if (bundle !== undefined) return { file: bundle, bootsCheaply: true };
  if (moduleExtension === ".js") return { file: path.join(generatorDir, `${module}.js`), bootsCheaply: true };
  return { file: path.join(generatorDir, "worker-entry.js"), workerData: { module: pathToFileURL(path.join(generatorDir, `${module}.ts`)).href }, bootsCheaply: false };
}
