/**
 * Error classes every client call rejects with, and the redaction that keeps
 * credentials out of them.
 *
 * Rule: no error message, property or stack ever carries a credential (ticket,
 * password, token, application token, Authorization header). The runtime never
 * puts one there itself; text that comes from the server (fault strings, error
 * bodies) is passed through `redact` with the caller's secrets before it is
 * stored, in case the server echoes one back.
 */
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
/** Base class of every error the runtime rejects with. */
export declare class SuperOfficeError extends Error {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/** The server answered with a SOAP Fault. */
export declare class SoapFaultError extends SuperOfficeError {
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
    /** HTTP status, when the error comes from a response. */
    readonly status?: number;
    constructor(message: string, options?: {
        cause?: unknown;
        status?: number;
    });
}
/** The request value does not fit the schema (e.g. a string where an int is expected). Thrown before sending. */
export declare class InvalidRequestError extends SuperOfficeError {
    /** Where in the request the bad value sits, e.g. ["Credentials", "ValidFrom"]. */
    readonly path: readonly string[];
    constructor(problem: string, path?: readonly string[]);
}
/** The call took longer than `timeoutMs`; it was aborted. */
export declare class TimeoutError extends SuperOfficeError {
    readonly timeoutMs: number;
    constructor(timeoutMs: number);
}
/**
 * `fetch` itself failed (DNS, connection refused, TLS, …). The original error is the `cause`,
 * unless a credential shows in it (or in its own causes): then a redacted copy takes its place,
 * since `util.inspect` and loggers print the cause chain.
 */
export declare class NetworkError extends SuperOfficeError {
    readonly url: string;
    constructor(url: string, cause: unknown, secrets: readonly string[]);
}
/** Replaces every occurrence of each secret by `***`. */
export declare function redact(text: string, secrets: readonly string[]): string;
/** Redacts strings inside a JSON-like value (for parsed error bodies and exception infos). */
export declare function redactDeep<T>(value: T, secrets: readonly string[]): T;
/** A URL fit for error messages: no user info (query strings never carry credentials here). */
export declare function safeUrl(url: string): string;
