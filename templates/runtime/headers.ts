/**
 * Extra request headers (client option `headers`, per-call option `headers`, `setHeader` in an
 * `onRequest` hook). They are added to what the transport sends and replace a header of the same
 * name (case-insensitively) — except the ones that carry credentials or frame the message, which
 * only the transport sets: naming one of those is an InvalidRequestError, never a silent override.
 * Names must be HTTP tokens and values free of CR, LF and NUL (no header injection).
 */
import { InvalidRequestError } from "./errors.js";
import { isSecretName } from "./redact.js";

/** Set by the transports alone, whatever the case. */
const RESERVED = /^(?:(?:proxy-)?authorization|so-apptoken|cookie|soapaction|content-(?:type|length)|transfer-encoding|host|connection)$/i;
/** tchar of RFC 9110 (`\w` is the letters, digits and `_`). */
const TOKEN = /^[\w!#$%&'*+.^`|~-]+$/;
const BAD_VALUE = /[\r\n\0]/;

/**
 * Adds `extra` to `headers` in place. Returns the values that are secrets by their header name
 * (`X-Api-Key`, `X-Auth-Token`, …), for the call's redaction.
 */
export function addHeaders(headers: Record<string, string>, extra: Readonly<Record<string, string>> = {}): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) continue;
    setHeader(headers, name, value);
    if (isSecretName(name)) secrets.push(value);
  }
  return secrets;
}

/** `value` where it can be sent as a header value (a string without CR, LF or NUL); else an InvalidRequestError at `path`. */
export function headerValue(value: unknown, path: readonly string[]): string {
  if (typeof value !== "string" || BAD_VALUE.test(value)) throw new InvalidRequestError("header value must be a string without CR, LF or NUL", [...path]);
  return value;
}

/** Sets one header in place, replacing any of the same name whatever its case. */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  if (typeof name !== "string" || !TOKEN.test(name)) throw new InvalidRequestError("header name is not an HTTP token", ["headers"]);
  const path = ["headers", name];
  if (RESERVED.test(name)) throw new InvalidRequestError(`header ${name} is set by the transport (credentials go in the auth options); it cannot be given in headers`, path);
  headerValue(value, path);
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) delete headers[key];
  headers[name] = value;
}
