/**
 * The official OpenAPI 3 file of one REST entity (`openapi-v3-Contact.json`): every operation
 * with its path and query parameters, body and responses typed in the model's vocabulary, and
 * the component schemas (some of which, like `ContactEntityWithLinks`, no WSDL defines).
 */
import type { DiagnosticSink } from "../diagnostics.js";
import type { ParseResult } from "./types.js";
import { agentOperationOf, entityOfPath, withoutAgentCall, type EntityBodyInput, type EntityOperationInput, type EntityParamInput, type EntityResponseInput, type OpenApiShape, type ParsedEntityOpenApi } from "./entity-types.js";
import { HTTP_METHODS, isObject, objectAt, openApiDocument, RefResolver, stringAt, type JsonObject } from "./openapi.js";
import { cleanProse } from "./pages/prose.js";
import { ownKeysOnly } from "../util/records.js";
import { runParser } from "./pages/source.js";
import { KeyLines } from "./openapi-lines.js";

export function parseEntityOpenApi(text: string, path: string): ParseResult<ParsedEntityOpenApi> {
  return runParser(path, (sink) => readEntityOpenApi(text, path, sink));
}

const SCHEMA_REF = "#/components/schemas/";

function readEntityOpenApi(text: string, path: string, sink: DiagnosticSink): ParsedEntityOpenApi | null {
  const document = openApiDocument(text, sink);
  if (document === null) return null;
  const keys = new KeyLines(text);
  const lineOf = (needle: string): number => {
    const offset = text.indexOf(needle);
    return offset < 0 ? 0 : keys.lineAt(offset);
  };
  const resolver = new RefResolver(document, (ref) => lineOf(JSON.stringify(ref)), sink);
  const types = new SchemaTypes(resolver);
  const operations: EntityOperationInput[] = [];
  const entities = new Map<string, number>();
  for (const [urlPath, pathItem] of Object.entries(document.paths)) {
    const line = keys.pathKey(urlPath);
    const entity = entityOfPath(urlPath);
    if (entity) entities.set(entity, (entities.get(entity) ?? 0) + 1);
    const shared = isObject(pathItem) && Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const [method, operation] of Object.entries(isObject(pathItem) ? pathItem : {})) {
      if (!HTTP_METHODS.has(method) || !isObject(operation)) continue;
      operations.push(readOperation(urlPath, method, operation, shared, line, resolver, types, sink));
    }
  }
  const entity = [...entities].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  if (!entity) sink.warning(0, "openapi.no-entity", "No path of this OpenAPI file is under /api/v1/<Entity>/.");
  return { source: { path, line: 1 }, entity, operations, schemas: readShapes(document, types, keys) };
}

function readOperation(
  urlPath: string,
  method: string,
  operation: JsonObject,
  shared: unknown[],
  line: number,
  resolver: RefResolver,
  types: SchemaTypes,
  sink: DiagnosticSink,
): EntityOperationInput {
  const parameters = [...shared, ...(Array.isArray(operation.parameters) ? operation.parameters : [])].map((parameter) => resolver.resolve(parameter));
  const paramsIn = (where: string): EntityParamInput[] =>
    parameters.filter((parameter) => parameter.in === where).map((parameter) => types.param(stringAt(parameter, "name"), resolver.resolve(parameter.schema), parameter.required === true, stringAt(parameter, "description")));
  // The agent call is kept as agentOperation, and said once there (as the pages' parser does).
  const description = withoutAgentCall(cleanProse(stringAt(operation, "description")));
  const operationId = stringAt(operation, "operationId");
  const pathParams = paramsIn("path");
  for (const name of urlPath.match(/\{[^}]*\}/g) ?? []) {
    const bare = name.slice(1, -1);
    if (!pathParams.some((param) => param.name === bare)) {
      sink.warning(line, "openapi.undeclared-path-param", `${method.toUpperCase()} ${urlPath} declares no parameter "${bare}"; it is taken as a string.`);
      pathParams.push({ name: bare, type: "string", required: true, doc: "" });
    }
  }
  return {
    operationId,
    method: method.toUpperCase(),
    path: urlPath,
    summary: cleanProse(stringAt(operation, "summary")),
    description,
    pathParams,
    query: paramsIn("query"),
    body: readBody(operation, resolver, types),
    responses: readResponses(operation, resolver, types),
    agentOperation: agentOperationOf(stringAt(operation, "description")),
    line,
  };
}

const FORM_MEDIA = /^multipart\/form-data$|^application\/x-www-form-urlencoded$/;

