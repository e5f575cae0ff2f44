import { type TypeDescriptor, type TypeRef } from "./schema.js";
export declare class JsonCodec {
	#private;
	constructor(types: Readonly<Record<string, TypeDescriptor>>);
	/** A JSON-ready copy of a request value. Throws ValueError (with a path). */
	toJson(value: unknown, type: TypeRef): unknown;
	/** Revives a parsed JSON value in place (returns the value, replaced for primitives). */
	revive(value: unknown, type: TypeRef): unknown;
}
