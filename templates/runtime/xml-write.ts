/**
 * Schema-directed XML writing of request values (document/literal, DataContractSerializer shapes).
 *
 * Namespaces: elements in the writer's default namespace (the agent namespace, declared by the
 * caller on the request wrapper) are unprefixed. Any other namespace gets one prefix for the
 * whole message — `i` for XMLSchema-instance (every `i:nil`), `n1`, `n2`, … for others in the
 * order they are first used (XMLSchema, the Serialization Arrays namespace, …) — collected in `declarations` so the caller can
 * declare them once on the Envelope.
 */
import { carrierNamed, derivedCarrier, indexOf, XSI_TYPE, type Resolved, type ResolvedCarrier, type SchemaIndex } from "./descriptors.js";
import { NILLABLE, type TypeDescriptor, type TypeRef, type XmlTreeWrite } from "./schema.js";
import { describe, formatFlagsXml, ValueError, withPath, XML_DATE_TIME, XML_DOUBLE, XML_LONG, XSD_NS, XSI_NS } from "./values.js";
import { escapeAttr, escapeText } from "./xml-escape.js";
import { missingCodec } from "./xml-read.js";

export const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

/**
 * Writes primitives (by their codecs) and plain enums (not flags) itself; any other value goes to
 * `tree` (`writeXmlTree`, which the descriptors of operations that send one name:
 * `SoapOperationDescriptor.write`), so a call whose parameters are all simple bundles none of that.
 */
export class XmlWriter {
  /** The XML written so far. */
  out = "";
  declare readonly index: SchemaIndex;
  declare readonly defaultNs: string;
  readonly #tree: XmlTreeWrite | undefined;
  readonly #prefixes = new Map<string, string>();
  /** How many `n1`, `n2`, … prefixes are taken. */
  #numbered = 0;
  /** ` xmlns:p="ns"` of every prefix taken so far, in the order taken. */
  declarations = "";

  constructor(types: Readonly<Record<string, TypeDescriptor>>, defaultNs: string, tree?: XmlTreeWrite) {
    this.index = indexOf(types);
    this.defaultNs = defaultNs;
    this.#tree = tree;
  }

