/** The XSD type names of each kind. */
const NAMES_OF_KIND = {
	string: "string normalizedString token language Name NCName NMTOKEN NMTOKENS ID IDREF IDREFS ENTITY ENTITIES anyURI QName NOTATION " + "gYear gYearMonth gMonth gMonthDay gDay hexBinary date time guid duration",
	int: "int short byte unsignedByte unsignedShort unsignedInt char",
	long: "long unsignedLong integer nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger",
	double: "double float",
	decimal: "decimal",
	boolean: "boolean",
	dateTime: "dateTime",
	base64: "base64Binary"
};
/** Null prototype: type names come from the inputs (`constructor`, `__proto__`…). */
const KINDS = Object.create(null);
for (const kind of Object.keys(NAMES_OF_KIND)) for (const name of NAMES_OF_KIND[kind].split(" ")) KINDS[name] = kind;
/** The conversion kind of an XSD type name, or undefined when it is not a primitive (anyType included). */
export function primitiveKindOf(type) {
	return KINDS[type];
}
/**
 * Whether the SOAP envelope writes a parameter of this kind itself (values.ts `formatSimple`:
 * ids, names, switches); one of another kind, like a carrier, is written by `writeXmlTree`,
 * which the generator names in the descriptors of the operations that send one (schema.ts `write`).
 */
export function envelopeWrites(kind) {
	return kind === "string" || kind === "int" || kind === "boolean";
}
const TS_OF_KIND = {
	string: "string",
	int: "number",
	long: "number | string",
	double: "number",
	decimal: "number",
	boolean: "boolean",
	dateTime: "Date",
	base64: "string"
};
const LONG_NOTE = "A 64-bit integer: a number when it is a safe integer, else its exact decimal string.";
const INTEGER_NOTE = "An integer: a number when it is a safe integer, else its exact decimal string.";
const NOTES = {
	date: "An XML Schema date string, e.g. `2025-04-03`.",
	time: "An XML Schema time string, e.g. `11:13:36`.",
	guid: "A GUID string, e.g. `3f2504e0-4f89-11d3-9a0c-0305e82c3301`.",
	duration: "An XML Schema duration string, e.g. `PT1H30M`.",
	char: "A character as its UTF-16 code unit (an xs:int on the wire): `String.fromCharCode(value)` gives the character.",
	long: LONG_NOTE,
	unsignedLong: LONG_NOTE,
	integer: INTEGER_NOTE,
	nonNegativeInteger: INTEGER_NOTE,
	positiveInteger: INTEGER_NOTE,
	nonPositiveInteger: INTEGER_NOTE,
	negativeInteger: INTEGER_NOTE,
	dateTime: "Read as a Date (a time without zone as UTC); sent as UTC with `Z`.",
	base64Binary: "The bytes as a base64 string (as the REST API sends them); a Uint8Array is accepted when sending."
};
/** Every primitive with its kind, TypeScript type and note (null prototype), for the generator. */
export const XSD_PRIMITIVES = /* @__PURE__ */ primitiveTable();
function primitiveTable() {
	const table = Object.create(null);
	for (const name of Object.keys(KINDS)) {
		const kind = KINDS[name];
		const note = Object.hasOwn(NOTES, name) ? NOTES[name] : undefined;
		table[name] = note === undefined ? {
			kind,
			ts: TS_OF_KIND[kind]
		} : {
			kind,
			ts: TS_OF_KIND[kind],
			note
		};
	}
	return table;
}
/** The table's entry of an XSD type name, or undefined when it is not a primitive (anyType included). */
export function primitiveOf(type) {
	return XSD_PRIMITIVES[type];
}
