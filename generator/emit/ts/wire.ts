/**
 * View model of `<version>/agents/<agent>.wire.ts`: the descriptors the runtime writes and reads
 * by. One constant per carrier (enums share ENUM / FLAGS, a carrier's own array is implied, the
 * agent namespace is left out), and per operation one for each transport, each carrying that
 * transport's record of the types the operation reaches, with the transport's codec of each
 * primitive they use (`int: JSON_INT` / `int: XML_INT`), so a bundler keeps only the descriptors
 * and conversions of the operations an app calls, and a REST-only app none of the SOAP binding.
 * Printed one field per line, so a diff between two versions shows what changed.
 */
import type { Agent, Operation, TypeDef } from "../../ir/types.js";
import { arrayItemOf } from "../../ir/type-ref.js";
import { methodName, objectKey, toIdentifier } from "../naming.js";
import { emptyFlagsName, isPrimitive, type TypeLookup } from "./ts-types.js";
import { compareStrings } from "../../util/order.js";
import { primitiveOf } from "../../../templates/runtime/primitives.js";
import { BUILTIN_TYPES, SOAP_REQUEST_HEADERS } from "../../../templates/runtime/soap-envelope.js";
import { requestElementOf, responseElementOf, restMethodOf, restPathOf, soapActionOf } from "../../../templates/runtime/schema.js";

/** Names of the agent-wide constants of a wire module (screaming case: no method name is). */
export const SOAP_AGENT = "SOAP_AGENT";
export const REST_AGENT = "REST_AGENT";

export interface WireView {
  agent: string;
  /** What the module imports from the runtime's schema.ts, one per line. */
  imports: string[];
  /**
   * The runtime's codecs it names, one import per module: `writeJsonBody` (json.js) where a REST call
   * sends a body, `readBytes` (rest.js) and `fromBase64` (values.js) where it answers bytes, the primitives' (values.js: `JSON_INT`,
   * `XML_DATE_TIME`, …) its types records use, `readAnyType` (xml-read.js) where a SOAP call reads
   * anyType, `writeXmlTree` (xml-write.js) where a SOAP call sends what the envelope does not write
   * itself (a carrier, a flags value, …).
   */
  codecImports: { names: string; module: string }[];
  namespaces: { name: string; value: string }[];
  /** The declarations in order: the types (module-local), the agent's bindings, the type records, each operation's params and halves. */
  declarations: { doc: string; text: string }[];
}

/** The descriptor constants of one operation (`getUserRest`, `getUserSoap`; module-local `getUserParams`, `getUserRestTypes`, `getUserSoapTypes`). */
export function operationConstants(agent: Agent, operation: Operation): { rest: string; soap: string; params: string; types: Record<Transport, string> } {
  const method = methodName(agent, operation);
  return { rest: `${method}Rest`, soap: `${method}Soap`, params: `${method}Params`, types: { rest: `${method}RestTypes`, soap: `${method}SoapTypes` } };
}

export type Transport = "rest" | "soap";

/** The prefix of the runtime's codecs of each transport (values.ts `JSON_INT`, `XML_INT`). */
const CODEC_PREFIX: Readonly<Record<Transport, string>> = { rest: "JSON_", soap: "XML_" };

/** Each primitive type name with the transport's codec of it (`["int", "JSON_INT"]`), sorted by name; names without a codec are left out. */
export function primitiveCodecs(primitives: Iterable<string>, transport: Transport): [name: string, codec: string][] {
  return [...primitives].sort(compareStrings).flatMap((name): [string, string][] => {
    const codec = primitiveOf(name)?.codec;
    return codec === undefined ? [] : [[name, CODEC_PREFIX[transport] + codec]];
  });
}

