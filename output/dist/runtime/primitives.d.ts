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
/** The conversion kind of an XSD type name, or undefined when it is not a primitive (anyType included). */
export declare function primitiveKindOf(type: string): PrimitiveKind | undefined;
/**
 * Whether the SOAP envelope writes a parameter of this kind itself (values.ts `formatSimple`:
 * ids, names, switches); one of another kind, like a carrier, is written by `writeXmlTree`,
 * which the generator names in the descriptors of the operations that send one (schema.ts `write`).
 */
export declare function envelopeWrites(kind: PrimitiveKind): boolean;
/** Every primitive with its kind, TypeScript type and note (null prototype), for the generator. */
export declare const XSD_PRIMITIVES: Readonly<Record<string, Primitive>>;
/** The table's entry of an XSD type name, or undefined when it is not a primitive (anyType included). */
export declare function primitiveOf(type: string): Primitive | undefined;
