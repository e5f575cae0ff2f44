/** Model type references → TypeScript type expressions (CONTRACTS §4 mapping). */
import type { EnumType, ServicesModel, TypeDef } from "../../ir/types.js";
import { primitiveOf } from "../../../templates/runtime/primitives.js";
import { elementRefOf, formatTypeRef, parseTypeRef, type TypeRef } from "../../ir/type-ref.js";
import { derivedUnionName, typeName } from "../naming.js";

export type TypeLookup = ReadonlyMap<string, TypeDef>;

const lookups = new WeakMap<ServicesModel, TypeLookup>();

/** The version's named types by schema name, built once per model. */
export function typeLookup(model: ServicesModel): TypeLookup {
  let lookup = lookups.get(model);
  if (!lookup) lookups.set(model, (lookup = new Map(model.types.map((type) => [type.name, type]))));
  return lookup;
}

export function isPrimitive(ref: string): boolean {
  return primitiveTsType(ref) !== undefined;
}

/** "number", "string", "boolean", "Date" or "unknown" for an XSD primitive, from the table the runtime converts by; undefined otherwise. */
export function primitiveTsType(ref: string): string | undefined {
  const parsed = parseTypeRef(ref);
  return parsed.kind === "any" ? "unknown" : parsed.kind === "primitive" ? primitiveOf(parsed.name)?.ts : undefined;
}

/** The TS type of a reference; flag enums become arrays of their literals. */
export function tsType(ref: string, types: TypeLookup): string {
  return tsTypeOf(parseTypeRef(ref), types);
}

function tsTypeOf(ref: TypeRef, types: TypeLookup): string {
  switch (ref.kind) {
    case "array": {
      const item = tsTypeOf(ref.item, types);
      return /[\s|]/.test(item) ? `(${item})[]` : `${item}[]`;
    }
    case "void":
    case "any":
    case "primitive":
      return primitiveTsType(formatTypeRef(ref)) ?? "unknown";
    case "named": {
      const type = types.get(ref.name);
      if (!type) return "unknown";
      if (type.kind === "array") return tsTypeOf({ kind: "array", item: parseTypeRef(type.itemType) }, types);
      // A carrier others derive from is referred to by the union of it and them (see derived.ts).
      if (type.kind === "carrier" && type.derived) return derivedUnionName(ref.name, types);
      return type.kind === "enum" && type.flags ? `${typeName(ref.name)}[]` : typeName(ref.name);
    }
  }
}

/** Every name of an enum: the WSDL's in schema order, then those only the OpenAPI files list. */
export function enumNames(type: EnumType): string[] {
  const names = type.values.map((value) => value.name);
  return [...names, ...(type.restValues ?? []).filter((name) => !names.includes(name))];
}

/**
 * The name the REST API gives a flags enum's empty set: the first name the OpenAPI file lists
 * when the WSDL lacks it (WCF leaves the zero member, `None`/`Unknown`, out of an xs:list).
 */
export function emptyFlagsName(type: EnumType): string | undefined {
  const first = type.restValues?.[0];
  return type.flags && first !== undefined && !type.values.some((value) => value.name === first) ? first : undefined;
}

/** TypeScript names of the schema types a reference mentions (so a module can import them). */
export function importedTypesOf(ref: string, types: TypeLookup): string[] {
  const base = elementRefOf(ref);
  const type = types.get(base);
  if (!type || type.kind === "array") return [];
  return [type.kind === "carrier" && type.derived ? derivedUnionName(base, types) : typeName(base)];
}

const ANY_TYPE_NOTE = "Any value; the runtime sends it with the xsi:type of its JavaScript type.";

/** What the TS type alone does not say about a primitive's values (from the shared table); "" for most types. */
export function formatNote(ref: string): string {
  const base = elementRefOf(ref);
  return base === "anyType" ? ANY_TYPE_NOTE : (primitiveOf(base)?.note ?? "");
}

/** A member's doc followed by its type's format note, as one TSDoc text. */
export function docWithFormat(doc: string, ref: string): string {
  return [doc, formatNote(ref)].filter((text) => text !== "").join("\n\n");
}

/** Whether a value is sent (an operation parameter) or received: a request accepts more for some primitives. */
export type Direction = "sent" | "received";

/** With `| null` for nillable values; a base64Binary parameter takes a Uint8Array too (the runtime encodes it). */
export function tsValueType(ref: string, nillable: boolean, types: TypeLookup, direction: Direction = "received"): string {
  const parsed = parseTypeRef(ref);
  const bytes = direction === "sent" && parsed.kind === "primitive" && primitiveOf(parsed.name)?.kind === "base64";
  const type = bytes ? "string | Uint8Array" : tsType(ref, types);
  return nillable && type !== "unknown" ? `${type} | null` : type;
}
