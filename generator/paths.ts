/**
 * Where the generator's own files are, decided here only: bin.js runs a bundle of the
 * generator whose `import.meta.url` is defined as this file's, so every path stays right.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: the repository, or the installed package. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const generatorDir = path.join(packageRoot, "generator");
export const templatesDir = path.join(packageRoot, "templates");
