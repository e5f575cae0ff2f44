class SuperOfficeError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
}
class SoapFaultError extends SuperOfficeError {
  /** HTTP status of the response that carried the fault (usually 500). */
  status;
  /** `faultcode` as sent, a QName such as `s:Client` or `a:InternalServiceFault`. */
  faultCode;
  faultString;
  constructor(init) {
    const friendly = init.exceptionInfo?.Message;
    const text = init.faultString || friendly || "(no fault string)";
    super(`SOAP fault ${init.faultCode || "(no code)"}: ${text}`);
    this.status = init.status;
    this.faultCode = init.faultCode;
    this.faultString = init.faultString;
    if (init.faultActor !== void 0) this.faultActor = init.faultActor;
    if (init.exceptionInfo !== void 0) this.exceptionInfo = init.exceptionInfo;
  }
}
class HttpError extends SuperOfficeError {
  status;
  statusText;
  /** The response body as text (credentials redacted). */
  body;
  /** Request URL without user info. */
  url;
  constructor(init) {
    const detail = init.errorBody ? errorBodyMessage(init.errorBody) : void 0;
    const head = `HTTP ${init.status}${init.statusText ? ` ${init.statusText}` : ""}`;
    super(detail ? `${head}: ${detail}` : `${head} from ${init.url}`);
    this.status = init.status;
    this.statusText = init.statusText;
    this.body = init.body;
    this.url = init.url;
    if (init.errorBody !== void 0) this.errorBody = init.errorBody;
  }
}
class ResponseParseError extends SuperOfficeError {
  constructor(message, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    if (options?.status !== void 0) this.status = options.status;
  }
}
class InvalidRequestError extends SuperOfficeError {
  /** Where in the request the bad value sits, e.g. ["Credentials", "ValidFrom"]. */
  path;
  constructor(problem, path = []) {
    super(path.length > 0 ? `${problem} at ${path.join(".")}` : problem);
    this.path = path;
  }
}
class TimeoutError extends SuperOfficeError {
  timeoutMs;
  constructor(timeoutMs) {
    super(`Request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}
class NetworkError extends SuperOfficeError {
  url;
  constructor(url, cause, secrets) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Network error calling ${url}: ${redact(reason, secrets)}`, { cause: redactedCause(cause, secrets, 0) });
    this.url = url;
  }
}
function redactedCause(cause, secrets, depth) {
  if (typeof cause === "string") return redact(cause, secrets);
  if (!(cause instanceof Error) || depth > 8 || !showsSecret(cause, secrets, 0)) return cause;
  const copy = new Error(redact(cause.message, secrets));
  copy.name = cause.name;
  copy.stack = redact(cause.stack ?? "", secrets);
  for (const key of Object.keys(cause)) {
    const value = cause[key];
    if (key !== "__proto__") copy[key] = typeof value === "string" ? redact(value, secrets) : value;
  }
  if (cause.cause !== void 0) copy.cause = redactedCause(cause.cause, secrets, depth + 1);
  return copy;
}
function showsSecret(value, secrets, depth) {
  if (typeof value === "string") return redact(value, secrets) !== value;
  if (!(value instanceof Error) || depth > 8) return false;
  const own = Object.keys(value).map((key) => value[key]);
  return [value.message, value.stack, ...own].some((text) => typeof text === "string" && redact(text, secrets) !== text) || showsSecret(value.cause, secrets, depth + 1);
}
function errorBodyMessage(body) {
  for (const key of ["Message", "message", "ErrorMessage", "title", "error_description", "error"]) {
    const value = body[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return void 0;
}
const MIN_SECRET_LENGTH = 4;
function redact(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join("***");
  }
  return out;
}
function redactDeep(value, secrets) {
  if (secrets.length === 0) return value;
  return redactAny(value, secrets, 0);
}
function redactAny(value, secrets, depth) {
  if (typeof value === "string") return redact(value, secrets);
  if (value === null || typeof value !== "object" || depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => redactAny(item, secrets, depth + 1));
  if (value instanceof Date) return value;
  const out = {};
  for (const key of Object.keys(value)) {
    const v = redactAny(value[key], secrets, depth + 1);
    if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}
function safeUrl(url) {
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
export {
  HttpError,
  InvalidRequestError,
  NetworkError,
  ResponseParseError,
  SoapFaultError,
  SuperOfficeError,
  TimeoutError,
  redact,
  redactDeep,
  safeUrl
};
