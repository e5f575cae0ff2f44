/**
 * Error classes every client call rejects with.
 *
 * Rule: no error message, property, stack or cause ever carries a credential (ticket,
 * password, token, application token, Authorization header, request values named as
 * secrets). The runtime never puts one there itself, and every error a transport rejects
 * with is scrubbed by the call's `Redactor` (redact.ts) on its way out, in case the server
 * echoed one back.
 */
import { defineValue } from "./props.js";

/**
 * The error itself when it is one of the runtime's; else (a TypeError or RangeError from a value
 * or schema nobody foresaw) the typed error `wrap` makes of its message, with it as the cause.
 */
export function asSuperOfficeError(error: unknown, wrap: (message: string) => SuperOfficeError): SuperOfficeError {
  if (error instanceof SuperOfficeError) return error;
  const typed = wrap(messageOf(error));
  defineValue(typed, "cause", error, false);
  return typed;
}

/** What a thrown value says: an Error's message, else the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Copies the named fields of a constructor's `init` onto the error, in that order (the order its
 * properties show in logs), leaving out those `init` leaves undefined: an optional field the
 * server did not send stays absent rather than an own `undefined`.
 */
function setFields<Init extends object>(error: SuperOfficeError, init: Init, names: readonly (keyof Init & string)[]): void {
  for (const name of names) if (init[name] !== undefined) (error as unknown as Record<string, unknown>)[name] = init[name];
}

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
export class SuperOfficeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The server answered with a SOAP Fault. */
export class SoapFaultError extends SuperOfficeError {
  override name = "SoapFaultError";
  /** HTTP status of the response that carried the fault (usually 500). */
  declare readonly status: number;
  /** `faultcode` as sent, a QName such as `s:Client` or `a:InternalServiceFault`. */
  declare readonly faultCode: string;
  declare readonly faultString: string;
  declare readonly faultActor?: string;
  /** From the `ExceptionInfo` response header, else from the fault's detail, when either carries one. */
  declare readonly exceptionInfo?: SoapExceptionInfo;

  constructor(init: {
    status: number;
    faultCode: string;
    faultString: string;
    faultActor?: string;
    exceptionInfo?: SoapExceptionInfo;
  }) {
    const text = init.faultString || init.exceptionInfo?.Message || "(no fault string)";
    super(`SOAP fault ${init.faultCode || "(no code)"}: ${text}`);
    setFields(this, init, ["status", "faultCode", "faultString", "faultActor", "exceptionInfo"]);
  }
}

/** A non-2xx HTTP response that is not a SOAP fault. */
export class HttpError extends SuperOfficeError {
  override name = "HttpError";
  declare readonly status: number;
  declare readonly statusText: string;
  /** The response body as text (credentials redacted). */
  declare readonly body: string;
  /** Request URL without user info. */
  declare readonly url: string;
  /** REST: the parsed SuperOffice error JSON, when the body is one. */
  declare readonly errorBody?: RestErrorBody;

  constructor(init: { status: number; statusText: string; body: string; url: string; errorBody?: RestErrorBody }) {
    const detail = errorBodyMessage(init.errorBody);
    const head = `HTTP ${init.status}${init.statusText ? ` ${init.statusText}` : ""}`;
    super(detail ? `${head}: ${detail}` : `${head} from ${init.url}`);
    setFields(this, init, ["status", "statusText", "body", "url", "errorBody"]);
  }
}

/** The response is not what the schema says: not XML/JSON, truncated, no envelope, wrong value types. */
export class ResponseParseError extends SuperOfficeError {
  override name = "ResponseParseError";
  /** HTTP status, when the error comes from a response. */
  declare readonly status?: number;

  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    // No `cause` property at all where none is given (an own `cause: undefined` would show in logs).
    super(message, options?.cause === undefined ? undefined : options);
    setFields(this, options ?? {}, ["status"]);
  }
}

/** The request value does not fit the schema (e.g. a string where an int is expected). Thrown before sending. */
export class InvalidRequestError extends SuperOfficeError {
  override name = "InvalidRequestError";
  /** Where in the request the bad value sits, e.g. ["Credentials", "ValidFrom"]. */
  declare readonly path: readonly string[];

  constructor(problem: string, path: readonly string[] = []) {
    super(path.length > 0 ? `${problem} at ${path.join(".")}` : problem);
    this.path = path;
  }
}

/** The call took longer than `timeoutMs`; it was aborted. */
export class TimeoutError extends SuperOfficeError {
  override name = "TimeoutError";
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`Request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * `fetch` itself failed (DNS, connection refused, TLS, a connection reset while reading the body,
 * …). The original error is the `cause`, unless a credential shows in it (or in its own causes):
 * then a redacted copy takes its place (redact.ts), since `util.inspect` and loggers print the
 * cause chain.
 */
export class NetworkError extends SuperOfficeError {
  override name = "NetworkError";
  declare readonly url: string;

  constructor(url: string, cause: unknown) {
    super(`Network error calling ${url}: ${messageOf(cause)}`, { cause });
    this.url = url;
  }
}

/**
 * The server answered with a redirect (3xx, or the opaque redirect a browser's `fetch` reports
 * with `redirect: "manual"`). The runtime follows none: the request carries the ticket or the
 * Authorization header, and another origin's answer must never pass for the tenant's.
 */
export class RedirectError extends SuperOfficeError {
  override name = "RedirectError";
  /** 3xx, or 0 for an opaque redirect. */
  declare readonly status: number;
  /** Where the server pointed (`Location`, resolved; user info, query values and fragment removed), when known. */
  declare readonly location: string | undefined;
  /** Request URL without user info. */
  declare readonly url: string;

  constructor(init: { status: number; location: string | undefined; url: string; followed?: boolean }) {
    const what = init.followed === true ? `fetch followed a redirect (${init.status})` : `HTTP ${init.status} redirect`;
    super(`${what} to ${init.location ?? "an undisclosed location"} from ${init.url}: redirects are never followed (they would carry the credentials)`);
    // Assigned one by one: `location` is there even when undefined (setFields would leave it out).
    this.status = init.status;
    this.location = init.location;
    this.url = init.url;
  }
}

/** The response body is larger than `maxResponseBytes` (counted after decompression); reading stopped there. */
export class ResponseTooLargeError extends SuperOfficeError {
  override name = "ResponseTooLargeError";
  declare readonly limitBytes: number;
  declare readonly status: number;

  constructor(limitBytes: number, status: number) {
    super(`Response body exceeds the limit of ${limitBytes} bytes (maxResponseBytes)`);
    this.limitBytes = limitBytes;
    this.status = status;
  }
}

/** The auth provider (`auth` or `ticket` given as a function) threw or returned nothing usable. */
export class AuthError extends SuperOfficeError {
  override name = "AuthError";
}

/** What an auth provider returns for this call (unchecked); its failure becomes an AuthError with it as the cause. */
export async function askProvider(provider: () => unknown, what: string): Promise<unknown> {
  try {
    return await provider();
  } catch (error) {
    throw new AuthError(`The ${what} provider failed`, { cause: error });
  }
}

function errorBodyMessage(body: RestErrorBody | undefined): string | undefined {
  for (const key of ["Message", "message", "ErrorMessage", "title", "error_description", "error"]) {
    const value = body?.[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/** A URL fit for error messages: no user info (query strings never carry credentials here). */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = parsed.password = "";
    return parsed.href;
  } catch {
    return "(invalid URL)";
  }
}
