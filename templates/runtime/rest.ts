/**
 * REST transport for SuperOffice's WebAPI agents: `${baseUrl}${op.rest.path}` with JSON bodies.
 */
import { HttpError, redact, redactDeep, ResponseParseError, safeUrl, type RestErrorBody } from "./errors.js";
import { defaultFetch, send, type CallOptions, type FetchLike, type HttpResult } from "./http.js";
import { JsonCodec } from "./json.js";
import { indexOf, setSafe } from "./descriptors.js";
import type { AgentSchema, OperationDescriptor } from "./schema.js";
import { formatDateTime, formatFlagsJson, fromBase64, toBase64, toParseError, toRequestError, ValueError } from "./values.js";

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

export interface RestCallOptions extends CallOptions {
  /** `$select`: properties to include in the result (others are nulled by the server). */
  select?: string | readonly string[];
  language?: string;
  culture?: string;
  timeZone?: string;
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
    const url = `${this.baseUrl}${op.rest.path}${query}`;
    const headers: Record<string, string> = { ...this.#headers };
    if (body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
    const language = options?.language ?? this.#options.language;
    const culture = options?.culture ?? this.#options.culture;
    const timeZone = options?.timeZone ?? this.#options.timeZone;
    if (language !== undefined) headers["SO-Language"] = language;
    if (culture !== undefined) headers["SO-Culture"] = culture;
    if (timeZone !== undefined) headers["SO-TimeZone"] = timeZone;
    if (op.rest.accept !== undefined) headers.Accept = op.rest.accept;

    const response = await send(
      this.#fetch,
      url,
      body === undefined ? { method, headers } : { method, headers, body },
      options,
      this.#timeoutMs,
      this.#secrets,
      op.bytes === true ? "bytes" : "text",
    );
    const ok = response.status >= 200 && response.status < 300;
    if (!ok) throw this.httpError(url, response.status, response.statusText, response.body);
    if (op.bytes === true) return this.bytesOf(response, op.name);
    if (response.status === 204 || response.body.trim() === "") return undefined;
    const parsed = this.parseJson(response.body, response.status);
    const type = op.results ?? op.returns;
    if (type === null) return undefined;
    try {
      return codec.revive(parsed, type);
    } catch (error) {
      throw toParseError(error, op.name, response.status);
    }
  }

  /**
   * A stream operation's answer: the raw bytes, or — when the server chose JSON after all — the
   * base64 string it sent, decoded. 204 is null (no content).
   */
  private bytesOf(response: HttpResult, operation: string): Uint8Array | null {
    if (response.status === 204) return null;
    const bytes = response.bytes ?? new TextEncoder().encode(response.body);
    if (!/^\s*(application|text)\/([\w.+-]*\+)?json\b/i.test(response.headers.get("content-type") ?? "")) return bytes;
    const parsed = this.parseJson(new TextDecoder().decode(bytes), response.status);
    if (parsed === null) return null;
    try {
      if (typeof parsed !== "string") throw new ValueError("expected base64 text");
      return fromBase64(parsed);
    } catch (error) {
      throw toParseError(error, operation, response.status);
    }
  }

  private parseJson(text: string, status: number): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ResponseParseError(`Response is not valid JSON: ${redact(error instanceof Error ? error.message : String(error), this.#secrets)}`, { status });
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
  if (op.rest.body !== undefined) return { query, body: JSON.stringify(wholeBody(schema, op, op.rest.body, codec, record)) };

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

/**
 * The one parameter the REST API takes as the whole body, converted to JSON values. The OpenAPI
 * files require that body and type it as an object (an array for id lists), never as null, so
 * a null or missing value is sent as `{}` (`[]`).
 */
function wholeBody(schema: AgentSchema, op: OperationDescriptor, param: string, codec: JsonCodec, record: Record<string, unknown>): unknown {
  const value = Object.prototype.hasOwnProperty.call(record, param) ? record[param] : undefined;
  const type = op.params.find((p) => p[0] === param)?.[1] ?? "anyType";
  if (value === undefined || value === null) return indexOf(schema.types).resolve(type).kind === "array" ? [] : {};
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
  if (resolved.kind === "enum" && resolved.flags) {
    const flags = formatFlagsJson(value, type, resolved.empty);
    return flags === undefined ? [] : [String(flags)];
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValueError(`invalid Date for ${type}`);
    return [formatDateTime(value)];
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return [String(value)];
  }
  throw new ValueError(`expected a simple value for query parameter of type ${type}`);
}
