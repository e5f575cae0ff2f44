/**
 * The official OpenAPI 3 file of one REST agent: operation summaries and
 * descriptions, query parameters, request body property order, and the field
 * docs of every carrier. The files are large (up to 2 MB), so the text is
 * parsed once and its lines indexed once.
 */
import { basename } from "node:path";
import { agentPathOf, quoted } from "./names.js";
import type { DiagnosticSink } from "../diagnostics.js";
import type { OpenApiOperation, OpenApiSchemaDoc, ParsedOpenApi, ParseResult } from "./types.js";
import { cleanProse } from "./pages/prose.js";
import { ownKeysOnly } from "../util/records.js";
import { runParser } from "./pages/source.js";
import { KeyLines } from "./openapi-lines.js";
import { LineIndex } from "../util/text.js";
import { messageOf } from "../util/errors.js";

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): JsonObject {
  const child = isObject(value) ? value[key] : undefined;
  return isObject(child) ? child : {};
}

export function stringAt(value: unknown, key: string): string {
  const child = isObject(value) ? value[key] : undefined;
  return typeof child === "string" ? child : "";
}

export const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Request wrappers (`SuperOffice.WebApi.v1.Carriers.UserCarriers.SetPasswordRequest`) document no carrier. */
const REQUEST_WRAPPER = /^SuperOffice\.WebApi\.v1\.Carriers\..*Request$/;

export function parseOpenApi(text: string, path: string): ParseResult<ParsedOpenApi> {
  return runParser(path, (sink) => readOpenApi(text, path, sink));
}

/** The parsed document when it is JSON with a paths object; else null, reported. */
export function openApiDocument(text: string, sink: DiagnosticSink): (JsonObject & { paths: JsonObject }) | null {
  const document = parseJson(text, sink);
  if (document === null) return null;
  if (!isObject(document) || !isObject(document.paths)) {
    sink.error(0, "openapi.no-paths", "The file is JSON but not an OpenAPI document: it has no paths object.");
    return null;
  }
  return document as JsonObject & { paths: JsonObject };
}

function readOpenApi(text: string, path: string, sink: DiagnosticSink): ParsedOpenApi | null {
  const document = openApiDocument(text, sink);
  if (document === null) return null;
  const keys = new KeyLines(text);
  const resolver = new RefResolver(document, (ref) => keys.lineAt(Math.max(text.indexOf(JSON.stringify(ref)), 0)), sink);
  const operations: OpenApiOperation[] = [];
  const agents = new Set<string>();
  for (const [urlPath, pathItem] of Object.entries(document.paths)) {
    const line = keys.pathKey(urlPath);
    // Only a plain agent path can become the client's URL (no "..", query, fragment, host or escapes).
    const agent = agentPathOf(urlPath)?.agent;
    if (!agent) {
      sink.warning(line, "openapi.not-an-agent-path", `The path ${quoted(urlPath)} is not an /api/v1/Agents/<Agent>/<Operation> path; it is skipped.`);
      continue;
    }
    agents.add(agent);
    for (const [method, operation] of Object.entries(isObject(pathItem) ? pathItem : {})) {
      if (!HTTP_METHODS.has(method) || !isObject(operation)) continue;
      operations.push(readOperation(urlPath, method, operation, line, resolver));
    }
  }
  return { source: { path, line: 1 }, agent: agentName([...agents], path, sink), operations, schemas: readSchemas(document, resolver, keys) };
}

function parseJson(text: string, sink: DiagnosticSink): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = messageOf(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset = position !== undefined ? Number(position) : text.length;
    sink.error(new LineIndex(text).lineAt(offset), "openapi.invalid-json", `The file is not valid JSON: ${message}.`);
    return null;
  }
}

/** One agent per file; paths win over the file name (`openapi-v3-UserAgent.json`). */
function agentName(fromPaths: string[], path: string, sink: DiagnosticSink): string {
  if (fromPaths.length > 1) sink.warning(0, "openapi.many-agents", `The paths name several agents (${fromPaths.join(", ")}); using ${fromPaths[0]}.`);
  return fromPaths[0] ?? /^openapi-v\d+-(\w+?)Agent\.json$/i.exec(basename(path))?.[1] ?? "";
}

function readOperation(urlPath: string, method: string, operation: JsonObject, line: number, resolver: RefResolver): OpenApiOperation {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters.map((parameter) => resolver.resolve(parameter)) : [];
  const body = requestSchema(operation, resolver);
  return {
    name: urlPath.slice(urlPath.lastIndexOf("/") + 1),
    method: method.toUpperCase(),
    path: urlPath,
    summary: cleanProse(stringAt(operation, "summary")),
    description: cleanProse(stringAt(operation, "description")),
    queryParams: parameters
      .filter((parameter) => parameter.in === "query" && parameter.name !== "$select")
      .map((parameter) => ({ name: stringAt(parameter, "name"), required: parameter.required === true, doc: cleanProse(stringAt(parameter, "description")) })),
    bodyKind: operation.requestBody === undefined ? "none" : typeof body.type === "string" && body.type !== "object" ? "value" : "object",
    bodyDoc: cleanProse(stringAt(resolver.resolve(operation.requestBody), "description")),
    bodyProperties: Object.entries(resolver.properties(body)).map(([name, property]) => {
      const names = enumNames(isObject(property) ? property : {}, resolver);
      return { name, doc: cleanProse(stringAt(property, "description")), ...(names.length > 0 ? { enum: names } : {}) };
    }),
    responseEnum: enumNames(successSchema(operation, resolver), resolver),
    binaryMediaTypes: binaryMediaTypes(operation, resolver),
    line,
  };
}

