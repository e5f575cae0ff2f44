/**
 * The REST endpoint of an operation: from the OpenAPI file when it has the
 * operation, else from the REST page, else by the Agents API convention;
 * disagreements with the WSDL are reported.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { ParsedRestPage, WsdlOperation } from "../parse/types.js";
import type { OpenApiEntry } from "./sources.js";
import type { RestEndpoint, RestQueryParam } from "./types.js";

interface RestInputs {
  agent: string;
  operation: WsdlOperation;
  openApi: OpenApiEntry | undefined;
  restPages: readonly ParsedRestPage[];
}

interface Described {
  method: string;
  path: string;
  query: { name: string; required: boolean }[];
  body: string[];
  where: { path: string; line: number };
}

export function resolveRestEndpoint({ agent, operation, openApi, restPages }: RestInputs, diagnostics: Diagnostic[]): RestEndpoint {
  const fromOpenApi: Described | null = openApi
    ? {
        method: openApi.operation.method,
        path: openApi.operation.path,
        query: openApi.operation.queryParams,
        body: openApi.operation.bodyProperties.map((property) => property.name),
        where: { path: openApi.path, line: openApi.operation.line },
      }
    : null;
  const fromPages: Described[] = restPages.map((page) => ({
    method: page.method,
    path: page.path,
    query: page.queryParams,
    body: page.bodyProperties.map((property) => property.name),
    where: page.source,
  }));

  for (const described of [fromOpenApi, ...fromPages]) if (described) checkAgainstWsdl(described, operation, diagnostics);
  const chosen = fromOpenApi ?? fromPages[0] ?? null;
  for (const other of fromPages) if (chosen && other !== chosen) reportDisagreement(chosen, other, diagnostics);

  if (!chosen) {
    return { method: "POST", path: `/api/v1/Agents/${agent}/${operation.name}`, query: [], body: operation.params.map((param) => param.name), origin: "convention" };
  }
  const query: RestQueryParam[] = [];
  for (const item of chosen.query) {
    const param = findParam(operation, item.name);
    if (param) query.push({ name: item.name, param: param.name, required: item.required });
  }
  return { method: chosen.method, path: chosen.path, query, body: chosen.body, origin: chosen === fromOpenApi ? "openapi" : "rest-page" };
}

function checkAgainstWsdl(described: Described, operation: WsdlOperation, diagnostics: Diagnostic[]): void {
  const warn = (message: string): void => {
    diagnostics.push({ ...described.where, severity: "warning", code: "model.rest-mismatch", message });
  };
  for (const name of described.body) {
    if (!findParam(operation, name)) warn(`The REST body of ${operation.name} lists the property ${name}, which the WSDL operation does not have.`);
  }
  for (const item of described.query) {
    if (!findParam(operation, item.name)) warn(`The REST query of ${operation.name} lists the parameter ${item.name}, which the WSDL operation does not have.`);
  }
  const carried = new Set([...described.body, ...described.query.map((item) => item.name)].map((name) => name.toLowerCase()));
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
    message: `This REST page says ${differences.join(" and ")} (as in ${chosen.where.path}:${chosen.where.line}).`,
  });
}

function findParam(operation: WsdlOperation, name: string): WsdlOperation["params"][number] | undefined {
  const wanted = name.toLowerCase();
  return operation.params.find((param) => param.name.toLowerCase() === wanted);
}
