/**
 * The REST endpoint of an operation: from the OpenAPI file when it has the
 * operation, else from the REST page, else by the Agents API convention;
 * disagreements with the WSDL are reported.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { BodyKind, ParsedRestPage, WsdlOperation } from "../parse/types.js";
import { findByName } from "../util/records.js";
import { quotedFile } from "./shown-paths.js";
import type { OpenApiEntry } from "./sources.js";
import type { RestBodyRename, RestEndpoint, RestQueryParam, TypeDef } from "../ir/types.js";

interface RestInputs {
  agent: string;
  operation: WsdlOperation;
  openApi: OpenApiEntry | undefined;
  restPages: readonly ParsedRestPage[];
  types: ReadonlyMap<string, TypeDef>;
}

interface Described {
  method: string;
  path: string;
  query: { name: string; required: boolean }[];
  bodyKind: BodyKind;
  body: string[];
  where: { path: string; line: number };
  /** The parameter sent as the whole body, when the source lists a carrier's fields as the body. */
  bodyParam: string | null;
}

export function resolveRestEndpoint({ agent, operation, openApi, restPages, types }: RestInputs, diagnostics: Diagnostic[]): RestEndpoint {
  const describe = (described: Omit<Described, "bodyParam">): Described => ({ ...described, bodyParam: unwrappedBodyParam(described, operation, types) });
  const fromOpenApi: Described | null = openApi
    ? describe({
        method: openApi.operation.method,
        path: openApi.operation.path,
        query: openApi.operation.queryParams,
        bodyKind: openApi.operation.bodyKind,
        body: openApi.operation.bodyProperties.map((property) => property.name),
        where: { path: openApi.path, line: openApi.operation.line },
      })
    : null;
  const fromPages: Described[] = restPages.map((page) =>
    describe({
      method: page.method,
      path: page.path,
      query: page.queryParams,
      bodyKind: page.bodyKind,
      body: page.bodyProperties.map((property) => property.name),
      where: page.source,
    }),
  );

  for (const described of [fromOpenApi, ...fromPages]) if (described) checkAgainstWsdl(described, operation, types, renamedBodyProperties(described, operation), diagnostics);
  const chosen = fromOpenApi ?? fromPages[0] ?? null;
  for (const other of fromPages) if (chosen && other !== chosen) reportDisagreement(chosen, other, diagnostics);

  if (!chosen) {
    return { method: "POST", path: `/api/v1/Agents/${agent}/${operation.name}`, query: [], body: operation.params.map((param) => param.name), bodyParam: null, origin: "convention" };
  }
  const query: RestQueryParam[] = [];
  for (const item of chosen.query) {
    const param = findParam(operation, item.name);
    if (param) query.push({ name: item.name, param: param.name, required: item.required });
  }
  const bodyRenames = renamedBodyProperties(chosen, operation);
  // Bytes only where the WSDL agrees the value is binary: both transports then resolve to a Uint8Array.
  const binary = chosen === fromOpenApi && operation.response?.type === "base64Binary" ? (openApi?.operation.binaryMediaTypes ?? []) : [];
  return {
    method: chosen.method,
    path: chosen.path,
    query,
    body: chosen.body,
    bodyParam: chosen.bodyParam,
    ...(bodyRenames.length > 0 ? { bodyRenames } : {}),
    ...(binary.length > 0 ? { binaryResponse: binary } : {}),
    origin: chosen === fromOpenApi ? "openapi" : "rest-page",
  };
}

/**
 * A body property the REST API names differently from the WSDL (User.ExecuteUserCommand: the
 * body's ActionResult is the WSDL's CommandActionResult). Paired only when it is the one body
 * name that is no parameter, the parameter is the one the endpoint does not otherwise carry, and
 * one name ends with the other; anything else stays a reported mismatch.
 */
function renamedBodyProperties(described: Described, operation: WsdlOperation): RestBodyRename[] {
  if (described.bodyParam !== null || described.bodyKind === "value") return [];
  const unknown = described.body.filter((name) => !findParam(operation, name));
  const carried = new Set([...described.body, ...described.query.map((item) => item.name)].map((name) => name.toLowerCase()));
  const uncarried = operation.params.filter((param) => !carried.has(param.name.toLowerCase()));
  const [name] = unknown;
  const [param] = uncarried;
  if (unknown.length !== 1 || uncarried.length !== 1 || name === undefined || param === undefined) return [];
  const restName = name.toLowerCase();
  const wsdlName = param.name.toLowerCase();
  return restName.endsWith(wsdlName) || wsdlName.endsWith(restName) ? [{ name, param: param.name }] : [];
}

