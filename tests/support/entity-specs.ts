/**
 * The entity OpenAPI files of a folder tree, found by content the way a test can check
 * independently of the generator (JSON with an `openapi` key and paths under /api/v1/ but not
 * /api/v1/Agents/), parsed with JSON.parse. Every entity test iterates over these, so a file
 * added to the corpus is checked without touching a test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Json = { [key: string]: unknown };

export interface SpecOperation {
  method: string;
  path: string;
  operationId: string;
  operation: Json;
}

export interface EntitySpec {
  file: string;
  document: Json;
  operations: SpecOperation[];
}

const METHODS = ["get", "post", "put", "patch", "delete"];

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const cache = new Map<string, EntitySpec[]>();

export function entitySpecs(root: string): EntitySpec[] {
  let specs = cache.get(root);
  if (specs) return specs;
  specs = [];
  for (const file of jsonFiles(root)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes('"openapi"') || text.includes('"/api/v1/Agents/')) continue;
    const document = JSON.parse(text) as Json;
    const paths = (document.paths ?? {}) as Record<string, Json>;
    if (!Object.keys(paths).some((key) => key.startsWith("/api/v1/"))) continue;
    const operations: SpecOperation[] = [];
    for (const [urlPath, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const operation = item[method] as Json | undefined;
        if (operation) operations.push({ method: method.toUpperCase(), path: urlPath, operationId: String(operation.operationId ?? ""), operation });
      }
    }
    specs.push({ file, document, operations });
  }
  cache.set(root, specs);
  return specs;
}

/** A `$ref` followed inside its document. */
export function deref(document: Json, value: unknown): Json {
  let node = value as Json | undefined;
  for (let depth = 0; node && typeof node.$ref === "string" && depth < 20; depth++) {
    node = (node.$ref as string).slice(2).split("/").reduce<unknown>((at, key) => (at as Json | undefined)?.[key], document) as Json | undefined;
  }
  return node ?? {};
}

export function parametersOf(spec: EntitySpec, operation: SpecOperation, where: "path" | "query"): Json[] {
  return ((operation.operation.parameters ?? []) as unknown[]).map((parameter) => deref(spec.document, parameter)).filter((parameter) => parameter.in === where);
}
