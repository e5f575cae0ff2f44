/** Model type references → TypeScript type expressions (CONTRACTS §4 mapping). */
import type { TypeDef } from "../model/types.js";
import { typeName } from "./naming.js";

/** Null prototype: a schema type named `constructor` or `__proto__` must not find Object.prototype's members. */
const PRIMITIVES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  int: "number", short: "number", long: "number", byte: "number", unsignedByte: "number", unsignedShort: "number",
  unsignedInt: "number", unsignedLong: "number", float: "number", double: "number", decimal: "number", char: "number",
  integer: "number", nonNegativeInteger: "number", positiveInteger: "number", negativeInteger: "number",
  nonPositiveInteger: "number",
  boolean: "boolean",
  dateTime: "Date", date: "Date",
  string: "string", guid: "string", duration: "string", anyURI: "string", QName: "string", base64Binary: "string",
  time: "string", token: "string", normalizedString: "string", ID: "string", IDREF: "string", language: "string",
  anyType: "unknown",
});

export type TypeLookup = ReadonlyMap<string, TypeDef>;

export function isPrimitive(ref: string): boolean {
  return ref in PRIMITIVES;
}

/** "number", "string", "boolean", "Date" or "unknown" for an XSD primitive; undefined otherwise. */
export function primitiveTsType(ref: string): string | undefined {
  return PRIMITIVES[ref];
}

/** The TS type of a reference; flag enums become arrays of their literals. */
export function tsType(ref: string, types: TypeLookup): string {
  if (ref.endsWith("[]")) {
    const item = tsType(ref.slice(0, -2), types);
    return /[\s|]/.test(item) ? `(${item})[]` : `${item}[]`;
  }
  const primitive = PRIMITIVES[ref];
  if (primitive) return primitive;
  const type = types.get(ref);
  if (!type) return "unknown";
  if (type.kind === "array") return tsType(`${type.itemType}[]`, types);
  return type.kind === "enum" && type.flags ? `${typeName(ref)}[]` : typeName(ref);
}

/** Named schema types a reference mentions (so a module can import them). */
export function namedTypesOf(ref: string, types: TypeLookup): string[] {
  const base = ref.replace(/(\[\])+$/, "");
  return types.has(base) && types.get(base)?.kind !== "array" ? [base] : [];
}

/** With `| null` for nillable values. */
export function tsValueType(ref: string, nillable: boolean, types: TypeLookup): string {
  const type = tsType(ref, types);
  return nillable && type !== "unknown" ? `${type} | null` : type;
}
