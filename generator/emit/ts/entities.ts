/**
 * View models of the REST entity modules: `<version>/entities/<entity>.ts` (request types, the
 * endpoint descriptors, and one client class per entity, importable on its own) and
 * `<version>/entities.ts` (`RestEntities`, behind `rest.entities.<entity>`).
 */
import { arrayItemOf } from "../../ir/type-ref.js";
import type { Entity, EntityEndpoint, EntityParam, ServicesModel } from "../../ir/types.js";
import { besideTypes, entityNames, type EntityNames, identifierPart, memberName, objectKey, propertyAccess, propertyKey, typeName, unusedName } from "../naming.js";
import { tsdoc } from "./tsdoc.js";
import { docWithFormat, importedTypesOf, tsType, typeLookup, type TypeLookup } from "./ts-types.js";
import { kindOf } from "../kinds/index.js";
import { DERIVED_PICKER, primitiveCodecs, reachableFrom, revivesDerived } from "./wire.js";

export interface EntityView {
  names: EntityNames;
  entity: string;
  /** The entity's name as a string literal. */
  entityLiteral: string;
  typeImports: string;
  runtimeImports: string;
  /** NILLABLE, OPTIONAL: the field flags the descriptors use. */
  flagImports: string;
  /** JSON_INT, JSON_DATE_TIME, …: the runtime's codecs of the primitives the descriptors use (values.js). */
  codecImports: string;
  /** `pickDerivedByFields` (json.js) where an answer may hold a carrier with derived carriers, else "". */
  derive: string;
  classDoc: string[];
  types: { key: string; value: string }[];
  requests: { doc: string[]; name: string; fields: { doc: string[]; signature: string }[] }[];
  endpoints: { key: string; value: string }[];
  methods: { doc: string[]; signature: string; call: string }[];
}

export interface EntitiesView {
  doc: string[];
  entities: (EntityNames & { doc: string[] })[];
}

export function entitiesView(model: ServicesModel): EntitiesView {
  const types = typeLookup(model);
  return {
    doc: tsdoc(`The REST entity endpoints of ${model.version} (\`/api/v1/<Entity>…\`), one client per entity, created on first use.`),
    entities: (model.entities ?? []).map((entity) => ({ ...entityNames(entity, types), doc: tsdoc(`The ${entity.name} entity endpoints (${entity.endpoints.length}).`) })),
  };
}

/** The request property that holds the body: `body`, unless a parameter already has that name. */
function bodyKey(endpoint: EntityEndpoint): string {
  const taken = new Set([...endpoint.pathParams, ...endpoint.query].map((param) => param.name));
  let key = "body";
  while (taken.has(key)) key = `${key}_`;
  return key;
}

