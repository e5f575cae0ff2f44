/**
 * Version-to-version differences of the REST entity endpoints (`VersionDiff.entities`): endpoints
 * added or removed (by entity, method and path), and changes to their parameters, body, result
 * or statuses. Docs are ignored, as in diff.ts. Often empty, since the entity inputs carry no
 * version: what differs is how each version types them (a carrier one version lacks).
 */
import { compareStrings } from "../util/order.js";
import type { Change } from "./diff.js";
import type { EntityEndpoint, EntityParam, ServicesModel } from "../ir/types.js";

export interface EntitiesDiff {
  added: EndpointSummary[];
  removed: EndpointSummary[];
  changed: EndpointChange[];
}

export interface EndpointSummary {
  entity: string;
  name: string;
  /** e.g. "GET /api/v1/Contact/{id}" */
  endpoint: string;
  /** e.g. "(id: int, $select?: string): ContactEntityWithLinks" */
  signature: string;
}

export interface EndpointChange extends EndpointSummary {
  /** Each change as before/after text: "path parameters", "query", "body", "returns", "statuses". */
  changes: (Change & { what: string })[];
}

interface Entry {
  summary: EndpointSummary;
  endpoint: EntityEndpoint;
}

/** Null when neither version has entity endpoints. */
export function diffEntities(older: ServicesModel, newer: ServicesModel): EntitiesDiff | null {
  if (!older.entities?.length && !newer.entities?.length) return null;
  const before = entriesOf(older);
  const after = entriesOf(newer);
  const diff: EntitiesDiff = { added: [], removed: [], changed: [] };
  for (const [key, entry] of after) {
    const previous = before.get(key);
    if (!previous) {
      diff.added.push(entry.summary);
      continue;
    }
    const was = facets(previous.endpoint);
    const changes = facets(entry.endpoint)
      .map((facet, i) => ({ what: facet.what, before: was[i]?.text ?? "", after: facet.text }))
      .filter((change) => change.before !== change.after);
    if (changes.length) diff.changed.push({ ...entry.summary, changes });
  }
  for (const [key, entry] of before) if (!after.has(key)) diff.removed.push(entry.summary);
  const order = (a: EndpointSummary, b: EndpointSummary): number => compareStrings(`${a.entity} ${a.endpoint}`, `${b.entity} ${b.endpoint}`);
  diff.added.sort(order);
  diff.removed.sort(order);
  diff.changed.sort(order);
  return diff;
}

function entriesOf(model: ServicesModel): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const entity of model.entities ?? []) {
    for (const endpoint of entity.endpoints) {
      const summary = { entity: entity.name, name: endpoint.name, endpoint: `${endpoint.method} ${endpoint.path}`, signature: endpointSignature(endpoint) };
      entries.set(`${entity.name.toLowerCase()} ${summary.endpoint}`, { summary, endpoint });
    }
  }
  return entries;
}

const param = (item: EntityParam): string => `${item.name}${item.required ? "" : "?"}: ${item.values ? item.values.map((value) => JSON.stringify(value)).join(" | ") : item.type}`;

/** "(id: int, $select?: string): ContactEntityWithLinks" */
export function endpointSignature(endpoint: EntityEndpoint): string {
  const body = endpoint.body ? [`body: ${bodyText(endpoint)}`] : [];
  return `(${[...endpoint.pathParams, ...endpoint.query].map(param).concat(body).join(", ")}): ${endpoint.returns}`;
}

function bodyText(endpoint: EntityEndpoint): string {
  const body = endpoint.body;
  if (!body) return "(none)";
  if (body.encoding === "form-data") return `form(${body.formFields.map(param).join(", ")})`;
  return body.encoding === "json-patch" ? `JsonPatch<${body.type}>${body.mergePatch ? ` | MergePatch<${body.type}>` : ""}` : body.type;
}

function facets(endpoint: EntityEndpoint): { what: string; text: string }[] {
  return [
    { what: "path parameters", text: endpoint.pathParams.map(param).join(", ") },
    { what: "query", text: endpoint.query.map(param).join(", ") },
    { what: "body", text: bodyText(endpoint) },
    { what: "returns", text: endpoint.returns },
    { what: "statuses", text: endpoint.responses.map((response) => `${response.status}${response.type ? ` ${response.type}` : ""}`).join(", ") },
  ];
}
