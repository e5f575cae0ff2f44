/**
 * View model of `<version>/agents/<agent>.wire.ts`: the compact descriptors the
 * runtime writes and reads by, limited to the types the agent can reach.
 */
import type { Agent, Operation, TypeDef } from "../../ir/types.js";
import { objectKey } from "../naming.js";
import { emptyFlagsName, isPrimitive, type TypeLookup } from "./ts-types.js";

export interface WireView {
  schemaName: string;
  operationsName: string;
  agent: string;
  namespaces: { name: string; value: string }[];
  endpoint: string;
  requestHeaders: string;
  responseHeaders: string;
  types: { key: string; value: string }[];
  operations: { key: string; value: string }[];
  /** The operation names as a union type: the annotation that lets declarations be emitted per file (isolatedDeclarations). */
  operationNames: string;
}


export function wireView(agent: Agent, types: TypeLookup, names: { schema: string; operations: string }): WireView {
  const reachable = reachableTypes(agent, types);
  const namespaces = new Map<string, string>([[agent.namespace, "ns"]]);
  const nsName = (namespace: string): string => {
    let name = namespaces.get(namespace);
    if (!name) namespaces.set(namespace, (name = `ns${namespaces.size}`));
    return name;
  };
  return {
    schemaName: names.schema,
    operationsName: names.operations,
    agent: agent.name,
    endpoint: JSON.stringify(agent.endpoint),
    requestHeaders: `[${agent.requestHeaders.map((header) => q(header.name)).join(", ")}]`,
    responseHeaders: `[${agent.responseHeaders.map((header) => `[${q(header.name)}, ${q(header.type)}]`).join(", ")}]`,
    types: [
      ...reachable.map((type) => ({ key: objectKey(type.name, true), value: typeDescriptor(type, nsName) })),
      // Multi-part responses read as a carrier of their parts, in the agent namespace of the wrapper.
      ...agent.operations
        .filter((operation) => operation.results.length > 0)
        .map((operation) => ({ key: q(resultsKey(operation)), value: `{ kind: "carrier", ns, fields: [${operation.results.map(field).join(", ")}] }` })),
    ],
    operations: agent.operations.map((operation) => ({ key: objectKey(operation.name), value: operationDescriptor(operation, agent) })),
    operationNames: agent.operations.map((operation) => q(operation.name)).join(" | ") || "never",
    namespaces: [...namespaces].map(([value, name]) => ({ name, value: q(value) })),
  };
}

/** A type's descriptor as printed in a wire module; `nsName` names the namespace's variable. */
export function typeDescriptor(type: TypeDef, nsName: (namespace: string) => string): string {
  switch (type.kind) {
    case "carrier": {
      const base = type.base ? `, base: ${q(type.base)}` : "";
      const derived = type.derived ? `, derived: [${type.derived.map(q).join(", ")}]` : "";
      return `{ kind: "carrier", ${nsProperty(nsName(type.namespace))}${base}${derived}, fields: [${type.fields.map(field).join(", ")}] }`;
    }
    case "enum": {
      const empty = emptyFlagsName(type);
      return type.flags ? `{ kind: "enum", flags: true${empty ? `, empty: ${q(empty)}` : ""} }` : `{ kind: "enum" }`;
    }
    case "array":
      return `{ kind: "array", ${nsProperty(nsName(type.namespace))}, item: ${q(type.itemType)}, element: ${q(type.itemElement)} }`;
    case "dictionary":
      return `{ kind: "dictionary", ${nsProperty(nsName(type.namespace))}, entry: ${q(type.entryElement)}, key: ${q(type.keyType)}, value: ${q(type.valueType)} }`;
  }
}

/** A key no schema type can have (type names are identifiers). */
function resultsKey(operation: Operation): string {
  return `${operation.name}:results`;
}

