/**
 * Version-to-version differences between two operation models.
 *
 * `diffModels` is a pure function of its inputs and its result is plain JSON:
 * lists of agents, operations and types are sorted by name (code-unit order, so no
 * locale is involved); parameters, fields and enum values keep schema order.
 * Only differences are listed: an operation, type or agent that did not change is absent.
 *
 * What counts as a change (and what deliberately does not):
 * - operations: parameters added, removed, retyped, made optional/nillable or reordered;
 *   return type or its nillability; REST method, path or query parameters; the SOAP
 *   action once the version name in it is normalised (`Services86` → `Services88`).
 * - operations also: SOAP request headers gained or lost, unless all of the agent's changed alike.
 * - agents: added, removed, or SOAP headers of the binding changed. Operations of an added
 *   or removed agent are named on the agent entry, not repeated in `operations`.
 * - types: carriers (base, fields), enums (values, numeric values, flags, underlying type)
 *   and dictionaries (key/value types). Arrays (`X[]`) are not listed: they follow from
 *   their item type and from the parameters and fields that use them.
 * - documentation is ignored entirely (docs, provenance, sources): doc-only edits
 *   would drown the interface changes, and the per-version docs show the text itself.
 *   Endpoints and namespaces that merely embed the version name are ignored too.
 */
import type { Agent, Operation, ServicesModel, TypeDef } from "../ir/types.js";
import { compareVersions } from "./order.js";
import { compareStrings } from "../util/order.js";
import { diffEntities, type EntitiesDiff } from "./entity-diff.js";
import { jsonDigest, textDigest, type JsonView } from "../util/json-digest.js";

export interface VersionDiff {
  older: string;
  newer: string;
  summary: DiffSummary;
  agents: { added: AgentSummary[]; removed: AgentSummary[]; changed: AgentChange[] };
  operations: { added: OperationSummary[]; removed: OperationSummary[]; changed: OperationChange[] };
  types: { added: TypeSummary[]; removed: TypeSummary[]; changed: TypeChange[] };
  /** REST entity endpoints (entity-diff.ts); present when either version has them. */
  entities?: EntitiesDiff;
}

export interface DiffSummary {
  agentsAdded: number;
  agentsRemoved: number;
  agentsChanged: number;
  operationsAdded: number;
  operationsRemoved: number;
  operationsChanged: number;
  typesAdded: number;
  typesRemoved: number;
  typesChanged: number;
}

export interface AgentSummary {
  name: string;
  /** Operation names of the agent, sorted. */
  operations: string[];
}

export interface AgentChange {
  name: string;
  /** Headers as "Name: Type". */
  requestHeaders: ListChange;
  responseHeaders: ListChange;
}

export interface ListChange {
  added: string[];
  removed: string[];
}

export interface OperationSummary {
  agent: string;
  name: string;
  /** e.g. "GetUser(UserId: int): User" */
  signature: string;
}

/** A before/after pair of printed values. */
export interface Change {
  before: string;
  after: string;
}

/** How a parameter or field is declared. */
export interface MemberShape {
  type: string;
  optional: boolean;
  nillable: boolean;
}

export interface MemberSummary extends MemberShape {
  name: string;
}

export interface MemberChange {
  name: string;
  before: MemberShape;
  after: MemberShape;
}

export interface MembersChange {
  /** In the newer schema order. */
  added: MemberSummary[];
  /** In the older schema order. */
  removed: MemberSummary[];
  /** Same name, different type, optionality or nillability; in the newer order. */
  changed: MemberChange[];
  /** True when the members both versions share appear in a different order. */
  reordered: boolean;
}

export interface OperationChange {
  agent: string;
  name: string;
  /** Signatures before and after, e.g. "GetUser(UserId: int): User" → "GetUser(UserId: int, Extra: string): User". They may be equal when only optionality, nillability or an endpoint changed. */
  before: string;
  after: string;
  params: MembersChange;
  /** Return type, with " | null" when nillable; null when unchanged. */
  returns: Change | null;
  /** "METHOD /path?query1&query2"; null when unchanged. */
  rest: Change | null;
  /** Null when unchanged after normalising the version name. */
  soapAction: Change | null;
  /**
   * SOAP request headers (element names) the operation gained or lost; absent when none did, or
   * when every operation of the agent changed alike (the agent's entry says so once).
   */
  requestHeaders?: ListChange;
}

/** Every kind but arrays (they follow from their item type). */
export type DiffedKind = Exclude<TypeDef["kind"], "array">;

export interface TypeSummary {
  name: string;
  kind: DiffedKind;
  /** e.g. "carrier UntrustedCredentials extends Carrier (6 fields)", "flags enum X (4 values)". */
  description: string;
}

