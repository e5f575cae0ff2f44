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
import { NAMES_OF_CODEC, type CodecName } from "./primitives.js";
import type { PrimitiveDescriptor, TypeRecord } from "./schema.js";

export const XSD_NS = "http://www.w3.org/2001/XMLSchema";
export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

/** Thrown by the converters; callers turn it into InvalidRequestError / ResponseParseError with a path. */
export class ValueError extends Error {
  readonly path: string[] = [];
}

/** Turns a ValueError into the public InvalidRequestError (path included); other errors pass. */
export function toRequestError(error: unknown): unknown {
  return error instanceof ValueError ? new InvalidRequestError(error.message, error.path) : error;
}

/** Turns a ValueError from reading into the public ResponseParseError; other errors pass. */
export function toParseError(error: unknown, where: string, status: number): unknown {
  if (error instanceof ValueError) {
    const path = error.path.length > 0 ? ` at ${where}.${error.path.join(".")}` : ` in ${where}`;
    return new ResponseParseError(`Response does not match the schema: ${error.message}${path}`, { status });
  }
  return error;
}

/** Adds a path segment to a ValueError on its way up; other errors pass through unchanged. */
export function addPath(error: unknown, segment: string): unknown {
  if (error instanceof ValueError) error.path.unshift(segment);
  return error;
}

/** What `convert` returns; a ValueError it throws gets `segment` in front of its path. */
export function withPath<T>(segment: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    throw addPath(error, segment);
  }
}

// ---------------------------------------------------------------------------------------------
// JavaScript -> lexical form

/** An integer's decimal text (never in exponent form), from a number, a bigint or a decimal string; undefined for anything else. */
function formatInteger(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" && INTEGER_TEXT.test(value)) return value;
  return undefined;
}

function mismatch(expected: string, type: string, value: unknown): never {
  throw new ValueError(`expected ${expected} for ${type}, got ${describe(value)}`);
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const DOUBLE_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Type of a value for messages; the value itself is never shown (it may be a secret). */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "Date";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** `2025-04-03T11:13:36Z`, or `2025-04-03T11:13:36.120Z` when there are milliseconds. */
export function formatDateTime(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}

/** Decimal notation without exponent (xs:decimal has none). */
export function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exp] = text.toLowerCase().split("e") as [string, string];
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace(/^[-+]/, "");
  const dot = digits.indexOf(".");
  const intPart = dot < 0 ? digits : digits.slice(0, dot);
  const fracPart = dot < 0 ? "" : digits.slice(dot + 1);
  const shift = Number(exp);
  const all = intPart + fracPart;
  const point = intPart.length + shift;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${all}`;
  else if (point >= all.length) out = all + "0".repeat(point - all.length);
  else out = `${all.slice(0, point)}.${all.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, "");
  return negative ? `-${out}` : out;
}

// Through btoa/atob (Node 16+, browsers): a binary string holds one byte per character.
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 text (whitespace ignored, padding optional). Throws ValueError when it is not base64. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[\s=]+$/, "").replace(/\s+/g, "");
  if (clean.length % 4 === 1 || !/^[A-Za-z0-9+/]*$/.test(clean)) throw new ValueError("text is not valid base64");
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// ---------------------------------------------------------------------------------------------
// lexical form -> JavaScript

const DATE_TIME_TEXT = /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(?:Z|([+-])(\d\d):?(\d\d))?$/;

/** Parses an xs:dateTime (or xs:date); zone-less values are UTC. Returns undefined when malformed. */
export function parseDateTime(text: string): Date | undefined {
  const m = DATE_TIME_TEXT.exec(text);
  if (!m) return undefined;
  // An absent part is 0: a date alone is its midnight, a zone-less time is UTC.
  const part = (group: number): number => Number(m[group] ?? 0);
  const month = part(2), day = part(3), hour = part(4), minute = part(5), second = part(6);
  // Impossible dates are malformed, not rolled over: 24:30, second 60, offset +14:01 or +10:60. 24:00:00 is the end of the day.
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && /[1-9]/.test(m.slice(5, 8).join("")))) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(part(1), month - 1, day);
  // Feb 30 or month 13 would roll over into another month: the Date would not say the same day.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  // Milliseconds: the fraction's first three digits (WCF writes seven).
  date.setUTCHours(hour, minute, second, Number(`${m[7] ?? ""}00`.slice(0, 3)));
  if (m[8] !== undefined) {
    const offset = part(9) * 60 + part(10);
    if (part(10) > 59 || offset > 14 * 60) return undefined;
    date.setTime(date.getTime() - (m[8] === "-" ? -offset : offset) * 60_000);
  }
  return Number.isNaN(date.getTime()) ? undefined : date;
}

