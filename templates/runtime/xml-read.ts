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
import { carrierNamed, indexOf, own, setSafe, XSI_TYPE, type Resolved, type ResolvedCarrier, type SchemaIndex } from "./descriptors.js";
import { NILLABLE, type AnyTypeRead, type TypeDescriptor, type TypeRef } from "./schema.js";
import { formatDateTime, parseFlagsXml, ValueError, withPath, XSD_NS, XSD_TYPES, XSI_NS } from "./values.js";
import { childNamed, resolvePrefix, type XmlElement } from "./xml-parse.js";
import { defineValue } from "./props.js";

export class XmlReader {
  readonly #index: SchemaIndex;
  readonly #readAny: AnyTypeRead | undefined;

  /** `readAny`: the reader of anyType values (`readAnyType`, named by `SoapOperationDescriptor.readAny`); without it one is a TypeError. */
  constructor(types: Readonly<Record<string, TypeDescriptor>>, readAny?: AnyTypeRead) {
    this.#index = indexOf(types);
    this.#readAny = readAny;
  }

  /** Converts one element to the JavaScript value of `type`. Throws ValueError (with a path). */
  read(el: XmlElement, type: TypeRef): unknown {
    let resolved = this.#index.resolve(type);
    let derived: string | undefined;
    // The XSD type an anyType value's xsi:type names.
    let xsdType: string | undefined;
    const attrs = el.attrs;
    if (attrs !== null) {
      for (let i = 0; i < attrs.length; i += 2) {
        const name = attrs[i]!;
        const colon = name.indexOf(":");
        const local = name.slice(colon + 1);
        // Unprefixed attributes are in no namespace: never xsi's. An undeclared prefix is taken leniently as xsi.
        if (colon < 0 || (local !== "nil" && local !== "type") || (resolvePrefix(name.slice(0, colon), el.scope) ?? XSI_NS) !== XSI_NS) continue;
        const value = attrs[i + 1]!.trim();
        if (local === "nil") {
          if (value === "true" || value === "1") return null;
        } else if (resolved.kind === "carrier" || resolved.kind === "anyType") {
          // An xsi:type names a known carrier, or an XSD type for anyType.
          const colon = value.indexOf(":");
          const typeName = value.slice(colon + 1);
          if (resolvePrefix(colon < 0 ? "" : value.slice(0, colon), el.scope) === XSD_NS) {
            if (resolved.kind === "anyType") xsdType = typeName;
          } else {
            const typed = carrierNamed(this.#index, typeName);
            if (typed !== undefined) {
              resolved = typed;
              if (typed.name !== type) derived = typed.name;
            }
          }
        }
      }
    }
    switch (resolved.kind) {
      case "primitive":
        return resolved.read!(el.text, resolved.name);
      case "enum":
        return resolved.flags ? parseFlagsXml(el.text) : el.text.trim();
      case "carrier":
        return this.#readCarrier(el, resolved, derived);
      case "array":
        return this.#readArray(el, resolved);
      case "dictionary":
        return this.#readDictionary(el, resolved);
      case "anyType":
        if (this.#readAny === undefined) throw missingCodec(type, "anyType reader (readAny)");
        return this.#readAny(el, xsdType);
    }
  }

  /**
   * Reads a child as `type`, an error naming `segment` in its path. `notNil` names what may not
   * be nil (then a nil value, or a dictionary entry without its Value, is an error), else null is
   * returned for it.
   */
  #readChild(el: XmlElement | undefined, type: TypeRef, segment: string, notNil: string | undefined): unknown {
    return withPath(segment, () => {
      const value = el === undefined ? null : this.read(el, type);
      if (value === null && notNil !== undefined) throw notNillable(el === undefined && "no Value", notNil);
      return value;
    });
  }

  #readCarrier(el: XmlElement, carrier: ResolvedCarrier, derived: string | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (derived !== undefined) defineValue(out, XSI_TYPE, derived, false);
    for (const c of el.children ?? []) {
      const field = carrier.byName.get(c.local);
      // xsi:nil where the schema does not allow it: the generated type says the value is never null.
      if (field !== undefined) setSafe(out, field.name, this.#readChild(c, field.type, field.name, field.flags & NILLABLE ? undefined : field.type));
    }
    return out;
  }

  #readArray(el: XmlElement, array: Extract<Resolved, { kind: "array" }>): unknown[] {
    const out: unknown[] = [];
    // An array is X[] (CONTRACTS §4) and holds no null: a nil item the schema allows (WCF marks
    // carrier and string items nillable) is left out, one it does not allow is no X.
    const notNil = array.itemsNotNil ? `an item of ${array.name}` : undefined;
    for (const c of el.children ?? []) {
      if (c.local !== array.element) continue;
      const item = this.#readChild(c, array.item, String(out.length), notNil);
      if (item !== null) out.push(item);
    }
    return out;
  }

  #readDictionary(el: XmlElement, dict: Extract<Resolved, { kind: "dictionary" }>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const notNil = dict.valueNotNil ? `a value of ${dict.name}` : undefined;
    for (const entry of el.children ?? []) {
      if (entry.local !== dict.entry) continue;
      const keyEl = childNamed(entry, "Key");
      if (keyEl === undefined) continue;
      const key = this.read(keyEl, dict.key);
      if (key === null || key === undefined) continue;
      // A record key is text: a dateTime key (TimeZoneRuleDictionary) in the form the writer sends, not Date#toString.
      const name = key instanceof Date ? formatDateTime(key) : String(key);
      setSafe(out, name, this.#readChild(childNamed(entry, "Value"), dict.value, String(key), notNil));
    }
    return out;
  }
}

/** The TypeError of a descriptor that does not name the codec (`what`) its type needs: a descriptor bug. */
export function missingCodec(type: TypeRef, what: string): TypeError {
  return new TypeError(`Type "${type}" needs the descriptor's ${what}, which it does not name`);
}

/** The ValueError of a null where `type` may not be nil: `absent` names what is missing, false for an xsi:nil. */
export function notNillable(absent: string | false, type: string): ValueError {
  return new ValueError(`${absent || "xsi:nil"} where ${type} is not nillable`);
}

/**
 * Reads an anyType value (SOAP), named by the descriptors of the operations whose answer holds one
 * (`SoapOperationDescriptor.readAny`), so a call that reads none bundles no table of every
 * primitive: the primitive its xsi:type names (`x:int` → number, by `XSD_TYPES`), else its text or
 * an object of its children by local name. (An xsi:type naming a carrier is the reader's.)
 */
export const readAnyType: AnyTypeRead = (el, xsdType) => {
  if (xsdType !== undefined) {
    const primitive = own(XSD_TYPES, xsdType);
    if (primitive?.kind === "primitive") return primitive.read!(el.text, xsdType);
  }
  return generic(el);
};

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