export interface EnumValueSummary {
  name: string;
  value: number | null;
}

/** How a type changed, by its kind in both versions; `retyped` when the kind itself changed (nothing else is compared then). */
export type TypeChange = CarrierChange | EnumChange | DictionaryChange | RetypedChange;

export interface CarrierChange {
  name: string;
  kind: "carrier";
  /** Carrier base ("(none)" when absent). */
  base: Change | null;
  fields: MembersChange;
}

export interface EnumChange {
  name: string;
  kind: "enum";
  values: {
    added: EnumValueSummary[];
    removed: EnumValueSummary[];
    changed: { name: string; before: number | null; after: number | null }[];
  };
  /** "flags" / "single". */
  flags: Change | null;
  underlying: Change | null;
}

export interface DictionaryChange {
  name: string;
  kind: "dictionary";
  keyType: Change | null;
  valueType: Change | null;
}

export interface RetypedChange {
  name: string;
  kind: "retyped";
  before: DiffedKind;
  after: DiffedKind;
}

export function diffModels(older: ServicesModel, newer: ServicesModel): VersionDiff {
  const agents = diffAgents(older, newer);
  const operations = diffOperations(older, newer);
  const types = diffTypes(older, newer);
  return {
    older: older.version,
    newer: newer.version,
    summary: {
      agentsAdded: agents.added.length,
      agentsRemoved: agents.removed.length,
      agentsChanged: agents.changed.length,
      operationsAdded: operations.added.length,
      operationsRemoved: operations.removed.length,
      operationsChanged: operations.changed.length,
      typesAdded: types.added.length,
      typesRemoved: types.removed.length,
      typesChanged: types.changed.length,
    },
    agents,
    operations,
    types,
    ...withEntities(older, newer),
  };
}

function withEntities(older: ServicesModel, newer: ServicesModel): { entities?: EntitiesDiff } {
  const entities = diffEntities(older, newer);
  return entities ? { entities } : {};
}

/** Diffs of each version against the one before it, in version order. */
export function diffConsecutive(models: readonly ServicesModel[]): { older: string; newer: string; diff: VersionDiff }[] {
  return consecutivePairs(models).map(([older, newer]) => ({ older: older.version, newer: newer.version, diff: diffModels(older, newer) }));
}

/** Each version with the one after it, by version number. */
export function consecutivePairs(models: readonly ServicesModel[]): [older: ServicesModel, newer: ServicesModel][] {
  const sorted = [...models].sort((a, b) => compareVersions(a.version, b.version));
  return sorted.slice(1).map((newer, i) => [sorted[i], newer]);
}

/** What no diff reads (see above): docs, their provenance and the sources. */
const UNDIFFED_KEYS = new Set(["doc", "docSource", "returnsDoc", "returnsDocSource", "sources"]);
/** An agent without what no diff reads, so a doc-only edit leaves its diff input as it was. */
export const DIFFED: JsonView = { replacer: (key, value) => (UNDIFFED_KEYS.has(key) ? undefined : value) };

/**
 * A digest of everything diffModels may read of a model: its agents in the DIFFED view, its types and
 * entities whole. Digests the model memo noted are not computed again (util/json-digest.ts).
 */
export function diffInputDigest(model: ServicesModel): string {
  const entities = model.entities === undefined ? ["none"] : model.entities.map((entity) => jsonDigest(entity));
  return textDigest([model.version, model.namespace, jsonDigest(model.types), ...model.agents.map((agent) => jsonDigest(agent, DIFFED)), "entities", ...entities].join("\0"));
}

/** "Name(P1: type, P2: type): returns" in model (XSD) type names. */
export function operationSignature(op: Operation): string {
  return `${op.name}(${op.params.map((p) => `${p.name}: ${p.type}`).join(", ")}): ${op.returns}`;
}


function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.name)) map.set(item.name, item);
  return map;
}

function sortedNames<T>(map: Map<string, T>): string[] {
  return [...map.keys()].sort(compareStrings);
}

function diffAgents(older: ServicesModel, newer: ServicesModel): VersionDiff["agents"] {
  const before = byName(older.agents);
  const after = byName(newer.agents);
  const summary = (agent: Agent): AgentSummary => ({
    name: agent.name,
    operations: [...new Set(agent.operations.map((op) => op.name))].sort(compareStrings),
  });
  const added: AgentSummary[] = [];
  const removed: AgentSummary[] = [];
  const changed: AgentChange[] = [];
  for (const name of sortedNames(after)) {
    const next = after.get(name)!;
    const prev = before.get(name);
    if (prev === undefined) {
      added.push(summary(next));
      continue;
    }
    const header = (h: { name: string; type: string }) => `${h.name}: ${h.type}`;
    const requestHeaders = listChange(prev.requestHeaders.map(header), next.requestHeaders.map(header));
    const responseHeaders = listChange(prev.responseHeaders.map(header), next.responseHeaders.map(header));
    if (requestHeaders.added.length + requestHeaders.removed.length + responseHeaders.added.length + responseHeaders.removed.length > 0) {
      changed.push({ name, requestHeaders, responseHeaders });
    }
  }
  for (const name of sortedNames(before)) if (!after.has(name)) removed.push(summary(before.get(name)!));
  return { added, removed, changed };
}