export function wireView(agent: Agent, types: TypeLookup): WireView {
  const namespaces = new Map<string, string>([[agent.namespace, "ns"]]);
  const nsName = (namespace: string): string => {
    let name = namespaces.get(namespace);
    if (!name) namespaces.set(namespace, (name = `ns${namespaces.size}`));
    return name;
  };
  const headerRefs = agent.responseHeaders.map((header) => header.type);
  // Arrays the runtime infers are left out, enums that share a runtime constant declare none.
  const described = (closure: readonly TypeDef[]): TypeDef[] => closure.filter((type) => !impliedArray(type, types));
  // The header types the runtime has built in, where it reads them alike, are left out of the binding's
  // record, and declared only where an operation reaches them too.
  const ownHeaderType = (type: TypeDef): boolean => !isBuiltIn(type, agent.namespace);
  const operationTypeRefs = agent.operations.flatMap(operationRefs);
  const operationTypes = new Set(reachableFrom(operationTypeRefs, types).map((type) => type.name));
  const reachable = described(reachableFrom([...operationTypeRefs, ...headerRefs], types)).filter(
    (type) => operationTypes.has(type.name) || ownHeaderType(type),
  );
  const constants = typeConstants(reachable);
  const declared = reachable.filter((type) => !SHARED.has(constants.get(type.name) as string));
  const codecs = new Set<string>();
  // The types `refs` reach, then the transport's codec of each primitive they use.
  const record = (refs: readonly string[], transport: Transport, extra: readonly Entry[] = [], keep = (_type: TypeDef): boolean => true): ObjectCode => {
    const primitives = new Set<string>();
    const closure = described(reachableFrom(refs, types, primitives)).filter(keep);
    return object([
      ...closure.map((type): Entry => [objectKey(type.name), constants.get(type.name) as string]),
      ...extra,
      ...primitiveCodecs(primitives, transport).map(([name, codec]): Entry => {
        codecs.add(codec);
        return [objectKey(name), codec];
      }),
    ]);
  };
  // One record per transport and distinct set of types, shared by every operation that reaches it.
  type TypesRecord = { name: string; transport: Transport; value: ObjectCode; users: string[] };
  const records = new Map<string, TypesRecord>();
  // Operations without results that name the same types have the same record: found by their
  // references, without walking and printing it again (a third of the operations).
  const byRefs = new Map<string, TypesRecord>();
  const recordOf = (operation: Operation, transport: Transport): string => {
    const refsKey = operation.results.length ? undefined : `${transport}\0${[...new Set(operationRefs(operation))].sort(compareStrings).join("\0")}`;
    let found = refsKey === undefined ? undefined : byRefs.get(refsKey);
    if (!found) {
      const results: Entry[] = operation.results.length ? [[q(resultsKey(operation)), object(resultsCarrier(operation))]] : [];
      const value = record(operationRefs(operation), transport, results);
      const key = `${transport}\0${print(value, null)}`;
      found = records.get(key);
      if (!found) records.set(key, (found = { name: operationConstants(agent, operation).types[transport], transport, value, users: [] }));
      if (refsKey !== undefined) byRefs.set(refsKey, found);
    }
    found.users.push(operation.name);
    return found.name;
  };
  // The operations whose answers may hold a carrier with derived carriers, found once for their descriptors and the module's imports.
  const deriving = new Set(agent.operations.filter((operation) => revivesDerived(answerRefs(operation), types)));
  // Likewise the SOAP operations whose answers hold an anyType, and those whose parameters need the tree writer.
  const readingAny = new Set(agent.operations.filter((operation) => readsAnyType(operation, types)));
  const writingTrees = new Set(agent.operations.filter((operation) => writesTree(operation, types)));
  const operationDeclarations = agent.operations.flatMap((operation) => {
    const names = operationConstants(agent, operation);
    const [name, ...shape] = coreEntries(operation, operation.params.length ? names.params : "[]");
    return [
      // Both halves name the same parameters: printed once, so a changed parameter shows once in a diff.
      ...(operation.params.length
        ? [{ doc: "", text: declare(names.params, "readonly FieldDescriptor[]", operation.params.map((item) => field(item)), false) }]
        : []),
      {
        doc: `/** ${agent.name}.${operation.name} over REST. */`,
        text: declare(names.rest, "RestOperationDescriptor", object([name, ...shape, ["rest", object([...restEntries(agent, operation, deriving.has(operation)), ["types", recordOf(operation, "rest")]])]])),
      },
      {
        doc: `/** ${agent.name}.${operation.name} over SOAP. */`,
        text: declare(names.soap, "SoapOperationDescriptor", object([
          name,
          // Each left out where it is what the runtime takes when absent (schema.ts), as in all but a few NetServer operations.
          ["soapAction", operation.soapAction === soapActionOf({ ns: agent.namespace, name: agent.name }, { name: operation.name }) ? undefined : q(operation.soapAction)],
          ["request", operation.requestElement === requestElementOf({ name: operation.name }) ? undefined : q(operation.requestElement)],
          ["response", operation.responseElement === responseElementOf({ name: operation.name }) ? undefined : q(operation.responseElement)],
          ...shape,
          ["headers", sameHeaders(agent, operation) ? undefined : operation.requestHeaders.map(q)],
          ["write", writingTrees.has(operation) ? XML_WRITER.name : undefined],
          ["readAny", readingAny.has(operation) ? ANY_READER.name : undefined],
          ["decodeBytes", operation.rest.binaryResponse ? BASE64_DECODER.name : undefined],
          ["types", recordOf(operation, "soap")],
        ])),
      },
    ];
  });
  const declarations: WireView["declarations"] = [
    // The agent namespace is the runtime's default: left out of the types' descriptors.
    ...declared.map((type) => ({
      doc: "",
      text: declare(constants.get(type.name) as string, DESCRIPTOR_TYPES[type.kind], object(typeEntries(type, (namespace) => (namespace === agent.namespace ? undefined : nsName(namespace)))), false),
    })),
    {
      doc: `/** The ${agent.name} agent's SOAP binding: endpoint, headers and the types of the response headers. */`,
      text: declare(SOAP_AGENT, "SoapSchema", object([
        ["name", q(agent.name)],
        ["ns", "ns"],
        ["endpoint", q(agent.endpoint)],
        // Left out where the binding declares every header the envelope writes, as the runtime takes it when absent.
        ["requestHeaders", declaresAllHeaders(agent) ? undefined : agent.requestHeaders.map((header) => q(header.name))],
        ["responseHeaders", agent.responseHeaders.map((header) => `[${q(header.name)}, ${q(header.type)}]`)],
        ["types", record(headerRefs, "soap", [], ownHeaderType)],
      ])),
    },
    {
      doc: `/** The ${agent.name} agent as the REST transport names it in hooks and errors. */`,
      text: declare(REST_AGENT, "RestSchema", object([["name", q(agent.name)]])),
    },
    ...[...records.values()].map((found) => ({
      doc: `/** The types of ${found.users.join(", ")} over ${found.transport === "rest" ? "REST" : "SOAP"}. */`,
      text: declare(found.name, "TypeRecord", found.value, false),
    })),
    ...operationDeclarations,
  ];
  const texts = declarations.map((declaration) => declaration.text).join("\n");
  const typeImports = [
    ...new Set(declared.map((type) => DESCRIPTOR_TYPES[type.kind])),
    ...(agent.operations.some((operation) => operation.params.length) ? ["FieldDescriptor"] : []),
    "RestOperationDescriptor",
    "RestSchema",
    "SoapOperationDescriptor",
    "SoapSchema",
    "TypeRecord",
  ];
  const imports = [
    ...["ENUM", "FLAGS", "NILLABLE", "NILLABLE_OPTIONAL", "OPTIONAL"].filter((flag) => new RegExp(`\\b${flag}\\b`).test(texts)),
    ...typeImports.sort().map((name) => `type ${name}`),
  ];
  const named = [
    ...(agent.operations.some(sendsBody) ? [JSON_WRITER] : []),
    ...(agent.operations.some((operation) => operation.rest.binaryResponse) ? [BYTES_READER, BASE64_DECODER] : []),
    ...(deriving.size > 0 ? [DERIVED_PICKER] : []),
    ...[...codecs].map((name) => ({ name, module: "values.js" })),
    ...(readingAny.size > 0 ? [ANY_READER] : []),
    ...(writingTrees.size > 0 ? [XML_WRITER] : []),
  ];
  const modules = [...new Set(named.map((item) => item.module))].sort(compareStrings);
  const codecImports = modules.map((module) => ({
    names: named.filter((item) => item.module === module).map((item) => item.name).sort(compareStrings).join(", "),
    module,
  }));
  return { agent: agent.name, imports, codecImports, namespaces: [...namespaces].map(([value, name]) => ({ name, value: q(value) })), declarations };
}

