/**
 * Primitive values: XSD lexical forms and JSON <-> JavaScript, shared by the SOAP and REST sides,
 * as one codec per primitive (INT, SHORT, DATE_TIME, …, at the end) that the types records name,
 * so a bundle carries the conversions of the primitives its calls use and no others.
 *
 * Decisions (documented in README.md of the runtime):
 * - `long`/`unsignedLong`/`integer` read as `number` when the value is a safe integer,
 *   otherwise as the exact decimal `string`. Writing accepts number, bigint or a decimal string.
 * - `dateTime` reads as `Date`. A timestamp without zone designator is taken as UTC, so its
 *   digits round-trip unchanged; fractional seconds beyond milliseconds are truncated.
 *   Writing a `Date` gives UTC with `Z`, milliseconds only when non-zero; strings are sent as given.
 * - `base64Binary` stays a base64 `string` both ways; writing also accepts `Uint8Array`/`ArrayBuffer`.
 * - `char` is what the Serialization schema says, an xs:int (the UTF-16 code unit): a number.
 * - `decimal` reads as `number` (precision of a double); writing never uses exponent notation.
 * - Other XSD types (`guid`, `duration`, `anyURI`, `QName`, `date`, `time`, …) are strings.
 */
import { InvalidRequestError, ResponseParseError } from "./errors.js";
import { NAMES_OF_CODEC } from "./primitives.js";
export const XSD_NS = "http://www.w3.org/2001/XMLSchema";
export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
/** Thrown by the converters; callers turn it into InvalidRequestError / ResponseParseError with a path. */
export class ValueError extends Error {
	path = [];
}
/** Throws a ValueError of `message`. */
export function fail(message) {
	throw new ValueError(message);
}
/** Turns a ValueError into the public InvalidRequestError (path included); other errors pass. */
export function toRequestError(error) {
	return error instanceof ValueError ? new InvalidRequestError(error.message, error.path) : error;
}
/** Turns a ValueError from reading into the public ResponseParseError; other errors pass. */
export function toParseError(error, where, status) {
	if (!(error instanceof ValueError)) return error;
	const at = error.path.length > 0 ? `at ${where}.${error.path.join(".")}` : `in ${where}`;
	return new ResponseParseError(`Response does not match the schema: ${error.message} ${at}`, { status });
}
/** What `convert` returns; a ValueError it throws gets `segment` in front of its path (other errors pass unchanged). */
export function withPath(segment, convert) {
	try {
		return convert();
	} catch (error) {
		if (error instanceof ValueError) error.path.unshift(segment);
		throw error;
	}
}
// ---------------------------------------------------------------------------------------------
// JavaScript -> lexical form
/**
 * The integer a request gives for `type`, exactly (`exactInteger`): a number, a bigint or a decimal
 * string; out of the range [min, max], or anything else, is a ValueError.
 */
