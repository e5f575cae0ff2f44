/**
 * Where the generator's own files are, decided here only. The generator runs in two forms: as
 * TypeScript sources in this repository (generator/*.ts, through tsx or the dev launcher's bundle,
 * whose `import.meta.url` is defined as this file's) and compiled into dist/ (the published
 * package, tsconfig.build.json). Both sit one folder below the package root.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const thisFile = fileURLToPath(import.meta.url);

/** The folder of the running generator modules: generator/ (sources) or dist/ (compiled). */
export const generatorDir = path.dirname(thisFile);
/** ".ts" when running from the sources, ".js" when compiled: the extension of the generator's own modules. */
export const moduleExtension = path.extname(thisFile);
/** The package root: the repository, or the installed package. */
export const packageRoot = path.resolve(generatorDir, "..");
export const templatesDir = path.join(packageRoot, "templates");