/** A type's descriptor on one line (entity schemas); `nsName` names the namespace's variable, undefined to leave it out. */
export function typeDescriptor(type: TypeDef, nsName: (namespace: string) => string | undefined): string {
  return print(object(typeEntries(type, nsName, "NILLABLE | OPTIONAL")), null);
}

const DESCRIPTOR_TYPES = { carrier: "CarrierDescriptor", enum: "EnumDescriptor", array: "ArrayDescriptor", dictionary: "DictionaryDescriptor" } as const;

/** `both`: how a field's two flags print where it is written as a tuple (see `fields`). */
function typeEntries(type: TypeDef, nsName: (namespace: string) => string | undefined, both = "NILLABLE_OPTIONAL"): Entry[] {
  switch (type.kind) {
    case "carrier":
      // No kind: a descriptor without one is a carrier (schema.ts), the most common kind.
      return [
        ["ns", nsName(type.namespace)],
        ["base", type.base ? q(type.base) : undefined],
        ["derived", type.derived?.map(q)],
        ["fields", fields(type.fields, both)],
      ];
    case "enum": {
      const empty = emptyFlagsName(type);
      return [["kind", q("enum")], ["flags", type.flags ? "true" : undefined], ["empty", type.flags && empty ? q(empty) : undefined]];
    }
    case "array":
      return [
        ["kind", q("array")],
        ["ns", nsName(type.namespace)],
        ["item", q(type.itemType)],
        // Absent where it is the item type's name (CustomCommand[] of CustomCommand elements): the runtime takes that.
        ["element", type.itemElement === type.itemType ? undefined : q(type.itemElement)],
        ["itemsNotNil", type.itemNillable ? undefined : "true"],
      ];
    case "dictionary":
      return [
        ["kind", q("dictionary")],
        ["ns", nsName(type.namespace)],
        ["entry", q(type.entryElement)],
        ["key", q(type.keyType)],
        ["value", q(type.valueType)],
        ["valueNotNil", type.valueNillable === false ? "true" : undefined],
      ];
  }
}

