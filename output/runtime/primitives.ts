/**
 * The XSD primitives, in one table: the runtime's codec that converts each (`codec`, the name of
 * its export in values.ts: INT, DATE_TIME, …), its conversion kind, the TypeScript type generated
 * code declares for it (`ts`, the type the codec reads it as, which follows from the kind) and what
 * that type alone does not say (`note`, used in TSDoc and the docs). The generator reads this same
 * file, so the declared type and the value a call resolves to cannot drift apart.
 *
 * Generated types records name the codec of each primitive they use (`int: INT`), so a bundle
 * carries only those codecs. Of this file the runtime takes only the type names of each codec
 * (`NAMES_OF_CODEC`, for `XSD_TYPES`, which only the reader of anyType values uses); the full
 * table (`XSD_PRIMITIVES`) is built from it on first use by the generator, so a bundle of
 * generated code carries no TypeScript types or doc notes.
 *
 * `char` follows the Serialization schema (an `xs:int` restriction: the UTF-16 code unit), so it
 * is a number on both sides. `date`/`time` travel as their lexical strings.
 */
export type PrimitiveKind = "string" | "int" | "long" | "double" | "decimal" | "boolean" | "dateTime" | "base64";

/** The runtime's codecs (values.ts exports of these names). */
export type CodecName =
  | "STRING" | "INT" | "SHORT" | "BYTE" | "UNSIGNED_BYTE" | "UNSIGNED_SHORT" | "UNSIGNED_INT"
  | "LONG" | "UNSIGNED_LONG" | "INTEGER" | "NON_NEGATIVE_INTEGER" | "POSITIVE_INTEGER" | "NON_POSITIVE_INTEGER" | "NEGATIVE_INTEGER"
  | "DOUBLE" | "DECIMAL" | "BOOLEAN" | "DATE_TIME" | "BASE64";

export interface Primitive {
  readonly kind: PrimitiveKind;
  /** The runtime's codec of the type (the values.ts export of that name). */
  readonly codec: CodecName;
  /** The TypeScript type of the value: "string", "number", "boolean" or "Date". */
  readonly ts: "string" | "number" | "number | string" | "boolean" | "Date";
  /** What the TypeScript type does not tell; absent for most. */
  readonly note?: string;
}

/** The XSD type names each codec converts (the integers differ by their range). */
export const NAMES_OF_CODEC: Readonly<Record<CodecName, string>> = {
  STRING:
    "string normalizedString token language Name NCName NMTOKEN NMTOKENS ID IDREF IDREFS ENTITY ENTITIES anyURI QName NOTATION " +
    "gYear gYearMonth gMonth gMonthDay gDay hexBinary date time guid duration",
  // An xs:int restriction in the Serialization schema.
  INT: "int char",
  SHORT: "short",
  BYTE: "byte",
  UNSIGNED_BYTE: "unsignedByte",
  UNSIGNED_SHORT: "unsignedShort",
  UNSIGNED_INT: "unsignedInt",
  LONG: "long",
  UNSIGNED_LONG: "unsignedLong",
  INTEGER: "integer",
  NON_NEGATIVE_INTEGER: "nonNegativeInteger",
  POSITIVE_INTEGER: "positiveInteger",
  NON_POSITIVE_INTEGER: "nonPositiveInteger",
  NEGATIVE_INTEGER: "negativeInteger",
  DOUBLE: "double float",
  DECIMAL: "decimal",
  BOOLEAN: "boolean",
  DATE_TIME: "dateTime",
  BASE64: "base64Binary",
};

const KIND_OF_CODEC: Readonly<Record<CodecName, PrimitiveKind>> = {
  STRING: "string",
  INT: "int", SHORT: "int", BYTE: "int", UNSIGNED_BYTE: "int", UNSIGNED_SHORT: "int", UNSIGNED_INT: "int",
  LONG: "long", UNSIGNED_LONG: "long", INTEGER: "long", NON_NEGATIVE_INTEGER: "long", POSITIVE_INTEGER: "long", NON_POSITIVE_INTEGER: "long", NEGATIVE_INTEGER: "long",
  DOUBLE: "double", DECIMAL: "decimal", BOOLEAN: "boolean", DATE_TIME: "dateTime", BASE64: "base64",
};

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

/** Every primitive with its codec, kind, TypeScript type and note (null prototype: type names come from the inputs, `constructor`, `__proto__`…), for the generator. */
export const XSD_PRIMITIVES: Readonly<Record<string, Primitive>> = /* @__PURE__ */ primitiveTable();

function primitiveTable(): Record<string, Primitive> {
  const table = Object.create(null) as Record<string, Primitive>;
  for (const codec of Object.keys(NAMES_OF_CODEC) as CodecName[]) {
    const kind = KIND_OF_CODEC[codec];
    for (const name of NAMES_OF_CODEC[codec].split(" ")) {
      const note = Object.hasOwn(NOTES, name) ? NOTES[name] : undefined;
      table[name] = note === undefined ? { kind, codec, ts: TS_OF_KIND[kind] } : { kind, codec, ts: TS_OF_KIND[kind], note };
    }
  }
  return table;
}

/** The table's entry of an XSD type name, or undefined when it is not a primitive (anyType included). */
export function primitiveOf(type: string): Primitive | undefined {
  return XSD_PRIMITIVES[type];
}
