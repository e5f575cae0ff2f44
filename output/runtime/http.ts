/**
 * One HTTP exchange through `fetch`, shared by the SOAP and REST transports: the caller's
 * AbortSignal and a timeout over sending and reading, no redirect ever followed (redirects.ts),
 * a bounded body decoded by its charset (limits.ts, charset.ts), and the client's hooks
 * (logging, tracing, retry) around each attempt.
 */
import { decodeBody } from "./charset.js";
import { NetworkError, SuperOfficeError, TimeoutError, safeUrl } from "./errors.js";
import { setHeader } from "./headers.js";
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, maxBytesOf, readBody, timeoutOf, cancelBody } from "./limits.js";
import type { Redactor } from "./redact.js";
import { redirectOf } from "./redirects.js";

/** A body stream as `fetch` returns it (only what the runtime uses); a WHATWG ReadableStream fits. */
export interface BodyStreamLike {
  getReader(): { read(): Promise<{ done: boolean; value?: unknown }>; cancel(reason?: unknown): Promise<void> };
  cancel?(reason?: unknown): Promise<void>;
}

/** The part of a fetch Response the runtime uses; `Response` satisfies it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  /** Read with a size limit when present; else `arrayBuffer()`, else `text()`. */
  readonly body?: BodyStreamLike | null;
  /** Final URL; a redirect is detected by it when `fetch` followed one anyway. */
  readonly url?: string;
  readonly redirected?: boolean;
  /** "opaqueredirect" from a browser's `fetch` with `redirect: "manual"`. */
  readonly type?: string;
  arrayBuffer?(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Always "manual": the runtime follows no redirect. */
  redirect?: "manual";
}

/** `globalThis.fetch` fits; tests and custom stacks can inject anything of this shape. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** A request as hooks see it. Credentials show as `***` in `url`, `headers` and `body`. */
export interface RequestInfo {
  /** Agent and operation, e.g. "User" and "GetUser". */
  readonly agent: string;
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
  /** Adds or replaces a header of this attempt (tracing ids, …); credential headers cannot be set. */
  setHeader(name: string, value: string): void;
}

/** A response as hooks and `onResponse` see it (any status), before the transport interprets it; `url` with secrets masked. */
export interface ResponseInfo {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  readonly url: string;
}

/** Returned by `onResponse` / `onError` to send the request again (at most MAX_ATTEMPTS in all). */
export type HookVerdict = void | "retry";

/** Client-level hooks. An exception a hook throws rejects the call as thrown. */
export interface Hooks {
  /** Before each attempt. */
  onRequest?(request: RequestInfo): void | Promise<void>;
  /** After each response is read (any status). "retry" sends the request again. */
  onResponse?(response: ResponseInfo, request: RequestInfo): HookVerdict | Promise<HookVerdict>;
  /** When an attempt fails without a usable response (NetworkError, TimeoutError, RedirectError, ResponseTooLargeError). "retry" sends it again. */
  onError?(error: SuperOfficeError, request: RequestInfo): HookVerdict | Promise<HookVerdict>;
}

/** An attempt count no hook can exceed, so a retry hook cannot loop forever. */
export const MAX_ATTEMPTS = 10;

/** Client options common to both transports. */
export interface TransportOptions {
  /** Defaults to globalThis.fetch. */
  fetch?: FetchLike;
  /** Timeout of every call in milliseconds, sending and reading; default 120 000 (2 min), 0 = none, longer than 2^31-1 clamped. */
  timeoutMs?: number;
  /** Largest response body in bytes, counted after decompression; default 64 MiB, Infinity = no limit. */
  maxResponseBytes?: number;
  /** Sent with every call (see CallOptions.headers for the rules). */
  headers?: Readonly<Record<string, string>>;
  hooks?: Hooks;
}

/** Per-call options common to both transports. */
export interface CallOptions {
  /** Aborting rejects the call with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's timeout (0 = none); the call rejects with TimeoutError. */
  timeoutMs?: number;
  /** Overrides the client's maxResponseBytes. */
  maxResponseBytes?: number;
  /**
   * Extra headers of this call; they replace the client's and the transport's of the same name,
   * but never the credential or framing ones (Authorization, SO-AppToken, Cookie, SOAPAction,
   * Content-Type, …): naming one is an InvalidRequestError.
   */
  headers?: Readonly<Record<string, string>>;
  /** Receives the HTTP status and headers of the response (any status), before the call resolves or rejects. */
  onResponse?: (response: ResponseInfo) => void;
}

export interface HttpResult {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  /** The body as text; for a 2xx answer read as bytes, "" (the bytes are in `bytes`). */
  readonly body: string;
  /** The body, when read as bytes. */
  readonly bytes?: Uint8Array;
}

/** What a transport keeps from its options (validated once). */
export interface TransportSettings {
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly hooks: Hooks | undefined;
}