/** What both halves of an operation say alike: its name, parameters (`params`: their constant) and result. */
function coreEntries(operation: Operation, params: string): Entry[] {
  return [
    ["name", q(operation.name)],
    ["params", params],
    ["returns", operation.returns === "void" ? "null" : q(operation.returns)],
    ["returnsNonNull", operation.returns !== "void" && !operation.returnsNillable ? "true" : undefined],
    ["bytes", operation.rest.binaryResponse ? "true" : undefined],
    ["results", operation.results.length ? q(resultsKey(operation)) : undefined],
  ];
}

/** `derives`: whether the operation's answer may hold a carrier with derived carriers (`revivesDerived`). */
function restEntries(agent: Agent, operation: Operation, derives: boolean): Entry[] {
  const { rest } = operation;
  const pairs = (items: readonly { name: string; param: string }[] | undefined): Code | undefined =>
    items?.length ? items.map((item) => `[${q(item.name)}, ${q(item.param)}]`) : undefined;
  // Each left out where it is what the runtime takes when absent (schema.ts), as for every agent operation of the WebAPI.
  return [
    ["method", rest.method === restMethodOf({ rest: {} }) ? undefined : q(rest.method)],
    ["path", rest.path === restPathOf({ name: agent.name }, { name: operation.name, rest: {} }) ? undefined : q(rest.path)],
    ["query", pairs(rest.query)],
    ["body", rest.bodyParam ? q(rest.bodyParam) : undefined],
    ["rename", pairs(rest.bodyRenames)],
    ["accept", rest.binaryResponse ? q(rest.binaryResponse.join(", ")) : undefined],
    ["write", sendsBody(operation) ? JSON_WRITER.name : undefined],
    ["readBytes", rest.binaryResponse ? BYTES_READER.name : undefined],
    ["derive", derives ? DERIVED_PICKER.name : undefined],
  ];
}

