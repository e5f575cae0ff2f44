/**
 * REST transport for SuperOffice's WebAPI agents: `${baseUrl}${op.rest.path}` with JSON bodies.
 */
import { HttpError, redact, redactDeep, ResponseParseError, safeUrl, type RestErrorBody } from "./errors.js";
import { defaultFetch, send, type CallOptions, type FetchInit, type FetchLike, type HttpResult } from "./http.js";
import { JsonCodec } from "./json.js";
import { indexOf, setSafe } from "./descriptors.js";
import type { AgentSchema, OperationDescriptor } from "./schema.js";
import { formatDateTime, formatFlagsJson, toBase64, toParseError, toRequestError, ValueError } from "./values.js";

export type RestAuth =
  | { readonly scheme: "Bearer"; readonly token: string }
  | { readonly scheme: "Basic"; readonly username: string; readonly password: string }
  | { readonly scheme: "SoTicket"; readonly ticket: string };

export interface RestClientOptions {
  /** e.g. "https://sod.superoffice.com/Cust12345"; `op.rest.path` ("/api/v1/Agents/…") is appended. */
  baseUrl: string;
  /** Authorization header: `Bearer <token>`, `Basic base64(user:pass)` or `SOTicket <ticket>`. */
  auth?: RestAuth;
  /** Sent as SO-AppToken. */
  applicationToken?: string;
  /** Sent as SO-Language (overrides Accept-Language on the server). */
  language?: string;
  /** Sent as SO-Culture. */
  culture?: string;
  /** Sent as SO-TimeZone, e.g. "UTC" or "FR". */
  timeZone?: string;
  /** Sent as Accept-Language. */
  acceptLanguage?: string;
  /** Defaults to globalThis.fetch. */
  fetch?: FetchLike;
  /** Timeout of every call in milliseconds (none by default). */
  timeoutMs?: number;
}

/** Per-call header overrides every REST call takes, agent or entity. */
export interface RestRequestOptions extends CallOptions {
  language?: string;
  culture?: string;
  timeZone?: string;
}

/** One request of RestTransport.exchange; `contentType` is sent with a string body (fetch sets a FormData's own). */
export interface RestExchange {
  method: string;
  body?: string | FormData;
  contentType: string;
  headers?: Record<string, string>;
}

export interface RestCallOptions extends RestRequestOptions {
  /** `$select`: properties to include in the result (others are nulled by the server). */
  select?: string | readonly string[];
}

const NO_BODY_METHODS = new Set(["GET", "HEAD", "DELETE"]);

export class RestTransport {
  readonly baseUrl: string;
  readonly #fetch: FetchLike;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #secrets: readonly string[];
  readonly #timeoutMs: number | undefined;
  readonly #options: Pick<RestClientOptions, "language" | "culture" | "timeZone">;