export function entityView(version: string, entity: Entity, types: TypeLookup): EntityView {
  const names = entityNames(entity, types);
  const used = new Set<string>();
  const runtime = new Set(["callEntity", "type EndpointDescriptor", "type EntityCallOptions", "type EntitySchema"]);
  const refs: string[] = [];
  const requests: EntityView["requests"] = [];
  const shapes = entityMethods(entity, types, runtime);
  for (const shape of shapes) {
    const { endpoint, method, conditional } = shape;
    const endpointRefs = [endpoint.returns, ...endpoint.pathParams.map((p) => p.type), ...endpoint.query.map((p) => p.type), ...(endpoint.body?.type ? [endpoint.body.type] : []), ...(endpoint.body?.formFields.map((f) => f.type) ?? [])];
    refs.push(...endpointRefs);
    for (const ref of endpointRefs) for (const name of importedTypesOf(ref, types)) used.add(name);
    if (shape.fields.length) requests.push({ doc: tsdoc(`Request of {@link ${names.className}.${method}}: path parameters, query options and body.`), name: shape.requestName, fields: shape.fields });
    if (conditional) runtime.add("type Conditional");
  }
  const codecs = new Set<string>();
  const typeDescriptors = descriptors(refs, types, codecs);
  const flags = ["NILLABLE", "OPTIONAL"].filter((flag) => typeDescriptors.some((item) => item.value.includes(flag)));
  // A carrier named `O` would otherwise be read as the type parameter of the conditional methods.
  const runtimeTypes = [...runtime].map((name) => name.replace(/^type /, ""));
  const optionsType = unusedName("O", [...used, ...requests.map((request) => request.name), names.className, ...runtimeTypes]);
  const methods = shapes.map((shape) => ({
    doc: methodDoc(version, entity, shape.endpoint, shape.conditional),
    signature: entityMethodSignature(shape, { optionsType }),
    call: `return callEntity(this.#transport, ${names.schemaName}, ENDPOINTS${propertyAccess(shape.endpoint.name)}, request, options) as Promise<${shape.conditional ? `Conditional<${shape.returns}, ${optionsType}>` : shape.returns}>;`,
  }));
  return {
    names,
    entity: entity.name,
    entityLiteral: JSON.stringify(entity.name),
    flagImports: flags.join(", "),
    codecImports: [...codecs].sort().join(", "),
    derive: revivesDerived(entity.endpoints.map((endpoint) => endpoint.returns), types) ? DERIVED_PICKER.name : "",
    typeImports: [...used].sort().join(", "),
    runtimeImports: [...runtime].sort((a, b) => (a.replace("type ", "") < b.replace("type ", "") ? -1 : 1)).join(", "),
    classDoc: tsdoc(`The ${entity.name} entity endpoints of ${version}: \`/api/v1/${entity.name}…\`.`, {
      remarks: "Same auth, headers, errors and revival as the agent calls; pass the REST transport of the runtime (or reach it through the `RestClient`).",
    }),
    types: typeDescriptors,
    requests,
    endpoints: entity.endpoints.map((endpoint) => ({ key: objectKey(endpoint.name), value: endpointDescriptor(endpoint) })),
    methods,
  };
}

/** The client method of one endpoint, as the entity class declares it and the docs print it. */
export interface EntityMethod {
  endpoint: EntityEndpoint;
  /** The method name; endpoints whose names meet get `_2`, `_3`. */
  method: string;
  requestName: string;
  fields: { doc: string[]; signature: string }[];
  /** The TypeScript type the call resolves to (before `Conditional`). */
  returns: string;
  /** The endpoint answers 304, so `ifModifiedSince` may resolve to `NotModified`. */
  conditional: boolean;
}

/** The client methods of an entity's endpoints, in endpoint order; `runtime` collects the runtime types their request fields use. */
export function entityMethods(entity: Entity, types: TypeLookup, runtime = new Set<string>()): EntityMethod[] {
  const methodNames = new Set<string>();
  return entity.endpoints.map((endpoint) => {
    let method = memberName(endpoint.name);
    for (let n = 2; methodNames.has(method); n++) method = `${memberName(endpoint.name)}_${n}`;
    methodNames.add(method);
    // A binary answer (an image) resolves to its bytes, as the agents' stream operations do.
    const returns = endpoint.returns === "void" ? "void" : binaryMedia(endpoint) ? "Uint8Array" : tsType(endpoint.returns, types);
    return {
      endpoint,
      method,
      requestName: besideTypes(`${typeName(entity.name)}Entity${identifierPart(endpoint.name)}Request`, types),
      fields: requestFields(endpoint, types, runtime),
      returns,
      conditional: endpoint.responses.some((response) => response.status === 304),
    };
  });
}

/**
 * `getWidgetEntity<O …>(request: WidgetEntityGetRequest, options?: O): Promise<Conditional<…, O>>` as
 * the class declares it (the request type by name, `optionsType` the name of its type parameter), or
 * `getWidgetEntity(request: { id: number }): Promise<WidgetEntityWithLinks>` with the request
 * written out and no options, as the docs print it ("inline").
 */