/** The runtime's JSON writer, which a REST descriptor names where its operation sends a body. */
const JSON_WRITER = { name: "writeJsonBody", module: "json.js" };
/** The runtime's reader of raw answers, which a REST descriptor names where its operation answers bytes. */
const BYTES_READER = { name: "readBytes", module: "rest.js" };
/** The runtime's base64 decoder, which a SOAP descriptor names where its operation answers bytes. */
const BASE64_DECODER = { name: "fromBase64", module: "values.js" };
/** The runtime's picker of derived carriers in JSON, which a REST descriptor names where its operation's answer may hold one. */
export const DERIVED_PICKER = { name: "pickDerivedByFields", module: "json.js" };
/** The runtime's XML writer of what the envelope does not write itself (carriers, flags, …), which a SOAP descriptor names where a parameter is such. */
const XML_WRITER = { name: "writeXmlTree", module: "xml-write.js" };
/** The runtime's reader of anyType values (`xsi:type="x:int"`, else text or children), which a SOAP descriptor names where its answer holds one. */
const ANY_READER = { name: "readAnyType", module: "xml-read.js" };

/** Whether a SOAP call writes a parameter the envelope does not write itself: anything but a primitive or a plain enum (no flags). */
function writesTree(operation: Operation, types: TypeLookup): boolean {
  return operation.params.some((param) => {
    if (primitiveOf(param.type) !== undefined) return false;
    const type = types.get(param.type);
    return type?.kind !== "enum" || type.flags;
  });
}

/** Whether what an operation answers is or holds an anyType. */
function readsAnyType(operation: Operation, types: TypeLookup): boolean {
  const primitives = new Set<string>();
  reachableFrom(answerRefs(operation), types, primitives);
  return primitives.has("anyType");
}

/** Whether the types `refs` reach hold a carrier with derived carriers, which JSON revival tells apart by their fields. */
export function revivesDerived(refs: readonly string[], types: TypeLookup): boolean {
  return reachableFrom(refs, types).some((type) => type.kind === "carrier" && (type.derived?.length ?? 0) > 0);
}

/** The types of what an operation answers: its result and any out parameters. */
function answerRefs(operation: Operation): string[] {
  return [operation.returns, ...operation.results.map((part) => part.type)];
}

/** Whether the REST call sends a JSON body: a parameter outside the query, unless the method takes none (rest.ts). */
function sendsBody(operation: Operation): boolean {
  const { rest } = operation;
  if (["GET", "HEAD", "DELETE"].includes(rest.method.toUpperCase())) return false;
  return rest.bodyParam !== null || operation.params.some((param) => !rest.query.some((item) => item.param === param.name));
}

/** Multi-part responses read as a carrier of their parts, in the agent namespace of the wrapper (the default: no `ns`). */
function resultsCarrier(operation: Operation): Entry[] {
  return [["fields", fields(operation.results)]];
}

/**
 * Whether the runtime's built-in descriptor of the type's name (soap-envelope.ts BUILTIN_TYPES,
 * behind every binding's header types) is the one the type would print, in the agent namespace.
 */
function isBuiltIn(type: TypeDef, agentNamespace: string): boolean {
  const builtIn = Object.hasOwn(BUILTIN_TYPES, type.name) ? BUILTIN_TYPES[type.name] : undefined;
  if (builtIn === undefined) return false;
  const printed = `{ ${Object.entries(builtIn).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(", ")} }`;
  return typeDescriptor(type, (namespace) => (namespace === agentNamespace ? undefined : "ns")) === printed;
}

/** The runtime's shared enum descriptors (schema.ts), by what they describe. */
const SHARED = new Set(["ENUM", "FLAGS"]);

/**
 * Whether the runtime infers the array's descriptor (descriptors.ts): `X[]` of a carrier X whose
 * items are X elements in X's namespace, nil ones allowed (and left out) — most ArrayOf types.
 */
function impliedArray(type: TypeDef, types: TypeLookup): boolean {
  if (type.kind !== "array") return false;
  const item = types.get(type.itemType);
  return item?.kind === "carrier" && type.name === `${type.itemType}[]` && type.itemElement === type.itemType && type.itemNillable && type.namespace === item.namespace;
}