function requestInteger(value, type, min, max) {
	const exact = exactInteger(value) ?? mismatch("an integer number", type, value);
	if (exact < min || exact > max) fail(`integer is out of the range of ${type}`);
	return exact;
}
function mismatch(expected, type, value) {
	fail(`expected ${expected} for ${type}, got ${describe(value)}`);
}
const INTEGER_TEXT = /^[+-]?\d+$/;
// One way to match each text (no `\d+\.?\d*`): a long run of digits is scanned once, not once per digit.
const DOUBLE_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Type of a value for messages; the value itself is never shown (it may be a secret). */
export function describe(value) {
	// null, NaN and ±Infinity by their names.
	if (value === null || typeof value === "number" && !Number.isFinite(value)) return String(value);
	return Array.isArray(value) ? "array" : value instanceof Date ? "Date" : typeof value;
}
/** `2025-04-03T11:13:36Z`, or `2025-04-03T11:13:36.120Z` when there are milliseconds. */
export function formatDateTime(date) {
	// toISOString() always has the milliseconds, and ".000Z" only at its end.
	return date.toISOString().replace(".000Z", "Z");
}
/** Decimal notation without exponent (xs:decimal has none). */
export function plainDecimal(value) {
	const text = String(value);
	if (!/e/i.test(text)) return text;
	const [mantissa, exp] = text.toLowerCase().split("e");
	const negative = mantissa.startsWith("-");
	const digits = mantissa.replace(/^[-+]/, "");
	const dot = digits.indexOf(".");
	const intPart = dot < 0 ? digits : digits.slice(0, dot);
	const fracPart = dot < 0 ? "" : digits.slice(dot + 1);
	const shift = Number(exp);
	const all = intPart + fracPart;
	const point = intPart.length + shift;
	let out;
	if (point <= 0) out = `0.${"0".repeat(-point)}${all}`;
	else if (point >= all.length) out = all + "0".repeat(point - all.length);
	else out = `${all.slice(0, point)}.${all.slice(point)}`;
	out = out.replace(/^0+(?=\d)/, "");
	return negative ? `-${out}` : out;
}
// Through btoa/atob (Node 16+, browsers): a binary string holds one byte per character.
export function toBase64(bytes) {
	let binary = "";
	// In slices: String.fromCharCode takes its arguments on the stack.
	for (let i = 0; i < bytes.length; i += 32768) binary += String.fromCharCode(...bytes.subarray(i, i + 32768));
	return btoa(binary);
}
/** The bytes of a base64 text (whitespace ignored, padding optional). Throws ValueError when it is not base64. */
export function fromBase64(text) {
	let binary;
	try {
		// Without whitespace and padding, atob refuses exactly what is no base64: a length of 4n + 1, a character outside the alphabet.
		// The padding is cut by a loop: `/=+$/` would scan a long run of "=" once per "=".
		const compact = text.replace(/\s+/g, "");
		let end = compact.length;
		while (compact[end - 1] === "=") end--;
		binary = atob(compact.slice(0, end));
	} catch {
		fail("text is not valid base64");
	}
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}
// ---------------------------------------------------------------------------------------------
// lexical form -> JavaScript
/** Months 01-12, minutes (the offset's too) and seconds 00-59; the hour (24 at midnight), the day of the month and the offset are checked after. */
const DATE_TIME_TEXT = /^(-?\d{4,})-(0[1-9]|1[0-2])-(\d\d)(?:[T ](\d\d):([0-5]\d)(?::([0-5]\d)(?:\.(\d+))?)?)?(?:Z|([+-])(\d\d):?([0-5]\d))?$/;
/** Parses an xs:dateTime (or xs:date); zone-less values are UTC. Returns undefined when malformed. */
export function parseDateTime(text) {
	const match = DATE_TIME_TEXT.exec(text);
	if (!match) return undefined;
	// The parts as numbers; an absent one is 0: a date alone is its midnight, a zone-less time is UTC.
	const [, year, month, day, hour, minute, second, , , offsetHours, offsetMinutes] = match.map((part) => Number(part ?? 0));
	const offset = offsetHours * 60 + offsetMinutes;
	// Impossible times are malformed, not rolled over: 24:30, offset +14:01. 24:00:00 is the end of the day.
	if (hour > 24 || offset > 14 * 60 || hour === 24 && /[1-9]/.test(match.slice(5, 8).join(""))) return undefined;
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	// Feb 30 or April 31 would roll over into the next month: the Date would not say the same day.
	if (date.getUTCDate() !== day) return undefined;
	// Milliseconds: the fraction's first three digits (WCF writes seven). Both setters answer the
	// time they set: NaN past the range of a Date, as in the local time before the offset is taken off.
	const local = date.setUTCHours(hour, minute, second, Number(`${match[7] ?? ""}00`.slice(0, 3)));
	return Number.isNaN(date.setTime(local - (match[8] === "-" ? -offset : offset) * 6e4)) ? undefined : date;
}
// ---------------------------------------------------------------------------------------------
// Flags enums
/** SOAP: xs:list, names separated by spaces. Accepts an array of names or a string ("A B", "A, B"). */
export function formatFlagsXml(value, type) {
	if (Array.isArray(value)) {
		for (const name of value) if (typeof name !== "string") fail(`expected names (strings) in flags ${type}`);
		return value.join(" ");
	}
	if (typeof value === "string") return value.includes(",") ? value.split(/[\s,]+/).filter(Boolean).join(" ") : value;
	if (Number.isInteger(value)) return String(value);
	fail(`expected an array of names for flags ${type}, got ${describe(value)}`);
}
export function parseFlagsXml(text) {
	return text.split(/\s+/).filter(Boolean);
}
/**
 * REST: SuperOffice's WebAPI (Json.NET, StringEnumConverter) writes [Flags] enums as one string,
 * names joined by ", " ("UserName, Password"), and reads the same. The OpenAPI file types them
 * as strings, so the empty set is the enum's zero name (`empty`, e.g. "Unknown") when it has one,
 * else left out (undefined: the server's default is the empty set), never the number 0.
 */
