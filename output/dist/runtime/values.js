/**
 * Primitive values: XSD lexical forms <-> JavaScript, shared by the SOAP and REST sides.
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
import { primitiveKindOf } from "./primitives.js";
export const XSD_NS = "http://www.w3.org/2001/XMLSchema";
export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
/** The primitive kind of an XSD type name, or undefined when it is not a primitive (anyType included). */
export function primitiveKind(type) {
	return primitiveKindOf(type);
}
/** Thrown by the converters; callers turn it into InvalidRequestError / ResponseParseError with a path. */
export class ValueError extends Error {
	path = [];
}
/** Turns a ValueError into the public InvalidRequestError (path included); other errors pass. */
export function toRequestError(error) {
	return error instanceof ValueError ? new InvalidRequestError(error.message, error.path) : error;
}
/** Turns a ValueError from reading into the public ResponseParseError; other errors pass. */
export function toParseError(error, where, status) {
	if (error instanceof ValueError) {
		const path = error.path.length > 0 ? ` at ${where}.${error.path.join(".")}` : ` in ${where}`;
		return new ResponseParseError(`Response does not match the schema: ${error.message}${path}`, { status });
	}
	return error;
}
/** Adds a path segment to a ValueError on its way up; other errors pass through unchanged. */
export function addPath(error, segment) {
	if (error instanceof ValueError) error.path.unshift(segment);
	return error;
}
/** What `convert` returns; a ValueError it throws gets `segment` in front of its path. */
export function withPath(segment, convert) {
	try {
		return convert();
	} catch (error) {
		throw addPath(error, segment);
	}
}
// ---------------------------------------------------------------------------------------------
// JavaScript -> lexical form
/** Lexical form of a request value. Never puts the value itself into an error message. */
export function formatPrimitive(kind, value, type) {
	switch (kind) {
		case "long": return formatInteger(value) ?? mismatch("an integer number, bigint or decimal string", type, value);
		case "double":
			if (typeof value === "number") {
				if (Number.isNaN(value)) return "NaN";
				if (value === Infinity) return "INF";
				if (value === -Infinity) return "-INF";
				return String(value);
			}
			if (typeof value === "bigint") return value.toString();
			if (typeof value === "string" && (DOUBLE.test(value) || value === "INF" || value === "-INF" || value === "NaN")) return value;
			return mismatch("a number", type, value);
		case "decimal":
			if (typeof value === "number" && Number.isFinite(value)) return plainDecimal(value);
			if (typeof value === "bigint") return value.toString();
			if (typeof value === "string" && DECIMAL.test(value)) return value;
			return mismatch("a finite number or decimal string", type, value);
		case "dateTime":
			if (value instanceof Date) {
				if (!Number.isNaN(value.getTime())) return formatDateTime(value);
				throw new ValueError(`invalid Date for ${type}`);
			}
			if (typeof value === "string") return value;
			return mismatch("a Date or ISO 8601 string", type, value);
		case "base64":
			if (typeof value === "string") return value;
			if (value instanceof Uint8Array) return toBase64(value);
			if (value instanceof ArrayBuffer) return toBase64(new Uint8Array(value));
			return mismatch("a base64 string or Uint8Array", type, value);
		default: return formatSimple(kind, value, type);
	}
}
/**
 * Lexical form of a value of a kind the SOAP envelope writes itself (`envelopeWrites`: string,
 * int, boolean); formatPrimitive for the others, which only `writeXmlTree` calls, so a call
 * whose parameters are all of these kinds bundles none of the rest.
 */
