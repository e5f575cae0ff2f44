import { type DerivedPicker, type JsonBodyWriter, type TypeDescriptor, type TypeRecord, type TypeRef } from "./schema.js";
export declare class JsonCodec {
	#private;
	/** `derive`: the picker of derived carriers (`pickDerivedByFields`), which descriptors name where a revived type has any. */
	constructor(types: Readonly<Record<string, TypeDescriptor>>, derive?: DerivedPicker);
	/** Revives a parsed JSON value in place (returns the value, replaced for primitives). */
	revive(value: unknown, type: TypeRef): unknown;
}
/**
 * JSON names no type, so a carrier derived from the declared one is told by its fields: the
 * derived carrier most of whose own fields the object has (Json.NET writes every property of
 * the runtime type), then the same one level down. Ties and no match keep the declared one.
 * Named by the descriptors whose answers may hold a derived carrier (`rest.derive`,
 * `EntitySchema.derive`), so other calls bundle none of it.
 */
export declare const pickDerivedByFields: DerivedPicker;
/** A JSON-ready copy of a request value of `type` (entity bodies, JSON Patch values). Throws ValueError (with a path). */
export declare function writeJson(types: TypeRecord, value: unknown, type: TypeRef): unknown;
/**
 * The JSON body of a REST agent call that sends parameters in it, named by its descriptor
 * (`RestDescriptor.write`) so a call that sends none bundles no writer: the whole-body
 * parameter's value (`rest.body`), or an object of the parameters outside the query under their
 * REST names (`rest.rename`), converted. The OpenAPI files require a whole body and type it as an
 * object (an array for id lists), never as null, so a null or missing one is sent as `{}` (`[]`).
 * Throws ValueError (with a path).
 */
export declare const writeJsonBody: JsonBodyWriter;
