/**
 * Model: joins every WSDL operation with its SOAP page, REST page and OpenAPI
 * operation, one model per Services version, docs merged with provenance.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { ParsedFile } from "../parse/index.js";
import type { ParsedOpenApi, ParsedRestPage, ParsedSoapPage, ParsedWsdl, RestPageParam, WsdlHeader, WsdlOperation } from "../parse/types.js";
import type { ParsedEntityOpenApi, ParsedEntityPage } from "../parse/entity-types.js";
import { liftAgentNotes } from "./agent-notes.js";
import { findByName, valueByName } from "../util/records.js";
import { firstDoc, type DocCandidate, type MergedDoc } from "./docs.js";
import { buildEntities, type EntityInputs } from "./entities.js";
import { compareVersions } from "./order.js";
import { compareStrings } from "../util/order.js";
import { recordDerivedCarriers } from "./derived.js";
import { DIFFED } from "./diff.js";
import { recordRestEnumValues } from "./enums.js";
import { InputKeys, type MemoEntry, type MemoStore, type ModelMemo, type UsedInputs } from "./memo.js";
import { mergeTypes, type TypeRegistry } from "./registry.js";
import { resolveRestEndpoint } from "./rest.js";
import { quotedFile, shownToUsers } from "./shown-paths.js";
import { jsonDigest, noteJsonDigest } from "../util/json-digest.js";
import { indexSources, restKey, soapKey, type DocumentSources } from "./sources.js";
import type { Agent, DocProvenance, Header, Operation, OperationSource, Member, ServicesModel, TypeDef } from "../ir/types.js";

export interface BuildResult {
  /** Sorted by version number. */
  models: ServicesModel[];
  diagnostics: Diagnostic[];
}

/**
 * @param memo where given, each version's agents, types and entities are taken from it where their
 * inputs did not change (memo.ts), and stored where they did
 */
export function buildModels(parsed: readonly ParsedFile[], memo?: ModelMemo): BuildResult {
  const wsdls: ParsedWsdl[] = [];
  const soapPages: ParsedSoapPage[] = [];
  const restPages: ParsedRestPage[] = [];
  const openApis: ParsedOpenApi[] = [];
  const entityInputs: { openApis: ParsedEntityOpenApi[]; pages: ParsedEntityPage[] } = { openApis: [], pages: [] };
  const parseKeys = new Map<object, string>();
  parsed.forEach((file, position) => {
    const value = file.value;
    if (!value) return;
    const add = <T extends object>(list: T[], item: T): void => {
      list.push(item);
      if (memo) parseKeys.set(item, memo.keys[position]);
    };
    if (value.kind === "wsdl") add(wsdls, value.wsdl);
    else if (value.kind === "soap-page") add(soapPages, value.page);
    else if (value.kind === "rest-page") add(restPages, value.page);
    else if (value.kind === "entity-openapi") add(entityInputs.openApis, value.openApi);
    else if (value.kind === "rest-entity-page") add(entityInputs.pages, value.page);
    else add(openApis, value.openApi);
  });

  const diagnostics: Diagnostic[] = [];
  const run: RunInputs = {
    sources: indexSources(soapPages, restPages, openApis),
    openApis,
    entityInputs,
    used: new Set<object>(),
    diagnostics,
    memo: memo && { store: memo.store, keys: new InputKeys(parseKeys, soapPages, restPages, openApis, entityInputs) },
  };
  const models: ServicesModel[] = [];
  let previous: BuiltVersion | null = null;
  for (const [version, versionWsdls] of groupByVersion(wsdls, diagnostics)) {
    previous = buildVersion(version, versionWsdls, run, previous);
    models.push(previous.model);
  }
  reportUnused(soapPages, restPages, openApis, run.used, diagnostics);
  return { models, diagnostics: shownToUsers(withoutRepeats(diagnostics), parsed) };
}

