import { type TypeDescriptor, type TypeRef } from "./schema.js";
export declare class JsonCodec {
	private readonly index;
	constructor(types: Readonly<Record<string, TypeDescriptor>>);
	/** A JSON-ready copy of a request value. Throws ValueError (with a path). */
	toJson(value: unknown, type: TypeRef): unknown;
	/** Revives a parsed JSON value in place (returns the value, replaced for primitives). */
	revive(value: unknown, type: TypeRef): unknown;
	private reviveResolved;
	/**
	 * JSON names no type, so a carrier derived from the declared one is told by its fields: the
	 * derived carrier most of whose own fields the object has (Json.NET writes every property of
	 * the runtime type), then the same one level down. Ties and no match keep the declared one.
	 */
	private derivedByFields;
}
