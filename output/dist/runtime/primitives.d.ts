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
export type CodecName = "STRING" | "INT" | "SHORT" | "BYTE" | "UNSIGNED_BYTE" | "UNSIGNED_SHORT" | "UNSIGNED_INT" | "LONG" | "UNSIGNED_LONG" | "INTEGER" | "NON_NEGATIVE_INTEGER" | "POSITIVE_INTEGER" | "NON_POSITIVE_INTEGER" | "NEGATIVE_INTEGER" | "DOUBLE" | "DECIMAL" | "BOOLEAN" | "DATE_TIME" | "BASE64";
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
export declare const NAMES_OF_CODEC: Readonly<Record<CodecName, string>>;
/** Every primitive with its codec, kind, TypeScript type and note (null prototype: type names come from the inputs, `constructor`, `__proto__`…), for the generator. */
export declare const XSD_PRIMITIVES: Readonly<Record<string, Primitive>>;
/** The table's entry of an XSD type name, or undefined when it is not a primitive (anyType included). */
export declare function primitiveOf(type: string): Primitive | undefined;