  constructor(options: RestClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#fetch = options.fetch ?? defaultFetch();
    this.#timeoutMs = options.timeoutMs;
    this.#options = { language: options.language, culture: options.culture, timeZone: options.timeZone };
    const headers: Record<string, string> = { Accept: "application/json" };
    const secrets: string[] = [];
    const auth = options.auth;
    if (auth !== undefined) {
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
    if (options.applicationToken !== undefined) {
      headers["SO-AppToken"] = options.applicationToken;
      secrets.push(options.applicationToken);
    }
    if (options.acceptLanguage !== undefined) headers["Accept-Language"] = options.acceptLanguage;
    this.#headers = headers;
    this.#secrets = secrets.filter((s) => s !== "");
  }

  /** Calls one operation; resolves to the revived response (undefined for 204 / empty body). */
  async call(
    schema: AgentSchema,
    op: OperationDescriptor,
    request: object | undefined,
    options?: RestCallOptions,
  ): Promise<unknown> {
    const method = op.rest.method.toUpperCase();
    const codec = new JsonCodec(schema.types);
    let query: string;
    let body: string | undefined;
    try {
      ({ query, body } = buildRequest(schema, op, method, codec, request, options?.select));
    } catch (error) {
      throw toRequestError(error);
    }
    const response = await this.exchange(op.rest.path + query, { method, body, contentType: "application/json; charset=utf-8" }, options);
    if (response.status === 204 || response.body.trim() === "") return undefined;
    const parsed = this.parseJson(response);
    const type = op.results ?? op.returns;
    if (type === null) return undefined;
    try {
      return codec.revive(parsed, type);
    } catch (error) {
      throw toParseError(error, op.name, response.status);
    }
  }

  /**
   * One request with the client's auth and headers: resolves a 2xx answer, or one of
   * `alsoAccept` (a 304 for If-Modified-Since); anything else rejects with HttpError. Shared by
   * the agent calls above and the entity endpoints (rest-entity.ts).
   */
  async exchange(pathAndQuery: string, request: RestExchange, options?: RestRequestOptions, alsoAccept: readonly number[] = []): Promise<HttpResult> {
    const url = `${this.baseUrl}${pathAndQuery}`;
    const headers: Record<string, string> = { ...this.#headers, ...request.headers };
    if (typeof request.body === "string") headers["Content-Type"] = request.contentType;
    const language = options?.language ?? this.#options.language;
    const culture = options?.culture ?? this.#options.culture;
    const timeZone = options?.timeZone ?? this.#options.timeZone;
    if (language !== undefined) headers["SO-Language"] = language;
    if (culture !== undefined) headers["SO-Culture"] = culture;
    if (timeZone !== undefined) headers["SO-TimeZone"] = timeZone;
    // FetchInit names the string body every agent call sends; the few form-data entity endpoints (image uploads) hand fetch a FormData.
    const init = (request.body === undefined ? { method: request.method, headers } : { method: request.method, headers, body: request.body }) as FetchInit;
    const response = await send(this.#fetch, url, init, options, this.#timeoutMs, this.#secrets);
    const ok = (response.status >= 200 && response.status < 300) || alsoAccept.includes(response.status);
    if (!ok) throw this.httpError(url, response.status, response.statusText, response.body);
    return response;
  }

  /** Parses a JSON answer; text that is not JSON rejects with ResponseParseError (secrets redacted). */
  parseJson(response: HttpResult): unknown {
    try {
      return JSON.parse(response.body);
    } catch (error) {
      throw new ResponseParseError(`Response is not valid JSON: ${redact(error instanceof Error ? error.message : String(error), this.#secrets)}`, {
        status: response.status,
      });
    }
  }

  private httpError(url: string, status: number, statusText: string, text: string): HttpError {
    let errorBody: RestErrorBody | undefined;
    const trimmed = text.trim();
    if (trimmed.startsWith("{")) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
          errorBody = redactDeep(parsed as RestErrorBody, this.#secrets);
        }
      } catch {
        // not JSON: the text is in `body`
      }
    }
    return new HttpError({
      status,
      statusText: redact(statusText, this.#secrets),
      body: redact(text, this.#secrets),
      url: safeUrl(url),
      ...(errorBody !== undefined ? { errorBody } : {}),
    });
  }
}

function buildRequest(
  schema: AgentSchema,
  op: OperationDescriptor,
  method: string,
  codec: JsonCodec,
  request: object | undefined,
  select: string | readonly string[] | undefined,
): { query: string; body: string | undefined } {
  const record = (request ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  const inQuery = new Set<string>();
  for (const [name, param] of op.rest.query ?? []) {
    inQuery.add(param);
    const value = Object.prototype.hasOwnProperty.call(record, param) ? record[param] : undefined;
    if (value === undefined || value === null) continue;
    const type = op.params.find((p) => p[0] === param)?.[1] ?? "anyType";
    try {
      for (const text of queryValues(schema, type, value)) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
    } catch (error) {
      if (error instanceof ValueError) error.path.unshift(param);
      throw error;
    }
  }
  if (select !== undefined) {
    const list = typeof select === "string" ? select : select.join(",");
    if (list !== "") parts.push(`$select=${encodeURIComponent(list)}`);
  }
  const query = parts.length === 0 ? "" : `?${parts.join("&")}`;
  if (NO_BODY_METHODS.has(method)) return { query, body: undefined };
  if (op.rest.body !== undefined) return { query, body: JSON.stringify(wholeBody(op, op.rest.body, codec, record) ?? null) };

  const out: Record<string, unknown> = {};
  let hasBodyParams = false;
  const known = new Set<string>();
  const renamed = new Map((op.rest.rename ?? []).map(([name, param]) => [param, name]));
  for (const [name, type] of op.params) {
    known.add(name);
    if (inQuery.has(name)) continue;
    hasBodyParams = true;
    const value = Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
    if (value === undefined) continue;
    try {
      setSafe(out, renamed.get(name) ?? name, codec.toJson(value, type));
    } catch (error) {
      if (error instanceof ValueError) error.path.unshift(name);
      throw error;
    }
  }
  // Properties the schema does not know are sent as they are.
  for (const key of Object.keys(record)) {
    if (known.has(key) || inQuery.has(key)) continue;
    hasBodyParams = true;
    if (key === "__proto__") continue;
    out[key] = record[key];
  }
  return { query, body: hasBodyParams ? JSON.stringify(out) : undefined };
}

/** The one parameter the REST API takes as the whole body, converted to JSON values. */
function wholeBody(op: OperationDescriptor, param: string, codec: JsonCodec, record: Record<string, unknown>): unknown {
  const value = Object.prototype.hasOwnProperty.call(record, param) ? record[param] : undefined;
  if (value === undefined || value === null) return value;
  const type = op.params.find((p) => p[0] === param)?.[1] ?? "anyType";
  try {
    return codec.toJson(value, type);
  } catch (error) {
    if (error instanceof ValueError) error.path.unshift(param);
    throw error;
  }
}

/** Query string texts of one parameter (arrays repeat the parameter). */
function queryValues(schema: AgentSchema, type: string, value: unknown): string[] {
  const resolved = indexOf(schema.types).resolve(type);
  if (resolved.kind === "array") {
    if (!Array.isArray(value)) throw new ValueError(`expected an array for ${type}`);
    return value.flatMap((item: unknown) => (item === null || item === undefined ? [] : queryValues(schema, resolved.item, item)));
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
