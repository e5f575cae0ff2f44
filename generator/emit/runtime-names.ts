/**
 * The names the runtime exports (`templates/runtime/index.ts`), read from its source so a new
 * runtime export is a taken name the moment it exists: a generated module that imports both a
 * schema type and the runtime must never see one name twice.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { templatesDir } from "../paths.js";

const RUNTIME_ENTRY = path.join(templatesDir, "runtime", "index.ts");

/** `export { A, B as C } from …`, `export type { … }`, `export * from "./x.js"`, `export const|function|class|interface|type|enum X`, `export * as X`. */
const EXPORT_LIST = /\bexport\s+(?:type\s+)?\{([^}]*)\}/g;
const EXPORT_ALL = /\bexport\s+(?:type\s+)?\*\s+from\s+["'](\.[^"']+)["']/g;
const EXPORT_DECLARATION = /\bexport\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|var|function\*?|async\s+function|class|interface|type|enum|(?:type\s+)?\*\s+as)\s+([A-Za-z_$][\w$]*)/g;

let names: ReadonlySet<string> | undefined;

/** Every name `templates/runtime/index.ts` exports, through its re-exports; read once per process. */
export function runtimeExportNames(): ReadonlySet<string> {
  names ??= exportsOf(RUNTIME_ENTRY, new Set());
  return names;
}

function exportsOf(file: string, seen: Set<string>): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  for (const [, list] of source.matchAll(EXPORT_LIST)) {
    for (const item of list.split(",")) {
      const name = item.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()?.trim();
      if (name) found.add(name);
    }
  }
  for (const [, name] of source.matchAll(EXPORT_DECLARATION)) found.add(name);
  for (const [, specifier] of source.matchAll(EXPORT_ALL)) for (const name of exportsOf(path.resolve(path.dirname(file), specifier.replace(/\.js$/, ".ts")), seen)) found.add(name);
  return found;
}
