/**
 * The docs page of one REST entity (`docs/<Version>/entities/<Entity>.md`): every endpoint with
 * its call, parameters, body, responses and the agent operation behind it. The markdown helpers
 * and the version's link targets come from docs.ts as a kit, so both share one set of rules.
 */
import type { DocProvenance, Entity, EntityEndpoint, EntityParam } from "../../model/types.js";
import { endpointSignature } from "../../model/entity-diff.js";
import { render } from "../render.js";
import { memberName } from "../naming.js";

/** What docs.ts lends the entity pages: its markdown rules and this version's link targets. */
export interface DocsKit {
  link(text: string, href: string): string;
  code(text: string): string;
  cell(text: string): string;
  codeCell(text: string): string;
  prose(text: string): string;
  firstSentence(text: string): string;
  docCell(doc: string, source: DocProvenance | null): string;
  provenanceNote(subject: string, source: DocProvenance | null): string;
  /** The type as code, linked to the types page (hrefs relative to the entity page). */
  typeCell(ref: string): string;
  /** A value of the type for examples. */
  placeholder(ref: string): string;
  /** The agent page (relative to the entity page) with the operation's anchor, when documented. */
  agentOperationHref(agent: string, operation: string): string | null;
}

export function entityFile(entity: Entity): string {
  return `entities/${entity.name.replace(/[^\w.-]/g, "_")}.md`;
}

function anchorOf(endpoint: EntityEndpoint): string {
  return endpoint.name.toLowerCase().replace(/[^a-z0-9_-]/g, "-");
}

export function entityPage(version: string, entity: Entity, kit: DocsKit): string {
  const property = memberName(entity.name);
  return render("docs/entity", {
    title: `${entity.name} entity · ${version}`,
    nav: [kit.link(version, "../README.md"), kit.link("Types", "../types.md"), kit.link("All versions", "../../README.md")].join(" · "),
    facts: `${entity.endpoints.length} endpoint${entity.endpoints.length === 1 ? "" : "s"} under ${kit.code(`/api/v1/${entity.name}`)}. Client: ${kit.code(`rest.entities.${property}`)}.`,
    index: entity.endpoints.map((endpoint) => ({
      link: kit.link(kit.code(`${endpoint.method} ${endpoint.path}`).replace(/\|/g, "\\|"), `#${anchorOf(endpoint)}`),
      method: kit.codeCell(memberName(endpoint.name)),
      summary: kit.cell(kit.firstSentence(endpoint.doc)),
    })),
    endpoints: entity.endpoints.map((endpoint) => endpointView(endpoint, property, kit)),
  });
}

function endpointView(endpoint: EntityEndpoint, property: string, kit: DocsKit) {
  const rows = (items: readonly EntityParam[]) =>
    items.map((item) => ({
      name: kit.codeCell(item.name),
      type: item.values ? kit.codeCell(item.values.map((value) => JSON.stringify(value)).join(" | ")) : kit.typeCell(item.type),
      required: item.required ? "yes" : "",
      doc: kit.docCell(item.doc, item.docSource),
    }));
  const body = endpoint.body;
  const agentHref = endpoint.agentOperation ? kit.agentOperationHref(endpoint.agentOperation.agent, endpoint.agentOperation.operation) : null;
  const agentText = endpoint.agentOperation ? kit.code(`${endpoint.agentOperation.agent}.${endpoint.agentOperation.operation}`) : "";
  return {
    anchor: anchorOf(endpoint),
    heading: `${endpoint.method} ${endpoint.path}`,
    signature: `${memberName(endpoint.name)}${endpointSignature(endpoint)}`,
    doc: kit.prose(endpoint.doc),
    docNote: endpoint.doc.trim() === "" ? "" : kit.provenanceNote("Description", endpoint.docSource),
    pathParams: rows(endpoint.pathParams),
    query: rows(endpoint.query),
    body: body
      ? body.encoding === "form-data"
        ? `multipart/form-data: ${body.formFields.map((field) => kit.code(field.name)).join(", ")}`
        : body.encoding === "json-patch"
          ? `JSON Patch (RFC 6902) of ${kit.typeCell(body.type)}${body.mergePatch ? `, or JSON Merge Patch (RFC 7396)` : ""}`
          : kit.typeCell(body.type)
      : "",
    responses: endpoint.responses.map((response) => ({ status: String(response.status), type: response.type ? kit.typeCell(response.type) : "", doc: kit.cell(response.doc) })),
    agent: agentText ? (agentHref ? kit.link(agentText, agentHref) : agentText) : "",
    example: example(endpoint, property, kit),
    operationId: endpoint.operationId ? kit.code(endpoint.operationId) : "",
    origin: endpoint.origin === "rest-page" ? "<sub>Only the REST reference page describes this endpoint; no OpenAPI file has it.</sub>" : "",
  };
}

/** `const result = await rest.entities.contact.getContactEntity({ id: 0 });` */
function example(endpoint: EntityEndpoint, property: string, kit: DocsKit): string {
  const props = [...endpoint.pathParams, ...endpoint.query.filter((item) => item.required)].map((item) => `${item.name}: ${item.values ? JSON.stringify(item.values[0]) : kit.placeholder(item.type)}`);
  const body = endpoint.body;
  if (body) {
    const value = body.encoding === "json-patch" ? `[{ op: "replace", path: "/…", value: … }]` : body.encoding === "form-data" ? `{ ${body.formFields.map((field) => `${field.name}: bytes`).join(", ")} }` : kit.placeholder(body.type);
    props.push(`body: ${value}`);
  }
  const call = `await rest.entities.${property}.${memberName(endpoint.name)}(${props.length ? `{ ${props.join(", ")} }` : ""})`;
  return `${endpoint.returns === "void" ? "" : "const result = "}${call};`;
}