  /** Writes one element `name` in `ns` (undefined: the default namespace) holding `value` of `type`; undefined writes nothing. */
  writeElement(ns: string | undefined, name: string, type: TypeRef, flags: number, value: unknown): void {
    if (value === undefined) return;
    const tag = this.qualified(ns, name);
    if (value === null) {
      // Null on a non-nillable element is left out, like undefined (minOccurs=0 everywhere in NetServer).
      if (flags & NILLABLE) this.out += `<${tag} ${this.prefix(XSI_NS)}:nil="true"/>`;
      return;
    }
    const resolved = this.index.resolve(type);
    if (resolved.kind === "primitive") this.text(tag, escapeText(resolved.write!(value, type)));
    else if (resolved.kind !== "enum" || resolved.flags) {
      if (this.#tree === undefined) throw missingCodec(type, "XML writer (write)");
      this.#tree(this, tag, resolved, value);
    } else if (typeof value === "string" || typeof value === "number") this.text(tag, escapeText(String(value)));
    else throw new ValueError(`expected an enum name for ${type}, got ${describe(value)}`);
  }

  /** Element `tag` holding `content` (escaped text), or empty. */
  text(tag: string, content: string): void {
    this.out += content === "" ? `<${tag}/>` : `<${tag}>${content}</${tag}>`;
  }

  /** `name` in `ns` as a tag: unprefixed in the default namespace (also for an undefined `ns`, a descriptor's that leaves it out). */
  qualified(ns: string | undefined, name: string): string {
    return ns === undefined || ns === this.defaultNs ? name : `${this.prefix(ns)}:${name}`;
  }

  /** The message-wide prefix of a namespace (declared later on the Envelope). */
  prefix(ns: string): string {
    let prefix = this.#prefixes.get(ns);
    if (prefix === undefined) {
      prefix = ns === XSI_NS ? "i" : `n${++this.#numbered}`;
      this.#prefixes.set(ns, prefix);
      this.declarations += ` xmlns:${prefix}="${escapeAttr(ns)}"`;
    }
    return prefix;
  }
}

/**
 * Writes a carrier, array, dictionary, anyType or flags value as element `tag` (its start tag's
 * name), recursing through `writer.writeElement`. Throws ValueError (with a path).
 */
export const writeXmlTree: XmlTreeWrite = (writer, tag, resolved, value) => {
  switch (resolved.kind) {
    case "enum":
      return writer.text(tag, escapeText(formatFlagsXml(value, resolved.name)));
    case "carrier":
      return writeCarrier(writer, tag, resolved, value);
    case "array":
      return writeArray(writer, tag, resolved, value);
    case "dictionary":
      return writeDictionary(writer, tag, resolved, value);
    default:
      return writeAny(writer, tag, value);
  }
};

/** An object of properties: no null, array or Date. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function writeCarrier(writer: XmlWriter, tag: string, declared: ResolvedCarrier, value: unknown): void {
  if (!isRecord(value)) throw new ValueError(`expected an object for ${declared.name}, got ${describe(value)}`);
  const derived = (value as { [XSI_TYPE]?: unknown })[XSI_TYPE];
  if (typeof derived !== "string" || derived === declared.name) return writeFields(writer, tag, "", declared, value);
  const found = derivedCarrier(writer.index, derived, declared);
  if (found === undefined) throw new ValueError(`xsi type ${derived} is not ${declared.name} nor a carrier derived from it`);
  writeFields(writer, tag, xsiType(writer, found.ns, found.name), found, value);
}

/** Element `tag` (with `attributes`) holding the fields of `carrier` that `record` sets, in schema order. */
function writeFields(writer: XmlWriter, tag: string, attributes: string, carrier: ResolvedCarrier, record: Record<string, unknown>): void {
  writer.out += `<${tag}${attributes}>`;
  for (const field of carrier.fields) {
    withPath(field.name, () => writer.writeElement(field.ns, field.name, field.type, field.flags, record[field.name]));
  }
  writer.out += `</${tag}>`;
}

/** Element `tag` around what `writeContent` writes; `<tag/>` where that is nothing (an empty array or dictionary). */
function writeContainer(writer: XmlWriter, tag: string, writeContent: () => void): void {
  const before = writer.out;
  writer.out = "";
  writeContent();
  const content = writer.out;
  writer.out = before;
  writer.text(tag, content);
}

function writeArray(writer: XmlWriter, tag: string, array: Extract<Resolved, { kind: "array" }>, value: unknown): void {
  if (!Array.isArray(value)) throw new ValueError(`expected an array for ${array.name}, got ${describe(value)}`);
  writeContainer(writer, tag, () => {
    // Items are nillable in every NetServer array (ArrayOfstring, ArrayOfX of carriers); a null
    // item (or a hole) keeps its position as xsi:nil.
    for (const [i, item] of (value as unknown[]).entries()) {
      withPath(String(i), () => writer.writeElement(array.ns, array.element, array.item, NILLABLE, item ?? null));
    }
  });
}

function writeDictionary(writer: XmlWriter, tag: string, dict: Extract<Resolved, { kind: "dictionary" }>, value: unknown): void {
  let entries: Iterable<readonly [unknown, unknown]>;
  if (value instanceof Map) entries = value as Map<unknown, unknown>;
  else if (isRecord(value)) entries = Object.entries(value);
  else throw new ValueError(`expected an object (record) for ${dict.name}, got ${describe(value)}`);
  const entry = writer.qualified(dict.ns, dict.entry);
  writeContainer(writer, tag, () => {
    for (const [key, item] of entries) {
      writer.out += `<${entry}>`;
      withPath(String(key), () => {
        writer.writeElement(dict.ns, "Key", dict.key, NILLABLE, key);
        writer.writeElement(dict.ns, "Value", dict.value, NILLABLE, item ?? null);
      });
      writer.out += `</${entry}>`;
    }
  });
}

/** xs:anyType: the xsi:type comes from the JavaScript value. */
function writeAny(writer: XmlWriter, tag: string, value: unknown): void {
  const carrierName = typeof value === "object" && value !== null ? (value as { [XSI_TYPE]?: unknown })[XSI_TYPE] : undefined;
  if (typeof carrierName === "string") {
    const found = carrierNamed(writer.index, carrierName);
    if (found === undefined) throw new ValueError(`xsi type ${carrierName} is not a carrier of the schema`);
    return writeFields(writer, tag, xsiType(writer, found.ns, found.name), found, value as Record<string, unknown>);
  }
  const [xsdType, text] = primitiveOfAny(value);
  writer.out += `<${tag}${xsiType(writer, XSD_NS, xsdType)}>${escapeText(text)}</${tag}>`;
}

/** The XSD type and text of a primitive anyType value. */
function primitiveOfAny(value: unknown): [xsdType: string, text: string] {
  if (typeof value === "string") return ["string", value];
  if (typeof value === "boolean") return ["boolean", value ? "true" : "false"];
  // A bigint is a long, checked as one; a number past long's range is a double (1e21), as it is in JSON.
  if (typeof value === "bigint") return ["long", XML_LONG.write(value, "long")];
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < -(2 ** 63) || value >= 2 ** 63) return ["double", XML_DOUBLE.write(value, "double")];
    const xsdType = value >= -2147483648 && value <= 2147483647 ? "int" : "long";
    return [xsdType, XML_LONG.write(value, xsdType)];
  }
  if (value instanceof Date) return ["dateTime", XML_DATE_TIME.write(value, "dateTime")];
  throw new ValueError(`cannot infer an xsi:type for ${describe(value)} in anyType`);
}

/** The xsi:type attribute naming `local` in `ns`, always prefixed: some SOAP stacks resolve an unprefixed QName in no namespace, not the default one. */
function xsiType(writer: XmlWriter, ns: string | undefined, local: string): string {
  return ` ${writer.prefix(XSI_NS)}:type="${writer.prefix(ns ?? writer.defaultNs)}:${local}"`;
}
