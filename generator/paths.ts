/**
 * Where the generator's own files are, decided here only: bin.js runs a bundle of the
 * generator whose `import.meta.url` is defined as this file's, so every path stays right.
 */
import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: the repository, or the installed package. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const generatorDir = path.join(packageRoot, "generator");
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
