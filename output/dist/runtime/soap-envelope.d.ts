import type { SoapExceptionInfo } from "./errors.js";
import { type SoapOperationDescriptor, type SoapSchema, type TypeRecord } from "./schema.js";
export declare const SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/";
/** The `TimeZone` request header. */
export interface SoapTimeZone {
	SoTimeZoneId?: number;
	SoTimeZoneLocationCode?: string | null;
}
/** Request headers; each is sent only when set. */
export interface SoapRequestHeaders {
	applicationToken?: string;
	ticket?: string;
	timeZone?: SoapTimeZone;
}
/** Response headers, read with the types `schema.responseHeaders` gives. */
export interface SoapResponseHeaders {
	ExceptionInfo?: SoapExceptionInfo | null;
	ExtraInfo?: Record<string, string | null> | null;
	Succeeded?: boolean;
	TimeZone?: SoapTimeZone | null;
	[header: string]: unknown;
}
export interface SoapFault {
	faultCode: string;
	faultString: string;
	faultActor?: string;
	exceptionInfo?: SoapExceptionInfo;
}
export type SoapResult = {
	readonly kind: "result";
	readonly value: unknown;
	readonly headers: SoapResponseHeaders;
} | {
	readonly kind: "fault";
	readonly fault: SoapFault;
	readonly headers: SoapResponseHeaders;
};
/** Builds the request envelope. Throws InvalidRequestError when a value does not fit the schema. */
export declare function buildSoapRequest(schema: SoapSchema, op: SoapOperationDescriptor, request: object | undefined, headers?: SoapRequestHeaders): string;
/**
 * The request headers the envelope writes, in the order it writes them (from `SoapRequestHeaders`):
 * a binding that declares all of them may leave `requestHeaders` out, as the generated ones do.
 */
export declare const SOAP_REQUEST_HEADERS: readonly string[];
/**
 * Reads a response envelope: the unwrapped `Response` value (undefined for void operations,
 * null when the element is absent or nil) or the fault, plus the response headers.
 * Throws ResponseParseError when the text is not a SOAP 1.1 envelope of the operation.
 */
export declare function readSoapResponse(schema: SoapSchema, op: SoapOperationDescriptor, xml: string, status?: number): SoapResult;
/**
 * Descriptors of SoExceptionInfo for fault details when the schema declares no ExceptionInfo
 * header, and behind the header types of every schema: the generator leaves copies of them out.
 */
export declare const BUILTIN_TYPES: TypeRecord;
