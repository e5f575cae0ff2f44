import { type FieldDescriptor, type TypeDescriptor, type TypeRef } from "./schema.js";
export declare const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
export declare class XmlWriter {
	#private;
	/** The XML written so far. */
	out: string;
	constructor(types: Readonly<Record<string, TypeDescriptor>>, defaultNs: string);
	/** ` xmlns:p="ns"` for every prefix used so far. */
	declarations(): string;
	/** Writes `params` of `request` in order, each as an element in the default namespace. */
	writeParams(params: readonly FieldDescriptor[], request: object | undefined): void;
	/** Writes one element `name` in `ns` holding `value` of `type`; undefined writes nothing. */
	writeElement(ns: string, name: string, type: TypeRef, flags: number, value: unknown): void;
	/** The message-wide prefix of a namespace (declared later on the Envelope). */
	prefix(ns: string): string;
}