function listChange(before: string[], after: string[]): ListChange {
  const b = new Set(before);
  const a = new Set(after);
  return {
    added: [...a].filter((x) => !b.has(x)).sort(compareStrings),
    removed: [...b].filter((x) => !a.has(x)).sort(compareStrings),
  };
}

function diffOperations(older: ServicesModel, newer: ServicesModel): VersionDiff["operations"] {
  const added: OperationSummary[] = [];
  const removed: OperationSummary[] = [];
  const changed: OperationChange[] = [];
  const beforeAgents = byName(older.agents);
  const afterAgents = byName(newer.agents);
  for (const agentName of sortedNames(afterAgents)) {
    const prevAgent = beforeAgents.get(agentName);
    if (prevAgent === undefined) continue; // the whole agent is listed as added
    const before = byName(prevAgent.operations);
    const after = byName(afterAgents.get(agentName)!.operations);
    const headers = headerChanges(before, after);
    for (const name of sortedNames(after)) {
      const next = after.get(name)!;
      const prev = before.get(name);
      if (prev === undefined) {
        added.push({ agent: agentName, name, signature: operationSignature(next) });
        continue;
      }
      const change = diffOperation(agentName, prev, next, older.version, newer.version, headers.get(name) ?? null);
      if (change !== null) changed.push(change);
    }
    for (const name of sortedNames(before)) {
      if (!after.has(name)) removed.push({ agent: agentName, name, signature: operationSignature(before.get(name)!) });
    }
  }
  return { added, removed, changed };
}

/**
 * The request headers each operation of both versions gained or lost, by name; none when every
 * such operation changed alike and so did the agent's header list, which says it once.
 */
function headerChanges(before: Map<string, Operation>, after: Map<string, Operation>): Map<string, ListChange> {
  const changes = new Map<string, ListChange>();
  const kinds = new Set<string>();
  for (const [name, next] of after) {
    const prev = before.get(name);
    if (prev === undefined) continue;
    const change = listChange(prev.requestHeaders, next.requestHeaders);
    kinds.add(JSON.stringify(change));
    if (change.added.length + change.removed.length > 0) changes.set(name, change);
  }
  const everyHeader = (ops: Map<string, Operation>) => [...ops.values()].flatMap((op) => op.requestHeaders);
  const agentWide = kinds.size === 1 && kinds.has(JSON.stringify(listChange(everyHeader(before), everyHeader(after))));
  return agentWide ? new Map() : changes;
}

function diffOperation(agent: string, prev: Operation, next: Operation, olderVersion: string, newerVersion: string, requestHeaders: ListChange | null): OperationChange | null {
  const params = diffMembers(prev.params, next.params);
  const returnsOf = (op: Operation) => (op.returnsNillable && op.returns !== "void" ? `${op.returns} | null` : op.returns);
  const returns = changeOf(returnsOf(prev), returnsOf(next));
  const restOf = (op: Operation) => {
    const query = op.rest.query.map((q) => q.name).join("&");
    return `${op.rest.method.toUpperCase()} ${op.rest.path}${query ? `?${query}` : ""}`;
  };
  const rest = changeOf(restOf(prev), restOf(next));
  const soapAction = prev.soapAction.split(olderVersion).join(newerVersion) === next.soapAction ? null : { before: prev.soapAction, after: next.soapAction };
  if (!membersChanged(params) && returns === null && rest === null && soapAction === null && requestHeaders === null) return null;
  return { agent, name: next.name, before: operationSignature(prev), after: operationSignature(next), params, returns, rest, soapAction, ...(requestHeaders ? { requestHeaders } : {}) };
}

function changeOf(before: string, after: string): Change | null {
  return before === after ? null : { before, after };
}

function shape(member: MemberShape): MemberShape {
  return { type: member.type, optional: member.optional, nillable: member.nillable };
}

function summaryOf(member: MemberSummary): MemberSummary {
  return { name: member.name, ...shape(member) };
}

