/**
 * The XSD primitives, in one table: how the runtime converts each (`kind`), the TypeScript type
 * generated code declares for it (`ts`, the type the runtime reads it as, which follows from the
 * kind) and what that type alone does not say (`note`, used in TSDoc and the docs). The generator
 * reads this same file, so the declared type and the value a call resolves to cannot drift apart.
 *
 * The runtime needs only the kinds (`primitiveKindOf`); the full table (`XSD_PRIMITIVES`) is
 * built from them on first use by the generator, so a bundle of generated code carries no
 * TypeScript types or doc notes.
 *
 * `char` follows the Serialization schema (an `xs:int` restriction: the UTF-16 code unit), so it
 * is a number on both sides. `date`/`time` travel as their lexical strings.
 */
export type PrimitiveKind = "string" | "int" | "long" | "double" | "decimal" | "boolean" | "dateTime" | "base64";

export interface Primitive {
  readonly kind: PrimitiveKind;
  /** The TypeScript type of the value: "string", "number", "boolean" or "Date". */
  readonly ts: "string" | "number" | "number | string" | "boolean" | "Date";
  /** What the TypeScript type does not tell; absent for most. */
  readonly note?: string;
}

/** The XSD type names of each kind. */
const NAMES_OF_KIND: Readonly<Record<PrimitiveKind, string>> = {
  string:
    "string normalizedString token language Name NCName NMTOKEN NMTOKENS ID IDREF IDREFS ENTITY ENTITIES anyURI QName NOTATION " +
    "gYear gYearMonth gMonth gMonthDay gDay hexBinary date time guid duration",
  int: "int short byte unsignedByte unsignedShort unsignedInt char",
  long: "long unsignedLong integer nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger",
  double: "double float",
  decimal: "decimal",
  boolean: "boolean",
  dateTime: "dateTime",
  base64: "base64Binary",
};

/** Null prototype: type names come from the inputs (`constructor`, `__proto__`…). */
const KINDS: Readonly<Record<string, PrimitiveKind>> = Object.create(null) as Record<string, PrimitiveKind>;
for (const kind of Object.keys(NAMES_OF_KIND) as PrimitiveKind[]) for (const name of NAMES_OF_KIND[kind].split(" ")) (KINDS as Record<string, PrimitiveKind>)[name] = kind;

/** The conversion kind of an XSD type name, or undefined when it is not a primitive (anyType included). */
export function primitiveKindOf(type: string): PrimitiveKind | undefined {
  return KINDS[type];
}

/**
 * Whether the SOAP envelope writes a parameter of this kind itself (values.ts `formatSimple`:
 * ids, names, switches); one of another kind, like a carrier, is written by `writeXmlTree`,
 * which the generator names in the descriptors of the operations that send one (schema.ts `write`).
 */
export function envelopeWrites(kind: PrimitiveKind): boolean {
  return kind === "string" || kind === "int" || kind === "boolean";
}

const TS_OF_KIND: Readonly<Record<PrimitiveKind, Primitive["ts"]>> = {
  string: "string", int: "number", long: "number | string", double: "number", decimal: "number", boolean: "boolean", dateTime: "Date", base64: "string",
};

const LONG_NOTE = "A 64-bit integer: a number when it is a safe integer, else its exact decimal string.";
const INTEGER_NOTE = "An integer: a number when it is a safe integer, else its exact decimal string.";

const NOTES: Readonly<Record<string, string>> = {
  date: "An XML Schema date string, e.g. `2025-04-03`.",
  time: "An XML Schema time string, e.g. `11:13:36`.",
  guid: "A GUID string, e.g. `3f2504e0-4f89-11d3-9a0c-0305e82c3301`.",
  duration: "An XML Schema duration string, e.g. `PT1H30M`.",
  char: "A character as its UTF-16 code unit (an xs:int on the wire): `String.fromCharCode(value)` gives the character.",
  long: LONG_NOTE,
  unsignedLong: LONG_NOTE,
  integer: INTEGER_NOTE,
  nonNegativeInteger: INTEGER_NOTE,
  positiveInteger: INTEGER_NOTE,
  nonPositiveInteger: INTEGER_NOTE,
  negativeInteger: INTEGER_NOTE,
  dateTime: "Read as a Date (a time without zone as UTC); sent as UTC with `Z`.",
  base64Binary: "The bytes as a base64 string (as the REST API sends them); a Uint8Array is accepted when sending.",
};

/** Every primitive with its kind, TypeScript type and note (null prototype), for the generator. */
export const XSD_PRIMITIVES: Readonly<Record<string, Primitive>> = /* @__PURE__ */ primitiveTable();

function primitiveTable(): Record<string, Primitive> {
  const table = Object.create(null) as Record<string, Primitive>;
  for (const name of Object.keys(KINDS)) {
    const kind = KINDS[name]!;
    const note = Object.hasOwn(NOTES, name) ? NOTES[name] : undefined;
    table[name] = note === undefined ? { kind, ts: TS_OF_KIND[kind] } : { kind, ts: TS_OF_KIND[kind], note };
  }
  return table;
}

/** The table's entry of an XSD type name, or undefined when it is not a primitive (anyType included). */
export function primitiveOf(type: string): Primitive | undefined {
  return XSD_PRIMITIVES[type];
}
