/**
 * The docs page of one REST entity (`docs/<Version>/entities/<Entity>.md`): every endpoint with
 * its call, parameters, body, responses and the agent operation behind it, written by the same
 * markdown rules as the agent pages.
 */
import type { Entity, EntityParam } from "../../ir/types.js";
import { escapeMarkdown } from "../escape.js";
import { render } from "../render.js";
import { entitiesProperty, memberName } from "../naming.js";
import { entityMethods, entityMethodSignature, type EntityMethod } from "../ts/entities.js";
import { plural } from "../text.js";
import { code, codeCell, firstSentence, link } from "./markdown.js";
import { docCell, provenanceNote } from "./provenance.js";
import { placeholder, typeCell } from "./values.js";
import type { AgentLinks, TypeLinks } from "./version-index.js";

/** What an entity page reads: the version's types and where its agents' operations are documented. */
export type EntityLinks = TypeLinks & { agents: AgentLinks };

/** The type as code, linked to the types page (relative to the entity page). */
function entityTypeCell(ref: string, index: EntityLinks): string {
  return typeCell(ref, false, index, "../types.md");
}

/** The agent page (relative to the entity page) with the operation's anchor, when documented. */
function agentOperationHref(agent: string, operation: string, index: EntityLinks): string | null {
  const entry = index.agents.get(agent);
  const anchor = entry?.anchors.get(operation);
  return entry && anchor ? `../${entry.file}#${anchor}` : null;
}

export function entityFile(entity: Entity): string {
  return `entities/${entity.name.replace(/[^\w.-]/g, "_")}.md`;
}

/** From the client's method name, which is unique on the page (endpoint names may meet). */
function anchorOf({ method }: EntityMethod): string {
  return method.toLowerCase().replace(/[^a-z0-9_-]/g, "-");
}

/** Reads the entity, the version's name, its types and its agents' anchors only (emit/index.ts keys the entity's piece so). */
export function entityPage(entity: Entity, index: EntityLinks, version: string): string {
  // The entity's client as the REST client reaches it: `rest.entities.contact` (`entities_` beside an agent Entities).
  const client = `rest.${entitiesProperty(index.agents.keys())}.${memberName(entity.name)}`;
  // The client's methods (names deduped as the class declares them), printed as it types them.
  const methods = entityMethods(entity, index.types);
  return render("docs/entity", {
    title: `${entity.name} entity · ${version}`,
    nav: [link(version, "../README.md"), link("Types", "../types.md"), link("All versions", "../../README.md")].join(" · "),
    facts: `${plural(entity.endpoints.length, "endpoint")} under ${code(`/api/v1/${entity.name}`)}. Client: ${code(client)}.`,
    index: methods.map((shape) => ({
      link: link(codeCell(`${shape.endpoint.method} ${shape.endpoint.path}`), `#${anchorOf(shape)}`),
      method: codeCell(shape.method),
      summary: escapeMarkdown(firstSentence(shape.endpoint.doc), "cell"),
    })),
    endpoints: methods.map((shape) => endpointView(shape, client, index)),
  });
}

function endpointView(shape: EntityMethod, client: string, index: EntityLinks) {
  const endpoint = shape.endpoint;
  const rows = (items: readonly EntityParam[]) =>
    items.map((item) => ({
      name: codeCell(item.name),
      type: item.values ? codeCell(item.values.map((value) => JSON.stringify(value)).join(" | ")) : entityTypeCell(item.type, index),
      required: item.required ? "yes" : "",
      doc: docCell(item.doc, item.docSource),
    }));
  const body = endpoint.body;
  const agentHref = endpoint.agentOperation ? agentOperationHref(endpoint.agentOperation.agent, endpoint.agentOperation.operation, index) : null;
  const agentText = endpoint.agentOperation ? code(`${endpoint.agentOperation.agent}.${endpoint.agentOperation.operation}`) : "";
  return {
    anchor: anchorOf(shape),
    heading: `${endpoint.method} ${endpoint.path}`,
    signature: entityMethodSignature(shape, "inline"),
    doc: escapeMarkdown(endpoint.doc),
    docNote: endpoint.doc.trim() === "" ? "" : provenanceNote("Description", endpoint.docSource),
    pathParams: rows(endpoint.pathParams),
    query: rows(endpoint.query),
    body: body
      ? body.encoding === "form-data"
        ? `multipart/form-data: ${body.formFields.map((field) => code(field.name)).join(", ")}`
        : body.encoding === "json-patch"
          ? `JSON Patch (RFC 6902) of ${entityTypeCell(body.type, index)}${body.mergePatch ? `, or JSON Merge Patch (RFC 7396)` : ""}`
          : entityTypeCell(body.type, index)
      : "",
    responses: endpoint.responses.map((response) => ({ status: String(response.status), type: response.type ? entityTypeCell(response.type, index) : "", doc: escapeMarkdown(response.doc, "cell") })),
    agent: agentText ? (agentHref ? link(agentText, agentHref) : agentText) : "",
    example: example(shape, client, index),
    operationId: endpoint.operationId ? code(endpoint.operationId) : "",
    origin: endpoint.origin === "rest-page" ? "<sub>Only the REST reference page describes this endpoint; no OpenAPI file has it.</sub>" : "",
  };
}

/** `const result = await rest.entities.contact.getContactEntity({ id: 0 });` */
function example({ endpoint, method }: EntityMethod, client: string, index: EntityLinks): string {
  const props = [...endpoint.pathParams, ...endpoint.query.filter((item) => item.required)].map((item) => `${item.name}: ${item.values ? JSON.stringify(item.values[0]) : placeholder(item.type, index)}`);
  const body = endpoint.body;
  if (body) {
    const value = body.encoding === "json-patch" ? `[{ op: "replace", path: "/…", value: … }]` : body.encoding === "form-data" ? `{ ${body.formFields.map((field) => `${field.name}: bytes`).join(", ")} }` : placeholder(body.type, index);
    props.push(`body: ${value}`);
  }
  const call = `await ${client}.${method}(${props.length ? `{ ${props.join(", ")} }` : ""})`;
  return `${endpoint.returns === "void" ? "" : "const result = "}${call};`;
}
