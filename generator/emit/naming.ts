/**
 * Every name the emitters print comes through here, so casing and clashes with
 * TypeScript keywords or runtime exports are decided in one place.
 */
import type { Agent, Entity, Operation } from "../ir/types.js";
import { runtimeExportNames } from "./runtime-names.js";
import type { TypeLookup } from "./ts/ts-types.js";

/** CONTRACTS §4: lower-camel-case by lowering the leading run of capitals (BLOB → blob, CRMScript → crmScript, EMail → eMail). */
export function lowerCamel(name: string): string {
  const leadingCaps = /^[A-Z]+/.exec(name)?.[0] ?? "";
  if (leadingCaps.length === 0) return name;
  if (leadingCaps.length === name.length) return name.toLowerCase();
  if (leadingCaps.length === 1) return name[0].toLowerCase() + name.slice(1);
  // "CRMScript": keep the last capital of the run, it starts the next word.
  const keep = /[a-z]/.test(name[leadingCaps.length] ?? "") ? leadingCaps.length - 1 : leadingCaps.length;
  return name.slice(0, keep).toLowerCase() + name.slice(keep);
}

const RESERVED_WORDS = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "as",
  "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "any", "boolean",
  "number", "string", "symbol", "type", "from", "of", "await", "async", "never", "unknown", "object", "bigint", "undefined",
  // Not bindings in strict code (every module): compilers other than tsc reject even a type-only import of them.
  "arguments", "eval",
]);

/** Globals a generated type must not shadow. */
const GLOBAL_TYPE_NAMES = new Set([
  "Array", "Date", "Error", "Function", "Map", "Number", "Object", "Promise", "Record", "Set", "String", "Symbol",
  "Boolean", "Partial", "Readonly", "Required", "Pick", "Omit", "Exclude", "Extract", "Uint8Array", "AbortSignal",
  "Response", "Request", "Headers", "JSON", "Math", "RegExp",
]);

/** The fixed names of the generated version modules (templates/ts/client.hbs, entities.hbs). */
const GENERATED_NAMES = new Set(["SoapClient", "RestClient", "RestEntities"]);

/** Names a generated type must not take: globals, the version modules' own, every runtime export. */
export function isTakenTypeName(name: string): boolean {
  return GLOBAL_TYPE_NAMES.has(name) || GENERATED_NAMES.has(name) || runtimeExportNames().has(name);
}

/** A TypeScript identifier for a schema type name; clashes get a `_` suffix. */
export function typeName(name: string): string {
  const safe = toIdentifier(name);
  return RESERVED_WORDS.has(safe) || isTakenTypeName(safe) ? `${safe}_` : safe;
}

/**
 * Member names with a meaning of their own on a class or object: a method `constructor` would be
 * the class constructor, and a method `then` would make every agent client a thenable that
 * `await` calls (and hangs on).
 */
const TAKEN_MEMBER_NAMES = new Set(["constructor", "then"]);

/**
 * A method or property name: the contract's lower camel case. Reserved words are legal member
 * names (`soap.appointment.delete(…)`), so only `constructor` and `then` get a `_` suffix.
 */
export function memberName(name: string): string {
  const safe = toIdentifier(lowerCamel(name));
  return TAKEN_MEMBER_NAMES.has(safe) ? `${safe}_` : safe;
}

/** An object-literal or interface key: printed bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/**
 * A key of an object literal (a value, not a type): `__proto__: …` and `"__proto__": …` would set
 * the object's prototype instead of adding a property, so that one key is computed.
 * `quoted` keeps the string-literal style for keys that are printed quoted anyway.
 */
export function objectKey(name: string, quoted = false): string {
  if (name === "__proto__") return `["__proto__"]`;
  return quoted ? JSON.stringify(name) : propertyKey(name);
}

