import type { JsonPrimitive, TypeRecord, XmlPrimitive } from "./schema.js";
export declare const XSD_NS = "http://www.w3.org/2001/XMLSchema";
export declare const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
/** Thrown by the converters; callers turn it into InvalidRequestError / ResponseParseError with a path. */
export declare class ValueError extends Error {
	readonly path: string[];
}
/** Throws a ValueError of `message`. */
export declare function fail(message: string): never;
/** Turns a ValueError into the public InvalidRequestError (path included); other errors pass. */
export declare function toRequestError(error: unknown): unknown;
/** Turns a ValueError from reading into the public ResponseParseError; other errors pass. */
export declare function toParseError(error: unknown, where: string, status: number): unknown;
/** What `convert` returns; a ValueError it throws gets `segment` in front of its path (other errors pass unchanged). */
export declare function withPath<T>(segment: string, convert: () => T): T;
/** Type of a value for messages; the value itself is never shown (it may be a secret). */
export declare function describe(value: unknown): string;
/** `2025-04-03T11:13:36Z`, or `2025-04-03T11:13:36.120Z` when there are milliseconds. */
export declare function formatDateTime(date: Date): string;
/** Decimal notation without exponent (xs:decimal has none). */
export declare function plainDecimal(value: number): string;
export declare function toBase64(bytes: Uint8Array): string;
/** The bytes of a base64 text (whitespace ignored, padding optional). Throws ValueError when it is not base64. */
export declare function fromBase64(text: string): Uint8Array;
/** Parses an xs:dateTime (or xs:date); zone-less values are UTC. Returns undefined when malformed. */
export declare function parseDateTime(text: string): Date | undefined;
/** SOAP: xs:list, names separated by spaces. Accepts an array of names or a string ("A B", "A, B"). */
export declare function formatFlagsXml(value: unknown, type: string): string;
export declare function parseFlagsXml(text: string): string[];
/**
 * REST: SuperOffice's WebAPI (Json.NET, StringEnumConverter) writes [Flags] enums as one string,
 * names joined by ", " ("UserName, Password"), and reads the same. The OpenAPI file types them
 * as strings, so the empty set is the enum's zero name (`empty`, e.g. "Unknown") when it has one,
 * else left out (undefined: the server's default is the empty set), never the number 0.
 */
export declare function formatFlagsJson(value: unknown, type: string, empty: string | undefined): string | number | undefined;
export declare function parseFlagsJson(text: string): string[];
/** A JSON value is checked against its type: numbers where numbers are declared, strings where strings are, objects for carriers; the value itself is never quoted (it may be a secret). */
export declare function invalidJson(value: unknown, type: string): never;
/** An integer as a number when safe, else as its exact decimal string (without sign "+" or leading zeros): how integers are read, and how REST sends a wide one. */
export declare function numberOrDigits(value: number | bigint): number | string;
/** A valid Date's text; an invalid one is refused. */
export declare function formatDate(value: Date, type: string): string;
export declare const XML_INT: XmlPrimitive;
export declare const JSON_INT: JsonPrimitive;
export declare const XML_SHORT: XmlPrimitive;
export declare const JSON_SHORT: JsonPrimitive;
export declare const XML_BYTE: XmlPrimitive;
export declare const JSON_BYTE: JsonPrimitive;
export declare const XML_UNSIGNED_BYTE: XmlPrimitive;
export declare const JSON_UNSIGNED_BYTE: JsonPrimitive;
export declare const XML_UNSIGNED_SHORT: XmlPrimitive;
export declare const JSON_UNSIGNED_SHORT: JsonPrimitive;
export declare const XML_UNSIGNED_INT: XmlPrimitive;
export declare const JSON_UNSIGNED_INT: JsonPrimitive;
export declare const XML_LONG: XmlPrimitive;
export declare const JSON_LONG: JsonPrimitive;
export declare const XML_UNSIGNED_LONG: XmlPrimitive;
export declare const JSON_UNSIGNED_LONG: JsonPrimitive;
export declare const XML_INTEGER: XmlPrimitive;
export declare const JSON_INTEGER: JsonPrimitive;
export declare const XML_NON_NEGATIVE_INTEGER: XmlPrimitive;
export declare const JSON_NON_NEGATIVE_INTEGER: JsonPrimitive;
export declare const XML_POSITIVE_INTEGER: XmlPrimitive;
export declare const JSON_POSITIVE_INTEGER: JsonPrimitive;
export declare const XML_NON_POSITIVE_INTEGER: XmlPrimitive;
export declare const JSON_NON_POSITIVE_INTEGER: JsonPrimitive;
export declare const XML_NEGATIVE_INTEGER: XmlPrimitive;
export declare const JSON_NEGATIVE_INTEGER: JsonPrimitive;
/** The `typeof` of values written as their text (String()): as a string, and as a REST query parameter. */
export declare const SIMPLE_TYPES: readonly string[];
/** Strings (and the types that travel as their lexical strings: guid, duration, date, time, …). */
export declare const XML_STRING: XmlPrimitive;
export declare const JSON_STRING: JsonPrimitive;
export declare const XML_BOOLEAN: XmlPrimitive;
export declare const JSON_BOOLEAN: JsonPrimitive;
/** Doubles: `INF`, `-INF` and `NaN` in XML, Json.NET's "Infinity", "-Infinity" and "NaN" strings in JSON. */
export declare const XML_DOUBLE: XmlPrimitive;
export declare const JSON_DOUBLE: JsonPrimitive;
/** Decimals read as numbers (the precision of a double); written without exponent notation, which xs:decimal has none of. */
export declare const XML_DECIMAL: XmlPrimitive;
export declare const JSON_DECIMAL: JsonPrimitive;
/** Dates read as Date (a time without zone as UTC), written as UTC with `Z`; strings are sent as given. */
export declare const XML_DATE_TIME: XmlPrimitive;
export declare const JSON_DATE_TIME: JsonPrimitive;
/** Bytes stay a base64 string both ways (whitespace dropped when read); a Uint8Array or ArrayBuffer is encoded when sent. */
export declare const XML_BASE64: XmlPrimitive;
export declare const JSON_BASE64: JsonPrimitive;
/**
 * Every primitive under each XSD type name (null prototype: names come from the responses), with
 * the conversions of both transports: for a SOAP operation that reads anyType
 * (xml-read.ts `readAnyType`) and for hand-written records used by both transports.
 */
export declare const XSD_TYPES: TypeRecord;
