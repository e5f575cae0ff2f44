import { indexOf, own, setSafe, XSI_TYPE } from "./descriptors.js";
import { NILLABLE } from "./schema.js";
import { addPath, ValueError, formatDateTime, parseFlagsXml, parsePrimitive, primitiveKind, XSD_NS, XSI_NS } from "./values.js";
import { childNamed, resolvePrefix } from "./xml-parse.js";
class XmlReader {
  index;
  constructor(types) {
    this.index = indexOf(types);
  }
  /** Converts one element to the JavaScript value of `type`. Throws ValueError (with a path). */
  read(el, type) {
    let resolved = this.index.resolve(type);
    let derived;
    const attrs = el.attrs;
    if (attrs !== null) {
      for (let i = 0; i < attrs.length; i += 2) {
        const name = attrs[i];
        const colon = name.indexOf(":");
        if (colon < 0) continue;
        const local = name.slice(colon + 1);
        if (local !== "nil" && local !== "type") continue;
        const ns = resolvePrefix(name.slice(0, colon), el.scope);
        if (ns !== XSI_NS && ns !== void 0) continue;
        const value = attrs[i + 1].trim();
        if (local === "nil") {
          if (value === "true" || value === "1") return null;
        } else {
          const typed = this.xsiType(value, resolved, el);
          if (typed !== void 0) {
            resolved = typed;
            if (typed.kind === "carrier" && typed.name !== type) derived = typed.name;
          }
        }
      }
    }
    switch (resolved.kind) {
      case "primitive":
        return parsePrimitive(resolved.prim, el.text, resolved.name);
      case "enum":
        return resolved.flags ? parseFlagsXml(el.text) : el.text.trim();
      case "carrier":
        return this.readCarrier(el, resolved, derived);
      case "array":
        return this.readArray(el, resolved);
      case "dictionary":
        return this.readDictionary(el, resolved);
      case "anyType":
        return generic(el);
    }
  }
  /** The descriptor an xsi:type names: a known carrier, or an XSD primitive for anyType. */
  xsiType(qname, declared, el) {
    const colon = qname.indexOf(":");
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const ns = resolvePrefix(colon < 0 ? "" : qname.slice(0, colon), el.scope);
    if (ns === XSD_NS) {
      if (declared.kind !== "anyType") return void 0;
      const prim = primitiveKind(local);
      return prim === void 0 ? void 0 : { kind: "primitive", prim, name: local };
    }
    if (declared.kind !== "carrier" && declared.kind !== "anyType") return void 0;
    return this.index.carrier(local);
  }
  readCarrier(el, carrier, derived) {
    const out = {};
    if (derived !== void 0) Object.defineProperty(out, XSI_TYPE, { value: derived, enumerable: false, writable: true, configurable: true });
    const children = el.children;
    if (children === null) return out;
    const byName = carrier.byName;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      const field = byName.get(c.local);
      if (field === void 0) continue;
      let value;
      try {
        value = this.read(c, field.type);
      } catch (error) {
        throw addPath(error, field.name);
      }
      if (value === null && (field.flags & NILLABLE) === 0) throw addPath(new ValueError(`xsi:nil where ${field.type} is not nillable`), field.name);
      setSafe(out, field.name, value);
    }
    return out;
  }
  readArray(el, array) {
    const out = [];
    const children = el.children;
    if (children === null) return out;
    const element = array.element;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (c.local !== element) continue;
      let item;
      try {
        item = this.read(c, array.item);
      } catch (error) {
        throw addPath(error, String(out.length));
      }
      if (item === null) {
        if (array.itemsNotNil) throw addPath(new ValueError(`xsi:nil where an item of ${array.name} is not nillable`), String(out.length));
        continue;
      }
      out.push(item);
    }
    return out;
  }
  readDictionary(el, dict) {
    const out = {};
    const children = el.children;
    if (children === null) return out;
    for (const entry of children) {
      if (entry.local !== dict.entry) continue;
      const keyEl = childNamed(entry, "Key");
      if (keyEl === void 0) continue;
      const key = this.read(keyEl, dict.key);
      if (key === null || key === void 0) continue;
      const name = key instanceof Date ? formatDateTime(key) : String(key);
      const valueEl = childNamed(entry, "Value");
      try {
        const value = valueEl === void 0 ? null : this.read(valueEl, dict.value);
        if (value === null && dict.valueNotNil) throw new ValueError(`${valueEl === void 0 ? "no Value" : "xsi:nil"} where a value of ${dict.name} is not nillable`);
        setSafe(out, name, value);
      } catch (error) {
        throw addPath(error, String(key));
      }
    }
    return out;
  }
}
function generic(el) {
  if (el.children === null) return el.text;
  const out = {};
  for (const c of el.children) {
    const value = generic(c);
    const existing = own(out, c.local);
    if (existing === void 0) setSafe(out, c.local, value);
    else if (Array.isArray(existing)) existing.push(value);
    else setSafe(out, c.local, [existing, value]);
  }
  return out;
}
export {
  XmlReader
};