/** The names of a string enum schema, or of an array of one; [] for anything else. */
function enumNames(schema: JsonObject, resolver: RefResolver): string[] {
  const resolved = resolver.resolve(schema);
  const target = resolved.type === "array" ? resolver.resolve(resolved.items) : resolved;
  return Array.isArray(target.enum) ? target.enum.filter((name): name is string => typeof name === "string") : [];
}

/** The application/json schema of the first 2xx response; {} when there is none. */
function successSchema(operation: JsonObject, resolver: RefResolver): JsonObject {
  const success = Object.entries(objectAt(operation, "responses")).find(([status]) => /^2\d\d$/.test(status));
  return success ? resolver.resolve(objectAt(objectAt(objectAt(resolver.resolve(success[1]), "content"), "application/json"), "schema")) : {};
}

/** Media types a JSON client reads as text: a response offered in these is not raw bytes to it. */
const TEXT_MEDIA = /^(application|text)\/([\w.+-]*\+)?(json|xml)$|^text\/plain$/;

/** The non-JSON media types of the first 2xx response whose schema is a binary string (see OpenApiOperation). */
function binaryMediaTypes(operation: JsonObject, resolver: RefResolver): string[] {
  for (const [status, response] of Object.entries(objectAt(operation, "responses"))) {
    if (!/^2\d\d$/.test(status)) continue;
    const content = objectAt(resolver.resolve(response), "content");
    return Object.entries(content)
      .filter(([media, entry]) => {
        const schema = resolver.resolve(objectAt(entry, "schema"));
        return !TEXT_MEDIA.test(media) && schema.type === "string" && (schema.format === "binary" || schema.format === "byte");
      })
      .map(([media]) => media);
  }
  return [];
}

/** The application/json body schema (or the first media type's, when JSON is not offered). */
function requestSchema(operation: JsonObject, resolver: RefResolver): JsonObject {
  const content = objectAt(resolver.resolve(operation.requestBody), "content");
  const media = isObject(content["application/json"]) ? content["application/json"] : Object.values(content)[0];
  return resolver.resolve(objectAt(media, "schema"));
}

function readSchemas(document: JsonObject, resolver: RefResolver, keys: KeyLines): Record<string, OpenApiSchemaDoc> {
  const schemas: Record<string, OpenApiSchemaDoc> = ownKeysOnly();
  for (const [fullName, schema] of Object.entries(objectAt(objectAt(document, "components"), "schemas"))) {
    const shortName = fullName.slice(fullName.lastIndexOf(".") + 1);
    const line = keys.schemaKey(fullName);
    if (REQUEST_WRAPPER.test(fullName) || shortName in schemas) continue;
    const properties = Object.entries(objectAt(schema, "properties"));
    const fields = properties.map(([name, property]) => [name, cleanProse(stringAt(property, "description"))]);
    const enums: Record<string, string[]> = ownKeysOnly();
    for (const [name, property] of properties) {
      const names = enumNames(isObject(property) ? property : {}, resolver);
      if (names.length > 0) enums[name] = names;
    }
    schemas[shortName] = { description: cleanProse(stringAt(schema, "description")), fields: Object.fromEntries(fields), enums, line };
  }
  return schemas;
}

/** Follows local `#/…` references; an unresolvable one is reported once and read as an empty object. */
export class RefResolver {
  private readonly reported = new Set<string>();
  constructor(
    private readonly document: JsonObject,
    private readonly lineOf: (ref: string) => number,
    private readonly sink: DiagnosticSink,
  ) {}

  resolve(value: unknown, depth = 0): JsonObject {
    if (!isObject(value)) return {};
    const ref = value.$ref;
    if (typeof ref !== "string") return value;
    const target = ref.startsWith("#/") ? ref.slice(2).split("/").reduce<unknown>((node, key) => (isObject(node) ? node[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), this.document) : undefined;
    if (!isObject(target) || depth > 16) {
      this.warnOnce(ref, "openapi.unresolved-ref", `Cannot resolve the reference "${ref}".`);
      return {};
    }
    return this.resolve(target, depth + 1);
  }

  /** Reports a problem once per key, on the line where `key` is written (a reference), else line 0. */
  warnOnce(key: string, code: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.sink.warning(this.lineOf(key), code, message);
  }

  /** Properties in declaration order, allOf members first to last, an alias's those of what it names; a schema met again on the way (an allOf cycle) adds nothing more. */
  properties(schema: JsonObject, within: ReadonlySet<JsonObject> = new Set()): JsonObject {
    // A schema that is only a reference (an alias) has the properties of what it names; one naming nothing, or only itself, is reported.
    if (typeof schema.$ref === "string") return this.properties(this.resolve(schema), within);
    const merged: JsonObject = ownKeysOnly();
    if (within.has(schema)) return merged;
    const path = new Set(within).add(schema);
    for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) Object.assign(merged, this.properties(this.resolve(member), path));
    return Object.assign(merged, objectAt(schema, "properties"));
  }
}
