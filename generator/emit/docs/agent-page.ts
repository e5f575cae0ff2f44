/** `docs/<Version>/<Agent>.md`: the agent's clients, endpoint and headers, then every operation. */
import type { Agent, Operation } from "../../ir/types.js";

import { methodSignature, returnType } from "../ts/signatures.js";
import { escapeMarkdown } from "../escape.js";
import { render } from "../render.js";
import { code, codeCell, firstSentence, link } from "./markdown.js";
import { docCell, provenanceNote } from "./provenance.js";
import { example, typeCell } from "./values.js";
import { byName, type AgentIndex, type TypeLinks } from "./version-index.js";
import { agentProperty } from "../naming.js";

interface ParamRow {
  name: string;
  type: string;
  doc: string;
}

interface OperationView {
  heading: string;
  signature: string;
  doc: string;
  docNote: string;
  hasParams: boolean;
  params: ParamRow[];
  returns: string;
  returnsDoc: string;
  returnsNote: string;
  soapAction: string;
  soapEndpoint: string;
  /** "" when the operation sends the agent's request headers. */
  soapHeaders: string;
  restEndpoint: string;
  restQuery: string;
  restNote: string;
  soapExample: string;
  restExample: string;
}

function operationView(agent: Agent, entry: { operation: Operation }, index: TypeLinks): OperationView {
  const op = entry.operation;
  const params = op.params.map((p) => ({
    name: codeCell(p.name),
    type: typeCell(p.type, p.nillable, index, "types.md", "sent"),
    doc: docCell(p.doc, p.docSource),
  }));
  const returnsText =
    op.results.length > 0
      ? `${code(returnType(agent, op, index.types))}: ${op.results.map((part) => `${code(part.name)} ${typeCell(part.type, part.nillable, index, "types.md")}`).join(", ")}`
      : op.returns === "void"
        ? code("void")
        : typeCell(op.returns, op.returnsNillable, index, "types.md");
  return {
    heading: op.name,
    signature: methodSignature(agent, op, index.types, "inline"),
    doc: escapeMarkdown(op.doc),
    docNote: op.doc.trim() === "" ? "" : provenanceNote("Description", op.docSource),
    hasParams: params.length > 0,
    params,
    returns: returnsText,
    returnsDoc: op.returnsDoc.trim() === "" ? "" : ` — ${escapeMarkdown(op.returnsDoc, "cell")}`,
    returnsNote: op.returnsDoc.trim() === "" ? "" : provenanceNote("Returns description", op.returnsDocSource),
    soapAction: code(op.soapAction),
    soapEndpoint: code(`POST ${agent.endpoint}`),
    soapHeaders: operationHeaders(agent, op),
    restEndpoint: code(`${op.rest.method.toUpperCase()} ${op.rest.path}`),
    restQuery: [
      op.rest.query.length === 0 ? "" : `Query parameters: ${op.rest.query.map((q) => `${code(q.name)} ← ${code(q.param)}${q.required ? " (required)" : ""}`).join(", ")}.`,
      op.rest.bodyParam === null ? "" : `The body is ${code(op.rest.bodyParam)} itself, not an object that holds it.`,
      (op.rest.bodyRenames ?? []).length === 0 ? "" : `Body properties named differently: ${(op.rest.bodyRenames ?? []).map((r) => `${code(r.name)} ← ${code(r.param)}`).join(", ")}.`,
    ].filter((text) => text !== "").join(" "),
    restNote: op.rest.origin === "convention" ? "<sub>REST path derived by convention: no REST page or OpenAPI entry names it.</sub>" : "",
    soapExample: example("soap", agent, op, index),
    restExample: example("rest", agent, op, index),
  };
}

export function agentSummary(agent: Agent): string {
  const sentence = firstSentence(agent.doc);
  if (sentence !== "") return escapeMarkdown(sentence, "cell");
  const names = byName(agent.operations).map((op) => op.name);
  if (names.length === 0) return "";
  return escapeMarkdown(`Operations: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}`, "cell");
}

function headerList(headers: { name: string; type: string }[]): string {
  return headers.length === 0 ? "none" : headers.map((h) => `${code(h.name)} (${code(h.type)})`).join(", ");
}

/**
 * The SOAP request headers the operation sends, said only where they are not the agent's list
 * (SoPrincipal's operations send ApplicationToken alone); "" otherwise, to spare the filler.
 */
function operationHeaders(agent: Agent, op: Operation): string {
  const sent = new Set(op.requestHeaders);
  if (agent.requestHeaders.every((header) => sent.has(header.name))) return "";
  return headerList(agent.requestHeaders.filter((header) => sent.has(header.name)));
}

/** Reads the agent, the version's name and its types only (emit/index.ts keys the agent's piece so). */
export function agentPage(entry: AgentIndex, index: TypeLinks, version: string): string {
  const { agent } = entry;
  return render("docs/agent", {
    title: entry.title,
    nav: [link(version, "README.md"), link("Types", "types.md"), link("All versions", "../README.md")].join(" · "),
    doc: escapeMarkdown(agent.doc),
    docNote: agent.doc.trim() === "" ? "" : provenanceNote("Description", agent.docSource),
    soapClient: code(`soap.${agentProperty(agent)}`),
    restClient: code(`rest.${agentProperty(agent)}`),
    endpoint: code(agent.endpoint),
    namespace: code(agent.namespace),
    requestHeaders: headerList(agent.requestHeaders),
    responseHeaders: headerList(agent.responseHeaders),
    index: entry.operations.map((o) => ({ link: link(o.operation.name, `#${o.anchor}`), summary: escapeMarkdown(firstSentence(o.operation.doc), "cell") })),
    operations: entry.operations.map((o) => operationView(agent, o, index)),
  });
}
