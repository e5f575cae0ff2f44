/**
 * XSD → parser types: type references become reference strings ("int", "User", "string[]"),
 * named complex/simple types become SchemaTypes (carrier, enum, dictionary, array).
 */
import type { DiagnosticSink } from "../../diagnostics.js";
import type { SchemaCarrier, SchemaEnum, SchemaField, SchemaType, WsdlElement } from "../types.js";
import { SERIALIZATION_NS, SERIALIZATION_PRIMITIVES, XSD_NS } from "./namespaces.js";
import { qualifiedKey, type SchemaIndex, type SchemaNode } from "./schema-index.js";
import type { LineIndex } from "../../util/text.js";
import { firstChildNamed, resolveQName, type XmlElement } from "./xml.js";

export interface SchemaContext {
  index: SchemaIndex;
  sink: DiagnosticSink;
  lines: LineIndex;
  /** Output SchemaTypes in definition order; anonymous types are added where they are met. */
  types: SchemaType[];
  typesByName: Map<string, SchemaType>;
  /** Model reference per qualifiedKey, memoised (ArrayOfArrayOfX chains, aliases). */
  refs: Map<string, string>;
  /** Undefined references already reported, so each is reported once. */
  undefinedReported: Set<string>;
}

export function createSchemaContext(index: SchemaIndex, sink: DiagnosticSink, lines: LineIndex): SchemaContext {
  return { index, sink, lines, types: [], typesByName: new Map(), refs: new Map(), undefinedReported: new Set() };
}

/**
 * Adds a SchemaType for every named schema type (aliases and Serialization primitives have none),
 * checks their base chains, and resolves the type of every global element, used or not, so a
 * reference that resolves nowhere is reported wherever it is.
 */
export function buildNamedTypes(ctx: SchemaContext): void {
  const derived: { carrier: SchemaCarrier; node: XmlElement }[] = [];
  for (const def of ctx.index.typeOrder) {
    const name = def.node.attrs.name;
    if (!name || (def.targetNamespace === SERIALIZATION_NS && SERIALIZATION_PRIMITIVES.has(name))) continue;
    const typeDef = typeDefFor(ctx, def, name, namedRef(ctx, def, name));
    if (!typeDef) continue;
    addSchemaType(ctx, typeDef, def.node);
    if (typeDef.kind === "carrier" && typeDef.base !== null) derived.push({ carrier: typeDef, node: def.node });
  }
  for (const { carrier, node } of derived) checkBase(ctx, carrier, node);
  for (const element of ctx.index.elements.values()) if (element.node.attrs.type) typeRef(ctx, element.node, element.node.attrs.type);
}

/** A carrier extends a carrier, and no chain of bases comes back to where it started: anything else cannot be emitted. */
function checkBase(ctx: SchemaContext, carrier: SchemaCarrier, node: XmlElement): void {
  const line = ctx.lines.lineAt(node.offset);
  const base = carrier.base === null ? undefined : ctx.typesByName.get(carrier.base);
  if (base?.kind !== "carrier") {
    ctx.sink.error(line, "wsdl.invalid-base", `The type ${carrier.name} extends ${carrier.base}, which is ${base ? `a${base.kind === "enum" || base.kind === "array" ? "n" : ""} ${base.kind}` : "no complex type of this WSDL"}; only a complex type can be extended.`);
    return;
  }
  const chain = [carrier.name];
  for (let next: SchemaType | undefined = base; next?.kind === "carrier"; next = next.base === null ? undefined : ctx.typesByName.get(next.base)) {
    if (next.name === carrier.name) {
      ctx.sink.error(line, "wsdl.cyclic-base", `The base types of ${carrier.name} go round in a circle (${[...chain, carrier.name].join(" → ")}); a type cannot extend itself.`);
      return;
    }
    if (chain.includes(next.name)) return; // a cycle further up, reported on its own types
    chain.push(next.name);
  }
}

