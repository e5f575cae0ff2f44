const text = {
	kind: "string",
	ts: "string"
};
const int = {
	kind: "int",
	ts: "number"
};
const long = {
	kind: "long",
	ts: "number | string",
	note: "A 64-bit integer: a number when it is a safe integer, else its exact decimal string."
};
const bigInteger = {
	kind: "long",
	ts: "number | string",
	note: "An integer: a number when it is a safe integer, else its exact decimal string."
};
const double = {
	kind: "double",
	ts: "number"
};
/** Null prototype: type names come from the inputs (`constructor`, `__proto__`…). */
export const XSD_PRIMITIVES = Object.assign(Object.create(null), {
	string: text,
	normalizedString: text,
	token: text,
	language: text,
	Name: text,
	NCName: text,
	NMTOKEN: text,
	NMTOKENS: text,
	ID: text,
	IDREF: text,
	IDREFS: text,
	ENTITY: text,
	ENTITIES: text,
	anyURI: text,
	QName: text,
	NOTATION: text,
	gYear: text,
	gYearMonth: text,
	gMonth: text,
	gMonthDay: text,
	gDay: text,
	hexBinary: text,
	date: {
		kind: "string",
		ts: "string",
		note: "An XML Schema date string, e.g. `2025-04-03`."
	},
	time: {
		kind: "string",
		ts: "string",
		note: "An XML Schema time string, e.g. `11:13:36`."
	},
	guid: {
		kind: "string",
		ts: "string",
		note: "A GUID string, e.g. `3f2504e0-4f89-11d3-9a0c-0305e82c3301`."
	},
	duration: {
		kind: "string",
		ts: "string",
		note: "An XML Schema duration string, e.g. `PT1H30M`."
	},
	int,
	short: int,
	byte: int,
	unsignedByte: int,
	unsignedShort: int,
	unsignedInt: int,
	char: {
		kind: "int",
		ts: "number",
		note: "A character as its UTF-16 code unit (an xs:int on the wire): `String.fromCharCode(value)` gives the character."
	},
	long,
	unsignedLong: long,
	integer: bigInteger,
	nonNegativeInteger: bigInteger,
	positiveInteger: bigInteger,
	nonPositiveInteger: bigInteger,
	negativeInteger: bigInteger,
	double,
	float: double,
	decimal: {
		kind: "decimal",
		ts: "number"
	},
	boolean: {
		kind: "boolean",
		ts: "boolean"
	},
	dateTime: {
		kind: "dateTime",
		ts: "Date",
		note: "Read as a Date (a time without zone as UTC); sent as UTC with `Z`."
	},
	base64Binary: {
		kind: "base64",
		ts: "string",
		note: "The bytes as a base64 string (as the REST API sends them); a Uint8Array is accepted when sending."
	}
});
/** The table's entry of an XSD type name, or undefined when it is not a primitive (anyType included). */
export function primitiveOf(type) {
	return XSD_PRIMITIVES[type];
}
