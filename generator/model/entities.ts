/**
 * Model: the REST entity endpoints of one version, from the entity OpenAPI files (method, path,
 * types) and the entity pages (docs, the agent operation, and endpoints the OpenAPI files lack,
 * such as PATCH). The inputs carry no version, so every version gets every entity, typed in its
 * own carriers; shapes only the OpenAPI defines become types of the version (origin "openapi").
 */
import type { Diagnostic } from "../diagnostics.js";
import type { EntityBodyInput, EntityOperationInput, EntityParamInput, OpenApiShape, ParsedEntityOpenApi, ParsedEntityPage } from "../parse/entity-types.js";
import { arrayItemOf, mapElementRef } from "../ir/type-ref.js";
import { firstDoc, type DocCandidate } from "./docs.js";
import { compareStrings } from "../util/order.js";
import { findByName } from "../util/records.js";
import { quotedFile } from "./shown-paths.js";
import type { CarrierType, DocProvenance, Entity, EntityBody, EntityEndpoint, EntityParam, EntityResponse, Member, OperationSource, TypeDef } from "../ir/types.js";

export interface EntityInputs {
  openApis: readonly ParsedEntityOpenApi[];
  pages: readonly ParsedEntityPage[];
}

export interface BuiltEntities {
  entities: Entity[];
  /** Types the version lacked, taken from the OpenAPI files; sorted by name. */
  addedTypes: TypeDef[];
}

/** XSD primitives of the model vocabulary that OpenAPI and page types map to. */
const PRIMITIVES = new Set(["int", "long", "short", "byte", "float", "double", "decimal", "boolean", "string", "dateTime", "date", "time", "base64Binary", "guid", "char", "duration", "anyURI", "anyType"]);

export function buildEntities(version: string, inputs: EntityInputs, types: ReadonlyMap<string, TypeDef>, diagnostics: Diagnostic[]): BuiltEntities {
  const resolver = new EntityTypes(version, inputs.openApis, types, diagnostics);
  const groups = groupByEntity(inputs);
  const entities: Entity[] = [];
  for (const group of groups.values()) entities.push(buildEntity(group, resolver, diagnostics));
  resolver.reportGaps();
  return { entities: entities.sort((a, b) => compareStrings(a.name, b.name)), addedTypes: resolver.added() };
}

interface EntityGroup {
  name: string;
  files: ParsedEntityOpenApi[];
  pages: ParsedEntityPage[];
}

function groupByEntity({ openApis, pages }: EntityInputs): Map<string, EntityGroup> {
  const groups = new Map<string, EntityGroup>();
  const groupOf = (name: string): EntityGroup => {
    const key = name.toLowerCase();
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name, files: [], pages: [] }));
    return group;
  };
  for (const file of [...openApis].sort((a, b) => compareStrings(a.source.path, b.source.path))) if (file.entity) groupOf(file.entity).files.push(file);
  for (const page of [...pages].sort((a, b) => compareStrings(a.source.path, b.source.path))) groupOf(page.entity).pages.push(page);
  return groups;
}

