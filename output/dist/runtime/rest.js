import { HttpError, redact, redactDeep, ResponseParseError, safeUrl } from "./errors.js";
import { defaultFetch, send } from "./http.js";
import { JsonCodec } from "./json.js";
import { indexOf, setSafe } from "./descriptors.js";
import { formatDateTime, formatFlagsJson, toBase64, toParseError, toRequestError, ValueError } from "./values.js";
const NO_BODY_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "DELETE"]);
class RestTransport {
  baseUrl;
  #fetch;
  #headers;
  #secrets;
  #timeoutMs;
  #options;
  constructor(options) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#fetch = options.fetch ?? defaultFetch();
    this.#timeoutMs = options.timeoutMs;
    this.#options = { language: options.language, culture: options.culture, timeZone: options.timeZone };
    const headers = { Accept: "application/json" };
    const secrets = [];
    const auth = options.auth;
    if (auth !== void 0) {
      switch (auth.scheme) {
        case "Bearer":
          headers.Authorization = `Bearer ${auth.token}`;
          secrets.push(auth.token);
          break;
        case "Basic": {
          const pair = `${auth.username}:${auth.password}`;
          const encoded = toBase64(new TextEncoder().encode(pair));
          headers.Authorization = `Basic ${encoded}`;
          secrets.push(auth.password, pair, encoded);
          break;
        }
        case "SoTicket":
          headers.Authorization = `SOTicket ${auth.ticket}`;
          secrets.push(auth.ticket);
          break;
      }
    }
    if (options.applicationToken !== void 0) {
      headers["SO-AppToken"] = options.applicationToken;
      secrets.push(options.applicationToken);
    }
    if (options.acceptLanguage !== void 0) headers["Accept-Language"] = options.acceptLanguage;
    this.#headers = headers;
    this.#secrets = secrets.filter((s) => s !== "");
  }
  /** Calls one operation; resolves to the revived response (undefined for 204 / empty body). */
  async call(schema, op, request, options) {
    const method = op.rest.method.toUpperCase();
    const codec = new JsonCodec(schema.types);
    let query;
    let body;
    try {
      ({ query, body } = buildRequest(schema, op, method, codec, request, options?.select));
    } catch (error) {
      throw toRequestError(error);
    }
    const url = `${this.baseUrl}${op.rest.path}${query}`;
    const headers = { ...this.#headers };
    if (body !== void 0) headers["Content-Type"] = "application/json; charset=utf-8";
    const language = options?.language ?? this.#options.language;
    const culture = options?.culture ?? this.#options.culture;
    const timeZone = options?.timeZone ?? this.#options.timeZone;
    if (language !== void 0) headers["SO-Language"] = language;
    if (culture !== void 0) headers["SO-Culture"] = culture;
    if (timeZone !== void 0) headers["SO-TimeZone"] = timeZone;
    const response = await send(
      this.#fetch,
      url,
      body === void 0 ? { method, headers } : { method, headers, body },
      options,
      this.#timeoutMs,
      this.#secrets
    );
    const ok = response.status >= 200 && response.status < 300;
    if (!ok) throw this.httpError(url, response.status, response.statusText, response.body);
    if (response.status === 204 || response.body.trim() === "") return void 0;
    let parsed;
    try {
      parsed = JSON.parse(response.body);
    } catch (error) {
      throw new ResponseParseError(`Response is not valid JSON: ${redact(error instanceof Error ? error.message : String(error), this.#secrets)}`, {
        status: response.status
      });
    }
    const type = op.results ?? op.returns;
    if (type === null) return void 0;
    try {
      return codec.revive(parsed, type);
    } catch (error) {
      throw toParseError(error, op.name, response.status);
    }
  }
  httpError(url, status, statusText, text) {
    let errorBody;
    const trimmed = text.trim();
    if (trimmed.startsWith("{")) {
      try {
        const parsed = JSON.parse(trimmed);
        if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
          errorBody = redactDeep(parsed, this.#secrets);
        }
      } catch {
      }
    }
    return new HttpError({
      status,
      statusText: redact(statusText, this.#secrets),
      body: redact(text, this.#secrets),
      url: safeUrl(url),
      ...errorBody !== void 0 ? { errorBody } : {}
    });
  }
}
function buildRequest(schema, op, method, codec, request, select) {
  const record = request ?? {};
  const parts = [];
  const inQuery = /* @__PURE__ */ new Set();
  for (const [name, param] of op.rest.query ?? []) {
    inQuery.add(param);
    const value = Object.prototype.hasOwnProperty.call(record, param) ? record[param] : void 0;
    if (value === void 0 || value === null) continue;
    const type = op.params.find((p) => p[0] === param)?.[1] ?? "anyType";
    try {
      for (const text of queryValues(schema, type, value)) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
    } catch (error) {
      if (error instanceof ValueError) error.path.unshift(param);
      throw error;
    }
  }
  if (select !== void 0) {
    const list = typeof select === "string" ? select : select.join(",");
    if (list !== "") parts.push(`$select=${encodeURIComponent(list)}`);
  }
  const query = parts.length === 0 ? "" : `?${parts.join("&")}`;
  if (NO_BODY_METHODS.has(method)) return { query, body: void 0 };
  if (op.rest.body !== void 0) return { query, body: JSON.stringify(wholeBody(op, op.rest.body, codec, record) ?? null) };
  const out = {};
  let hasBodyParams = false;
  const known = /* @__PURE__ */ new Set();
  const renamed = new Map((op.rest.rename ?? []).map(([name, param]) => [param, name]));
  for (const [name, type] of op.params) {
    known.add(name);
    if (inQuery.has(name)) continue;
    hasBodyParams = true;
    const value = Object.prototype.hasOwnProperty.call(record, name) ? record[name] : void 0;
    if (value === void 0) continue;
    try {
      setSafe(out, renamed.get(name) ?? name, codec.toJson(value, type));
    } catch (error) {
      if (error instanceof ValueError) error.path.unshift(name);
      throw error;
    }
  }
  for (const key of Object.keys(record)) {
    if (known.has(key) || inQuery.has(key)) continue;
    hasBodyParams = true;
    if (key === "__proto__") continue;
    out[key] = record[key];
  }
  return { query, body: hasBodyParams ? JSON.stringify(out) : void 0 };
}
function wholeBody(op, param, codec, record) {
  const value = Object.prototype.hasOwnProperty.call(record, param) ? record[param] : void 0;
  if (value === void 0 || value === null) return value;
  const type = op.params.find((p) => p[0] === param)?.[1] ?? "anyType";
  try {
    return codec.toJson(value, type);
  } catch (error) {
    if (error instanceof ValueError) error.path.unshift(param);
    throw error;
  }
}
function queryValues(schema, type, value) {
  const resolved = indexOf(schema.types).resolve(type);
  if (resolved.kind === "array") {
    if (!Array.isArray(value)) throw new ValueError(`expected an array for ${type}`);
    return value.flatMap((item) => item === null || item === void 0 ? [] : queryValues(schema, resolved.item, item));
  }
  if (resolved.kind === "enum" && resolved.flags) return [String(formatFlagsJson(value, type))];
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValueError(`invalid Date for ${type}`);
    return [formatDateTime(value)];
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return [String(value)];
  }
  throw new ValueError(`expected a simple value for query parameter of type ${type}`);
}
export {
  RestTransport
};
