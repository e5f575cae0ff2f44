import { type TypeDescriptor, type TypeRef } from "./schema.js";
import { type XmlElement } from "./xml-parse.js";
export declare class XmlReader {
	#private;
	constructor(types: Readonly<Record<string, TypeDescriptor>>);
	/** Converts one element to the JavaScript value of `type`. Throws ValueError (with a path). */
	read(el: XmlElement, type: TypeRef): unknown;
}