export function entityMethodSignature(shape: EntityMethod, request: { optionsType: string } | "inline"): string {
  const { endpoint, method, fields, returns, conditional } = shape;
  const required = fields.length > 0 && (endpoint.pathParams.length > 0 || endpoint.query.some((p) => p.required) || endpoint.body?.required === true);
  const requestType = request === "inline" ? `{ ${fields.map((field) => field.signature.replace(/;$/, "")).join("; ")} }` : shape.requestName;
  const requestParam = fields.length === 0 ? "request?: Record<string, never>" : `request${required ? "" : "?"}: ${requestType}`;
  if (request === "inline") return `${method}(${requestParam}): Promise<${returns}>`;
  const { optionsType } = request;
  return conditional
    ? `${method}<${optionsType} extends EntityCallOptions = EntityCallOptions>(${requestParam}, options?: ${optionsType}): Promise<Conditional<${returns}, ${optionsType}>>`
    : `${method}(${requestParam}, options?: EntityCallOptions): Promise<${returns}>`;
}

/** Path parameters (required), query options, then the body. */
function requestFields(endpoint: EntityEndpoint, types: TypeLookup, runtime: Set<string>): { doc: string[]; signature: string }[] {
  const param = (item: EntityParam, required: boolean) => ({
    doc: tsdoc(docWithFormat(item.doc, item.type)),
    signature: `${propertyKey(item.name)}${required ? "" : "?"}: ${paramType(item, types)};`,
  });
  const fields = [...endpoint.pathParams.map((item) => param(item, true)), ...endpoint.query.map((item) => param(item, item.required))];
  const body = endpoint.body;
  if (body) {
    const key = propertyKey(bodyKey(endpoint));
    const optional = body.required ? "" : "?";
    let shape: string;
    if (body.encoding === "form-data") {
      runtime.add("type FormFile");
      shape = `{ ${body.formFields.map((field) => `${propertyKey(field.name)}${field.required ? "" : "?"}: ${field.type === "base64Binary" ? "FormFile" : tsType(field.type, types)}`).join("; ")} }`;
    } else if (body.encoding === "json-patch") {
      const carrier = tsType(body.type, types);
      runtime.add("type JsonPatchOperation");
      if (body.mergePatch) runtime.add("type MergePatch");
      shape = `readonly JsonPatchOperation<${carrier}>[]${body.mergePatch ? ` | MergePatch<${carrier}>` : ""}`;
    } else {
      shape = tsType(body.type, types);
    }
    // A JSON body's type says what it is; only the patch and form encodings need saying.
    const what = body.encoding === "json-patch" ? `JSON Patch operations (RFC 6902)${body.mergePatch ? ", or a JSON Merge Patch object (RFC 7396)," : ""} on the ${body.type}` : body.encoding === "form-data" ? "Form fields (multipart/form-data)" : "";
    fields.push({ doc: tsdoc([body.doc, what].filter(Boolean).join("\n\n")), signature: `${key}${optional}: ${shape};` });
  }
  return fields;
}

/** Inline enums as literal unions; comma-separated list options (`$select`, `$orderBy`) accept an array too. */
function paramType(item: EntityParam, types: TypeLookup): string {
  if (item.values && item.values.length > 0) return item.values.map((value) => JSON.stringify(value)).join(" | ");
  const type = tsType(item.type, types);
  return type === "string" && /comma[- ]separated/i.test(item.doc) ? "string | readonly string[]" : type;
}

