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
import { recordRestEnumValues } from "./enums.js";
import { mergeTypes } from "./registry.js";
import { resolveRestEndpoint } from "./rest.js";
import { quotedFile, shownToUsers } from "./shown-paths.js";
import { indexSources, restKey, soapKey, type DocumentSources } from "./sources.js";
import type { Agent, DocProvenance, Header, Operation, OperationSource, Member, ServicesModel, TypeDef } from "../ir/types.js";

export interface BuildResult {
  /** Sorted by version number. */
  models: ServicesModel[];
  diagnostics: Diagnostic[];
}

export function buildModels(parsed: readonly ParsedFile[]): BuildResult {
  const wsdls: ParsedWsdl[] = [];
  const soapPages: ParsedSoapPage[] = [];
  const restPages: ParsedRestPage[] = [];
  const openApis: ParsedOpenApi[] = [];
  const entityInputs: { openApis: ParsedEntityOpenApi[]; pages: ParsedEntityPage[] } = { openApis: [], pages: [] };
  for (const file of parsed) {
    const value = file.value;
    if (!value) continue;
    if (value.kind === "wsdl") wsdls.push(value.wsdl);
    else if (value.kind === "soap-page") soapPages.push(value.page);
    else if (value.kind === "rest-page") restPages.push(value.page);
    else if (value.kind === "entity-openapi") entityInputs.openApis.push(value.openApi);
    else if (value.kind === "rest-entity-page") entityInputs.pages.push(value.page);
    else openApis.push(value.openApi);
  }

  const diagnostics: Diagnostic[] = [];
  const sources = indexSources(soapPages, restPages, openApis);
  const used = new Set<object>();
  const models: ServicesModel[] = [];
  let previous: ServicesModel | null = null;
  for (const [version, versionWsdls] of groupByVersion(wsdls, diagnostics)) {
    const model = buildVersion(version, versionWsdls, sources, entityInputs, previous, used, diagnostics);
    models.push(model);
    previous = model;
  }
  reportUnused(soapPages, restPages, openApis, used, diagnostics);
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

function buildVersion(
  version: string,
  wsdls: ParsedWsdl[],
  sources: DocumentSources,
  entityInputs: EntityInputs,
  previous: ServicesModel | null,
  used: Set<object>,
  diagnostics: Diagnostic[],
): ServicesModel {
  const registry = mergeTypes(wsdls);
  diagnostics.push(...registry.diagnostics);
  const types = new Map(registry.types.map((type) => [type.name, type]));
  const agents = wsdls.map((wsdl) => buildAgent({ wsdl, sources, types, used, diagnostics }, previous));
  const documented = recordDerivedCarriers(recordRestEnumValues(registry.types.map((type) => documentType(type, sources)), agents, sources), agents);
  const model: ServicesModel = { version, namespace: wsdls[0]?.targetNamespace ?? "", agents, types: documented };
  if (entityInputs.openApis.length === 0 && entityInputs.pages.length === 0) return model;
  const { entities, addedTypes } = buildEntities(version, entityInputs, types, diagnostics);
  return { ...model, types: [...documented, ...addedTypes].sort((a, b) => compareStrings(a.name, b.name)), entities };
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