/** Reads a property by its wire name: `.Name` for identifiers, `["Get-User"]` otherwise. */
export function propertyAccess(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** A name as part of a longer identifier or a file name: characters outside [A-Za-z0-9_$] become `_` (so `../x` cannot leave a folder). */
export function identifierPart(name: string): string {
  return name.replace(/[^\w$]/g, "_");
}

/** An identifier for a name from the inputs, as the types module declares it: `[^\w$]` become `_`, a leading digit gets a `_` before it (`1Type` → `_1Type`). */
export function toIdentifier(name: string): string {
  const cleaned = name.replace(/[^\w$]/g, "_");
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || "_";
}

// Names the generator declares per version, agent, operation and entity; each steps aside for a schema type of the same name.

/**
 * A type name built from a schema name and more (`HeadersAgent`, `HeadersLoginRequest`): the
 * schema name's own clash escape (`Headers_`) is not carried inside, only the whole is checked.
 */
function composedTypeName(schemaName: string, rest: string): string {
  return typeName(`${toIdentifier(schemaName)}${rest}`);
}

export interface AgentNames {
  module: string;
  interfaceName: string;
  className: string;
  property: string;
  /**
   * The private field the clients keep the agent's client in: the property and `Agent`
   * (`#userAgent`), so no agent name can make it the clients' own `#transport` or `#entities`.
   */
  field: string;
}

export function agentNames(agent: Agent, types: TypeLookup): AgentNames {
  const module = identifierPart(lowerCamel(agent.name));
  const property = agentProperty(agent);
  return {
    module,
    interfaceName: besideTypes(composedTypeName(agent.name, "Agent"), types),
    className: besideTypes(composedTypeName(agent.name, "AgentClient"), types),
    property,
    field: `${property}Agent`,
  };
}

/** The agent's property on the clients: `soap.user`, `rest.crmScript`. */
export function agentProperty(agent: Agent): string {
  return memberName(agent.name);
}

export interface EntityNames {
  module: string;
  className: string;
  schemaName: string;
  property: string;
  /** The private field RestEntities keeps the entity's client in (`#contactEntity`): never its own `#transport`. */
  field: string;
}

export function entityNames(entity: Entity, types: TypeLookup): EntityNames {
  const module = identifierPart(lowerCamel(entity.name));
  const property = memberName(entity.name);
  return {
    module,
    className: besideTypes(composedTypeName(entity.name, "EntityClient"), types),
    schemaName: besideTypes(`${module}EntitySchema`, types),
    property,
    field: `${property}Entity`,
  };
}

/**
 * The REST client's property of the entity endpoints: `entities`, or `entities_` where an agent
 * (`Entities`) has that property. The agent's property is fixed by CONTRACTS §4, and refusing the
 * input would leave the agent without a client; this property is only the project's extension,
 * so it is the one that steps aside.
 */
export function entitiesProperty(agentNames: Iterable<string>): string {
  return unusedName("entities", [...agentNames].map(memberName));
}

const declaredNames = new WeakMap<TypeLookup, ReadonlySet<string>>();

/**
 * A name we generate per agent or operation (`UserAgent`, `UserGetUserRequest`, `userSchema`)
 * that steps aside, with a `_` suffix, for a schema type the version declares under that name.
 */
export function besideTypes(name: string, types: TypeLookup): string {
  let declared = declaredNames.get(types);
  if (!declared) declaredNames.set(types, (declared = new Set([...types.values()].filter((type) => type.kind !== "array").map((type) => typeName(type.name)))));
  let result = name;
  while (declared.has(result)) result = `${result}_`;
  return result;
}

/** `name`, or with as many `_` as it takes to differ from every name `taken`. */
export function unusedName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let result = name;
  while (used.has(result)) result = `${result}_`;
  return result;
}

/** The union a carrier with derived carriers is referred to by: `AnyWorkflowStepBase` (see ts/derived.ts). */
export function derivedUnionName(name: string, types: TypeLookup): string {
  return besideTypes(`Any${typeName(name)}`, types);
}

export function requestTypeName(agent: Agent, operation: Operation, types: TypeLookup): string {
  return besideTypes(composedTypeName(agent.name, `${operationTypePart(agent, operation)}Request`), types);
}

/** Named only for operations whose response has several parts. */
export function resultTypeName(agent: Agent, operation: Operation, types: TypeLookup): string {
  return besideTypes(composedTypeName(agent.name, `${operationTypePart(agent, operation)}Result`), types);
}

type OperationNames = WeakMap<Agent, ReadonlyMap<string, string>>;

/**
 * `nameOf` each operation name of the agent (made once per agent), keyed by operation name; where
 * two come out the same, the later (in name order, the model's) gets `_2`, `_3`, so an agent's
 * operations never share a generated name.
 */
function distinctNames(known: OperationNames, agent: Agent, nameOf: (name: string) => string): ReadonlyMap<string, string> {
  let names = known.get(agent);
  if (!names) {
    const chosen = new Map<string, string>();
    const used = new Set<string>();
    for (const { name } of agent.operations) {
      const base = nameOf(name);
      let candidate = base;
      for (let n = 2; used.has(candidate); n++) candidate = `${base}_${n}`;
      used.add(candidate);
      chosen.set(name, candidate);
    }
    known.set(agent, (names = chosen));
  }
  return names;
}

const methodNames: OperationNames = new WeakMap();

/**
 * The method of an operation: its lower camel case (CONTRACTS §4). Operations whose names differ
 * only in the case of their first letter, or sanitise alike (`Get-User`, `Get_User`), would share
 * one; the later (in name order) gets `_2`, `_3`.
 */
export function methodName(agent: Agent, operation: Operation): string {
  return distinctNames(methodNames, agent, memberName).get(operation.name) ?? memberName(operation.name);
}

const typeParts: OperationNames = new WeakMap();

/**
 * The operation's part of its request and result type names: its name as an identifier part,
 * told apart as the method names are (`Get-User` → `Get_User`, `Get_User` → `Get_User_2`), since
 * the wire names of both operations stay apart.
 */
function operationTypePart(agent: Agent, operation: Operation): string {
  return distinctNames(typeParts, agent, identifierPart).get(operation.name) ?? identifierPart(operation.name);
}