// ---------------------------------------------------------------------------------------------
// Flags enums

/** SOAP: xs:list, names separated by spaces. Accepts an array of names or a string ("A B", "A, B"). */
export function formatFlagsXml(value: unknown, type: string): string {
  if (Array.isArray(value)) {
    for (const name of value) if (typeof name !== "string") throw new ValueError(`expected names (strings) in flags ${type}`);
    return value.join(" ");
  }
  if (typeof value === "string") return value.includes(",") ? value.split(/[\s,]+/).filter(Boolean).join(" ") : value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  throw new ValueError(`expected an array of names for flags ${type}, got ${describe(value)}`);
}

export function parseFlagsXml(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * REST: SuperOffice's WebAPI (Json.NET, StringEnumConverter) writes [Flags] enums as one string,
 * names joined by ", " ("UserName, Password"), and reads the same. The OpenAPI file types them
 * as strings, so the empty set is the enum's zero name (`empty`, e.g. "Unknown") when it has one,
 * else left out (undefined: the server's default is the empty set), never the number 0.
 */
export function formatFlagsJson(value: unknown, type: string, empty: string | undefined): string | number | undefined {
  if (Array.isArray(value)) {
    for (const name of value) if (typeof name !== "string") throw new ValueError(`expected names (strings) in flags ${type}`);
    return value.length === 0 ? empty : value.join(", ");
  }
  if (typeof value === "string" || (typeof value === "number" && Number.isInteger(value))) return value;
  throw new ValueError(`expected an array of names for flags ${type}, got ${describe(value)}`);
}

export function parseFlagsJson(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// The codecs (schema.ts PrimitiveDescriptor), one per XSD primitive and transport, which the types
// records name: XML_INT, JSON_INT, … A REST call reads and writes JSON only and a SOAP call XML only,
// so each transport's records name its own codecs and a bundle carries no conversion of the other.

/** The conversions of the other transport in a codec of one: a record of REST descriptors is never read as XML, nor one of SOAP's as JSON. */
function otherTransport(_: unknown, type: string): never {
  throw new TypeError(`The codec of ${type} converts for the other transport (a types record of REST or SOAP alone)`);
}

const xmlCodec = (read: PrimitiveDescriptor["read"], write: PrimitiveDescriptor["write"]): PrimitiveDescriptor => ({ kind: "primitive", read, write, revive: otherTransport, json: otherTransport });
const jsonCodec = (revive: PrimitiveDescriptor["revive"], json: PrimitiveDescriptor["json"]): PrimitiveDescriptor => ({ kind: "primitive", read: otherTransport, write: otherTransport, revive, json });

/** A value that needs no conversion (a string's text, a boolean's JSON). */
const same = (value: unknown): unknown => value;

function invalidText(text: string, type: string): never {
  throw new ValueError(`${text === "" ? "empty text" : "text"} is not a valid ${type}`);
}

/** A JSON value is checked against its type: numbers where numbers are declared, strings where strings are, objects for carriers; the value itself is never quoted (it may be a secret). */
export function invalidJson(value: unknown, type: string): never {
  throw new ValueError(`${describe(value)} is not a valid ${type}`);
}

const stringJson = (value: unknown, type: string): unknown => (typeof value === "string" ? value : invalidJson(value, type));

/** A bigint as JSON: a number when safe, else its decimal string. */
export function bigintToJson(value: bigint): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value.toString();
}

const numberJson = (value: unknown): unknown => (typeof value === "bigint" ? bigintToJson(value) : value);

/** A valid Date's text; an invalid one is refused. */
export function formatDate(value: Date, type: string): string {
  if (Number.isNaN(value.getTime())) throw new ValueError(`invalid Date for ${type}`);
  return formatDateTime(value);
}

/**
 * The integer a JSON number or a decimal text (surrounding whitespace allowed) says, exactly: a
 * BigInt past 15 characters, where a double may round (up to 15 digits one is exact, and cheaper);
 * undefined for anything else.
 */
function exactInteger(value: unknown): number | bigint | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  const text = typeof value === "string" ? value.trim() : "";
  if (!INTEGER_TEXT.test(text)) return undefined;
  return text.length <= 15 ? Number(text) : BigInt(text);
}

/** A bound of an integer type's range: a number where a double holds it exactly, else a bigint; ±Infinity where the type has none. */
type Bound = number | bigint;

/*
 * Integers of range [min, max] (numbers and bigints compare exactly). Those of long and the
 * unbounded types read as a number when the value is a safe integer, else as its exact decimal
 * string; every one is written from a number, a bigint or a decimal string (`wide` only names the
 * latter two in the message).
 */

function xmlInteger(min: Bound, max: Bound, wide: boolean): PrimitiveDescriptor {
  return xmlCodec(
    (text, type) => {
      const value = exactInteger(text);
      if (value === undefined || value < min || value > max) return invalidText(text, type);
      const n = Number(value);
      // Past the safe integers: the decimal text without sign "+" and leading zeros.
      return Number.isSafeInteger(n) ? n : String(value);
    },
    (value, type) => formatInteger(value) ?? mismatch(wide ? "an integer number, bigint or decimal string" : "an integer number", type, value),
  );
}

function jsonInteger(min: Bound, max: Bound): PrimitiveDescriptor {
  return jsonCodec((value, type) => {
    const exact = exactInteger(value);
    if (exact === undefined) return invalidJson(value, type);
    if (exact < min || exact > max) throw new ValueError(`integer is out of the range of ${type}`);
    const n = Number(exact);
    // A JSON number stays as parsed; a string past the safe integers stays the text sent, without sign "+".
    return typeof value === "number" || Number.isSafeInteger(n) ? n : String(value).trim().replace(/^\+/, "");
  }, numberJson);
}

export const XML_INT: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(-2147483648, 2147483647, false);
export const JSON_INT: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(-2147483648, 2147483647);
export const XML_SHORT: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(-32768, 32767, false);
export const JSON_SHORT: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(-32768, 32767);
export const XML_BYTE: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(-128, 127, false);
export const JSON_BYTE: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(-128, 127);
export const XML_UNSIGNED_BYTE: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(0, 255, false);
export const JSON_UNSIGNED_BYTE: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(0, 255);
export const XML_UNSIGNED_SHORT: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(0, 65535, false);
export const JSON_UNSIGNED_SHORT: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(0, 65535);
export const XML_UNSIGNED_INT: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(0, 4294967295, false);
export const JSON_UNSIGNED_INT: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(0, 4294967295);
export const XML_LONG: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(-9223372036854775808n, 9223372036854775807n, true);
export const JSON_LONG: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(-9223372036854775808n, 9223372036854775807n);
export const XML_UNSIGNED_LONG: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(0, 18446744073709551615n, true);
export const JSON_UNSIGNED_LONG: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(0, 18446744073709551615n);
export const XML_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(-Infinity, Infinity, true);
export const JSON_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(-Infinity, Infinity);
export const XML_NON_NEGATIVE_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(0, Infinity, true);
export const JSON_NON_NEGATIVE_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(0, Infinity);
export const XML_POSITIVE_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(1, Infinity, true);
export const JSON_POSITIVE_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(1, Infinity);
export const XML_NON_POSITIVE_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(-Infinity, 0, true);
export const JSON_NON_POSITIVE_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(-Infinity, 0);
export const XML_NEGATIVE_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ xmlInteger(-Infinity, -1, true);
export const JSON_NEGATIVE_INTEGER: PrimitiveDescriptor = /* @__PURE__ */ jsonInteger(-Infinity, -1);

/** The `typeof` of values written as their text (String()): as a string, and as a REST query parameter. */
export const SIMPLE_TYPES: readonly string[] = ["string", "number", "boolean", "bigint"];

/** Strings (and the types that travel as their lexical strings: guid, duration, date, time, …). */
export const XML_STRING: PrimitiveDescriptor = /* @__PURE__ */ xmlCodec(same, (value, type) => (SIMPLE_TYPES.includes(typeof value) ? String(value) : mismatch("a string", type, value)));
export const JSON_STRING: PrimitiveDescriptor = /* @__PURE__ */ jsonCodec(stringJson, same);

export const XML_BOOLEAN: PrimitiveDescriptor = /* @__PURE__ */ xmlCodec(
  (text, type) => {
    const t = text.trim();
    if (t === "true" || t === "1") return true;
    if (t === "false" || t === "0") return false;
    return invalidText(text, type);
  },
  (value, type) => {
    if (value === true) return "true";
    if (value === false) return "false";
    if (value === "true" || value === "false" || value === "1" || value === "0") return value;
    return mismatch("a boolean", type, value);
  },
);
export const JSON_BOOLEAN: PrimitiveDescriptor = /* @__PURE__ */ jsonCodec((value, type) => (typeof value === "boolean" ? value : invalidJson(value, type)), same);

/** Doubles: `INF`, `-INF` and `NaN` in XML, Json.NET's "Infinity", "-Infinity" and "NaN" strings in JSON. */
export const XML_DOUBLE: PrimitiveDescriptor = /* @__PURE__ */ xmlCodec(
  (text, type) => {
    const t = text.trim();
    if (t === "INF" || t === "+INF") return Infinity;
    if (t === "-INF") return -Infinity;
    if (t === "NaN") return NaN;
    return DOUBLE_TEXT.test(t) ? Number(t) : invalidText(text, type);
  },
  (value, type) => {
    if (typeof value === "number") {
      if (Number.isNaN(value)) return "NaN";
      if (value === Infinity) return "INF";
      if (value === -Infinity) return "-INF";
      return String(value);
    }
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "string" && (DOUBLE_TEXT.test(value) || value === "INF" || value === "-INF" || value === "NaN")) return value;
    return mismatch("a number", type, value);
  },
);
export const JSON_DOUBLE: PrimitiveDescriptor = /* @__PURE__ */ jsonCodec((value, type) => {
  if (typeof value === "number") return value;
  if (value === "NaN") return NaN;
  if (value === "Infinity" || value === "INF") return Infinity;
  if (value === "-Infinity" || value === "-INF") return -Infinity;
  return invalidJson(value, type);
}, numberJson);

