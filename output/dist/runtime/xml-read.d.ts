import { type TypeDescriptor, type TypeRef } from "./schema.js";
import { type XmlElement } from "./xml-parse.js";
export declare class XmlReader {
	private readonly index;
	constructor(types: Readonly<Record<string, TypeDescriptor>>);
	/** Converts one element to the JavaScript value of `type`. Throws ValueError (with a path). */
	read(el: XmlElement, type: TypeRef): unknown;
	/** The descriptor an xsi:type names: a known carrier, or an XSD primitive for anyType. */
	private xsiType;
	private readCarrier;
	private readArray;
	private readDictionary;
}
