import { type TypeDescriptor, type TypeRecord, type TypeRef } from "./schema.js";
import { type XmlElement } from "./xml-parse.js";
export declare class XmlReader {
	#private;
	/** `xsdTypes`: the primitives an `xsi:type` may name inside an anyType value (`SoapOperationDescriptor.xsdTypes`). */
	constructor(types: Readonly<Record<string, TypeDescriptor>>, xsdTypes?: TypeRecord);
	/** Converts one element to the JavaScript value of `type`. Throws ValueError (with a path). */
	read(el: XmlElement, type: TypeRef): unknown;
}