function methodDoc(version: string, entity: Entity, endpoint: EntityEndpoint, conditional: boolean): string[] {
  const agent = endpoint.agentOperation ? `Calls the ${endpoint.agentOperation.agent} agent's ${endpoint.agentOperation.operation}.` : "";
  // "200 WidgetEntity found; 304 Not modified." — each doc's own end punctuation would double the separators.
  const statuses = endpoint.responses.map((response) => `${response.status}${response.doc ? ` ${response.doc.replace(/[\s.;:]+$/, "")}` : ""}`).join("; ");
  const success = endpoint.responses.find((response) => response.status >= 200 && response.status < 300);
  return tsdoc(endpoint.doc || `Calls ${endpoint.method} ${endpoint.path} of ${version}.`, {
    params: [
      { name: "request", text: endpoint.pathParams.length + endpoint.query.length > 0 || endpoint.body ? "Path parameters, query options and body." : "Nothing: the endpoint takes no parameters." },
      { name: "options", text: conditional ? "Abort signal, timeout, language headers, and `ifModifiedSince` (then an unchanged entity resolves to `NotModified`)." : "Abort signal, timeout, language headers, `ifUnmodifiedSince`." },
    ],
    returns: endpoint.returns === "void" ? "" : success?.doc || `The ${endpoint.returns}.`,
    see: [`REST: \`${endpoint.method} ${endpoint.path}\` (${endpoint.operationId || entity.name})`, ...(agent ? [agent] : []), ...(statuses ? [`Responses: ${statuses}.`] : [])],
  });
}

/** The media types of a success answer that is not JSON (the parser records them only then). */
function binaryMedia(endpoint: EntityEndpoint): readonly string[] | undefined {
  return endpoint.responses.find((response) => response.status >= 200 && response.status < 300 && response.contentTypes)?.contentTypes;
}

function endpointDescriptor(endpoint: EntityEndpoint): string {
  const pairs = (items: readonly EntityParam[]): string => `[${items.map((item) => `[${q(item.name)}, ${q(item.values ? "string" : item.type)}]`).join(", ")}]`;
  const body = endpoint.body
    ? `, body: { key: ${q(bodyKey(endpoint))}, type: ${q(endpoint.body.type || "anyType")}, encoding: ${q(endpoint.body.encoding)}${endpoint.body.mergePatch ? ", merge: true" : ""} }`
    : "";
  const query = endpoint.query.length ? `, query: ${pairs(endpoint.query)}` : "";
  const notModified = endpoint.responses.some((response) => response.status === 304) ? ", notModified: true" : "";
  const media = binaryMedia(endpoint);
  const accept = media ? `, accept: ${q(media.join(", "))}` : "";
  return `{ name: ${q(endpoint.operationId || endpoint.name)}, method: ${q(endpoint.method)}, path: ${q(endpoint.path)}, pathParams: ${pairs(endpoint.pathParams)}${query}${body}, returns: ${endpoint.returns === "void" ? "null" : q(endpoint.returns)}${notModified}${accept} }`;
}

/**
 * Descriptors of every type the endpoints reach, of the `X[]` arrays REST-only shapes use without
 * an ArrayOf type, and the codec of each primitive they use (its name goes into `codecs`).
 */
function descriptors(refs: readonly string[], types: TypeLookup, codecs: Set<string>): { key: string; value: string }[] {
  const primitives = new Set<string>();
  const reachable = reachableFrom(refs, types, primitives);
  // No namespaces: only the XML writer reads them.
  const out = reachable.map((type) => ({ key: objectKey(type.name, true), value: kindOf(type).descriptor(type, () => undefined) }));
  const arrays = new Set<string>();
  const addArrays = (ref: string): void => {
    for (let at = ref, item = arrayItemOf(at); item !== null; at = item, item = arrayItemOf(at)) if (!types.has(at)) arrays.add(at);
  };
  refs.forEach(addArrays);
  for (const type of reachable) {
    if (type.kind === "carrier") type.fields.forEach((field) => addArrays(field.type));
    else if (type.kind === "dictionary") addArrays(type.valueType);
    else if (type.kind === "array") addArrays(type.itemType);
  }
  for (const ref of [...arrays].sort()) out.push({ key: q(ref), value: `{ kind: "array", item: ${q(arrayItemOf(ref) ?? "")}, element: "" }` });
  for (const [name, codec] of primitiveCodecs(primitives, "rest")) {
    codecs.add(codec);
    out.push({ key: q(name), value: codec });
  }
  return out;
}

const q = (text: string): string => JSON.stringify(text);