/** Whether the agent's binding declares every request header the runtime's envelope writes (the same set). */
function declaresAllHeaders(agent: Agent): boolean {
  const names = new Set(agent.requestHeaders.map((header) => header.name));
  return names.size === SOAP_REQUEST_HEADERS.length && SOAP_REQUEST_HEADERS.every((name) => names.has(name));
}

/** Whether the binding declares the agent's request headers for this operation (else it names its own, fewer). */
function sameHeaders(agent: Agent, operation: Operation): boolean {
  return operation.requestHeaders.join("\n") === agent.requestHeaders.map((header) => header.name).join("\n");
}

function operationRefs(operation: Operation): string[] {
  return [operation.returns, ...operation.params.map((param) => param.type), ...operation.results.map((part) => part.type)];
}

/** A key no schema type can have (type names are identifiers). */
function resultsKey(operation: Operation): string {
  return `${operation.name}:results`;
}

/**
 * The constant of each type: its identifier (the types module's, so `1Type` is `_1Type$`) with a
 * `$` suffix, which no schema name has (unsafe names are refused), so it never meets `ns`, the
 * runtime's names or an operation's constants.
 */
function typeConstants(reachable: readonly TypeDef[]): Map<string, string> {
  const constants = new Map<string, string>();
  const used = new Set<string>();
  for (const type of reachable) {
    if (type.kind === "enum" && (!type.flags || emptyFlagsName(type) === undefined)) {
      constants.set(type.name, type.flags ? "FLAGS" : "ENUM");
      continue;
    }
    let name = `${toIdentifier(type.name)}$`;
    while (used.has(name)) name += "$";
    used.add(name);
    constants.set(type.name, name);
  }
  return constants;
}

interface FieldSource {
  name: string;
  type: string;
  nillable: boolean;
  optional: boolean;
}

/**
 * `["Name", "string", NILLABLE_OPTIONAL]` (a parameter, or a field whose name or type the text
 * form cannot hold), with the runtime's flag names so the descriptor reads as written by hand;
 * `both` is how both flags print (`NILLABLE | OPTIONAL` in entity schemas).
 */
function field(item: FieldSource, both = "NILLABLE_OPTIONAL"): string {
  const flags = item.nillable && item.optional ? both : item.nillable ? "NILLABLE" : item.optional ? "OPTIONAL" : "";
  return flags ? `[${q(item.name)}, ${q(item.type)}, ${flags}]` : `[${q(item.name)}, ${q(item.type)}]`;
}

/**
 * A carrier's fields as the runtime's `FieldsText` (schema.ts): `Name!:type?` each, `!` after the
 * name where it is not OPTIONAL and `?` after the type for NILLABLE (`Name` alone for an optional
 * nillable string, the commonest field), a field per printed line; in a bundle, where
 * no string is shortened, about a third of the bytes of tuples. Tuples where a name or type holds
 * a space, a colon, a `!` or a `?` (OpenAPI property names may), which the text could not tell apart.
 */
function fields(items: readonly FieldSource[], both = "NILLABLE_OPTIONAL"): Code {
  if (items.some((item) => /[\s:!?]/.test(item.name + item.type))) return items.map((item) => field(item, both));
  return {
    lines: items.map((item) => {
      const name = `${item.name}${item.optional ? "" : "!"}`;
      return item.nillable && item.type === "string" ? name : `${name}:${item.type}${item.nillable ? "?" : ""}`;
    }),
  };
}

/**
 * Printable code: a leaf is printed as it is (a literal, an identifier, a field tuple), an array
 * item by item, an object entry by entry, leaving out entries whose value is undefined; an entry
 * whose value is its own key (`ns`) prints as shorthand.
 */
type Code = string | readonly Code[] | ObjectCode | TextLines;
/** [the key as printed (an identifier, a string literal), its value] */
type Entry = readonly [key: string, value: Code | undefined];
interface ObjectCode {
  readonly entries: readonly Entry[];
}
/** One string of words joined by spaces, printed a word per line as concatenated literals (a bundler joins them). */
interface TextLines {
  readonly lines: readonly string[];
}