export function formatFlagsJson(value, type, empty) {
	if (typeof value === "string" || Number.isInteger(value)) return value;
	if (!Array.isArray(value)) fail(`expected an array of names for flags ${type}, got ${describe(value)}`);
	for (const name of value) if (typeof name !== "string") fail(`expected names (strings) in flags ${type}`);
	return value.length > 0 ? value.join(", ") : empty;
}
export function parseFlagsJson(text) {
	return text.split(/[\s,]+/).filter(Boolean);
}
// ---------------------------------------------------------------------------------------------
// The codecs (schema.ts PrimitiveDescriptor), one per XSD primitive and transport, which the types
// records name: XML_INT, JSON_INT, … A REST call reads and writes JSON only and a SOAP call XML only,
// so each transport's records name its own codecs and a bundle carries no conversion of the other.
const xmlCodec = (read, write) => ({
	kind: "primitive",
	read,
	write
});
const jsonCodec = (revive, json) => ({
	kind: "primitive",
	revive,
	json
});
/** A value that needs no conversion (a string's text, a boolean's JSON). */
const same = (value) => value;
function invalidText(text, type) {
	fail(`${text === "" ? "empty text" : "text"} is not a valid ${type}`);
}
/** A JSON value is checked against its type: numbers where numbers are declared, strings where strings are, objects for carriers; the value itself is never quoted (it may be a secret). */
export function invalidJson(value, type) {
	fail(`${describe(value)} is not a valid ${type}`);
}
const stringJson = (value, type) => typeof value === "string" ? value : invalidJson(value, type);
/** An integer as a number when safe, else as its exact decimal string (without sign "+" or leading zeros): how integers are read, and how REST sends a wide one. */
export function numberOrDigits(value) {
	const n = Number(value);
	return Number.isSafeInteger(n) ? n : BigInt(value).toString();
}
/** A valid Date's text; an invalid one is refused. */
export function formatDate(value, type) {
	if (Number.isNaN(value.getTime())) fail(`invalid Date for ${type}`);
	return formatDateTime(value);
}
/*
* Integers of range [min, max], one pair of codecs for every integer type: read as a number when
* the value is a safe integer (every one of int, short, byte and the unsigned ones up to
* unsignedInt), else as its exact decimal string (long and the unbounded types past 2^53).
*/
/**
 * The integers of range [min, max]: read exactly (`exactInteger`, JSON numbers as parsed), and
 * written from a number, a bigint or a decimal string (`requestInteger`).
 */
function xmlInteger(min, max) {
	return xmlCodec((text, type) => {
		const value = exactInteger(text);
		return value === undefined || value < min || value > max ? invalidText(text, type) : numberOrDigits(value);
	}, (value, type) => String(requestInteger(value, type, min, max)));
}
function jsonInteger(min, max) {
	return jsonCodec((value, type) => {
		const exact = exactInteger(value) ?? invalidJson(value, type);
		if (exact < min || exact > max) fail(`integer is out of the range of ${type}`);
		return typeof value === "number" ? value : numberOrDigits(exact);
	}, (value, type) => numberOrDigits(requestInteger(value, type, min, max)));
}
/**
 * The integer a number, a bigint or a decimal text (surrounding whitespace allowed) says, exactly:
 * a number past the safe integers as the exact value the double holds, a text past 15 characters
 * (where a double may round; up to 15 digits one is exact, and cheaper) as a BigInt; undefined
 * for anything else.
 */