/** REST pages and OpenAPI files have no version: what they disagree on is found once per version, and reported once. */
function withoutRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.path}\0${d.line}\0${d.severity}\0${d.code}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function groupByVersion(wsdls: ParsedWsdl[], diagnostics: Diagnostic[]): [string, ParsedWsdl[]][] {
  const versions = new Map<string, Map<string, ParsedWsdl>>();
  const byPath = [...wsdls].sort((a, b) => compareStrings(a.source.path, b.source.path));
  for (const wsdl of byPath) {
    const agents = versions.get(wsdl.version) ?? new Map<string, ParsedWsdl>();
    versions.set(wsdl.version, agents);
    const known = agents.get(wsdl.agent);
    if (known) {
      diagnostics.push({ ...wsdl.source, severity: "warning", code: "model.duplicate-agent", message: `The ${wsdl.version} ${wsdl.agent} agent is also defined in ${quotedFile(known.source.path)}; that definition is used.` });
      continue;
    }
    agents.set(wsdl.agent, wsdl);
  }
  return [...versions.entries()]
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([version, agents]) => [version, [...agents.values()].sort((a, b) => compareStrings(a.agent, b.agent))]);
}

/** What every version is built from. */
interface RunInputs {
  sources: DocumentSources;
  openApis: readonly ParsedOpenApi[];
  entityInputs: EntityInputs;
  /** The pages and OpenAPI operations some agent read: the rest are reported as orphans. */
  used: Set<object>;
  diagnostics: Diagnostic[];
  memo?: { store: MemoStore; keys: InputKeys };
}

interface BuiltVersion {
  model: ServicesModel;
  /** The memo key of each agent, by name (with a memo): the next version's agents read them. */
  agentKeys: ReadonlyMap<string, string>;
}

/** One part of a version and what building it reported and read. */
interface BuiltAgent {
  agent: Agent;
  diagnostics: Diagnostic[];
  used: Set<object>;
}

function buildVersion(version: string, wsdls: ParsedWsdl[], run: RunInputs, previous: BuiltVersion | null): BuiltVersion {
  const { sources, openApis, entityInputs, memo } = run;
  // Made only where a part is not in the memo.
  let registry: TypeRegistry | undefined;
  let typeMap: Map<string, TypeDef> | undefined;
  const registered = (): TypeRegistry => (registry ??= mergeTypes(wsdls));
  const types = (): ReadonlyMap<string, TypeDef> => (typeMap ??= new Map(registered().types.map((type) => [type.name, type])));
  const registryKey = memo?.keys.registry(version, wsdls) ?? "";
  const agentKeys = new Map<string, string>();

  const built = wsdls.map((wsdl): BuiltAgent => {
    const previousModel = previous?.model ?? null;
    if (!memo) return freshAgent(wsdl, sources, types(), previousModel);
    const soapPages = memo.keys.soapPages(version, wsdl.agent);
    const restPages = memo.keys.restPages(wsdl.agent);
    const key = memo.keys.agent(registryKey, wsdl, soapPages, restPages, previous?.agentKeys.get(wsdl.agent));
    agentKeys.set(wsdl.agent, key);
    const entry = remembered(memo, key, "agent", () => {
      const made = freshAgent(wsdl, sources, types(), previousModel);
      return { kind: "agent", agent: made.agent, digest: jsonDigest(made.agent), diffed: jsonDigest(made.agent, DIFFED), diagnostics: made.diagnostics, used: usedPositions(made.used, soapPages, restPages, openApis) };
    });
    noteJsonDigest(entry.agent, entry.digest);
    noteJsonDigest(entry.agent, entry.diffed, DIFFED);
    return { agent: entry.agent, diagnostics: entry.diagnostics, used: usedInputs(entry.used, soapPages, restPages, openApis) };
  });
  const agents = built.map((part) => part.agent);

  const typesKey = memo?.keys.types(registryKey);
  const documented = remembered(memo, typesKey, "types", () => ({
    kind: "types",
    types: recordDerivedCarriers(recordRestEnumValues(registered().types.map((type) => documentType(type, sources)), agents, sources), agents),
    diagnostics: registered().diagnostics,
  }));
  const withEntities = entityInputs.openApis.length > 0 || entityInputs.pages.length > 0;
  const entitiesKey = withEntities ? memo?.keys.entities(registryKey) : undefined;
  const entities = withEntities
    ? remembered(memo, entitiesKey, "entities", () => {
        const entityDiagnostics: Diagnostic[] = [];
        const made = buildEntities(version, entityInputs, types(), entityDiagnostics);
        return { kind: "entities", ...made, digests: memo ? made.entities.map((entity) => jsonDigest(entity)) : [], diagnostics: entityDiagnostics };
      })
    : undefined;
  run.diagnostics.push(...documented.diagnostics, ...built.flatMap((part) => part.diagnostics), ...(entities?.diagnostics ?? []));
  for (const part of built) for (const input of part.used) run.used.add(input);

  const model: ServicesModel = { version, namespace: wsdls[0]?.targetNamespace ?? "", agents, types: documented.types };
  const whole = entities ? { ...model, types: [...documented.types, ...entities.addedTypes].sort((a, b) => compareStrings(a.name, b.name)), entities: entities.entities } : model;
  if (memo && typesKey !== undefined) {
    if (entities) entities.entities.forEach((entity, position) => noteJsonDigest(entity, entities.digests[position]));
    // The emit's piece keys read a digest of the whole list of types.
    const listed = remembered(memo, memo.keys.typeList(typesKey, entitiesKey), "digest", () => ({ kind: "digest", digest: jsonDigest(whole.types) }));
    noteJsonDigest(whole.types, listed.digest);
  }
  return { model: whole, agentKeys };
}