function diffMembers(before: readonly MemberSummary[], after: readonly MemberSummary[]): MembersChange {
  const prev = byName(before);
  const next = byName(after);
  const added = [...next.values()].filter((m) => !prev.has(m.name)).map(summaryOf);
  const removed = [...prev.values()].filter((m) => !next.has(m.name)).map(summaryOf);
  const changed: MemberChange[] = [];
  for (const member of next.values()) {
    const old = prev.get(member.name);
    if (old === undefined) continue;
    if (old.type !== member.type || old.optional !== member.optional || old.nillable !== member.nillable) {
      changed.push({ name: member.name, before: shape(old), after: shape(member) });
    }
  }
  const sharedBefore = [...prev.keys()].filter((name) => next.has(name));
  const sharedAfter = [...next.keys()].filter((name) => prev.has(name));
  const reordered = sharedBefore.some((name, i) => sharedAfter[i] !== name);
  return { added, removed, changed, reordered };
}

function membersChanged(change: MembersChange): boolean {
  return change.added.length + change.removed.length + change.changed.length > 0 || change.reordered;
}

type Diffed = Extract<TypeDef, { kind: DiffedKind }>;

function isDiffed(type: TypeDef): type is Diffed {
  return type.kind !== "array";
}

function describeType(type: Diffed): string {
  return kindDiff(type).describe(type);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function diffTypes(older: ServicesModel, newer: ServicesModel): VersionDiff["types"] {
  const before = byName(older.types.filter(isDiffed));
  const after = byName(newer.types.filter(isDiffed));
  const added: TypeSummary[] = [];
  const removed: TypeSummary[] = [];
  const changed: TypeChange[] = [];
  for (const name of sortedNames(after)) {
    const next = after.get(name)!;
    const prev = before.get(name);
    if (prev === undefined) {
      added.push({ name, kind: next.kind, description: describeType(next) });
      continue;
    }
    const change = diffType(prev, next);
    if (change !== null) changed.push(change);
  }
  for (const name of sortedNames(before)) {
    if (!after.has(name)) {
      const prev = before.get(name)!;
      removed.push({ name, kind: prev.kind, description: describeType(prev) });
    }
  }
  return { added, removed, changed };
}

/** What the diff compares and says of each kind: a new kind in the IR does not compile until it has an entry. */
interface KindDiff<T extends Diffed> {
  describe(type: T): string;
  diff(prev: T, next: T): Extract<TypeChange, { kind: T["kind"] }> | null;
}

const KIND_DIFFS: { [K in DiffedKind]: KindDiff<Extract<Diffed, { kind: K }>> } = {
  carrier: {
    describe: (type) => `carrier ${type.name}${type.base ? ` extends ${type.base}` : ""} (${count(type.fields.length, "field")})`,
    diff(prev, next) {
      const change: CarrierChange = { name: next.name, kind: "carrier", base: changeOf(prev.base ?? "(none)", next.base ?? "(none)"), fields: diffMembers(prev.fields, next.fields) };
      return change.base !== null || membersChanged(change.fields) ? change : null;
    },
  },
  enum: {
    describe: (type) => `${type.flags ? "flags enum" : "enum"} ${type.name} (${count(type.values.length, "value")})`,
    diff(prev, next) {
      const before = byName(prev.values);
      const after = byName(next.values);
      const change: EnumChange = {
        name: next.name,
        kind: "enum",
        values: {
          added: [...after.values()].filter((v) => !before.has(v.name)).map((v) => ({ name: v.name, value: v.value })),
          removed: [...before.values()].filter((v) => !after.has(v.name)).map((v) => ({ name: v.name, value: v.value })),
          changed: [],
        },
        flags: changeOf(prev.flags ? "flags" : "single", next.flags ? "flags" : "single"),
        underlying: changeOf(prev.underlying, next.underlying),
      };
      for (const value of after.values()) {
        const old = before.get(value.name);
        if (old !== undefined && old.value !== value.value) change.values.changed.push({ name: value.name, before: old.value, after: value.value });
      }
      const valuesChanged = change.values.added.length + change.values.removed.length + change.values.changed.length > 0;
      return valuesChanged || change.flags !== null || change.underlying !== null ? change : null;
    },
  },
  dictionary: {
    describe: (type) => `dictionary ${type.name} (${type.keyType} → ${type.valueType})`,
    diff(prev, next) {
      const change: DictionaryChange = { name: next.name, kind: "dictionary", keyType: changeOf(prev.keyType, next.keyType), valueType: changeOf(prev.valueType, next.valueType) };
      return change.keyType !== null || change.valueType !== null ? change : null;
    },
  },
};

function kindDiff<T extends Diffed>(type: T): KindDiff<T> {
  return KIND_DIFFS[type.kind] as unknown as KindDiff<T>;
}

function diffType(prev: Diffed, next: Diffed): TypeChange | null {
  if (prev.kind !== next.kind) return { name: next.name, kind: "retyped", before: prev.kind, after: next.kind };
  return kindDiff(next).diff(prev, next);
}
