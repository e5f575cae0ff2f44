/**
 * The error itself when it is one of the runtime's; else (a TypeError or RangeError from a value
 * or schema nobody foresaw) the typed error `wrap` makes of its message, with it as the cause.
 */
export declare function asSuperOfficeError(error: unknown, wrap: (message: string) => SuperOfficeError): SuperOfficeError;
/** What a thrown value says: an Error's message, else the value as text. */
export declare function messageOf(error: unknown): string;
/** Detail of a NetServer exception, from the `ExceptionInfo` SOAP header or a fault's detail. */
export interface SoapExceptionInfo {
	Message?: string | null;
	StackTrace?: string | null;
	FriendlyText?: string | null;
	ExceptionType?: string | null;
	Source?: string | null;
	InnerException?: SoapExceptionInfo | null;
	Parameters?: Record<string, string | null> | null;
}
/** The JSON body SuperOffice's WebAPI sends with a failed request. */
export interface RestErrorBody {
	Error?: boolean;
	ErrorType?: string;
	Message?: string;
	ErrorSource?: string;
	Source?: string;
	InnerException?: unknown;
	[property: string]: unknown;
}
/**
 * Base class of every error the runtime rejects with. Each class of the runtime names itself in
 * `name` as a literal, since a minifier renames classes (`new.target.name` would say `B`); a
 * subclass of your own is named by its class. Properties are `declare`d and set by the
 * constructors, so no bundle carries a field list besides the assignments.
 */
export declare class SuperOfficeError extends Error {
	constructor(message: string, options?: {
		cause?: unknown;
	});
}
/** The server answered with a SOAP Fault. */
export declare class SoapFaultError extends SuperOfficeError {
	override name: string;
	/** HTTP status of the response that carried the fault (usually 500). */
	readonly status: number;
	/** `faultcode` as sent, a QName such as `s:Client` or `a:InternalServiceFault`. */
	readonly faultCode: string;
	readonly faultString: string;
	readonly faultActor?: string;
	/** From the `ExceptionInfo` response header, else from the fault's detail, when either carries one. */
	readonly exceptionInfo?: SoapExceptionInfo;
	constructor(init: {
		status: number;
		faultCode: string;
		faultString: string;
		faultActor?: string;
		exceptionInfo?: SoapExceptionInfo;
	});
}
/** A non-2xx HTTP response that is not a SOAP fault. */
export declare class HttpError extends SuperOfficeError {
	override name: string;
	readonly status: number;
	readonly statusText: string;
	/** The response body as text (credentials redacted). */
	readonly body: string;
	/** Request URL without user info. */
	readonly url: string;
	/** REST: the parsed SuperOffice error JSON, when the body is one. */
	readonly errorBody?: RestErrorBody;
	constructor(init: {
		status: number;
		statusText: string;
		body: string;
		url: string;
		errorBody?: RestErrorBody;
	});
}
/** The response is not what the schema says: not XML/JSON, truncated, no envelope, wrong value types. */
export declare class ResponseParseError extends SuperOfficeError {
	override name: string;
	/** HTTP status, when the error comes from a response. */
	readonly status?: number;
	constructor(message: string, options?: {
		cause?: unknown;
		status?: number;
	});
}
/** The request value does not fit the schema (e.g. a string where an int is expected). Thrown before sending. */
export declare class InvalidRequestError extends SuperOfficeError {
	override name: string;
	/** Where in the request the bad value sits, e.g. ["Credentials", "ValidFrom"]. */
	readonly path: readonly string[];
	constructor(problem: string, path?: readonly string[]);
}
/** The call took longer than `timeoutMs`; it was aborted. */
export declare class TimeoutError extends SuperOfficeError {
	override name: string;
	readonly timeoutMs: number;
	constructor(timeoutMs: number);
}
/**
 * `fetch` itself failed (DNS, connection refused, TLS, a connection reset while reading the body,
 * …). The original error is the `cause`, unless a credential shows in it (or in its own causes):
 * then a redacted copy takes its place (redact.ts), since `util.inspect` and loggers print the
 * cause chain.
 */
export declare class NetworkError extends SuperOfficeError {
	override name: string;
	readonly url: string;
	constructor(url: string, cause: unknown);
}
/**
 * The server answered with a redirect (3xx, or the opaque redirect a browser's `fetch` reports
 * with `redirect: "manual"`). The runtime follows none: the request carries the ticket or the
 * Authorization header, and another origin's answer must never pass for the tenant's.
 */
export declare class RedirectError extends SuperOfficeError {
	override name: string;
	/** 3xx, or 0 for an opaque redirect. */
	readonly status: number;
	/** Where the server pointed (`Location`, resolved; user info, query values and fragment removed), when known. */
	readonly location: string | undefined;
	/** Request URL without user info. */
	readonly url: string;
	constructor(init: {
		status: number;
		location: string | undefined;
		url: string;
		followed?: boolean;
	});
}
/** The response body is larger than `maxResponseBytes` (counted after decompression); reading stopped there. */
export declare class ResponseTooLargeError extends SuperOfficeError {
	override name: string;
	readonly limitBytes: number;
	readonly status: number;
	constructor(limitBytes: number, status: number);
}
/** The auth provider (`auth` or `ticket` given as a function) threw or returned nothing usable. */
export declare class AuthError extends SuperOfficeError {
	override name: string;
}
/** What an auth provider returns for this call (unchecked); its failure becomes an AuthError with it as the cause. */
export declare function askProvider(provider: () => unknown, what: string): Promise<unknown>;
/** A URL fit for error messages: no user info (query strings never carry credentials here). */
export declare function safeUrl(url: string): string;
