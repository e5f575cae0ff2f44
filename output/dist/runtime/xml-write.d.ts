import { type FieldDescriptor, type TypeDescriptor, type TypeRef } from "./schema.js";
export declare const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
export declare class XmlWriter {
	private readonly defaultNs;
	/** The XML written so far. */
	out: string;
	private readonly index;
	private readonly prefixes;
	/** How many `n1`, `n2`, … prefixes are taken. */
	private numbered;
	constructor(types: Readonly<Record<string, TypeDescriptor>>, defaultNs: string);
	/** ` xmlns:p="ns"` for every prefix used so far. */
	declarations(): string;
	/** Writes `params` of `request` in order, each as an element in the default namespace. */
	writeParams(params: readonly FieldDescriptor[], request: object | undefined): void;
	/** Writes one element `name` in `ns` holding `value` of `type`; undefined writes nothing. */
	writeElement(ns: string, name: string, type: TypeRef, flags: number, value: unknown): void;
	private text;
	private writeCarrier;
	private writeFields;
	private writeArray;
	private writeDictionary;
	/** xs:anyType: the xsi:type comes from the JavaScript value. */
	private writeAny;
	/** An xsi:type value, always prefixed: some SOAP stacks resolve an unprefixed QName in no namespace, not the default one. */
	private typeQName;
	/** The message-wide prefix of a namespace (declared later on the Envelope). */
	prefix(ns: string): string;
}
