import { type AnyTypeRead, type TypeDescriptor, type TypeRef } from "./schema.js";
import { ValueError } from "./values.js";
import { type XmlElement } from "./xml-parse.js";
export declare class XmlReader {
	#private;
	/** `readAny`: the reader of anyType values (`readAnyType`, named by `SoapOperationDescriptor.readAny`); without it one is a TypeError. */
	constructor(types: Readonly<Record<string, TypeDescriptor>>, readAny?: AnyTypeRead);
	/** Converts one element to the JavaScript value of `type`. Throws ValueError (with a path). */
	read(el: XmlElement, type: TypeRef): unknown;
}
/** The TypeError of a descriptor that does not name the codec (`what`) its type needs: a descriptor bug. */
export declare function missingCodec(type: TypeRef, what: string): TypeError;
/** The ValueError of a null where `type` may not be nil: `absent` names what is missing, false for an xsi:nil. */
export declare function notNillable(absent: string | false, type: string): ValueError;
/**
 * Reads an anyType value (SOAP), named by the descriptors of the operations whose answer holds one
 * (`SoapOperationDescriptor.readAny`), so a call that reads none bundles no table of every
 * primitive: the primitive its xsi:type names (`x:int` → number, by `XSD_TYPES`), else its text or
 * an object of its children by local name. (An xsi:type naming a carrier is the reader's.)
 */
export declare const readAnyType: AnyTypeRead;
