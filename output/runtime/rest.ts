/**
 * REST transport for SuperOffice's WebAPI agents: `${baseUrl}/api/v1/Agents/<agent>/<operation>` (`restPathOf`) with JSON bodies.
 */
import { askProvider, asSuperOfficeError, AuthError, HttpError, InvalidRequestError, messageOf, ResponseParseError, safeUrl, SuperOfficeError, type RestErrorBody } from "./errors.js";
import { addHeaders, headerValue, setHeader } from "./headers.js";
import { baseUrlOf, send, transportSettings, unlessAborted, type BodyReading, type CallOptions, type HttpResult, type TransportOptions, type TransportSettings } from "./http.js";
import { JsonCodec } from "./json.js";
import { callTypes, indexOf, own, paramType } from "./descriptors.js";
import { jsonNestingExceeds, MAX_NESTING } from "./limits.js";
import { Redactor, urlSecrets } from "./redact.js";
import { requestSecrets } from "./request-guard.js";
import { restMethodOf, restPathOf, type RestOperationDescriptor, type RestSchema, type TypeRecord, type TypeRef } from "./schema.js";
import { describe, fail, formatDate, formatFlagsJson, fromBase64, SIMPLE_TYPES, toBase64, toParseError, toRequestError, ValueError, withPath } from "./values.js";

export type RestAuth =
  | { readonly scheme: "Bearer"; readonly token: string }
  | { readonly scheme: "Basic"; readonly username: string; readonly password: string }
  | { readonly scheme: "SoTicket"; readonly ticket: string };

/** Returns the credentials of the next request; called once per call (sync or async), e.g. to refresh a token. */
export type RestAuthProvider = () => RestAuth | Promise<RestAuth>;

export interface RestClientOptions extends TransportOptions {
  /** e.g. "https://sod.superoffice.com/Cust12345"; the operation's path ("/api/v1/Agents/…") is appended. */
  baseUrl: string;
  /** Authorization header: `Bearer <token>`, `Basic base64(user:pass)` or `SOTicket <ticket>`; or a provider of them. */
  auth?: RestAuth | RestAuthProvider;
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
}

/** Per-call header overrides every REST call takes, agent or entity. */
export interface RestRequestOptions extends CallOptions {
  language?: string;
  culture?: string;
  timeZone?: string;
}

export interface RestCallOptions extends RestRequestOptions {
  /** `$select`: properties to include in the result (others are nulled by the server). */
  select?: string | readonly string[];
}

/** One request of RestTransport.exchange; `contentType` is sent with a string body (fetch sets a FormData's own). */
export interface RestExchange {
  /** For hooks and errors: the agent or entity, and the operation or endpoint. */
  agent: string;
  operation: string;
  method: string;
  /** Appended to the base URL. */
  pathAndQuery: string;
  body?: string | FormData;
  contentType: string;
  headers?: Readonly<Record<string, string>>;
  /** "bytes" for a binary answer (default "text"). */
  reading?: BodyReading;
  /** Statuses besides 2xx that resolve rather than reject (304 for If-Modified-Since). */
  alsoAccept?: readonly number[];
}

