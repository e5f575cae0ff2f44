/** The XSD type names each codec converts (the integers differ by their range). */
export const NAMES_OF_CODEC = {
	STRING: "string normalizedString token language Name NCName NMTOKEN NMTOKENS ID IDREF IDREFS ENTITY ENTITIES anyURI QName NOTATION " + "gYear gYearMonth gMonth gMonthDay gDay hexBinary date time guid duration",
	// An xs:int restriction in the Serialization schema.
	INT: "int char",
	SHORT: "short",
	BYTE: "byte",
	UNSIGNED_BYTE: "unsignedByte",
	UNSIGNED_SHORT: "unsignedShort",
	UNSIGNED_INT: "unsignedInt",
	LONG: "long",
	UNSIGNED_LONG: "unsignedLong",
	INTEGER: "integer",
	NON_NEGATIVE_INTEGER: "nonNegativeInteger",
	POSITIVE_INTEGER: "positiveInteger",
	NON_POSITIVE_INTEGER: "nonPositiveInteger",
	NEGATIVE_INTEGER: "negativeInteger",
	DOUBLE: "double float",
	DECIMAL: "decimal",
	BOOLEAN: "boolean",
	DATE_TIME: "dateTime",
	BASE64: "base64Binary"
};
const KIND_OF_CODEC = {
	STRING: "string",
	INT: "int",
	SHORT: "int",
	BYTE: "int",
	UNSIGNED_BYTE: "int",
	UNSIGNED_SHORT: "int",
	UNSIGNED_INT: "int",
	LONG: "long",
	UNSIGNED_LONG: "long",
	INTEGER: "long",
	NON_NEGATIVE_INTEGER: "long",
	POSITIVE_INTEGER: "long",
	NON_POSITIVE_INTEGER: "long",
	NEGATIVE_INTEGER: "long",
	DOUBLE: "double",
	DECIMAL: "decimal",
	BOOLEAN: "boolean",
	DATE_TIME: "dateTime",
	BASE64: "base64"
};
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
/** Every primitive with its codec, kind, TypeScript type and note (null prototype: type names come from the inputs, `constructor`, `__proto__`…), for the generator. */
export const XSD_PRIMITIVES = /* @__PURE__ */ primitiveTable();
function primitiveTable() {
	const table = Object.create(null);
	for (const codec of Object.keys(NAMES_OF_CODEC)) {
		const kind = KIND_OF_CODEC[codec];
		for (const name of NAMES_OF_CODEC[codec].split(" ")) {
			const note = Object.hasOwn(NOTES, name) ? NOTES[name] : undefined;
			table[name] = note === undefined ? {
				kind,
				codec,
				ts: TS_OF_KIND[kind]
			} : {
				kind,
				codec,
				ts: TS_OF_KIND[kind],
				note
			};
		}
	}
	return table;
}
/** The table's entry of an XSD type name, or undefined when it is not a primitive (anyType included). */
export function primitiveOf(type) {
	return XSD_PRIMITIVES[type];
}