function exactInteger(value) {
	if (Number.isInteger(value)) return Number.isSafeInteger(value) ? value : BigInt(value);
	if (typeof value === "bigint") return value;
	const text = typeof value === "string" ? value.trim() : "";
	return INTEGER_TEXT.test(text) ? text.length <= 15 ? Number(text) : BigInt(text) : undefined;
}
export const XML_INT = /* @__PURE__ */ xmlInteger(-2147483648, 2147483647);
export const JSON_INT = /* @__PURE__ */ jsonInteger(-2147483648, 2147483647);
export const XML_SHORT = /* @__PURE__ */ xmlInteger(-32768, 32767);
export const JSON_SHORT = /* @__PURE__ */ jsonInteger(-32768, 32767);
export const XML_BYTE = /* @__PURE__ */ xmlInteger(-128, 127);
export const JSON_BYTE = /* @__PURE__ */ jsonInteger(-128, 127);
export const XML_UNSIGNED_BYTE = /* @__PURE__ */ xmlInteger(0, 255);
export const JSON_UNSIGNED_BYTE = /* @__PURE__ */ jsonInteger(0, 255);
export const XML_UNSIGNED_SHORT = /* @__PURE__ */ xmlInteger(0, 65535);
export const JSON_UNSIGNED_SHORT = /* @__PURE__ */ jsonInteger(0, 65535);
export const XML_UNSIGNED_INT = /* @__PURE__ */ xmlInteger(0, 4294967295);
export const JSON_UNSIGNED_INT = /* @__PURE__ */ jsonInteger(0, 4294967295);
export const XML_LONG = /* @__PURE__ */ xmlInteger(-9223372036854775808n, 9223372036854775807n);
export const JSON_LONG = /* @__PURE__ */ jsonInteger(-9223372036854775808n, 9223372036854775807n);
export const XML_UNSIGNED_LONG = /* @__PURE__ */ xmlInteger(0, 18446744073709551615n);
export const JSON_UNSIGNED_LONG = /* @__PURE__ */ jsonInteger(0, 18446744073709551615n);
export const XML_INTEGER = /* @__PURE__ */ xmlInteger(-Infinity, Infinity);
export const JSON_INTEGER = /* @__PURE__ */ jsonInteger(-Infinity, Infinity);
export const XML_NON_NEGATIVE_INTEGER = /* @__PURE__ */ xmlInteger(0, Infinity);
export const JSON_NON_NEGATIVE_INTEGER = /* @__PURE__ */ jsonInteger(0, Infinity);
export const XML_POSITIVE_INTEGER = /* @__PURE__ */ xmlInteger(1, Infinity);
export const JSON_POSITIVE_INTEGER = /* @__PURE__ */ jsonInteger(1, Infinity);
export const XML_NON_POSITIVE_INTEGER = /* @__PURE__ */ xmlInteger(-Infinity, 0);
export const JSON_NON_POSITIVE_INTEGER = /* @__PURE__ */ jsonInteger(-Infinity, 0);
export const XML_NEGATIVE_INTEGER = /* @__PURE__ */ xmlInteger(-Infinity, -1);
export const JSON_NEGATIVE_INTEGER = /* @__PURE__ */ jsonInteger(-Infinity, -1);
/** The `typeof` of values written as their text (String()): as a string, and as a REST query parameter. */
export const SIMPLE_TYPES = [
	"string",
	"number",
	"boolean",
	"bigint"
];
/** A string a request gives: numbers, booleans and bigints as their text. */
const requestString = (value, type) => SIMPLE_TYPES.includes(typeof value) ? String(value) : mismatch("a string", type, value);
/** Strings (and the types that travel as their lexical strings: guid, duration, date, time, …). */
export const XML_STRING = /* @__PURE__ */ xmlCodec(same, requestString);
export const JSON_STRING = /* @__PURE__ */ jsonCodec(stringJson, requestString);
/** The lexical forms of xs:boolean: the two false ones, then the two true ones. */
const BOOLEAN_TEXTS = [
	"false",
	"0",
	"true",
	"1"
];
export const XML_BOOLEAN = /* @__PURE__ */ xmlCodec((text, type) => {
	const index = BOOLEAN_TEXTS.indexOf(text.trim());
	return index < 0 ? invalidText(text, type) : index > 1;
}, (value, type) => String(requestBoolean(value, type)));
export const JSON_BOOLEAN = /* @__PURE__ */ jsonCodec((value, type) => typeof value === "boolean" ? value : invalidJson(value, type), requestBoolean);
/** A boolean a request gives, or one of xs:boolean's texts. */
function requestBoolean(value, type) {
	// Trimmed, as XML reads them.
	const index = typeof value === "string" ? BOOLEAN_TEXTS.indexOf(value.trim()) : -1;
	return typeof value === "boolean" ? value : index >= 0 ? index > 1 : mismatch("a boolean", type, value);
}
/** Doubles: `INF`, `-INF` and `NaN` in XML, Json.NET's "Infinity", "-Infinity" and "NaN" strings in JSON. */
export const XML_DOUBLE = /* @__PURE__ */ xmlCodec((text, type) => {
	const t = text.trim();
	if (t === "INF" || t === "+INF") return Infinity;
	if (t === "-INF") return -Infinity;
	if (t === "NaN") return NaN;
	return DOUBLE_TEXT.test(t) ? Number(t) : invalidText(text, type);
}, (value, type) => {
	const n = requestDouble(value, type);
	// String() writes -0 as "0": xs:double keeps the sign.
	return Object.is(n, -0) ? "-0" : Number.isFinite(n) ? String(n) : n > 0 ? "INF" : n < 0 ? "-INF" : "NaN";
});
export const JSON_DOUBLE = /* @__PURE__ */ jsonCodec(
	// A string only: a key of DOUBLE_SPECIALS is what an array of one name (["NaN"]) converts to, too.
	(value, type) => typeof value === "number" ? value : (typeof value === "string" ? DOUBLE_SPECIALS[value] : undefined) ?? invalidJson(value, type),
	// Json.NET's names of the three, which JSON has no number for (JSON.stringify would send null).
	(value, type) => {
		const n = requestDouble(value, type);
		return Number.isFinite(n) ? n : String(n);
	}
);
/** The specials of a double by their texts: XML's and Json.NET's. */
const DOUBLE_SPECIALS = /* @__PURE__ */ Object.assign(Object.create(null), {
	NaN,
	INF: Infinity,
	"+INF": Infinity,
	"-INF": -Infinity,
	Infinity,
	"-Infinity": -Infinity
});
/** A double a request gives: a number, a bigint, or a double's text (the specials too). */
function requestDouble(value, type) {
	if (typeof value === "number" || typeof value === "bigint") return Number(value);
	const text = typeof value === "string" ? value.trim() : "";
	return DOUBLE_TEXT.test(text) ? Number(text) : DOUBLE_SPECIALS[text] ?? mismatch("a number", type, value);
}
/** Decimals read as numbers (the precision of a double); written without exponent notation, which xs:decimal has none of. */
export const XML_DECIMAL = /* @__PURE__ */ xmlCodec((text, type) => {
	const t = text.trim();
	return DECIMAL_TEXT.test(t) ? Number(t) : invalidText(text, type);
}, (value, type) => {
	if (typeof value === "number" && Number.isFinite(value)) return plainDecimal(value);
	if (typeof value === "bigint") return value.toString();
	// Trimmed, as REST takes it.
	if (typeof value === "string" && DECIMAL_TEXT.test(value.trim())) return value.trim();
	return mismatch("a finite number or decimal string", type, value);
});
export const JSON_DECIMAL = /* @__PURE__ */ jsonCodec((value, type) => {
	if (typeof value === "number") return value;
	if (typeof value === "string" && DECIMAL_TEXT.test(value.trim())) return Number(value);
	return invalidJson(value, type);
}, (value, type) => {
	if (typeof value === "number" && Number.isFinite(value)) return value;
	if (typeof value === "bigint") return numberOrDigits(value);
	const text = typeof value === "string" ? value.trim() : "";
	if (!DECIMAL_TEXT.test(text)) return mismatch("a finite number or decimal string", type, value);
	// A double holds up to 15 significant digits as written; more are sent as the text, which
	// Json.NET reads as the decimal exactly (Number() would round 1234567890123456.78).
	const n = Number(text);
	return text.replace(/^[+-]?[0.]*|\.|0*$/g, "").length <= 15 && Number.isFinite(n) ? n : text;
});
/** Dates read as Date (a time without zone as UTC), written as UTC with `Z`; strings are sent as given. */
export const XML_DATE_TIME = /* @__PURE__ */ xmlCodec((text, type) => parseDateTime(text.trim()) ?? invalidText(text, type), requestDateTime);
export const JSON_DATE_TIME = /* @__PURE__ */ jsonCodec((value, type) => {
	if (typeof value !== "string") return invalidJson(value, type);
	return parseDateTime(value.trim()) ?? fail(`text is not a valid ${type}`);
}, requestDateTime);
/** A dateTime a request gives: a Date's text, or a string as given. */
function requestDateTime(value, type) {
	if (value instanceof Date) return formatDate(value, type);
	return typeof value === "string" ? value : mismatch("a Date or ISO 8601 string", type, value);
}
/** Bytes stay a base64 string both ways (whitespace dropped when read); a Uint8Array or ArrayBuffer is encoded when sent. */
export const XML_BASE64 = /* @__PURE__ */ xmlCodec((text) => /\s/.test(text) ? text.replace(/\s+/g, "") : text, requestBase64);
export const JSON_BASE64 = /* @__PURE__ */ jsonCodec(stringJson, requestBase64);
/** Bytes a request gives: a base64 string as given, a Uint8Array or ArrayBuffer encoded. */
function requestBase64(value, type) {
	return typeof value === "string" ? value : bytesToBase64(value) ?? mismatch("a base64 string or Uint8Array", type, value);
}
/** The base64 text of a Uint8Array or ArrayBuffer; undefined for anything else. */
function bytesToBase64(value) {
	if (value instanceof Uint8Array) return toBase64(value);
	if (value instanceof ArrayBuffer) return toBase64(new Uint8Array(value));
	return undefined;
}
/**
 * Every primitive under each XSD type name (null prototype: names come from the responses), with
 * the conversions of both transports: for a SOAP operation that reads anyType
 * (xml-read.ts `readAnyType`) and for hand-written records used by both transports.
 */
