import { InvalidRequestError } from "./errors.js";
import { JsonCodec } from "./json.js";
import { indexOf, own } from "./descriptors.js";
import { parseJsonBody } from "./rest.js";
import { formatDateTime, formatFlagsJson, toParseError, toRequestError, ValueError } from "./values.js";
function isNotModified(value) {
  return typeof value === "object" && value !== null && value.notModified === true;
}
const CONTENT_TYPES = {
  json: "application/json; charset=utf-8",
  "json-patch": "application/json-patch+json; charset=utf-8",
  merge: "application/merge-patch+json; charset=utf-8"
};
async function callEntity(transport, schema, endpoint, request, options) {
  const codec = new JsonCodec(schema.types);
  const record = request ?? {};
  const build = () => {
    let target;
    let body;
    try {
      target = fillPath(schema, endpoint, record) + queryString(schema, endpoint, record);
      body = endpoint.body ? encodeBody(schema, codec, endpoint.body, own(record, endpoint.body.key)) : void 0;
    } catch (error) {
      throw toRequestError(error);
    }
    const headers = {};
    if (options?.ifModifiedSince !== void 0) headers["If-Modified-Since"] = httpDate(options.ifModifiedSince);
    if (options?.ifUnmodifiedSince !== void 0) headers["If-Unmodified-Since"] = httpDate(options.ifUnmodifiedSince);
    if (endpoint.accept !== void 0) headers.Accept = endpoint.accept;
    return {
      agent: schema.name,
      operation: endpoint.name,
      method: endpoint.method,
      pathAndQuery: target,
      headers,
      contentType: body?.contentType ?? CONTENT_TYPES.json,
      ...body ? { body: body.text } : {},
      // A binary answer (an image) is its bytes.
      ...endpoint.accept !== void 0 ? { reading: "bytes" } : {},
      ...endpoint.notModified ? { alsoAccept: [304] } : {}
    };
  };
  return transport.exchange(build, request, options, (response) => {
    if (response.status === 304) return { notModified: true, lastModified: response.headers.get("Last-Modified") };
    if (endpoint.accept !== void 0) return response.status === 204 ? void 0 : response.bytes ?? new TextEncoder().encode(response.body);
    if (response.status === 204 || response.body.trim() === "" || endpoint.returns === null) return void 0;
    const parsed = parseJsonBody(response);
    try {
      return codec.revive(parsed, endpoint.returns);
    } catch (error) {
      throw toParseError(error, endpoint.name, response.status);
    }
  });
}
function fillPath(schema, endpoint, record) {
  let path = endpoint.path;
  for (const [name, type] of endpoint.pathParams) {
    const value = own(record, name);
    if (value === void 0 || value === null) throw invalid(`the path parameter ${name} is required`, [name]);
    const [text = ""] = textValues(schema, type, value, name);
    if (text === "") throw invalid(`the path parameter ${name} is empty`, [name]);
    path = path.replace(`{${name}}`, encodeURIComponent(text));
  }
  return path;
}
function queryString(schema, endpoint, record) {
  const parts = [];
  for (const [name, type] of endpoint.query ?? []) {
    const value = own(record, name);
    if (value === void 0 || value === null) continue;
    const exploded = isPlainObject(value) ? explode(schema, value, "") : Array.isArray(value) && value.some(isPlainObject) ? explodeValue(schema, name, value) : void 0;
    if (exploded) {
      for (const [key, text] of exploded) parts.push(`${encodeQuery(key)}=${encodeQuery(text)}`);
      continue;
    }
    const texts = Array.isArray(value) && !type.endsWith("[]") ? [textValues(schema, `${type}[]`, value, name).join(",")] : textValues(schema, type, value, name);
    for (const text of texts) parts.push(`${encodeQuery(name)}=${encodeQuery(text)}`);
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function explode(schema, value, prefix) {
  return Object.entries(value).flatMap(([key, item]) => explodeValue(schema, `${prefix}${key}`, item));
}
function explodeValue(schema, name, item) {
  if (item === void 0 || item === null) return [];
  if (isPlainObject(item)) return explode(schema, item, `${name}.`);
  if (Array.isArray(item)) return item.flatMap((element) => explodeValue(schema, name, element));
  return textValues(schema, "anyType", item, name).map((text) => [name, text]);
}
function encodeQuery(text) {
  return encodeURIComponent(text).replace(/%24/g, "$").replace(/%2C/g, ",");
}
function textValues(schema, type, value, name) {
  if (type.endsWith("[]")) {
    if (!Array.isArray(value)) throw invalid(`expected an array for ${name}`, [name]);
    return value.flatMap((item) => item === null || item === void 0 ? [] : textValues(schema, type.slice(0, -2), item, name));
  }
  const resolved = type === "anyType" || type === "string" ? void 0 : indexOf(schema.types).resolve(type);
  if (resolved?.kind === "enum" && resolved.flags) {
    const flags = formatFlagsJson(value, type, resolved.empty);
    return flags === void 0 ? [] : [String(flags)];
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalid(`invalid Date for ${name}`, [name]);
    return [formatDateTime(value)];
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return [String(value)];
  throw invalid(`expected a simple value for ${name}`, [name]);
}
function encodeBody(schema, codec, body, value) {
  if (value === void 0) return void 0;
  const wrap = (error) => {
    if (error instanceof ValueError) error.path.unshift(body.key);
    throw error;
  };
  try {
    switch (body.encoding) {
      case "form-data":
        return { text: formData(value), contentType: "" };
      case "json-patch":
        if (Array.isArray(value)) return { text: JSON.stringify(value.map((operation, i) => patchOperation(schema, codec, body.type, operation, i))), contentType: CONTENT_TYPES["json-patch"] };
        if (!body.merge) throw invalid("expected an array of JSON Patch operations", []);
        return { text: JSON.stringify(codec.toJson(value, body.type)), contentType: CONTENT_TYPES.merge };
      case "json":
        return { text: JSON.stringify(codec.toJson(value, body.type) ?? null), contentType: CONTENT_TYPES.json };
    }
  } catch (error) {
    return wrap(error);
  }
}
function patchOperation(schema, codec, carrier, operation, index) {
  if (typeof operation !== "object" || operation === null) throw invalid("expected a JSON Patch operation", [String(index)]);
  const { op, path, value } = operation;
  if (typeof op !== "string" || typeof path !== "string") throw invalid("a JSON Patch operation needs op and path strings", [String(index)]);
  const steps = path.replace(/^\//, "").split("/");
  const resolved = carrier === "anyType" ? void 0 : indexOf(schema.types).resolve(carrier);
  const wanted = steps[0]?.toLowerCase();
  const field = steps.length === 1 && resolved?.kind === "carrier" ? resolved.fields.find((candidate) => candidate.name.toLowerCase() === wanted) : void 0;
  if (!("value" in operation)) return { op, path };
  try {
    return { op, path, value: field ? codec.toJson(value, field.type) : codec.toJson(value, "anyType") };
  } catch (error) {
    if (error instanceof ValueError) error.path.unshift(String(index), "value");
    throw error;
  }
}
function formData(value) {
  if (typeof value !== "object" || value === null) throw invalid("expected an object of form fields", []);
  const form = new FormData();
  for (const [name, item] of Object.entries(value)) {
    if (item === void 0 || item === null) continue;
    if (typeof Blob !== "undefined" && item instanceof Blob) form.append(name, item, name);
    else if (item instanceof Uint8Array || item instanceof ArrayBuffer) form.append(name, new Blob([copyOf(item)]), name);
    else if (typeof item === "string") form.append(name, new Blob([copyOf(fromBase64(item))]), name);
    else throw invalid(`expected bytes, a Blob or a base64 string for the form field ${name}`, [name]);
  }
  return form;
}
function invalid(message, path) {
  const error = new ValueError(message);
  error.path.push(...path);
  return error;
}
function copyOf(bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const copy = new ArrayBuffer(view.byteLength);
  new Uint8Array(copy).set(view);
  return copy;
}
function fromBase64(text) {
  try {
    return Uint8Array.from(atob(text.replace(/\s+/g, "")), (char) => char.charCodeAt(0));
  } catch {
    throw invalid("expected base64 text", []);
  }
}
function httpDate(value) {
  if (typeof value === "string") return value;
  if (Number.isNaN(value.getTime())) throw new InvalidRequestError("invalid Date for If-Modified-Since / If-Unmodified-Since", []);
  return value.toUTCString();
}
export {
  callEntity,
  isNotModified
};