const NO_BODY_METHOD = /^(?:GET|HEAD|DELETE)$/;
/** The options a call may override and the headers they are sent as. */
const LOCALE_HEADERS = [["language", "SO-Language"], ["culture", "SO-Culture"], ["timeZone", "SO-TimeZone"]] as const;
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * The Authorization header of some credentials, then the secrets it shows; `source` names where
 * they came from when they are none of the three schemes (a provider's answer, the options).
 */
function authorization(auth: RestAuth | null, source: string): [header: string, ...secrets: string[]] {
  const [header, ...secrets] = credentials(auth, source);
  // A CR or LF in a token would add header lines of its own.
  return [headerValue(header, ["auth"]), ...secrets];
}

function credentials(auth: RestAuth | null, source: string): [header: string, ...secrets: string[]] {
  switch (auth?.scheme) {
    case "Bearer":
      return [`Bearer ${auth.token}`, auth.token];
    case "Basic": {
      const pair = `${auth.username}:${auth.password}`;
      const encoded = toBase64(new TextEncoder().encode(pair));
      return [`Basic ${encoded}`, auth.password, pair, encoded];
    }
    case "SoTicket":
      return [`SOTicket ${auth.ticket}`, auth.ticket];
    default:
      throw new AuthError(`${source} no Bearer, Basic or SoTicket credentials`);
  }
}

export class RestTransport {
  readonly baseUrl: string;
  readonly #settings: TransportSettings;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #auth: RestAuthProvider | undefined;
  readonly #redactor: Redactor;
  /** What calls read of the options, read once by name (so getters and prototypes count too): later changes to the caller's object do not reach the transport. */
  readonly #options: Pick<RestClientOptions, "language" | "culture" | "timeZone" | "headers">;

  constructor(options: RestClientOptions) {
    this.baseUrl = baseUrlOf(options.baseUrl);
    this.#settings = transportSettings(options);
    const { language, culture, timeZone, headers: extraHeaders } = options;
    this.#options = { language, culture, timeZone, headers: extraHeaders };
    const headers: Record<string, string> = { Accept: "application/json" };
    let secrets: string[] = [];
    const auth = options.auth;
    if (typeof auth === "function") this.#auth = auth;
    else if (auth !== undefined) [headers.Authorization, ...secrets] = authorization(auth, "The auth option holds");
    if (options.applicationToken !== undefined) headers["SO-AppToken"] = headerValue(options.applicationToken, ["applicationToken"]);
    if (options.acceptLanguage !== undefined) setHeader(headers, "Accept-Language", options.acceptLanguage);
    this.#headers = headers;
    // The Redactor leaves out an absent application token.
    this.#redactor = new Redactor([...secrets, options.applicationToken, ...urlSecrets(options.baseUrl)]);
  }

  /** Calls one operation; resolves to the revived response (undefined for 204 / empty body). */
  async call(
    schema: RestSchema,
    op: RestOperationDescriptor,
    request: object | undefined,
    options?: RestCallOptions,
  ): Promise<unknown> {
    const method = restMethodOf(op).toUpperCase();
    const types = op.rest.types ?? callTypes(schema, op);
    const codec = new JsonCodec(types, op.rest.derive);
    // Before anything is sent: a descriptor without the reader its `bytes` needs is a bug of its own.
    const readRaw = op.bytes === true ? namedCodec(op, "readBytes", "answers bytes") : undefined;
    const build = (): RestExchange => {
      try {
        const [query, body] = buildRequest(types, op, method, request, options?.select);
        // An absent body or reading may be undefined here: send() takes either alike.
        return {
          agent: schema.name,
          operation: op.name,
          method,
          pathAndQuery: `${restPathOf(schema, op)}${query}`,
          body,
          contentType: JSON_CONTENT_TYPE,
          // The operation's Accept, else the client's (the one every call sends).
          headers: { Accept: op.rest.accept ?? this.#headers.Accept },
          reading: readRaw && "bytes",
        };
      } catch (error) {
        // (only buildRequest throws)
        throw asSuperOfficeError(toRequestError(error), (message) => new InvalidRequestError(`request cannot be written: ${message}`));
      }
    };
    return this.exchange(build, request, options, (response) => (readRaw === undefined ? interpret(op, codec, response) : readRaw(response, op.name)));
  }

  /**
   * One request with the client's auth and headers, shared by the agent calls above and the entity
   * endpoints (rest-entity.ts): `build` writes it from the caller's request, a 2xx answer (or one
   * of `alsoAccept`) goes to `read`, anything else rejects with HttpError. Every error of the three
   * is redacted of the client's secrets and the secret-named values of `request`.
   */
  async exchange<T>(build: () => RestExchange, request: object | undefined, options: RestRequestOptions | undefined, read: (response: HttpResult) => T): Promise<T> {
    let redactor = this.#redactor;
    try {
      redactor = redactor.with(requestSecrets(request));
      const target = build();
      const url = `${this.baseUrl}${target.pathAndQuery}`;
      const headers: Record<string, string> = { ...this.#headers, ...target.headers };
      if (this.#auth !== undefined) {
        // Whatever the provider answers, authorization() takes only the three schemes.
        const [header, ...secrets] = authorization((await unlessAborted(askProvider(this.#auth, "auth"), options?.signal)) as RestAuth | null, "The auth provider returned");
        headers.Authorization = header;
        redactor = redactor.with(secrets);
      }
      if (typeof target.body === "string") headers["Content-Type"] = target.contentType;
      for (const [option, header] of LOCALE_HEADERS) {
        const value = options?.[option] ?? this.#options[option];
        // Through setHeader, so a CR/LF in a value is an InvalidRequestError, not a header injection.
        if (value !== undefined) setHeader(headers, header, value);
      }
      redactor = redactor.with([...addHeaders(headers, this.#options.headers), ...addHeaders(headers, options?.headers)]);

      const response = await send(this.#settings, { ...target, url, headers }, options, redactor);
      const ok = (response.status >= 200 && response.status < 300) || target.alsoAccept?.includes(response.status);
      if (!ok) throw httpError(url, response);
      return read(response);
    } catch (error) {
      throw error instanceof SuperOfficeError ? redactor.error(error) : error;
    }
  }
}

/** A 2xx answer of an agent operation, revived as its descriptor says. */
function interpret(op: RestOperationDescriptor, codec: JsonCodec, response: HttpResult): unknown {
  const { status, body: text } = response;
  if (status === 204 || text.trim() === "") return requireNillable(op, status, undefined);
  const parsed = parseJson(text, status);
  const type = op.results ?? op.returns;
  if (type === null) return undefined;
  if (parsed === null) return requireNillable(op, status, null);
  try {
    return codec.revive(parsed, type);
  } catch (error) {
    throw asSuperOfficeError(toParseError(error, op.name, status), (message) => new ResponseParseError(`Response cannot be read: ${message}`, { status }));
  }
}

/** Parses a JSON answer of any REST call (entity endpoints too); text that is not JSON is a ResponseParseError. */
export function parseJsonBody(response: HttpResult): unknown {
  return parseJson(response.body, response.status);
}

/**
 * The codec the descriptor names for a job only some operations have (`rest.readBytes` wherever
 * `bytes` is set, `rest.write` wherever parameters go in the body): lacking one is a bug of the descriptor.
 */
function namedCodec<K extends "readBytes" | "write">(op: RestOperationDescriptor, key: K, lack: string): NonNullable<RestOperationDescriptor["rest"][K]> {
  const codec = op.rest[key];
  if (codec === undefined) throw new TypeError(`Operation "${op.name}" ${lack}, but its descriptor names no ${key === "write" ? "JSON writer" : "reader of them"} (rest.${key})`);
  return codec;
}

/**
 * A stream operation's answer: the raw bytes, or — when the server chose JSON after all — the
 * base64 string it sent, decoded. 204 is null (no content). Descriptors of such operations name
 * it (`rest.readBytes`), so other calls bundle none of it.
 */
export function readBytes(response: HttpResult, operation: string): Uint8Array | null {
  if (response.status === 204) return null;
  const bytes = response.bytes ?? new TextEncoder().encode(response.body);
  if (!/^\s*(application|text)\/([\w.+-]*\+)?json\b/i.test(response.headers.get("content-type") ?? "")) return bytes;
  const parsed = parseJson(new TextDecoder().decode(bytes), response.status);
  if (parsed === null) return null;
  try {
    if (typeof parsed !== "string") throw new ValueError("expected base64 text");
    return fromBase64(parsed);
  } catch (error) {
    throw toParseError(error, operation, response.status);
  }
}

function parseJson(text: string, status: number): unknown {
  if (jsonNestingExceeds(text, MAX_NESTING)) throw new ResponseParseError(`Response JSON is nested deeper than ${MAX_NESTING}`, { status });
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ResponseParseError(`Response is not valid JSON: ${jsonReason(error)}`, { status });
  }
}

/**
 * JSON.parse's reason without the text it quotes (`Unexpected token 'b', "bearer+Tok"... is not
 * valid JSON`): a quote cut short could end inside a secret, which redaction would then miss.
 */
function jsonReason(error: unknown): string {
  return messageOf(error)
    .replace(/^(Unexpected token)\b.*$/s, "$1")
    .replace(/"(?:[^"\\]|\\.)*"(?:\.\.\.)?/g, "…");
}

/** `empty` (an empty body, JSON null) — unless the schema says there is always a value: then a ResponseParseError. */
function requireNillable<T extends undefined | null>(op: RestOperationDescriptor, status: number, empty: T): T {
  if (op.returnsNonNull === true && op.results === undefined) throw new ResponseParseError(`Response does not match the schema: no value where ${op.returns ?? "a value"} is not nillable in ${op.name}`, { status });
  return empty;
}

function httpError(url: string, { status, statusText, body }: HttpResult): HttpError {
  let errorBody: RestErrorBody | undefined;
  const trimmed = body.trim();
  if (trimmed.startsWith("{")) {
    try {
      // JSON that starts with `{` is an object. Too deep a body stays text only, as text that is
      // not JSON does: JSON.stringify(error) must not overflow the stack.
      errorBody = parseJson(trimmed, status) as RestErrorBody;
    } catch {
      // the text is in `body`
    }
  }
  // HttpError leaves out an undefined errorBody.
  return new HttpError({ status, statusText, body, url: safeUrl(url), errorBody });
}

/** The query string and the body (none for GET, HEAD, DELETE) of an agent call. */
function buildRequest(
  types: TypeRecord,
  op: RestOperationDescriptor,
  method: string,
  request: object | undefined,
  select: string | readonly string[] | undefined,
): [query: string, body?: string] {
  const record = (request ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  const inQuery = new Set<string>();
  for (const [name, param] of op.rest.query ?? []) {
    inQuery.add(param);
    const value = own(record, param);
    if (value === undefined || value === null) continue;
    for (const text of withPath(param, () => simpleTexts(types, paramType(op, param), value))) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
  }
  if (select !== undefined) {
    const list = typeof select === "string" ? select : select.join(",");
    if (list !== "") parts.push(`$select=${encodeURIComponent(list)}`);
  }
  const query = parts.length > 0 ? `?${parts.join("&")}` : "";
  if (NO_BODY_METHOD.test(method)) return [query];
  const writeBody = (): unknown => namedCodec(op, "write", "sends a body")(types, op, record, inQuery);
  if (op.rest.body !== undefined) return [query, JSON.stringify(writeBody())];
  const params = op.params.map(([name]) => name);
  const sendsParams = params.some((name) => !inQuery.has(name));
  const out = (sendsParams ? writeBody() : {}) as Record<string, unknown>;
  // Properties the schema does not know are sent as they are.
  let unknown = false;
  for (const key of Object.keys(record)) {
    if (params.includes(key) || inQuery.has(key)) continue;
    unknown = true;
    if (key !== "__proto__") out[key] = record[key];
  }
  return [query, sendsParams || unknown ? JSON.stringify(out) : undefined];
}

/**
 * The texts a path or query value of `type` is sent as, agent calls' and entity endpoints' alike:
 * a primitive's by its JSON codec (an int checked, a Date as its text), flags as "A, B" (none for
 * an empty set without a zero name), arrays one text per item (null items left out). Throws
 * ValueError; the caller puts the parameter's name on its path.
 */
export function simpleTexts(types: TypeRecord, type: TypeRef, value: unknown): string[] {
  if (type.endsWith("[]")) {
    if (!Array.isArray(value)) fail(`expected an array for ${type}, got ${describe(value)}`);
    return value.flatMap((item: unknown) => (item === null || item === undefined ? [] : simpleTexts(types, type.slice(0, -2), item)));
  }
  // A string or an untyped value needs no descriptor (an entity's record may have none for them).
  const resolved = type === "anyType" || type === "string" ? undefined : indexOf(types).resolve(type);
  if (resolved?.kind === "enum" && resolved.flags) {
    const flags = formatFlagsJson(value, type, resolved.empty);
    return flags === undefined ? [] : [String(flags)];
  }
  if (resolved?.kind === "primitive") return [String(resolved.json!(value, type))];
  if (value instanceof Date) return [formatDate(value, type)];
  if (SIMPLE_TYPES.includes(typeof value)) return [String(value)];
  return fail(`expected a simple value for ${type}, got ${describe(value)}`);
}