export const XSD_TYPES = /* @__PURE__ */ byTypeName({
	STRING: [XML_STRING, JSON_STRING],
	INT: [XML_INT, JSON_INT],
	SHORT: [XML_SHORT, JSON_SHORT],
	BYTE: [XML_BYTE, JSON_BYTE],
	UNSIGNED_BYTE: [XML_UNSIGNED_BYTE, JSON_UNSIGNED_BYTE],
	UNSIGNED_SHORT: [XML_UNSIGNED_SHORT, JSON_UNSIGNED_SHORT],
	UNSIGNED_INT: [XML_UNSIGNED_INT, JSON_UNSIGNED_INT],
	LONG: [XML_LONG, JSON_LONG],
	UNSIGNED_LONG: [XML_UNSIGNED_LONG, JSON_UNSIGNED_LONG],
	INTEGER: [XML_INTEGER, JSON_INTEGER],
	NON_NEGATIVE_INTEGER: [XML_NON_NEGATIVE_INTEGER, JSON_NON_NEGATIVE_INTEGER],
	POSITIVE_INTEGER: [XML_POSITIVE_INTEGER, JSON_POSITIVE_INTEGER],
	NON_POSITIVE_INTEGER: [XML_NON_POSITIVE_INTEGER, JSON_NON_POSITIVE_INTEGER],
	NEGATIVE_INTEGER: [XML_NEGATIVE_INTEGER, JSON_NEGATIVE_INTEGER],
	DOUBLE: [XML_DOUBLE, JSON_DOUBLE],
	DECIMAL: [XML_DECIMAL, JSON_DECIMAL],
	BOOLEAN: [XML_BOOLEAN, JSON_BOOLEAN],
	DATE_TIME: [XML_DATE_TIME, JSON_DATE_TIME],
	BASE64: [XML_BASE64, JSON_BASE64]
});
function byTypeName(codecs) {
	const out = Object.create(null);
	for (const name of Object.keys(codecs)) {
		const [xml, json] = codecs[name];
		const both = {
			...xml,
			...json
		};
		for (const type of NAMES_OF_CODEC[name].split(" ")) out[type] = both;
	}
	return out;
}
