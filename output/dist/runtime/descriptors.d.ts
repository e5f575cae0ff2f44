/**
 * Resolves the compact descriptors of schema.ts into shapes the readers and writers walk
 * quickly: base fields flattened in wire order, a by-name map per carrier, one cache per
 * `types` record (generated code shares one record across an agent's operations).
 */
import { type ArrayDescriptor, type CarrierDescriptor, type DictionaryDescriptor, type EnumDescriptor, type FieldDescriptor, type PrimitiveDescriptor, type TypeDescriptor, type TypeRecord, type TypeRef } from "./schema.js";
/**
 * Symbol under which a value carries the name of its (derived) carrier type. The reader sets it
 * (non-enumerable) when a response names a derived type with xsi:type; the writer then writes
 * that type's fields and `xsi:type`. Set it yourself to send a derived carrier.
 */
export declare const XSI_TYPE: unique symbol;
export interface ResolvedField {
	readonly name: string;
	readonly type: TypeRef;
	readonly flags: number;
	/** Namespace of the carrier that declares the field; undefined: the agent's. */
	readonly ns: string | undefined;
}
export type Resolved = ((PrimitiveDescriptor | EnumDescriptor | DictionaryDescriptor) & {
	readonly name: string;
}) | (ArrayDescriptor & {
	readonly name: string;
	readonly element: string;
}) | {
	readonly kind: "anyType";
} | {
	readonly kind: "carrier";
	readonly name: string;
	readonly ns: string | undefined;
	readonly fields: readonly ResolvedField[];
	readonly byName: ReadonlyMap<string, ResolvedField>;
	/** Carriers derived directly from this one (`CarrierDescriptor.derived`). */
	readonly derived: readonly TypeRef[];
	/** Index in `fields` of the first field the carrier declares itself (after its bases'). */
	readonly ownFrom: number;
};
export type ResolvedCarrier = Extract<Resolved, {
	kind: "carrier";
}>;
export declare class SchemaIndex {
	#private;
	readonly types: Readonly<Record<string, TypeDescriptor>>;
	constructor(types: Readonly<Record<string, TypeDescriptor>>);
	/** Resolves a type reference; throws TypeError for names the schema does not know (a generator bug). */
	resolve(type: TypeRef): Resolved;
}
/** The carrier of that name, if the schema has one (xsi:type lookups, derived carriers): a function, so a bundle that looks none up leaves it out. */
export declare function carrierNamed(index: SchemaIndex, name: string): ResolvedCarrier | undefined;
/**
 * The carrier `name` when it is `declared` or derives from it (a value may travel as it); else
 * undefined. Only the writers ask (a value tagged with XSI_TYPE): a function, so a bundle that
 * writes no carrier leaves it out.
 */
export declare function derivedCarrier(index: SchemaIndex, name: string, declared: ResolvedCarrier): ResolvedCarrier | undefined;
/** The descriptor of a named type: its entry in `types`, else for `X[]` of a carrier X the array descriptor the runtime infers (schema.ts). */
export declare function describedType(types: TypeRecord, type: TypeRef): TypeDescriptor | undefined;
/** A carrier's own fields as tuples, whether the descriptor gives them so or as text (`FieldsText`). */
export declare function carrierFields(carrier: CarrierDescriptor): readonly FieldDescriptor[];
/** The type of a request parameter; anyType for one the descriptor does not list. */
export declare function paramType(op: {
	readonly params: readonly FieldDescriptor[];
}, param: string): TypeRef;
/** The types one call resolves by: the operation's own record when it has one, else the schema's. */
export declare function callTypes(schema: {
	readonly types?: TypeRecord;
}, op: {
	readonly name: string;
	readonly types?: TypeRecord;
}): TypeRecord;
/** The (cached) index of a `types` record. */
export declare function indexOf(types: Readonly<Record<string, TypeDescriptor>>): SchemaIndex;
/** `record[key]` when it is the record's own property, never one of Object.prototype's (`constructor`); else undefined. */
export declare function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined;
/** Sets a property without ever invoking the `__proto__` setter. */
export declare function setSafe(target: Record<string, unknown>, key: string, value: unknown): void;