export function transportSettings(options: TransportOptions): TransportSettings {
  return {
    fetch: options.fetch ?? defaultFetch(),
    timeoutMs: timeoutOf(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxResponseBytes: maxBytesOf(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    hooks: options.hooks,
  };
}

/** How the body is read: as text, or as bytes (a stream operation's answer), or as text that may name its charset. */
export type BodyReading = "text" | "bytes" | CharsetSniffer;
/** Text whose charset the body may also name, found by this after the BOM and Content-Type (SOAP: the XML declaration). */
export type CharsetSniffer = (bytes: Uint8Array) => string | undefined;

export function defaultFetch(): FetchLike {
  const global = globalThis as { fetch?: FetchLike };
  if (typeof global.fetch !== "function") throw new TypeError("No fetch available: pass `fetch` in the client options");
  return global.fetch.bind(globalThis);
}

/** One request of a call, as the transport built it. */
export interface OutgoingRequest {
  readonly agent: string;
  readonly operation: string;
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string | FormData;
  /** "bytes" for a stream operation, a `CharsetSniffer` for text that may name its charset (default "text"). */
  readonly reading?: BodyReading;
}

/** Sends one request (again, when a hook asks) and reads the whole body as text. */
export async function send(settings: TransportSettings, request: OutgoingRequest, options: CallOptions | undefined, redactor: Redactor): Promise<HttpResult> {
  const timeoutMs = timeoutOf(options?.timeoutMs, settings.timeoutMs);
  const limit = maxBytesOf(options?.maxResponseBytes, settings.maxResponseBytes);
  const hooks = settings.hooks;
  for (let attempt = 1; ; attempt++) {
    const headers = hooks === undefined ? request.headers : { ...request.headers };
    const info = hooks === undefined ? undefined : requestInfo(request, headers, attempt, redactor);
    if (info !== undefined) await hooks?.onRequest?.(info);
    let result: HttpResult;
    try {
      // FetchInit names the text body every call but the few form-data entity uploads sends; fetch takes their FormData as well.
      result = await attemptOnce(settings.fetch, request.url, { method: request.method, headers, ...(request.body === undefined ? {} : { body: request.body as string }) }, options?.signal, timeoutMs, limit, request.reading ?? "text");
    } catch (error) {
      const retry = info !== undefined && error instanceof SuperOfficeError && hooks?.onError !== undefined && !options?.signal?.aborted && (await hooks.onError(redactor.error(error), info)) === "retry";
      if (retry && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    if (info === undefined && options?.onResponse === undefined) return result;
    const response: ResponseInfo = { status: result.status, statusText: result.statusText, headers: result.headers, url: redactor.text(safeUrl(request.url)) };
    const verdict = info === undefined ? undefined : await hooks?.onResponse?.(response, info);
    if (verdict === "retry" && attempt < MAX_ATTEMPTS && !options?.signal?.aborted) continue;
    options?.onResponse?.(response);
    return result;
  }
}

function requestInfo(request: OutgoingRequest, headers: Record<string, string>, attempt: number, redactor: Redactor): RequestInfo {
  return {
    agent: request.agent,
    operation: request.operation,
    method: request.method,
    url: redactor.text(safeUrl(request.url)),
    attempt,
    get headers() {
      const shown: Record<string, string> = {};
      for (const key of Object.keys(headers)) shown[key] = redactor.text(headers[key]!);
      return shown;
    },
    get body() {
      // A FormData (an upload) is not shown: its parts may be large or binary.
      return typeof request.body === "string" ? redactor.text(request.body) : undefined;
    },
    setHeader: (name, value) => setHeader(headers, name, value),
  };
}

/** One fetch and body read, raced against the signal and the timer (0 = none). */
async function attemptOnce(
  fetchFn: FetchLike,
  url: string,
  init: FetchInit,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  limit: number,
  reading: BodyReading,
): Promise<HttpResult> {
  if (signal?.aborted) throw abortReason(signal);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    if (signal !== undefined) {
      onAbort = () => {
        const reason = abortReason(signal);
        controller.abort(reason);
        reject(reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
    }
    if (timeoutMs > 0) {
      timer = setTimeout(() => {
        const reason = new TimeoutError(timeoutMs);
        controller.abort(reason);
        reject(reason);
      }, timeoutMs);
    }
  });
  const work = exchange(fetchFn, url, { ...init, redirect: "manual", signal: controller.signal }, controller.signal, limit, reading);
  // Whichever loses the race must not surface as an unhandled rejection.
  work.catch(() => undefined);
  aborted.catch(() => undefined);
  try {
    return await Promise.race([work, aborted]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
  }
}

async function exchange(fetchFn: FetchLike, url: string, init: FetchInit, signal: AbortSignal, limit: number, reading: BodyReading): Promise<HttpResult> {
  let response: FetchResponseLike;
  let body = "";
  let bytes: Uint8Array | undefined;
  try {
    response = await fetchFn(url, init);
    if (response === null || typeof response !== "object" || typeof response.status !== "number") throw new TypeError("fetch resolved to something that is not a Response");
    const redirect = redirectOf(url, response);
    if (redirect !== undefined) {
      cancelBody(response);
      throw redirect;
    }
    const raw = await readBody(response, limit, signal);
    // A stream operation's 2xx answer is its bytes; anything else (an error page) is read as text.
    if (reading === "bytes" && response.status >= 200 && response.status < 300) bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
    else body = decodeBody(raw, response.headers.get("content-type"), response.status, typeof reading === "function" ? reading : undefined);
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    if (error instanceof SuperOfficeError) throw error;
    throw new NetworkError(safeUrl(url), error);
  }
  return { status: response.status, statusText: typeof response.statusText === "string" ? response.statusText : "", headers: response.headers, body, ...(bytes === undefined ? {} : { bytes }) };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