/** A memo entry of the kind asked for under `key`, else `make`'s, stored; without a memo, `make`'s. */
function remembered<K extends MemoEntry["kind"]>(memo: RunInputs["memo"], key: string | undefined, kind: K, make: () => Extract<MemoEntry, { kind: K }>): Extract<MemoEntry, { kind: K }> {
  if (!memo || key === undefined) return make();
  const entry = memo.store.get(key);
  if (entry?.kind === kind) return entry as Extract<MemoEntry, { kind: K }>;
  const made = make();
  memo.store.set(key, made);
  return made;
}

function freshAgent(wsdl: ParsedWsdl, sources: DocumentSources, types: ReadonlyMap<string, TypeDef>, previous: ServicesModel | null): BuiltAgent {
  const used = new Set<object>();
  const diagnostics: Diagnostic[] = [];
  return { agent: buildAgent({ wsdl, sources, types, used, diagnostics }, previous), diagnostics, used };
}

/** The positions in an agent's inputs of the ones it used. */
function usedPositions(used: ReadonlySet<object>, soapPages: readonly ParsedSoapPage[], restPages: readonly ParsedRestPage[], openApis: readonly ParsedOpenApi[]): UsedInputs {
  const positions = (items: readonly object[]): number[] => items.flatMap((item, position) => (used.has(item) ? [position] : []));
  return {
    soap: positions(soapPages),
    rest: positions(restPages),
    openApi: openApis.flatMap((file, at) => file.operations.flatMap((operation, position): [number, number][] => (used.has(operation) ? [[at, position]] : []))),
  };
}

/** usedPositions undone, over the same inputs; a position beyond them (a damaged entry) names nothing. */
function usedInputs(used: UsedInputs, soapPages: readonly ParsedSoapPage[], restPages: readonly ParsedRestPage[], openApis: readonly ParsedOpenApi[]): Set<object> {
  const found: (object | undefined)[] = [...used.soap.map((position) => soapPages[position]), ...used.rest.map((position) => restPages[position]), ...used.openApi.map(([at, position]) => openApis[at]?.operations[position])];
  return new Set(found.filter((input) => input !== undefined));
}

/** The same agent in the version before, whose page docs fill gaps in this one. */
interface PreviousAgent {
  version: string;
  agent: Agent;
}

/** What every agent and operation of one version is built from. */
interface VersionContext {
  wsdl: ParsedWsdl;
  sources: DocumentSources;
  types: ReadonlyMap<string, TypeDef>;
  used: Set<object>;
  diagnostics: Diagnostic[];
}

function buildAgent(context: VersionContext, previous: ServicesModel | null): Agent {
  const { wsdl } = context;
  const agent = previous?.agents.find((candidate) => candidate.name === wsdl.agent);
  const previousAgent = previous && agent ? { version: previous.version, agent } : undefined;
  const { operations, ...notes } = liftAgentNotes(
    wsdl.operations.map((operation) => buildOperation(context, operation, previousAgent)).sort((a, b) => compareStrings(a.name, b.name)),
  );
  return {
    name: wsdl.agent,
    namespace: wsdl.targetNamespace,
    endpoint: endpointOf(wsdl),
    ...notes,
    requestHeaders: everyHeader(wsdl.operations.map((operation) => operation.requestHeaders)),
    responseHeaders: everyHeader(wsdl.operations.map((operation) => operation.responseHeaders)),
    operations,
    sources: [wsdl.source.path],
  };
}