/** Model reference for a QName-valued attribute, resolved in the scope of `owner`. */
export function typeRef(ctx: SchemaContext, owner: XmlElement, qname: string): string {
  const name = resolveQName(owner, qname);
  if (!name) return reportUndefined(ctx, owner, qname, qname.slice(qname.indexOf(":") + 1));
  if (name.namespace === XSD_NS) return name.local;
  if (name.namespace === SERIALIZATION_NS && SERIALIZATION_PRIMITIVES.has(name.local)) return name.local;
  const def = ctx.index.types.get(qualifiedKey(name.namespace, name.local));
  return def ? namedRef(ctx, def, name.local) : reportUndefined(ctx, owner, qname, name.local);
}

/** A sequence element (field, parameter, response, header) as the parser reports it. */
export function readElement(ctx: SchemaContext, el: XmlElement, parentName: string, namespace: string): WsdlElement {
  const name = el.attrs.name ?? "";
  const maxOccurs = el.attrs.maxOccurs;
  if (maxOccurs !== undefined && maxOccurs !== "1") {
    unknownConstruct(ctx, el, parentName, `maxOccurs="${maxOccurs}" on element ${name}`, "read as a single value");
  }
  return {
    name,
    type: elementType(ctx, el, parentName, namespace),
    optional: el.attrs.minOccurs === "0",
    nillable: el.attrs.nillable === "true",
    line: ctx.lines.lineAt(el.offset),
  };
}

/** The element children of a wrapper element's complex type (inline or named); null when it has none. */
export function wrapperSequence(ctx: SchemaContext, wrapper: SchemaNode): XmlElement[] | null {
  const { node } = wrapper;
  const inline = firstChildNamed(node, XSD_NS, "complexType");
  if (inline) return complexContent(ctx, inline, node.attrs.name ?? "").elements;
  const named = node.attrs.type ? resolveQName(node, node.attrs.type) : null;
  const def = named ? ctx.index.types.get(qualifiedKey(named.namespace, named.local)) : undefined;
  return def?.node.local === "complexType" ? complexContent(ctx, def.node, named?.local ?? "").elements : null;
}

// ---------------------------------------------------------------- references

function namedRef(ctx: SchemaContext, def: SchemaNode, name: string): string {
  const key = qualifiedKey(def.targetNamespace, name);
  const known = ctx.refs.get(key);
  if (known !== undefined) return known;
  ctx.refs.set(key, name); // ends a self-referencing alias chain at the type's own name
  const ref = shapeRef(ctx, def, name);
  ctx.refs.set(key, ref);
  return ref;
}

function shapeRef(ctx: SchemaContext, def: SchemaNode, name: string): string {
  if (def.node.local === "complexType") {
    const shape = complexShape(def.node);
    return shape.kind === "array" ? `${elementType(ctx, shape.item, name, def.targetNamespace)}[]` : name;
  }
  const shape = simpleShape(def.node);
  if (shape.kind === "alias") return typeRef(ctx, shape.restriction, shape.base);
  // Unsupported simple types (unions, lists of non-enums) travel as text.
  return shape.kind === "enum" ? name : "string";
}

/** Type of an element: its type attribute, an inline (anonymous) type, or anyType. */
export function elementType(ctx: SchemaContext, el: XmlElement, parentName: string, namespace: string): string {
  if (el.attrs.type) return typeRef(ctx, el, el.attrs.type);
  const inline = el.children.find((c) => c.namespace === XSD_NS && (c.local === "complexType" || c.local === "simpleType"));
  return inline ? anonymousType(ctx, inline, `${parentName}${el.attrs.name ?? ""}`, namespace) : "anyType";
}

/** An inline type on a field gets a synthesized name, <Parent><Field>. */
function anonymousType(ctx: SchemaContext, node: XmlElement, name: string, namespace: string): string {
  const def = { node, targetNamespace: namespace };
  const ref = shapeRef(ctx, def, name);
  const typeDef = typeDefFor(ctx, def, name, ref);
  if (typeDef) {
    ctx.sink.info(ctx.lines.lineAt(node.offset), "wsdl.anonymous-type", `Inline anonymous type is emitted as ${typeDef.kind} ${typeDef.name}.`);
    addSchemaType(ctx, typeDef, node);
  }
  return ref;
}

