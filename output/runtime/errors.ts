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
export class SuperOfficeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The server answered with a SOAP Fault. */
export class SoapFaultError extends SuperOfficeError {
  /** HTTP status of the response that carried the fault (usually 500). */
  readonly status: number;
  /** `faultcode` as sent, a QName such as `s:Client` or `a:InternalServiceFault`. */
  readonly faultCode: string;
  readonly faultString: string;
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
    const friendly = init.exceptionInfo?.Message;
    const text = init.faultString || friendly || "(no fault string)";
    super(`SOAP fault ${init.faultCode || "(no code)"}: ${text}`);
    this.status = init.status;
    this.faultCode = init.faultCode;
    this.faultString = init.faultString;
    if (init.faultActor !== undefined) this.faultActor = init.faultActor;
    if (init.exceptionInfo !== undefined) this.exceptionInfo = init.exceptionInfo;
  }
}

/** A non-2xx HTTP response that is not a SOAP fault. */
export class HttpError extends SuperOfficeError {
  readonly status: number;
  readonly statusText: string;
  /** The response body as text (credentials redacted). */
  readonly body: string;
  /** Request URL without user info. */
  readonly url: string;
  /** REST: the parsed SuperOffice error JSON, when the body is one. */
  declare readonly errorBody?: RestErrorBody;

  constructor(init: { status: number; statusText: string; body: string; url: string; errorBody?: RestErrorBody }) {
    const detail = init.errorBody ? errorBodyMessage(init.errorBody) : undefined;
    const head = `HTTP ${init.status}${init.statusText ? ` ${init.statusText}` : ""}`;
    super(detail ? `${head}: ${detail}` : `${head} from ${init.url}`);
    this.status = init.status;
    this.statusText = init.statusText;
    this.body = init.body;
    this.url = init.url;
    if (init.errorBody !== undefined) this.errorBody = init.errorBody;
  }
}

/** The response is not what the schema says: not XML/JSON, truncated, no envelope, wrong value types. */
export class ResponseParseError extends SuperOfficeError {
  /** HTTP status, when the error comes from a response. */
  declare readonly status?: number;

  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.status !== undefined) this.status = options.status;
  }
}

/** The request value does not fit the schema (e.g. a string where an int is expected). Thrown before sending. */
export class InvalidRequestError extends SuperOfficeError {
  /** Where in the request the bad value sits, e.g. ["Credentials", "ValidFrom"]. */
  readonly path: readonly string[];

  constructor(problem: string, path: readonly string[] = []) {
    super(path.length > 0 ? `${problem} at ${path.join(".")}` : problem);
    this.path = path;
  }
}

/** The call took longer than `timeoutMs`; it was aborted. */
export class TimeoutError extends SuperOfficeError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`Request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * `fetch` itself failed (DNS, connection refused, TLS, …). The original error is the `cause`,
 * unless a credential shows in it (or in its own causes): then a redacted copy takes its place,
 * since `util.inspect` and loggers print the cause chain.
 */
export class NetworkError extends SuperOfficeError {
  readonly url: string;

  constructor(url: string, cause: unknown, secrets: readonly string[]) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Network error calling ${url}: ${redact(reason, secrets)}`, { cause: redactedCause(cause, secrets, 0) });
    this.url = url;
  }
}

/** The cause itself when no secret shows in its text; else an Error of the same name and properties, redacted. */
function redactedCause(cause: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof cause === "string") return redact(cause, secrets);
  if (!(cause instanceof Error) || depth > 8 || !showsSecret(cause, secrets, 0)) return cause;
  const copy = new Error(redact(cause.message, secrets));
  copy.name = cause.name;
  copy.stack = redact(cause.stack ?? "", secrets);
  for (const key of Object.keys(cause)) {
    const value = (cause as unknown as Record<string, unknown>)[key];
    if (key !== "__proto__") (copy as unknown as Record<string, unknown>)[key] = typeof value === "string" ? redact(value, secrets) : value;
  }
  if (cause.cause !== undefined) copy.cause = redactedCause(cause.cause, secrets, depth + 1);
  return copy;
}

function showsSecret(value: unknown, secrets: readonly string[], depth: number): boolean {
  if (typeof value === "string") return redact(value, secrets) !== value;
  if (!(value instanceof Error) || depth > 8) return false;
  const own = Object.keys(value).map((key) => (value as unknown as Record<string, unknown>)[key]);
  return [value.message, value.stack, ...own].some((text) => typeof text === "string" && redact(text, secrets) !== text) || showsSecret(value.cause, secrets, depth + 1);
}

function errorBodyMessage(body: RestErrorBody): string | undefined {
  for (const key of ["Message", "message", "ErrorMessage", "title", "error_description", "error"]) {
    const value = body[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/** Secrets shorter than this are not redacted: replacing every "a" of a message would make it unreadable. */
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of each secret by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join("***");
  }
  return out;
}

/** Redacts strings inside a JSON-like value (for parsed error bodies and exception infos). */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return redactAny(value, secrets, 0) as T;
}

function redactAny(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (value === null || typeof value !== "object" || depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => redactAny(item, secrets, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = redactAny((value as Record<string, unknown>)[key], secrets, depth + 1);
    if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}

/** A URL fit for error messages: no user info (query strings never carry credentials here). */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === "" && parsed.password === "") return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}
