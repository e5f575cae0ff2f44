/**
 * The XSD primitives, in one table: how the runtime converts each (`kind`), the TypeScript type
 * generated code declares for it (`ts`, the type the runtime reads it as) and what that type
 * alone does not say (`note`, used in TSDoc and the docs). The generator reads this same file,
 * so the declared type and the value a call resolves to cannot drift apart.
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
/** Null prototype: type names come from the inputs (`constructor`, `__proto__`…). */
export declare const XSD_PRIMITIVES: Readonly<Record<string, Primitive>>;
/** The table's entry of an XSD type name, or undefined when it is not a primitive (anyType included). */
export declare function primitiveOf(type: string): Primitive | undefined;