function reportUndefined(ctx: SchemaContext, owner: XmlElement, qname: string, local: string): string {
  if (!ctx.undefinedReported.has(qname)) {
    ctx.undefinedReported.add(qname);
    ctx.sink.warning(ctx.lines.lineAt(owner.offset), "wsdl.undefined-type", `Type ${qname} is referenced but defined nowhere in the WSDL.`);
  }
  return local;
}

// ---------------------------------------------------------------- shapes

type ComplexShape = { kind: "array"; item: XmlElement } | { kind: "dictionary"; entry: XmlElement } | { kind: "carrier" };

type SimpleShape =
  | { kind: "enum"; flags: boolean; restriction: XmlElement }
  | { kind: "alias"; restriction: XmlElement; base: string }
  | { kind: "unsupported"; construct: XmlElement };

/** WCF collections are a sequence of one unbounded element; IsDictionary marks the dictionary ones. */
function complexShape(node: XmlElement): ComplexShape {
  const content = node.children.filter((c) => c.local !== "annotation");
  const sequence = content.length === 1 && content[0].local === "sequence" ? content[0] : undefined;
  const repeated = sequence?.children.length === 1 ? sequence.children[0] : undefined;
  if (repeated?.local !== "element" || repeated.attrs.maxOccurs !== "unbounded") return { kind: "carrier" };
  return appinfo(node, "IsDictionary")?.text === "true" ? { kind: "dictionary", entry: repeated } : { kind: "array", item: repeated };
}

function simpleShape(node: XmlElement): SimpleShape {
  const content = node.children.find((c) => c.namespace === XSD_NS && c.local !== "annotation");
  if (content?.local === "restriction") {
    if (firstChildNamed(content, XSD_NS, "enumeration")) return { kind: "enum", flags: false, restriction: content };
    const base = content.attrs.base;
    if (base !== undefined) return { kind: "alias", restriction: content, base };
  }
  if (content?.local === "list") {
    const itemType = firstChildNamed(content, XSD_NS, "simpleType");
    const restriction = itemType && firstChildNamed(itemType, XSD_NS, "restriction");
    if (restriction && firstChildNamed(restriction, XSD_NS, "enumeration")) return { kind: "enum", flags: true, restriction };
  }
  return { kind: "unsupported", construct: content ?? node };
}

/** A WCF annotation (IsDictionary, ActualType, EnumerationValue) under xs:annotation/xs:appinfo. */
function appinfo(node: XmlElement, local: string): XmlElement | undefined {
  const info = firstChildNamed(node, XSD_NS, "annotation");
  const app = info && firstChildNamed(info, XSD_NS, "appinfo");
  return app && firstChildNamed(app, SERIALIZATION_NS, local);
}

// ---------------------------------------------------------------- SchemaTypes

function typeDefFor(ctx: SchemaContext, def: SchemaNode, name: string, ref: string): SchemaType | null {
  const { node, targetNamespace } = def;
  const common = { namespace: targetNamespace };
  if (node.local === "complexType") {
    const shape = complexShape(node);
    if (shape.kind === "array") {
      const item = shape.item;
      return { name: ref, kind: "array", ...common, itemType: ref.slice(0, -2), itemElement: item.attrs.name ?? "", itemNillable: item.attrs.nillable === "true" };
    }
    if (shape.kind === "dictionary") return dictionaryDef(ctx, shape.entry, name, common);
    const { base, elements } = complexContent(ctx, node, name);
    const fields = elements.map((el) => toField(readElement(ctx, el, name, targetNamespace)));
    return { name, kind: "carrier", ...common, base, fields };
  }
  const shape = simpleShape(node);
  if (shape.kind === "enum") {
    const underlying = appinfo(node, "ActualType")?.attrs.Name ?? "int";
    return { name, kind: "enum", ...common, flags: shape.flags, underlying, values: enumValues(ctx, shape.restriction) };
  }
  if (shape.kind === "unsupported") unknownConstruct(ctx, shape.construct, name, `<${shape.construct.tag}>`, "the type is read as string");
  return null;
}

type SchemaTypeCommon = Pick<SchemaType, "namespace">;

