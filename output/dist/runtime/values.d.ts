import { type PrimitiveKind } from "./primitives.js";
export declare const XSD_NS = "http://www.w3.org/2001/XMLSchema";
export declare const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
export type { PrimitiveKind } from "./primitives.js";
/** The primitive kind of an XSD type name, or undefined when it is not a primitive (anyType included). */
export declare function primitiveKind(type: string): PrimitiveKind | undefined;
/** Thrown by the converters; callers turn it into InvalidRequestError / ResponseParseError with a path. */
export declare class ValueError extends Error {
	readonly path: string[];
}
/** Turns a ValueError into the public InvalidRequestError (path included); other errors pass. */
export declare function toRequestError(error: unknown): unknown;
/** Turns a ValueError from reading into the public ResponseParseError; other errors pass. */
export declare function toParseError(error: unknown, where: string, status: number): unknown;
/** Adds a path segment to a ValueError on its way up; other errors pass through unchanged. */
export declare function addPath(error: unknown, segment: string): unknown;
/** What `convert` returns; a ValueError it throws gets `segment` in front of its path. */
export declare function withPath<T>(segment: string, convert: () => T): T;
/** Lexical form of a request value. Never puts the value itself into an error message. */
export declare function formatPrimitive(kind: PrimitiveKind, value: unknown, type: string): string;
/**
 * Lexical form of a value of a kind the SOAP envelope writes itself (`envelopeWrites`: string,
 * int, boolean); formatPrimitive for the others, which only `writeXmlTree` calls, so a call
 * whose parameters are all of these kinds bundles none of the rest.
 */
export declare function formatSimple(kind: PrimitiveKind, value: unknown, type: string): string;
/** Type of a value for messages; the value itself is never shown (it may be a secret). */
export declare function describe(value: unknown): string;
/** `2025-04-03T11:13:36Z`, or `2025-04-03T11:13:36.120Z` when there are milliseconds. */
export declare function formatDateTime(date: Date): string;
/** Decimal notation without exponent (xs:decimal has none). */
export declare function plainDecimal(value: number): string;
export declare function toBase64(bytes: Uint8Array): string;
/** The bytes of a base64 text (whitespace ignored, padding optional). Throws ValueError when it is not base64. */
export declare function fromBase64(text: string): Uint8Array;
/** Value of a response text. Throws ValueError when the text is not of the type. */
export declare function parsePrimitive(kind: PrimitiveKind, text: string, type: string): unknown;
/** Whether an integer text (INTEGER) lies in the range of its XSD type; types without one (integer) always do. */
export declare function inRange(text: string, type: string): boolean;
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