export function formatSimple(kind, value, type) {
	switch (kind) {
		case "int": return formatInteger(value) ?? mismatch("an integer number", type, value);
		case "boolean":
			if (value === true) return "true";
			if (value === false) return "false";
			if (value === "true" || value === "false" || value === "1" || value === "0") return value;
			return mismatch("a boolean", type, value);
		default:
			if (typeof value === "string") return value;
			if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
			return mismatch("a string", type, value);
	}
}
/** An integer's decimal text (never in exponent form), from a number, a bigint or a decimal string; undefined for anything else. */
function formatInteger(value) {
	if (typeof value === "number" && Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
	if (typeof value === "bigint") return value.toString();
	if (typeof value === "string" && INTEGER.test(value)) return value;
	return undefined;
}
function mismatch(expected, type, value) {
	throw new ValueError(`expected ${expected} for ${type}, got ${describe(value)}`);
}
const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** Type of a value for messages; the value itself is never shown (it may be a secret). */
export function describe(value) {
	if (value === null) return "null";
	if (Array.isArray(value)) return "array";
	if (value instanceof Date) return "Date";
	if (typeof value === "number" && !Number.isFinite(value)) return String(value);
	return typeof value;
}
/** `2025-04-03T11:13:36Z`, or `2025-04-03T11:13:36.120Z` when there are milliseconds. */
export function formatDateTime(date) {
	const iso = date.toISOString();
	return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
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
	const clean = text.replace(/[\s=]+$/, "").replace(/\s+/g, "");
	if (clean.length % 4 === 1 || !/^[A-Za-z0-9+/]*$/.test(clean)) throw new ValueError("text is not valid base64");
	const binary = atob(clean);
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}
// ---------------------------------------------------------------------------------------------
// lexical form -> JavaScript
/** Value of a response text. Throws ValueError when the text is not of the type. */
export function parsePrimitive(kind, text, type) {
	switch (kind) {
		case "string": return text;
		case "int": {
			const t = text.trim();
			if (INTEGER.test(t) && inRange(t, type)) return Number(t);
			break;
		}
		case "long": {
			const t = text.trim();
			if (INTEGER.test(t) && inRange(t, type)) {
				const n = Number(t);
				if (Number.isSafeInteger(n)) return n;
				const normal = t.replace(/^\+/, "").replace(/^(-?)0+(?=\d)/, "$1");
				return normal;
			}
			break;
		}
		case "double": {
			const t = text.trim();
			if (t === "INF" || t === "+INF") return Infinity;
			if (t === "-INF") return -Infinity;
			if (t === "NaN") return NaN;
			if (DOUBLE.test(t)) return Number(t);
			break;
		}
		case "decimal": {
			const t = text.trim();
			if (DECIMAL.test(t)) return Number(t);
			break;
		}
		case "boolean": {
			const t = text.trim();
			if (t === "true" || t === "1") return true;
			if (t === "false" || t === "0") return false;
			break;
		}
		case "dateTime": {
			const date = parseDateTime(text.trim());
			if (date) return date;
			break;
		}
		case "base64": return /\s/.test(text) ? text.replace(/\s+/g, "") : text;
	}
	throw new ValueError(`${text === "" ? "empty text" : "text"} is not a valid ${type}`);
}
const signed = (bits) => [-(1n << bits - 1n), (1n << bits - 1n) - 1n];
const unsigned = (bits) => [0n, (1n << bits) - 1n];
/** Value ranges of the bounded XSD integer types (undefined bound = unbounded). */
const INTEGER_RANGES = Object.assign(Object.create(null), {
	byte: signed(8n),
	unsignedByte: unsigned(8n),
	short: signed(16n),
	unsignedShort: unsigned(16n),
	int: signed(32n),
	// An xs:int restriction in the Serialization schema (primitives.ts).
	char: signed(32n),
	unsignedInt: unsigned(32n),
	long: signed(64n),
	unsignedLong: unsigned(64n),
	nonNegativeInteger: [0n, undefined],
	positiveInteger: [1n, undefined],
	nonPositiveInteger: [undefined, 0n],
	negativeInteger: [undefined, -1n]
});
/** Whether an integer text (INTEGER) lies in the range of its XSD type; types without one (integer) always do. */
export function inRange(text, type) {
	const range = INTEGER_RANGES[type];
	if (range === undefined) return true;
	// Up to 15 digits a double is exact: no BigInt needed.
	if (text.length <= 15) {
		const n = Number(text);
		return (range[0] === undefined || n >= Number(range[0])) && (range[1] === undefined || n <= Number(range[1]));
	}
	const value = BigInt(text.replace(/^\+/, ""));
	return (range[0] === undefined || value >= range[0]) && (range[1] === undefined || value <= range[1]);
}
const DATE_TIME = /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d:?\d\d)?$/;
/** Parses an xs:dateTime (or xs:date); zone-less values are UTC. Returns undefined when malformed. */
export function parseDateTime(text) {
	const m = DATE_TIME.exec(text);
	if (!m) return undefined;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	const hour = m[4] === undefined ? 0 : Number(m[4]);
	const minute = m[5] === undefined ? 0 : Number(m[5]);
	const second = m[6] === undefined ? 0 : Number(m[6]);
	const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
	// Impossible dates are malformed, not rolled over: Feb 30, 24:30, offset +99:99. 24:00:00 is the end of the day.
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || minute > 59 || second > 59) return undefined;
	if (hour > 24 || hour === 24 && (minute !== 0 || second !== 0 || millis !== 0 || /[1-9]/.test(m[7] ?? ""))) return undefined;
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, millis);
	const zone = m[8];
	if (zone !== undefined && zone !== "Z") {
		const sign = zone[0] === "-" ? -1 : 1;
		const digits = zone.slice(1).replace(":", "");
		const hours = Number(digits.slice(0, 2));
		const minutes = Number(digits.slice(2));
		if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
		const offset = hours * 60 + minutes;
		date.setTime(date.getTime() - sign * offset * 6e4);
	}
	return Number.isNaN(date.getTime()) ? undefined : date;
}
/** Days of a month of the proleptic Gregorian calendar (years as XSD writes them: 0 is 1 BCE). */
function daysInMonth(year, month) {
	if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
// ---------------------------------------------------------------------------------------------
// Flags enums
/** SOAP: xs:list, names separated by spaces. Accepts an array of names or a string ("A B", "A, B"). */
export function formatFlagsXml(value, type) {
	if (Array.isArray(value)) {
		for (const name of value) if (typeof name !== "string") throw new ValueError(`expected names (strings) in flags ${type}`);
		return value.join(" ");
	}
	if (typeof value === "string") return value.includes(",") ? value.split(/[\s,]+/).filter(Boolean).join(" ") : value;
	if (typeof value === "number" && Number.isInteger(value)) return String(value);
	throw new ValueError(`expected an array of names for flags ${type}, got ${describe(value)}`);
}
export function parseFlagsXml(text) {
	const t = text.trim();
	return t === "" ? [] : t.split(/\s+/);
}
/**
 * REST: SuperOffice's WebAPI (Json.NET, StringEnumConverter) writes [Flags] enums as one string,
 * names joined by ", " ("UserName, Password"), and reads the same. The OpenAPI file types them
 * as strings, so the empty set is the enum's zero name (`empty`, e.g. "Unknown") when it has one,
 * else left out (undefined: the server's default is the empty set), never the number 0.
 */
export function formatFlagsJson(value, type, empty) {
	if (Array.isArray(value)) {
		for (const name of value) if (typeof name !== "string") throw new ValueError(`expected names (strings) in flags ${type}`);
		return value.length === 0 ? empty : value.join(", ");
	}
	if (typeof value === "string" || typeof value === "number" && Number.isInteger(value)) return value;
	throw new ValueError(`expected an array of names for flags ${type}, got ${describe(value)}`);
}
export function parseFlagsJson(text) {
	const t = text.trim();
	return t === "" ? [] : t.split(/\s*[,\s]\s*/).filter(Boolean);
}
