import { type TypeDescriptor, type TypeRecord, type TypeRef } from "./schema.js";
export declare class JsonCodec {
	#private;
	constructor(types: Readonly<Record<string, TypeDescriptor>>);
	/** Revives a parsed JSON value in place (returns the value, replaced for primitives). */
	revive(value: unknown, type: TypeRef): unknown;
}
/**
 * A JSON-ready copy of a request value of `type`. Throws ValueError (with a path). Operations that
 * send a body name it in their descriptor (`RestDescriptor.write`), so a call that sends none
 * bundles no writer.
 */
export declare function writeJson(types: TypeRecord, value: unknown, type: TypeRef): unknown;
