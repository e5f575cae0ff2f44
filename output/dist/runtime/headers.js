import { InvalidRequestError } from "./errors.js";
import { isSecretName } from "./redact.js";
const RESERVED = /* @__PURE__ */ new Set([
  "authorization",
  "proxy-authorization",
  "so-apptoken",
  "cookie",
  "soapaction",
  "content-type",
  "content-length",
  "transfer-encoding",
  "host",
  "connection"
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BAD_VALUE = /[\r\n\0]/;
function addHeaders(headers, extra) {
  const secrets = [];
  if (extra === void 0) return secrets;
  for (const name of Object.keys(extra)) {
    const value = extra[name];
    if (value === void 0) continue;
    setHeader(headers, name, value);
    if (isSecretName(name)) secrets.push(value);
  }
  return secrets;
}
function setHeader(headers, name, value) {
  if (typeof name !== "string" || !TOKEN.test(name)) throw new InvalidRequestError("header name is not an HTTP token", ["headers"]);
  const lower = name.toLowerCase();
  if (RESERVED.has(lower)) {
    throw new InvalidRequestError(`header ${name} is set by the transport (credentials go in the auth options); it cannot be given in headers`, ["headers", name]);
  }
  if (typeof value !== "string" || BAD_VALUE.test(value)) throw new InvalidRequestError("header value must be a string without CR, LF or NUL", ["headers", name]);
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) delete headers[key];
  headers[name] = value;
}
export {
  addHeaders,
  setHeader
};