/** Decimals read as numbers (the precision of a double); written without exponent notation, which xs:decimal has none of. */
export const XML_DECIMAL: PrimitiveDescriptor = /* @__PURE__ */ xmlCodec(
  (text, type) => {
    const t = text.trim();
    return DECIMAL_TEXT.test(t) ? Number(t) : invalidText(text, type);
  },
  (value, type) => {
    if (typeof value === "number" && Number.isFinite(value)) return plainDecimal(value);
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "string" && DECIMAL_TEXT.test(value)) return value;
    return mismatch("a finite number or decimal string", type, value);
  },
);
export const JSON_DECIMAL: PrimitiveDescriptor = /* @__PURE__ */ jsonCodec((value, type) => {
  if (typeof value === "number") return value;
  if (typeof value === "string" && DECIMAL_TEXT.test(value.trim())) return Number(value);
  return invalidJson(value, type);
}, numberJson);

/** Dates read as Date (a time without zone as UTC), written as UTC with `Z`; strings are sent as given. */
export const XML_DATE_TIME: PrimitiveDescriptor = /* @__PURE__ */ xmlCodec(
  (text, type) => parseDateTime(text.trim()) ?? invalidText(text, type),
  (value, type) => {
    if (value instanceof Date) return formatDate(value, type);
    if (typeof value === "string") return value;
    return mismatch("a Date or ISO 8601 string", type, value);
  },
);
export const JSON_DATE_TIME: PrimitiveDescriptor = /* @__PURE__ */ jsonCodec(
  (value, type) => {
    if (typeof value !== "string") return invalidJson(value, type);
    const date = parseDateTime(value.trim());
    if (date === undefined) throw new ValueError(`text is not a valid ${type}`);
    return date;
  },
  (value, type) => (value instanceof Date ? formatDate(value, type) : value),
);

