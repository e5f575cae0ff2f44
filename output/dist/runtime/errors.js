function asSuperOfficeError(error, wrap) {
  if (error instanceof SuperOfficeError) return error;
  const typed = wrap(error instanceof Error ? error.message : String(error));
  Object.defineProperty(typed, "cause", { value: error, enumerable: false, writable: true, configurable: true });
  return typed;
}
class SuperOfficeError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
}
class SoapFaultError extends SuperOfficeError {
  name = "SoapFaultError";
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
  name = "HttpError";
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
  name = "ResponseParseError";
  constructor(message, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    if (options?.status !== void 0) this.status = options.status;
  }
}
class InvalidRequestError extends SuperOfficeError {
  name = "InvalidRequestError";
  constructor(problem, path = []) {
    super(path.length > 0 ? `${problem} at ${path.join(".")}` : problem);
    this.path = path;
  }
}
class TimeoutError extends SuperOfficeError {
  name = "TimeoutError";
  constructor(timeoutMs) {
    super(`Request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}
class NetworkError extends SuperOfficeError {
  name = "NetworkError";
  constructor(url, cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Network error calling ${url}: ${reason}`, { cause });
    this.url = url;
  }
}
class RedirectError extends SuperOfficeError {
  name = "RedirectError";
  constructor(init) {
    const target = init.location ?? "an undisclosed location";
    const what = init.followed === true ? `fetch followed a redirect (${init.status}) to ${target}` : `HTTP ${init.status} redirect to ${target}`;
    super(`${what} from ${init.url}: redirects are never followed (they would carry the credentials)`);
    this.status = init.status;
    this.location = init.location;
    this.url = init.url;
  }
}
class ResponseTooLargeError extends SuperOfficeError {
  name = "ResponseTooLargeError";
  constructor(limitBytes, status) {
    super(`Response body exceeds the limit of ${limitBytes} bytes (maxResponseBytes)`);
    this.limitBytes = limitBytes;
    this.status = status;
  }
}
class AuthError extends SuperOfficeError {
  name = "AuthError";
}
async function askProvider(provider, what) {
  try {
    return await provider();
  } catch (error) {
    throw new AuthError(`The ${what} provider failed`, { cause: error });
  }
}
function errorBodyMessage(body) {
  for (const key of ["Message", "message", "ErrorMessage", "title", "error_description", "error"]) {
    const value = body[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return void 0;
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
  AuthError,
  HttpError,
  InvalidRequestError,
  NetworkError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  SoapFaultError,
  SuperOfficeError,
  TimeoutError,
  asSuperOfficeError,
  askProvider,
  safeUrl
};