/** The JSON body when the operation offers one (JSON Patch and Merge Patch noted), else its form fields. */
function readBody(operation: JsonObject, resolver: RefResolver, types: SchemaTypes): EntityBodyInput | null {
  if (operation.requestBody === undefined) return null;
  const requestBody = resolver.resolve(operation.requestBody);
  const content = objectAt(requestBody, "content");
  const media = Object.keys(content);
  const json = media.find((name) => /^application\/json\b/.test(name)) ?? media.find((name) => /json/.test(name) && !/patch/.test(name));
  const common = { required: requestBody.required === true, doc: cleanProse(stringAt(requestBody, "description")), mergePatch: media.includes("application/merge-patch+json") };
  if (json !== undefined) {
    const patchOnly = media.every((name) => /patch\+json$/.test(name));
    return { ...common, encoding: patchOnly ? "json-patch" : "json", type: types.of(objectAt(content[json], "schema")), formFields: [] };
  }
  const form = media.find((name) => FORM_MEDIA.test(name)) ?? media[0];
  const schema = resolver.resolve(objectAt(content[form ?? ""], "schema"));
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const formFields = Object.entries(resolver.properties(schema)).map(([name, property]) =>
    types.param(name, resolver.resolve(property), required.has(name), stringAt(property, "description")),
  );
  return { ...common, encoding: "form-data", type: "", formFields };
}

function readResponses(operation: JsonObject, resolver: RefResolver, types: SchemaTypes): EntityResponseInput[] {
  const responses: EntityResponseInput[] = [];
  for (const [status, raw] of Object.entries(objectAt(operation, "responses"))) {
    const code = Number(status);
    if (!Number.isInteger(code)) continue;
    const response = resolver.resolve(raw);
    const content = objectAt(response, "content");
    const media = Object.keys(content);
    const json = media.find((name) => /^application\/json\b/.test(name)) ?? media.find((name) => /json/.test(name));
    // A response offered only as binary (an image) has no JSON to revive: its body is the bytes.
    const type = json !== undefined ? types.of(objectAt(content[json], "schema")) : media.length > 0 ? "base64Binary" : null;
    responses.push({ status: code, type, ...(json === undefined && media.length > 0 ? { media } : {}), doc: cleanProse(stringAt(response, "description")) });
  }
  return responses.sort((a, b) => a.status - b.status);
}

/** Component schemas by short name; the first of two with one short name wins. */
function readShapes(document: JsonObject, types: SchemaTypes, keys: KeyLines): Record<string, OpenApiShape> {
  const shapes: Record<string, OpenApiShape> = ownKeysOnly();
  for (const [fullName, raw] of Object.entries(objectAt(objectAt(document, "components"), "schemas"))) {
    const name = shortName(fullName);
    const line = keys.schemaKey(fullName);
    if (name in shapes || !isObject(raw)) continue;
    const fields = Object.entries(types.properties(raw)).map(([field, property]) => types.param(field, isObject(property) ? property : {}, false, stringAt(property, "description")));
    shapes[name] = { fullName, description: cleanProse(stringAt(raw, "description")), restOnly: /\.WebApi\./.test(fullName), fields, line };
  }
  return shapes;
}

/** "SuperOffice.CRM.Services.ContactEntity" → "ContactEntity". */
function shortName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf(".") + 1);
}

const MAX_SCHEMA_DEPTH = 32;

/** JSON Schema → model type references (see entity-types.ts). */
class SchemaTypes {
  constructor(private readonly resolver: RefResolver) {}

  param(name: string, schema: JsonObject, required: boolean, doc: string): EntityParamInput {
    const values = Array.isArray(schema.enum) ? schema.enum.filter((value): value is string => typeof value === "string") : [];
    return { name, type: this.of(schema), required, ...(values.length > 0 ? { values } : {}), doc: cleanProse(doc) };
  }

  properties(schema: JsonObject): JsonObject {
    return this.resolver.properties(schema);
  }

  of(schema: JsonObject, depth = 0): string {
    // Real schemas nest a few levels; a deeper one (arrays of arrays …) would make a type per level.
    if (depth > MAX_SCHEMA_DEPTH) {
      this.resolver.warnOnce("(schema nesting)", "openapi.too-deep", `A schema nests deeper than ${MAX_SCHEMA_DEPTH} levels; what lies deeper is read as any value.`);
      return "anyType";
    }
    const ref = schema.$ref;
    if (typeof ref === "string") {
      if (ref.startsWith(SCHEMA_REF)) return shortName(ref.slice(SCHEMA_REF.length));
      return depth > 16 ? "anyType" : this.of(this.resolver.resolve(schema), depth + 1);
    }
    const allOf = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
    if (allOf.length === 1 && allOf[0]) return this.of(allOf[0], depth + 1);
    switch (schema.type) {
      case "array":
        return `${this.of(objectAt(schema, "items"), depth + 1)}[]`;
      case "integer":
        return schema.format === "int64" ? "long" : "int";
      case "number":
        return schema.format === "float" ? "float" : "double";
      case "boolean":
        return "boolean";
      case "string":
        return STRING_FORMATS[stringAt(schema, "format")] ?? "string";
      case "object":
        return isObject(schema.additionalProperties) && Object.keys(schema.additionalProperties).length > 0 ? `${this.of(schema.additionalProperties, depth + 1)}{}` : "anyType";
      default:
        return "anyType";
    }
  }
}

const STRING_FORMATS: Readonly<Record<string, string>> = ownKeysOnly({
  "date-time": "dateTime",
  date: "date",
  byte: "base64Binary",
  binary: "base64Binary",
  uuid: "guid",
});
