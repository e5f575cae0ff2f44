/**
 * Schema-directed reading of parsed XML (xml-parse.ts) into JavaScript values.
 *
 * Namespaces: resolved properly, through the in-scope `xmlns` declarations, for everything
 * whose meaning depends on them — the SOAP envelope elements (soap-envelope.ts), `xsi:nil`,
 * `xsi:type` and the QName inside `xsi:type`. Payload elements are matched on their local name
 * inside the element the schema says they belong to; their namespace is not checked (servers
 * differ in how they qualify array items — node-soap puts ArrayOfstring items in the agent
 * namespace, WCF in the Arrays namespace — and a local name is unambiguous inside one carrier).
 *
 * Shapes: arrays always come back as arrays (one item or none included), dictionaries as plain
 * records (keys set with defineProperty, so a `__proto__` key is an own property), nil as null,
 * elements the schema does not know are ignored, a missing element leaves the property out.
 * An xsi:type naming a carrier of the schema selects that descriptor; the result then carries
 * the type name under the non-enumerable XSI_TYPE symbol.
 */
import { indexOf, own, setSafe, XSI_TYPE, type Resolved, type ResolvedCarrier, type SchemaIndex } from "./descriptors.js";
import { NILLABLE, type TypeDescriptor, type TypeRecord, type TypeRef } from "./schema.js";
import { addPath, ValueError, formatDateTime, parseFlagsXml, XSD_NS, XSI_NS } from "./values.js";
import { childNamed, resolvePrefix, type XmlElement } from "./xml-parse.js";
import { defineValue } from "./props.js";

export class XmlReader {
  readonly #index: SchemaIndex;
  readonly #xsdTypes: TypeRecord | undefined;

  /** `xsdTypes`: the primitives an `xsi:type` may name inside an anyType value (`SoapOperationDescriptor.xsdTypes`). */
  constructor(types: Readonly<Record<string, TypeDescriptor>>, xsdTypes?: TypeRecord) {
    this.#index = indexOf(types);
    this.#xsdTypes = xsdTypes;
  }

  /** Converts one element to the JavaScript value of `type`. Throws ValueError (with a path). */
  read(el: XmlElement, type: TypeRef): unknown {
    let resolved = this.#index.resolve(type);
    let derived: string | undefined;
    const attrs = el.attrs;
    if (attrs !== null) {
      for (let i = 0; i < attrs.length; i += 2) {
        const name = attrs[i]!;
        const colon = name.indexOf(":");
        if (colon < 0) continue;
        const local = name.slice(colon + 1);
        if (local !== "nil" && local !== "type") continue;
        const ns = resolvePrefix(name.slice(0, colon), el.scope);
        // An undeclared prefix is taken leniently as xsi.
        if (ns !== XSI_NS && ns !== undefined) continue;
        const value = attrs[i + 1]!.trim();
        if (local === "nil") {
          if (value === "true" || value === "1") return null;
        } else {
          const typed = this.#xsiType(value, resolved, el);
          if (typed !== undefined) {
            resolved = typed;
            if (typed.kind === "carrier" && typed.name !== type) derived = typed.name;
          }
        }
      }
    }
    switch (resolved.kind) {
      case "primitive":
        return resolved.read(el.text, resolved.name);
      case "enum":
        return resolved.flags ? parseFlagsXml(el.text) : el.text.trim();
      case "carrier":
        return this.#readCarrier(el, resolved, derived);
      case "array":
        return this.#readArray(el, resolved);
      case "dictionary":
        return this.#readDictionary(el, resolved);
      case "anyType":
        return generic(el);
    }
  }

  /** The descriptor an xsi:type names: a known carrier, or an XSD primitive of `xsdTypes` for anyType. */
  #xsiType(qname: string, declared: Resolved, el: XmlElement): Resolved | undefined {
    const colon = qname.indexOf(":");
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const ns = resolvePrefix(colon < 0 ? "" : qname.slice(0, colon), el.scope);
    if (ns === XSD_NS) {
      const primitive = declared.kind === "anyType" && this.#xsdTypes !== undefined ? own(this.#xsdTypes, local) : undefined;
      return primitive?.kind === "primitive" ? { ...primitive, name: local } : undefined;
    }
    if (declared.kind !== "carrier" && declared.kind !== "anyType") return undefined;
    return this.#index.carrier(local);
  }

  #readCarrier(el: XmlElement, carrier: ResolvedCarrier, derived: string | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (derived !== undefined) defineValue(out, XSI_TYPE, derived, false);
    const children = el.children;
    if (children === null) return out;
    const byName = carrier.byName;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const field = byName.get(c.local);
      if (field === undefined) continue;
      let value: unknown;
      try {
        value = this.read(c, field.type);
      } catch (error) {
        throw addPath(error, field.name);
      }
      // xsi:nil where the schema does not allow it: the generated type says the value is never null.
      if (value === null && (field.flags & NILLABLE) === 0) throw addPath(new ValueError(`xsi:nil where ${field.type} is not nillable`), field.name);
      setSafe(out, field.name, value);
    }
    return out;
  }

  #readArray(el: XmlElement, array: Extract<Resolved, { kind: "array" }>): unknown[] {
    const out: unknown[] = [];
    const children = el.children;
    if (children === null) return out;
    const element = array.element;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c.local !== element) continue;
      let item: unknown;
      try {
        item = this.read(c, array.item);
      } catch (error) {
        throw addPath(error, String(out.length));
      }
      // An array is X[] (CONTRACTS §4) and holds no null: a nil item the schema allows (WCF marks
      // carrier and string items nillable) is left out, one it does not allow is no X.
      if (item === null) {
        if (array.itemsNotNil) throw addPath(new ValueError(`xsi:nil where an item of ${array.name} is not nillable`), String(out.length));
        continue;
      }
      out.push(item);
    }
    return out;
  }

  #readDictionary(el: XmlElement, dict: Extract<Resolved, { kind: "dictionary" }>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const children = el.children;
    if (children === null) return out;
    for (const entry of children) {
      if (entry.local !== dict.entry) continue;
      const keyEl = childNamed(entry, "Key");
      if (keyEl === undefined) continue;
      const key = this.read(keyEl, dict.key);
      if (key === null || key === undefined) continue;
      // A record key is text: a dateTime key (TimeZoneRuleDictionary) in the form the writer sends, not Date#toString.
      const name = key instanceof Date ? formatDateTime(key) : String(key);
      const valueEl = childNamed(entry, "Value");
      try {
        const value = valueEl === undefined ? null : this.read(valueEl, dict.value);
        if (value === null && dict.valueNotNil) throw new ValueError(`${valueEl === undefined ? "no Value" : "xsi:nil"} where a value of ${dict.name} is not nillable`);
        setSafe(out, name, value);
      } catch (error) {
        throw addPath(error, String(key));
      }
    }
    return out;
  }
}

/** anyType without a usable xsi:type: its text, or an object of its children by local name. */
function generic(el: XmlElement): unknown {
  if (el.children === null) return el.text;
  const out: Record<string, unknown> = {};
  for (const c of el.children) {
    const value = generic(c);
    const existing = own(out, c.local);
    if (existing === undefined) setSafe(out, c.local, value);
    else if (Array.isArray(existing)) existing.push(value);
    else setSafe(out, c.local, [existing, value]);
  }
  return out;
}