/**
 * The parameter the REST API sends as the whole body: the only one left beside
 * the query for a bare-value body (an id array); for Save…Entity operations the
 * one carrier parameter, when no body name is a parameter but most are its fields
 * (an older version's carrier may lack a few, which checkAgainstWsdl reports).
 */
function unwrappedBodyParam(described: Omit<Described, "bodyParam">, operation: WsdlOperation, types: ReadonlyMap<string, TypeDef>): string | null {
  const inQuery = new Set(described.query.map((item) => item.name.toLowerCase()));
  const inBody = operation.params.filter((param) => !inQuery.has(param.name.toLowerCase()));
  if (described.bodyKind === "value") return inBody.length === 1 ? (inBody[0]?.name ?? null) : null;
  if (described.body.length === 0 || described.body.some((name) => findParam(operation, name))) return null;
  const candidates = inBody.filter((param) => types.get(param.type)?.kind === "carrier");
  const [candidate] = candidates;
  if (!candidate || candidates.length > 1) return null;
  const fields = carrierFieldNames(candidate.type, types);
  const known = described.body.filter((name) => fields.has(name.toLowerCase())).length;
  return known * 2 > described.body.length ? candidate.name : null;
}

function carrierFieldNames(typeName: string, types: ReadonlyMap<string, TypeDef>): Set<string> {
  const names = new Set<string>();
  for (let type = types.get(typeName); type?.kind === "carrier"; type = type.base ? types.get(type.base) : undefined) {
    for (const field of type.fields) names.add(field.name.toLowerCase());
  }
  return names;
}

function checkAgainstWsdl(
  described: Described,
  operation: WsdlOperation,
  types: ReadonlyMap<string, TypeDef>,
  renames: readonly RestBodyRename[],
  diagnostics: Diagnostic[],
): void {
  const warn = (message: string): void => {
    diagnostics.push({ ...described.where, severity: "warning", code: "model.rest-mismatch", message });
  };
  for (const rename of renames) {
    warn(`The REST body of ${operation.name} names the WSDL parameter ${rename.param} "${rename.name}"; the REST client sends it under that name.`);
  }
  const renamed = new Set(renames.flatMap((rename) => [rename.name, rename.param].map((name) => name.toLowerCase())));
  const bodyParam = described.bodyParam ? findParam(operation, described.bodyParam) : undefined;
  if (bodyParam && described.body.length > 0) {
    const fields = carrierFieldNames(bodyParam.type, types);
    const missing = described.body.filter((name) => !fields.has(name.toLowerCase()));
    if (missing.length) warn(`The REST body of ${operation.name} is a ${bodyParam.type} with ${missing.join(", ")}, which the WSDL's ${bodyParam.type} does not have.`);
  }
  const bodyNames = described.bodyParam ? [described.bodyParam] : described.body;
  for (const name of bodyNames) {
    if (!findParam(operation, name) && !renamed.has(name.toLowerCase())) warn(`The REST body of ${operation.name} lists the property ${name}, which the WSDL operation does not have.`);
  }
  for (const item of described.query) {
    if (!findParam(operation, item.name)) warn(`The REST query of ${operation.name} lists the parameter ${item.name}, which the WSDL operation does not have.`);
  }
  const carried = new Set([...bodyNames, ...described.query.map((item) => item.name), ...renamed].map((name) => name.toLowerCase()));
  for (const param of operation.params) {
    if (!carried.has(param.name.toLowerCase())) warn(`The REST endpoint of ${operation.name} does not carry the WSDL parameter ${param.name}.`);
  }
}

function reportDisagreement(chosen: Described, other: Described, diagnostics: Diagnostic[]): void {
  const differences: string[] = [];
  if (chosen.method !== other.method || chosen.path !== other.path) differences.push(`${other.method} ${other.path} instead of ${chosen.method} ${chosen.path}`);
  if (chosen.body.join(",") !== other.body.join(",")) differences.push(`body [${other.body.join(", ")}] instead of [${chosen.body.join(", ")}]`);
  if (differences.length === 0) return;
  diagnostics.push({
    ...other.where,
    severity: "warning",
    code: "model.rest-disagreement",
    message: `This REST page says ${differences.join(" and ")} (as in ${quotedFile(chosen.where.path)}:${chosen.where.line}).`,
  });
}

function findParam(operation: WsdlOperation, name: string): WsdlOperation["params"][number] | undefined {
  return findByName(operation.params, name, (param) => param.name);
}