const object = (entries: readonly Entry[]): ObjectCode => ({ entries });

/** `export const name: Type = …;` (`exported` false: a module-local constant). */
function declare(name: string, type: string, value: Code, exported = true): string {
  return `${exported ? "export " : ""}const ${name}: ${type} = ${print(value, "")};`;
}

/** One item or entry per line at `indent`, or all on one line when `indent` is null. */
function print(code: Code, indent: string | null): string {
  if (typeof code === "string") return code;
  const inner = indent === null ? null : `${indent}  `;
  if ("lines" in code) {
    const { lines } = code;
    if (inner === null || lines.length < 2) return q(lines.join(" "));
    return lines.map((line, i) => `\n${inner}${q(i < lines.length - 1 ? `${line} ` : line)}`).join(" +");
  }
  const items = Array.isArray(code)
    ? (code as readonly Code[]).map((item) => print(item, inner))
    : (code as ObjectCode).entries.flatMap(([key, value]) => {
        if (value === undefined) return [];
        if (key === value) return [key];
        // Text over several lines starts on the next line (asked of the code: a test of the printed string would flatten it).
        return [startsOnNextLine(value, inner) ? `${key}:${print(value, inner)}` : `${key}: ${print(value, inner)}`];
      });
  const [open, close] = Array.isArray(code) ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return `${open}${close}`;
  if (indent === null) return Array.isArray(code) ? `[${items.join(", ")}]` : `{ ${items.join(", ")} }`;
  return `${open}\n${items.map((item) => `${inner}${item},`).join("\n")}\n${indent}${close}`;
}

/** Whether `print(code, indent)` begins with a line break: text of more than one line, printed a word per line. */
function startsOnNextLine(code: Code, indent: string | null): boolean {
  return indent !== null && typeof code === "object" && "lines" in code && code.lines.length >= 2;
}

/**
 * Named types reachable from these references, bases and derived carriers included, sorted by
 * name; the primitives they use (anyType included) go into `primitives`.
 */
export function reachableFrom(refs: readonly string[], types: TypeLookup, primitives?: Set<string>): TypeDef[] {
  const seen = new Map<string, TypeDef>();
  for (const ref of refs) {
    const reach = reachOf(ref, types);
    for (const type of reach.types) seen.set(type.name, type);
    for (const primitive of reach.primitives) primitives?.add(primitive);
  }
  return [...seen.values()].sort((a, b) => compareStrings(a.name, b.name));
}

/** What one reference reaches: the named types and the primitives they use. */
interface Reach {
  types: readonly TypeDef[];
  primitives: readonly string[];
}

/** Each version's references walked once: every operation and endpoint of an agent reaches the same few carriers again. */
const reaches = new WeakMap<TypeLookup, Map<string, Reach>>();

function reachOf(root: string, types: TypeLookup): Reach {
  let known = reaches.get(types);
  if (!known) reaches.set(types, (known = new Map()));
  const cached = known.get(root);
  if (cached) return cached;
  const seen = new Map<string, TypeDef>();
  const primitives = new Set<string>();
  const pending = [root];
  while (pending.length) {
    const ref = pending.pop() as string;
    if (ref === "void" || seen.has(ref)) continue;
    if (isPrimitive(ref)) {
      primitives.add(ref);
      continue;
    }
    const type = types.get(ref);
    if (!type) {
      // An `X[]` the schema has no ArrayOf type for (REST-only shapes): its items are still reached.
      const item = arrayItemOf(ref);
      if (item !== null) pending.push(item);
      continue;
    }
    seen.set(ref, type);
    if (type.kind === "carrier") pending.push(...(type.base ? [type.base] : []), ...(type.derived ?? []), ...type.fields.map((item) => item.type));
    else if (type.kind === "array") pending.push(type.itemType);
    else if (type.kind === "dictionary") pending.push(type.keyType, type.valueType);
  }
  const reach = { types: [...seen.values()], primitives: [...primitives] };
  known.set(root, reach);
  return reach;
}

const q = (text: string): string => JSON.stringify(text);
