import { NILLABLE, OPTIONAL } from "./schema.js";
import { primitiveKind } from "./values.js";
const XSI_TYPE = /* @__PURE__ */ Symbol.for("superoffice.runtime.xsiType");
class SchemaIndex {
  constructor(types) {
    this.types = types;
  }
  types;
  cache = /* @__PURE__ */ new Map();
  /** Resolves a type reference; throws TypeError for names the schema does not know (a generator bug). */
  resolve(type) {
    const hit = this.cache.get(type);
    if (hit !== void 0) return hit;
    const resolved = this.build(type);
    this.cache.set(type, resolved);
    return resolved;
  }
  /** The carrier of that name, if the schema has one (for xsi:type lookups). */
  carrier(name) {
    if (!Object.hasOwn(this.types, name)) return void 0;
    const resolved = this.resolve(name);
    return resolved.kind === "carrier" ? resolved : void 0;
  }
  /** The carrier `name` when it is `declared` or derives from it (a value may travel as it); else undefined. */
  derivedCarrier(name, declared) {
    const found = this.carrier(name);
    let at = found === void 0 ? void 0 : this.types[name];
    for (let depth = 0, current = name; at?.kind === "carrier" && depth <= 32; depth++) {
      if (current === declared.name) return found;
      if (at.base === void 0) return void 0;
      current = at.base;
      at = own(this.types, current);
    }
    return void 0;
  }
  build(type) {
    const described = own(this.types, type);
    if (described === void 0) {
      if (type === "anyType") return { kind: "anyType" };
      const prim = primitiveKind(type);
      if (prim !== void 0) return { kind: "primitive", prim, name: type };
      throw new TypeError(`Type "${type}" is not in the agent schema`);
    }
    switch (described.kind) {
      case "enum":
        return { kind: "enum", flags: described.flags === true, name: type, empty: described.empty };
      case "array":
        return { kind: "array", name: type, ns: described.ns, element: described.element ?? described.item, item: described.item, itemsNotNil: described.itemsNotNil === true };
      case "dictionary":
        return { kind: "dictionary", name: type, ns: described.ns, entry: described.entry, key: described.key, value: described.value, valueNotNil: described.valueNotNil === true };
      case "carrier": {
        const fields = this.flatten(type, described, 0);
        const byName = /* @__PURE__ */ new Map();
        for (const field of fields) if (!byName.has(field.name)) byName.set(field.name, field);
        return { kind: "carrier", name: type, ns: described.ns, fields, byName, derived: described.derived ?? [], ownFrom: fields.length - carrierFields(described).length };
      }
    }
  }
  flatten(name, carrier, depth) {
    if (depth > 32) throw new TypeError(`Carrier "${name}" has a cyclic base chain`);
    const out = [];
    if (carrier.base !== void 0) {
      const base = own(this.types, carrier.base);
      if (base === void 0 || base.kind !== "carrier") throw new TypeError(`Base "${carrier.base}" of "${name}" is not a carrier`);
      out.push(...this.flatten(carrier.base, base, depth + 1));
    }
    for (const [fieldName, fieldType, flags] of carrierFields(carrier)) out.push({ name: fieldName, type: fieldType, flags: flags ?? 0, ns: carrier.ns });
    return out;
  }
}
function carrierFields(carrier) {
  const { fields } = carrier;
  if (typeof fields !== "string") return fields;
  return fields.split(" ").filter(Boolean).map((text) => {
    const parts = FIELD_TEXT.exec(text);
    if (parts === null) throw new TypeError(`Field "${text}" is not written as Name:type`);
    return [parts[1], parts[3], (parts[4] ? NILLABLE : 0) | (parts[2] ? OPTIONAL : 0)];
  });
}
const FIELD_TEXT = /^([^:]+?)(\?)?:(.+?)(\?)?$/;
function callTypes(schema, op) {
  const types = op.types ?? schema.types;
  if (types === void 0) throw new TypeError(`Operation "${op.name}" has no types, nor has its schema`);
  return types;
}
const indexes = /* @__PURE__ */ new WeakMap();
function indexOf(types) {
  let index = indexes.get(types);
  if (index === void 0) {
    index = new SchemaIndex(types);
    indexes.set(types, index);
  }
  return index;
}
function own(record, key) {
  return Object.hasOwn(record, key) ? record[key] : void 0;
}
function setSafe(target, key, value) {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
export {
  SchemaIndex,
  XSI_TYPE,
  callTypes,
  carrierFields,
  indexOf,
  own,
  setSafe
};