/** The headers of every operation's binding, each once, in the order they are first met. */
function everyHeader(perOperation: readonly (readonly WsdlHeader[])[]): Header[] {
  const headers = new Map<string, Header>();
  for (const header of perOperation.flat()) if (!headers.has(header.element.name)) headers.set(header.element.name, { name: header.element.name, type: header.type });
  return [...headers.values()];
}

/** Always "Remote/<Version>/<Agent>.svc": the soap:address is untrusted (the parser reports one that disagrees). */
function endpointOf(wsdl: ParsedWsdl): string {
  return `Remote/${wsdl.version}/${wsdl.agent}.svc`;
}

function buildOperation({ wsdl, sources, types, used, diagnostics }: VersionContext, operation: WsdlOperation, previousAgent: PreviousAgent | undefined): Operation {
  const soapPages = sources.soapPages.get(soapKey(wsdl.version, wsdl.agent, operation.name)) ?? [];
  const restPages = sources.restPages.get(restKey(wsdl.agent, operation.name)) ?? [];
  const openApi = sources.openApi.get(restKey(wsdl.agent, operation.name));
  for (const page of [...soapPages, ...restPages]) used.add(page);
  if (openApi) used.add(openApi.operation);
  if (soapPages.length === 0 && restPages.length === 0 && !openApi) {
    diagnostics.push({ path: wsdl.source.path, line: operation.line, severity: "warning", code: "model.undocumented-operation", message: `The operation ${wsdl.agent}.${operation.name} has no SOAP page, REST page or OpenAPI entry.` });
  }
  reportConflictingRestPages(restPages, diagnostics);

  const soapPage = soapPages[0];
  const previousOperation = previousAgent?.agent.operations.find((candidate) => candidate.name === operation.name);
  const fromSoap = (text: string | undefined): DocCandidate | null => (soapPage ? { text, source: provenance("soap-page", soapPage.source) } : null);
  const fromRest = (page: ParsedRestPage, text: string | undefined, line = page.source.line): DocCandidate => ({ text, source: provenance("rest-page", { path: page.source.path, line }) });
  const fromOpenApi = (text: string | undefined): DocCandidate | null =>
    openApi ? { text, source: provenance("openapi", { path: openApi.path, line: openApi.operation.line }) } : null;
  // Only page text is inherited (REST and OpenAPI text reaches every version directly); it keeps its original version.
  const inherited = (doc: string | undefined, source: DocProvenance | null | undefined): DocCandidate | null => {
    if (!previousAgent || !source) return null;
    if (source.origin === "previous-version") return { text: doc, source };
    return source.origin === "soap-page" ? { text: doc, source: { ...source, origin: "previous-version", version: previousAgent.version } } : null;
  };

  const openApiDoc = openApi ? joinParagraphs(openApi.operation.summary, openApi.operation.description) : undefined;
  const doc = firstDoc([fromSoap(soapPage?.description), ...restPages.map((page) => fromRest(page, page.description)), fromOpenApi(openApiDoc), inherited(previousOperation?.doc, previousOperation?.docSource)]);
  const returnsDoc = firstDoc([fromSoap(soapPage?.returnsDoc), inherited(previousOperation?.returnsDoc, previousOperation?.returnsDocSource)]);

  const rest = resolveRestEndpoint({ agent: wsdl.agent, operation, openApi, restPages, types }, diagnostics);
  const params: Member[] = operation.params.map((param) => {
    const previousParam = previousOperation?.params.find((candidate) => candidate.name === param.name);
    // Each parameter's doc points at its own line of the page, not at the operation's heading.
    const soapDoc = soapPage ? valueByName(soapPage.paramDocs, param.name) : undefined;
    const merged = firstDoc([
      soapPage && soapDoc ? { text: soapDoc.text, source: provenance("soap-page", { path: soapPage.source.path, line: soapDoc.line }) } : null,
      ...restPages.map((page) => {
        const restParam = restParamOf(page, param.name);
        return restParam ? fromRest(page, restParam.doc, restParam.line) : null;
      }),
      // The parameter sent as the whole body (a bare id array, a carrier) has the body's description.
      fromOpenApi(openApi ? (param.name === rest.bodyParam && openApi.operation.bodyDoc) || openApiParamDoc(openApi.operation, param.name) : undefined),
      inherited(previousParam?.doc, previousParam?.docSource),
    ]);
    return { name: param.name, type: param.type, optional: param.optional, nillable: param.nillable, ...merged };
  });

  const operationSources: OperationSource[] = [
    { kind: "wsdl", path: wsdl.source.path, line: operation.line },
    ...soapPages.map((page): OperationSource => ({ kind: "soap-page", path: page.source.path, line: page.source.line })),
    ...restPages.map((page): OperationSource => ({ kind: "rest-page", path: page.source.path, line: page.source.line })),
    ...(openApi ? [{ kind: "openapi", path: openApi.path, line: openApi.operation.line } satisfies OperationSource] : []),
  ];

  return {
    name: operation.name,
    soapAction: operation.soapAction,
    rest,
    params,
    returns: operation.response?.type ?? "void",
    returnsNillable: operation.response?.nillable ?? false,
    doc: doc.doc,
    docSource: doc.docSource,
    returnsDoc: returnsDoc.doc,
    returnsDocSource: returnsDoc.docSource,
    results: operation.results.length > 1 ? operation.results.map((part) => ({ name: part.name, type: part.type, optional: part.optional, nillable: part.nillable, doc: "", docSource: null })) : [],
    requestHeaders: operation.requestHeaders.map((header) => header.element.name),
    requestElement: operation.requestElement.name,
    responseElement: operation.responseElement.name,
    sources: operationSources,
  };
}