/** Method and path template with parameter names blanked: `PUT /api/v1/contact/{}`. */
function endpointKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.toLowerCase().replace(/\{[^}]*\}/g, "{}")}`;
}

interface Described {
  operation: EntityOperationInput;
  file: ParsedEntityOpenApi | null;
  page: ParsedEntityPage | null;
}

function buildEntity(group: EntityGroup, resolver: EntityTypes, diagnostics: Diagnostic[]): Entity {
  const described = new Map<string, Described>();
  // Keyed by the exact path: the OpenAPI files have endpoints that differ only in a parameter's name.
  for (const file of group.files) {
    for (const operation of file.operations) {
      const key = `${operation.method} ${operation.path}`;
      if (described.has(key)) {
        diagnostics.push({ path: file.source.path, line: operation.line, severity: "warning", code: "model.duplicate-endpoint", message: `${operation.method} ${operation.path} is described twice; the first description is used.` });
        continue;
      }
      described.set(key, { operation, file, page: null });
    }
  }
  const fileNames = group.files.map((file) => quotedFile(file.source.path)).join(", ");
  const byId = new Map([...described.values()].map((entry) => [entry.operation.operationId.toLowerCase(), entry]));
  const byShape = new Map([...described.values()].map((entry) => [endpointKey(entry.operation.method, entry.operation.path), entry]));
  for (const page of group.pages) {
    const key = `${page.operation.method} ${page.operation.path}`;
    // A page names its operation by uid (the OpenAPI operationId); older uids differ, so the path is tried next.
    const known = byId.get(page.operationId.toLowerCase()) ?? described.get(key) ?? byShape.get(endpointKey(page.operation.method, page.operation.path));
    if (known && !known.page && known.operation.method === page.operation.method) {
      known.page = page;
      reportDisagreements(known.operation, page, diagnostics);
    } else if (!known || known.operation.method !== page.operation.method) {
      if (group.files.length > 0) {
        diagnostics.push({ ...page.source, severity: "warning", code: "model.entity-page-only", message: `${page.operation.method} ${page.operation.path} is on this page but not in ${fileNames}; the endpoint is taken from the page.` });
      }
      described.set(key, { operation: page.operation, file: null, page });
    }
  }
  const all = [...described.values()];
  const names = new Set<string>();
  const endpoints = all.map((entry) => buildEndpoint(entry, all, resolver, uniqueName(endpointName(entry.operation), names)));
  const sources = [...new Set([...group.files.map((file) => file.source.path), ...group.pages.map((page) => page.source.path)])].sort(compareStrings);
  return { name: group.name, doc: "", docSource: null, endpoints: endpoints.sort((a, b) => compareStrings(a.name, b.name)), sources };
}

/** "v1ContactEntity_GetContactEntity" → "GetContactEntity"; without an operationId, method and path ("GetContactIdPersons"). */
function endpointName(operation: EntityOperationInput): string {
  const fromId = operation.operationId.replace(/^v\d+[A-Za-z0-9]*?_/, "").replace(/[^\w$]/g, "_");
  if (fromId) return fromId;
  const words = operation.path.replace(/^\/api\/v\d+\//, "").split("/").map((part) => part.replace(/[{}]/g, "")).filter(Boolean);
  return [operation.method.toLowerCase(), ...words].map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("").replace(/[^\w$]/g, "_");
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function buildEndpoint({ operation, file, page }: Described, all: readonly Described[], resolver: EntityTypes, name: string): EntityEndpoint {
  const fromFile = (text: string | undefined): DocCandidate | null => (file ? { text, source: provenance("openapi", file.source.path, operation.line) } : null);
  const fromPage = (text: string | undefined): DocCandidate | null => (page ? { text, source: provenance("rest-page", page.source.path, page.source.line) } : null);
  const pageOp = page?.operation;
  const where = { path: file?.source.path ?? page?.source.path ?? "", line: file ? operation.line : (page?.source.line ?? 0) };
  const scope = resolver.scope(file, where);
  const param = (input: EntityParamInput, pageParams: readonly EntityParamInput[] | undefined, index: number): EntityParam => {
    const pageParam = (pageParams ? findByName(pageParams, input.name, (candidate) => candidate.name) : undefined) ?? (pageParams === pageOp?.pathParams ? pageParams?.[index] : undefined);
    const merged = firstDoc([fromFile(file ? input.doc : undefined), fromPage(pageParam?.doc ?? (file ? undefined : input.doc))]);
    return { name: input.name, type: scope.resolve(input.type), required: input.required, ...(input.values ? { values: input.values } : {}), ...merged };
  };
  const responses: EntityResponse[] = operation.responses.map((response) => ({
    status: response.status,
    type: response.type === null ? null : scope.resolve(response.type),
    ...(response.media ? { contentTypes: response.media } : {}),
    doc: response.doc,
  }));
  const success = responses.find((response) => response.status >= 200 && response.status < 300 && response.type !== null);
  const doc = firstDoc([fromFile(joinParagraphs(operation.summary, operation.description)), fromPage(pageOp?.description)]);
  const sources: OperationSource[] = [
    ...(file ? [{ kind: "openapi", path: file.source.path, line: operation.line } satisfies OperationSource] : []),
    ...(page ? [{ kind: "rest-page", path: page.source.path, line: page.source.line } satisfies OperationSource] : []),
  ];
  return {
    name,
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    pathParams: operation.pathParams.map((input, index) => param(input, pageOp?.pathParams, index)),
    query: operation.query.map((input, index) => param(input, pageOp?.query, index)),
    body: operation.body ? buildBody(operation, operation.body, all, scope, file ? (pageOp?.body ?? undefined) : undefined) : null,
    responses,
    returns: success?.type ?? "void",
    agentOperation: operation.agentOperation ?? pageOp?.agentOperation ?? null,
    ...doc,
    origin: file ? "openapi" : "rest-page",
    sources,
  };
}

/**
 * A page names neither the carrier a PATCH applies to nor a JSON body's type: it is the body of
 * the PUT (else POST) on the same path, else the success response's type without "WithLinks".
 */
function buildBody(operation: EntityOperationInput, body: EntityBodyInput, all: readonly Described[], scope: TypeScope, pageBody: EntityBodyInput | undefined): EntityBody {
  let type = body.type;
  if (type === "") {
    const samePath = (method: string): string | undefined =>
      all.find((other) => other.operation.method === method && endpointKey("X", other.operation.path) === endpointKey("X", operation.path))?.operation.body?.type || undefined;
    const response = operation.responses.find((candidate) => candidate.status >= 200 && candidate.status < 300 && candidate.type !== null)?.type?.replace(/WithLinks$/, "");
    type = body.encoding === "form-data" ? "" : (samePath("PUT") ?? samePath("POST") ?? response ?? "anyType");
  }
  return {
    encoding: body.encoding,
    type: type === "" ? "" : scope.resolve(type),
    required: body.required,
    mergePatch: body.mergePatch || pageBody?.mergePatch === true,
    formFields: body.formFields.map((field) => ({ name: field.name, type: scope.resolve(field.type), required: field.required, doc: field.doc, docSource: null })),
    doc: body.doc || pageBody?.doc || "",
  };
}

/** What a page and the OpenAPI file disagree on: query parameters and whether there is a body. */
function reportDisagreements(operation: EntityOperationInput, page: ParsedEntityPage, diagnostics: Diagnostic[]): void {
  const names = (params: readonly EntityParamInput[]): Set<string> => new Set(params.map((param) => param.name.toLowerCase()));
  const fromFile = names(operation.query);
  const fromPage = names(page.operation.query);
  const missing = page.operation.query.filter((param) => !fromFile.has(param.name.toLowerCase())).map((param) => param.name);
  const extra = operation.query.filter((param) => !fromPage.has(param.name.toLowerCase())).map((param) => param.name);
  const say = (message: string): void => void diagnostics.push({ ...page.source, severity: "warning", code: "model.entity-disagreement", message });
  if (missing.length) say(`This page lists the query parameter${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${operation.method} ${operation.path}, which the OpenAPI file does not have; the OpenAPI file is followed.`);
  if (extra.length) say(`The OpenAPI file has the query parameter${extra.length > 1 ? "s" : ""} ${extra.join(", ")} of ${operation.method} ${operation.path}, which this page does not list.`);
  if ((operation.body === null) !== (page.operation.body === null)) {
    say(`This page says ${operation.method} ${operation.path} has ${page.operation.body ? "a" : "no"} request body, the OpenAPI file the opposite; the OpenAPI file is followed.`);
  }
}

function provenance(origin: DocProvenance["origin"], path: string, line: number): DocProvenance {
  return { origin, path, line };
}

function joinParagraphs(...parts: string[]): string {
  return parts.map((part) => part.trim()).filter((part) => part !== "").join("\n\n");
}

/** Resolves an endpoint's type references, reporting against the file and line it came from. */
interface TypeScope {
  resolve(ref: string): string;
}

/**
 * The version's types, grown by the OpenAPI shapes the endpoints reach that the version lacks.
 * `…WithLinks` shapes extend the carrier they add links to.
 */
class EntityTypes {
  readonly #added = new Map<string, TypeDef>();
  /** Version carriers missing from the WSDLs (not REST-only shapes), by file: reported once per file. */
  readonly #gaps = new Map<string, { line: number; names: Set<string> }>();
  readonly #shapes = new Map<string, { shape: OpenApiShape; file: ParsedEntityOpenApi }>();
  readonly #reportedUnknown = new Set<string>();
  readonly #compared = new Set<string>();

  constructor(
    private readonly version: string,
    files: readonly ParsedEntityOpenApi[],
    private readonly types: ReadonlyMap<string, TypeDef>,
    private readonly diagnostics: Diagnostic[],
  ) {
    for (const file of [...files].sort((a, b) => compareStrings(a.source.path, b.source.path))) {
      for (const [name, shape] of Object.entries(file.schemas)) if (!this.#shapes.has(name)) this.#shapes.set(name, { shape, file });
    }
  }

  scope(file: ParsedEntityOpenApi | null, where: { path: string; line: number }): TypeScope {
    return { resolve: (ref) => this.resolve(ref, file, where) };
  }

  added(): TypeDef[] {
    return [...this.#added.values()].sort((a, b) => compareStrings(a.name, b.name));
  }

  reportGaps(): void {
    for (const [path, gap] of [...this.#gaps].sort(([a], [b]) => compareStrings(a, b))) {
      const names = [...gap.names].sort(compareStrings);
      this.diagnostics.push({
        path,
        line: gap.line,
        severity: "warning",
        code: "model.entity-type-gap",
        message: `${this.version} has no WSDL type ${names.join(", ")} that entity endpoints of this file use; ${names.length === 1 ? "it is" : "they are"} taken from the OpenAPI file.`,
      });
    }
  }

  private lookup(name: string): TypeDef | undefined {
    return this.types.get(name) ?? this.#added.get(name);
  }

  private resolve(ref: string, file: ParsedEntityOpenApi | null, where: { path: string; line: number }): string {
    return mapElementRef(ref, (base) => this.resolveBase(base, file, where));
  }

  private resolveBase(base: string, file: ParsedEntityOpenApi | null, where: { path: string; line: number }): string {
    if (base.endsWith("{}")) return this.dictionary(this.resolve(base.slice(0, -2), file, where));
    if (PRIMITIVES.has(base)) return base;
    if (this.lookup(base)) {
      this.compareWithOpenApi(base);
      return base;
    }
    const linked = /^(\w+)WithLinks$/.exec(base)?.[1];
    const found = (file ? file.schemas[base] : undefined) ?? this.#shapes.get(base)?.shape;
    const owner = file && file.schemas[base] ? file : this.#shapes.get(base)?.file;
    if (found && owner) return this.carrierFrom(base, found, owner);
    // A page's `XWithLinks` that no OpenAPI file defines: X is what it carries besides its links.
    if (linked && (PRIMITIVES.has(linked) || this.lookup(linked) || this.#shapes.has(linked))) return this.resolveBase(linked, file, where);
    const key = `${where.path}\0${base}`;
    if (!this.#reportedUnknown.has(key)) {
      this.#reportedUnknown.add(key);
      this.diagnostics.push({ ...where, severity: "warning", code: "model.entity-unknown-type", message: `The type ${base} is neither a ${this.version} type nor a schema of an entity OpenAPI file; it is typed as anyType.` });
    }
    return "anyType";
  }

  /**
   * The version's carrier is what the endpoints are typed in; where the OpenAPI shape of the same
   * name gives a field another kind of value (a string where the WSDL has a number, an enum value
   * the WSDL lacks), that is reported once per carrier.
   */
  private compareWithOpenApi(name: string): void {
    const type = this.types.get(name);
    const found = this.#shapes.get(name);
    if (type?.kind !== "carrier" || !found || this.#compared.has(name)) return;
    this.#compared.add(name);
    const fields = new Map<string, Member>();
    for (let at: TypeDef | undefined = type; at?.kind === "carrier"; at = at.base ? this.lookup(at.base) : undefined) for (const field of at.fields) fields.set(field.name.toLowerCase(), field);
    const differences: string[] = [];
    for (const field of found.shape.fields) {
      const own = fields.get(field.name.toLowerCase());
      if (!own) continue;
      const mine = this.valueKind(own.type);
      const theirs = field.values ? "enum" : this.valueKind(field.type);
      if (mine !== theirs && !(mine === "enum" && theirs === "string")) differences.push(`${field.name} (${own.type} here, ${field.values ? `one of ${field.values.join(", ")}` : field.type} there)`);
      else if (mine === "enum" && field.values) {
        const known = this.lookup(own.type);
        const missing = known?.kind === "enum" ? known.values.map((value) => value.name).filter((value) => !field.values?.includes(value)) : [];
        if (missing.length) differences.push(`${field.name} (${own.type} values ${missing.join(", ")} are not in the OpenAPI enum)`);
      }
    }
    if (differences.length === 0) return;
    this.diagnostics.push({
      path: found.file.source.path,
      line: found.shape.line,
      severity: "warning",
      code: "model.entity-type-mismatch",
      message: `${this.version}'s ${name} types fields differently from this OpenAPI file: ${differences.join("; ")}; the client follows ${this.version}.`,
    });
  }

  /** "number", "string", "boolean", "date", "enum", "array", "object" or "any" for a reference. */
  private valueKind(ref: string): string {
    if (arrayItemOf(ref) !== null) return "array";
    if (ref.endsWith("{}")) return "object";
    if (/^(?:unsigned)?(?:int|long|short|byte)$|^(?:unsignedInt|unsignedLong|unsignedShort|unsignedByte|float|double|decimal|integer)$/i.test(ref)) return "number";
    if (ref === "boolean") return "boolean";
    if (ref === "dateTime" || ref === "date") return "date";
    if (ref === "anyType") return "any";
    if (PRIMITIVES.has(ref)) return "string";
    const type = this.lookup(ref);
    return type?.kind === "enum" ? (type.flags ? "string" : "enum") : type?.kind === "array" ? "array" : "object";
  }

  /** A carrier from an OpenAPI shape; `XWithLinks` extends X by its own extra fields. */
  private carrierFrom(name: string, shape: OpenApiShape, file: ParsedEntityOpenApi): string {
    if (!shape.restOnly) {
      const gap = this.#gaps.get(file.source.path) ?? { line: shape.line, names: new Set<string>() };
      gap.names.add(name);
      this.#gaps.set(file.source.path, gap);
    }
    const carrier: CarrierType = {
      kind: "carrier",
      name,
      origin: "openapi",
      namespace: "",
      doc: shape.description,
      docSource: shape.description ? provenance("openapi", file.source.path, shape.line) : null,
      definedBy: [],
      base: null,
      fields: [],
    };
    // Registered before its fields are resolved, so self-references (ChildItems) end.
    this.#added.set(name, carrier);
    const where = { path: file.source.path, line: shape.line };
    const linked = /^(\w+)WithLinks$/.exec(name)?.[1];
    const baseName = linked ? this.resolve(linked, file, where) : "";
    const base = baseName ? this.lookup(baseName) : undefined;
    const inherited = base?.kind === "carrier" ? this.fieldNames(base) : new Set<string>();
    if (base?.kind === "carrier") carrier.base = base.name;
    carrier.fields = shape.fields
      .filter((field) => !inherited.has(field.name.toLowerCase()))
      .map((field): Member => ({
        name: field.name,
        type: field.values ? this.enumOf(field.values) : this.resolve(field.type, file, where),
        optional: true,
        nillable: true,
        doc: field.doc,
        docSource: field.doc ? provenance("openapi", file.source.path, shape.line) : null,
      }));
    return name;
  }

  private fieldNames(carrier: CarrierType): Set<string> {
    const names = new Set<string>();
    for (let type: TypeDef | undefined = carrier; type?.kind === "carrier"; type = type.base ? this.lookup(type.base) : undefined) {
      for (const field of type.fields) names.add(field.name.toLowerCase());
    }
    return names;
  }

  /** The version's enum with exactly these values, else a string. */
  private enumOf(values: readonly string[]): string {
    const wanted = [...values].sort(compareStrings).join(",");
    for (const type of this.types.values()) {
      if (type.kind === "enum" && type.values.map((value) => value.name).sort(compareStrings).join(",") === wanted) return type.name;
    }
    return "string";
  }

  /** A string-keyed dictionary of `value`: the version's own when it has one of that shape, else `<Value>Dictionary`. */
  private dictionary(value: string): string {
    let name = dictionaryName(value);
    for (let known = this.lookup(name); known; known = this.lookup(name)) {
      if (known.kind === "dictionary" && known.keyType === "string" && known.valueType === value) return name;
      name = `${name}_`;
    }
    this.#added.set(name, { kind: "dictionary", name, origin: "openapi", namespace: "", doc: "", docSource: null, definedBy: [], entryElement: "", keyType: "string", valueType: value });
    return name;
  }
}

/** "string" → "StringDictionary", "FieldProperty" → "FieldPropertyDictionary", "int[]" → "IntArrayDictionary". */
function dictionaryName(value: string): string {
  const words = value.replace(/\[\]/g, "Array");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}Dictionary`.replace(/[^\w$]/g, "_");
}