function operationDescriptor(operation: Operation, agent: Agent): string {
  const query = operation.rest.query.length ? `, query: [${operation.rest.query.map((item) => `[${q(item.name)}, ${q(item.param)}]`).join(", ")}]` : "";
  const body = operation.rest.bodyParam ? `, body: ${q(operation.rest.bodyParam)}` : "";
  const renames = operation.rest.bodyRenames ?? [];
  const rename = renames.length ? `, rename: [${renames.map((item) => `[${q(item.name)}, ${q(item.param)}]`).join(", ")}]` : "";
  const accept = operation.rest.binaryResponse ? `, accept: ${q(operation.rest.binaryResponse.join(", "))}` : "";
  const bytes = operation.rest.binaryResponse ? " bytes: true," : "";
  const results = operation.results.length ? ` results: ${q(resultsKey(operation))},` : "";
  // Only where the binding declares fewer headers for this operation than for the agent's others.
  const sameHeaders = operation.requestHeaders.join("\n") === agent.requestHeaders.map((header) => header.name).join("\n");
  const headers = sameHeaders ? "" : ` headers: [${operation.requestHeaders.map(q).join(", ")}],`;
  return [
    `{ name: ${q(operation.name)}, soapAction: ${q(operation.soapAction)},`,
    `request: ${q(operation.requestElement)}, response: ${q(operation.responseElement)},`,
    `params: [${operation.params.map(field).join(", ")}],`,
    `returns: ${operation.returns === "void" ? "null" : q(operation.returns)},${operation.returns !== "void" && !operation.returnsNillable ? " returnsNonNull: true," : ""}${bytes}${results}${headers}`,
    `rest: { method: ${q(operation.rest.method)}, path: ${q(operation.rest.path)}${query}${body}${rename}${accept} } }`,
  ].join(" ");
}

/** `["Name", "string", NILLABLE | OPTIONAL]`, with the runtime's flag names so the descriptor reads as written by hand. */
function field(item: { name: string; type: string; nillable: boolean; optional: boolean }): string {
  const flags = [item.nillable ? "NILLABLE" : "", item.optional ? "OPTIONAL" : ""].filter(Boolean).join(" | ");
  return flags ? `[${q(item.name)}, ${q(item.type)}, ${flags}]` : `[${q(item.name)}, ${q(item.type)}]`;
}

/** `ns` for the agent's own namespace (the variable's name), so it prints as shorthand. */
function nsProperty(variable: string): string {
  return variable === "ns" ? "ns" : `ns: ${variable}`;
}

/**
 * Named types reachable from the agent's operations and headers, sorted by name: bases, and the
 * carriers derived from a declared one (a response may name them with xsi:type).
 */
export function reachableTypes(agent: Agent, types: TypeLookup): TypeDef[] {
  return reachableFrom(
    [
      ...agent.operations.flatMap((operation) => [operation.returns, ...operation.params.map((param) => param.type), ...operation.results.map((part) => part.type)]),
      ...agent.requestHeaders.map((header) => header.type),
      ...agent.responseHeaders.map((header) => header.type),
    ],
    types,
  );
}

/** Named types reachable from these references, bases included, sorted by name. */
export function reachableFrom(refs: readonly string[], types: TypeLookup): TypeDef[] {
  const seen = new Map<string, TypeDef>();
  const pending = [...refs];
  while (pending.length) {
    const ref = pending.pop() as string;
    if (ref === "void" || isPrimitive(ref) || seen.has(ref)) continue;
    const type = types.get(ref);
    if (!type) {
      // An `X[]` the schema has no ArrayOf type for (REST-only shapes): its items are still reached.
      if (ref.endsWith("[]")) pending.push(ref.slice(0, -2));
      continue;
    }
    seen.set(ref, type);
    if (type.kind === "carrier") pending.push(...(type.base ? [type.base] : []), ...(type.derived ?? []), ...type.fields.map((item) => item.type));
    else if (type.kind === "array") pending.push(type.itemType);
    else if (type.kind === "dictionary") pending.push(type.keyType, type.valueType);
  }
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const q = (text: string): string => JSON.stringify(text);