function dictionaryDef(ctx: SchemaContext, entry: XmlElement, name: string, common: SchemaTypeCommon): SchemaType {
  const entryName = entry.attrs.name ?? "";
  const entryType = firstChildNamed(entry, XSD_NS, "complexType");
  const pair = entryType ? complexContent(ctx, entryType, name).elements : [];
  const key = pair.find((el) => el.attrs.name === "Key");
  const value = pair.find((el) => el.attrs.name === "Value");
  if (!key || !value) unknownConstruct(ctx, entry, name, `dictionary entry ${entryName} without inline Key and Value`, "typed anyType");
  const typeOf = (el: XmlElement | undefined) => (el ? elementType(ctx, el, `${name}${entryName}`, common.namespace) : "anyType");
  return { name, kind: "dictionary", ...common, entryElement: entryName, keyType: typeOf(key), valueType: typeOf(value), valueNillable: value?.attrs.nillable === "true" };
}

function enumValues(ctx: SchemaContext, restriction: XmlElement): SchemaEnum["values"] {
  const values: SchemaEnum["values"] = [];
  for (const enumeration of restriction.children) {
    if (enumeration.local !== "enumeration") continue;
    const name = enumeration.attrs.value ?? "";
    const text = appinfo(enumeration, "EnumerationValue")?.text;
    let value: number | null = null;
    if (text !== undefined) {
      value = Number(text);
      if (text === "" || !Number.isInteger(value)) {
        ctx.sink.warning(ctx.lines.lineAt(enumeration.offset), "wsdl.bad-enum-value", `Enumeration value "${text}" of ${name} is not an integer; it is left implicit.`);
        value = null;
      }
    }
    values.push({ name, value });
  }
  return values;
}

/** Base type and own sequence elements of a complex type; anything else is reported and skipped. */
function complexContent(ctx: SchemaContext, node: XmlElement, ownerName: string): { base: string | null; elements: XmlElement[] } {
  let base: string | null = null;
  const elements: XmlElement[] = [];
  for (const child of node.children) {
    if (child.namespace === XSD_NS && child.local === "annotation") continue;
    if (child.namespace === XSD_NS && child.local === "sequence") {
      collectSequence(ctx, child, ownerName, elements);
      continue;
    }
    const extension = child.namespace === XSD_NS && child.local === "complexContent" ? firstChildNamed(child, XSD_NS, "extension") : undefined;
    if (!extension?.attrs.base) {
      unknownConstruct(ctx, child, ownerName, `<${child.tag}>`);
      continue;
    }
    base = typeRef(ctx, extension, extension.attrs.base);
    for (const part of extension.children) {
      if (part.namespace === XSD_NS && part.local === "sequence") collectSequence(ctx, part, ownerName, elements);
      else if (part.local !== "annotation") unknownConstruct(ctx, part, ownerName, `<${part.tag}>`);
    }
  }
  return { base, elements };
}

function collectSequence(ctx: SchemaContext, sequence: XmlElement, ownerName: string, into: XmlElement[]): void {
  for (const child of sequence.children) {
    if (child.namespace === XSD_NS && child.local === "element" && child.attrs.name !== undefined) into.push(child);
    else if (child.local !== "annotation") unknownConstruct(ctx, child, ownerName, `<${child.tag}>`);
  }
}

function toField(el: WsdlElement): SchemaField {
  return { name: el.name, type: el.type, optional: el.optional, nillable: el.nillable };
}

function addSchemaType(ctx: SchemaContext, typeDef: SchemaType, node: XmlElement): void {
  const existing = ctx.typesByName.get(typeDef.name);
  if (existing) {
    ctx.sink.warning(
      ctx.lines.lineAt(node.offset),
      "wsdl.duplicate-type",
      `Type ${typeDef.name} in ${typeDef.namespace} has the same model name as one in ${existing.namespace}; the first is kept.`,
    );
    return;
  }
  ctx.typesByName.set(typeDef.name, typeDef);
  ctx.types.push(typeDef);
}

function unknownConstruct(ctx: SchemaContext, node: XmlElement, ownerName: string, what: string, consequence = "skipped"): void {
  ctx.sink.warning(ctx.lines.lineAt(node.offset), "wsdl.unknown-construct", `Unknown construct ${what} in ${ownerName}: ${consequence}.`);
}