/** Bytes stay a base64 string both ways (whitespace dropped when read); a Uint8Array or ArrayBuffer is encoded when sent. */
export const XML_BASE64: PrimitiveDescriptor = /* @__PURE__ */ xmlCodec(
  (text) => (/\s/.test(text) ? text.replace(/\s+/g, "") : text),
  (value, type) => (typeof value === "string" ? value : (bytesToBase64(value) ?? mismatch("a base64 string or Uint8Array", type, value))),
);
export const JSON_BASE64: PrimitiveDescriptor = /* @__PURE__ */ jsonCodec(stringJson, (value) => bytesToBase64(value) ?? value);

/** The base64 text of a Uint8Array or ArrayBuffer; undefined for anything else. */
function bytesToBase64(value: unknown): string | undefined {
  if (value instanceof Uint8Array) return toBase64(value);
  if (value instanceof ArrayBuffer) return toBase64(new Uint8Array(value));
  return undefined;
}

/**
 * Every primitive under each XSD type name (null prototype: names come from the responses), with
 * the conversions of both transports: for a SOAP operation that reads anyType
 * (xml-read.ts `readAnyType`) and for hand-written records used by both transports.
 */
export const XSD_TYPES: TypeRecord = /* @__PURE__ */ byTypeName({
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
  BASE64: [XML_BASE64, JSON_BASE64],
});

function byTypeName(codecs: Readonly<Record<CodecName, readonly [xml: PrimitiveDescriptor, json: PrimitiveDescriptor]>>): TypeRecord {
  const out = Object.create(null) as Record<string, PrimitiveDescriptor>;
  for (const name of Object.keys(codecs) as CodecName[]) {
    const [xml, json] = codecs[name];
    const both: PrimitiveDescriptor = { kind: "primitive", read: xml.read, write: xml.write, revive: json.revive, json: json.json };
    for (const type of NAMES_OF_CODEC[name].split(" ")) out[type] = both;
  }
  return out;
}
