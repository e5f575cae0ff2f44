/** Model type references → TypeScript type expressions (CONTRACTS §4 mapping). */
import type { ServicesModel, TypeDef } from "../model/types.js";
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

const lookups = new WeakMap<ServicesModel, TypeLookup>();

/** The version's named types by schema name, built once per model. */
export function typeLookup(model: ServicesModel): TypeLookup {
  let lookup = lookups.get(model);
  if (!lookup) lookups.set(model, (lookup = new Map(model.types.map((type) => [type.name, type]))));
  return lookup;
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

/** What the TS type alone does not say about a primitive's values; "" for most types. */
const FORMAT_NOTES = new Map([
  ["guid", "A GUID string, e.g. `3f2504e0-4f89-11d3-9a0c-0305e82c3301`."],
  ["duration", "An XML Schema duration string, e.g. `PT1H30M`."],
  ["base64Binary", "The bytes as a base64 string (as the REST API sends them)."],
  ["long", "A 64-bit integer: a number when it is a safe integer, else its exact decimal string."],
  ["unsignedLong", "A 64-bit integer: a number when it is a safe integer, else its exact decimal string."],
  ["char", "A UTF-16 code unit, as a number."],
  ["anyType", "Any value; the runtime sends it with the xsi:type of its JavaScript type."],
]);

/** A Map, not an object: type names come from the inputs (`constructor`, `__proto__`…). */
export function formatNote(ref: string): string {
  return FORMAT_NOTES.get(ref.replace(/(\[\])+$/, "")) ?? "";
}

/** A member's doc followed by its type's format note, as one TSDoc text. */
export function docWithFormat(doc: string, ref: string): string {
  return [doc, formatNote(ref)].filter((text) => text !== "").join("\n\n");
}

/** With `| null` for nillable values. */
export function tsValueType(ref: string, nillable: boolean, types: TypeLookup): string {
  const type = tsType(ref, types);
  return nillable && type !== "unknown" ? `${type} | null` : type;
}