function restParamOf(page: ParsedRestPage, name: string): RestPageParam | undefined {
  return findByName([...page.bodyProperties, ...page.queryParams], name, (param) => param.name);
}

/** OpenAPI parameters record no line of their own: their doc points at the operation's path key. */
function openApiParamDoc(operation: ParsedOpenApi["operations"][number], name: string): string | undefined {
  return findByName([...operation.bodyProperties, ...operation.queryParams], name, (param) => param.name)?.doc;
}

/** Two page generations of one operation must agree on the wire: the first is used, the other reported. */
function reportConflictingRestPages(pages: readonly ParsedRestPage[], diagnostics: Diagnostic[]): void {
  const [first, ...others] = pages;
  if (!first) return;
  for (const other of others) {
    const a = first.bodyProperties.map((property) => property.name).join(", ");
    const b = other.bodyProperties.map((property) => property.name).join(", ");
    if (first.method === other.method && first.path === other.path && a === b) continue;
    diagnostics.push({
      ...other.source,
      severity: "warning",
      code: "model.rest-page-conflict",
      message: `This REST page says ${other.method} ${other.path} with body [${b}], but ${quotedFile(first.source.path)} says ${first.method} ${first.path} with body [${a}]; the latter is used.`,
    });
  }
}

function documentType(type: TypeDef, sources: DocumentSources): TypeDef {
  const schema = sources.schemaDocs.get(type.name);
  if (!schema) return type;
  const source: DocProvenance = provenance("openapi", { path: schema.path, line: schema.line });
  const typeDoc: MergedDoc = firstDoc([{ text: schema.doc.description, source }]);
  if (type.kind !== "carrier") return { ...type, ...typeDoc };
  const fields = type.fields.map((field) => ({ ...field, ...firstDoc([{ text: valueByName(schema.doc.fields, field.name), source }]) }));
  return { ...type, ...typeDoc, fields };
}

function reportUnused(soapPages: ParsedSoapPage[], restPages: ParsedRestPage[], openApis: ParsedOpenApi[], used: Set<object>, diagnostics: Diagnostic[]): void {
  for (const page of soapPages) {
    if (!used.has(page)) diagnostics.push({ ...page.source, severity: "warning", code: "model.orphan-page", message: `This page describes ${page.version} ${page.agent}.${page.operation}, which no WSDL defines.` });
  }
  for (const page of restPages) {
    if (!used.has(page)) diagnostics.push({ ...page.source, severity: "warning", code: "model.orphan-page", message: `This REST page describes ${page.agent}.${page.operation}, which no WSDL defines.` });
  }
  for (const file of openApis) {
    for (const operation of file.operations) {
      if (!used.has(operation)) diagnostics.push({ path: file.source.path, line: operation.line, severity: "warning", code: "model.orphan-page", message: `The OpenAPI operation ${operation.method} ${operation.path} has no WSDL operation.` });
    }
  }
}

function provenance(origin: DocProvenance["origin"], where: { path: string; line: number }): DocProvenance {
  return { origin, path: where.path, line: where.line };
}

function joinParagraphs(...parts: string[]): string {
  return parts.map((part) => part.trim()).filter((part) => part !== "").join("\n\n");
}
