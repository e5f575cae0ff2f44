/**
 * One HTTP exchange through `fetch`, shared by the SOAP and REST transports: the caller's
 * AbortSignal and a timeout over sending and reading, no redirect ever followed (redirects.ts),
 * a bounded body decoded by its charset (limits.ts, charset.ts), and the client's hooks
 * (logging, tracing, retry) around each attempt.
 */
import { decodeBody } from "./charset.js";
import { InvalidRequestError, NetworkError, SuperOfficeError, TimeoutError, safeUrl } from "./errors.js";
import { setHeader } from "./headers.js";
import { bytesOf, limitsOf, readBody, type CallLimits } from "./limits.js";
import type { Redactor } from "./redact.js";
import { refuseRedirect } from "./redirects.js";

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
export interface TransportSettings extends CallLimits {
  readonly fetch: FetchLike;
  readonly hooks: Hooks | undefined;
}

/** The client's base URL without trailing slashes; one with a query or fragment is refused, as each call appends its path to it. */
export function baseUrlOf(baseUrl: string): string {
  if (/[?#]/.test(baseUrl)) throw new InvalidRequestError("baseUrl cannot hold a query or fragment", ["baseUrl"]);
  return baseUrl.replace(/\/+$/, "");
}

/** `work`'s outcome, unless `signal` aborts first: then the signal's reason (a hook or auth provider that never settles cannot hold the call). */
export async function unlessAborted<T>(work: T | PromiseLike<T>, signal: AbortSignal | undefined): Promise<T> {
  let stop = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(abortReason(signal!));
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop);
  });
  try {
    // Promise.race handles the loser's rejection too: it never surfaces as unhandled.
    return await Promise.race([work, aborted]);
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}

export function transportSettings(options: TransportOptions): TransportSettings {
  return { fetch: options.fetch ?? defaultFetch(), ...limitsOf(options), hooks: options.hooks };
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
  const { timeoutMs, maxResponseBytes } = limitsOf(options, settings);
  const hooks = settings.hooks;
  const signal = options?.signal;
  // The URL as hooks and onResponse see it, the same at every attempt.
  const shownUrl = redactor.text(safeUrl(request.url));
  for (let attempt = 1; ; attempt++) {
    // A copy for each attempt: a hook's setHeader changes its own attempt only.
    const headers = { ...request.headers };
    let info: RequestInfo | undefined;
    if (hooks !== undefined) {
      info = {
        agent: request.agent,
        operation: request.operation,
        method: request.method,
        url: shownUrl,
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
      await unlessAborted(hooks.onRequest?.(info), signal);
    }
    let result: HttpResult;
    try {
      result = await attemptOnce(settings.fetch, request, headers, signal, timeoutMs, maxResponseBytes);
    } catch (error) {
      // An abort is not offered to onError: it ends the call.
      if (info && error instanceof SuperOfficeError && !signal?.aborted && (await unlessAborted(hooks?.onError?.(redactor.error(error), info), signal)) === "retry" && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    const response: ResponseInfo = { status: result.status, statusText: result.statusText, headers: result.headers, url: shownUrl };
    if (info && (await unlessAborted(hooks?.onResponse?.(response, info), signal)) === "retry" && attempt < MAX_ATTEMPTS) continue;
    options?.onResponse?.(response);
    return result;
  }
}

/**
 * One fetch and body read, raced against the caller's signal and the timer (0 = none): either
 * aborts fetch and the body read and rejects the attempt at once, so a fetch that ignores its
 * signal cannot hold the call.
 */
async function attemptOnce(
  fetchFn: FetchLike,
  { url, method, body, reading }: OutgoingRequest,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  limit: number,
): Promise<HttpResult> {
  if (signal?.aborted) throw abortReason(signal);
  // The call's abort and the timeout both end this attempt's fetch and body read, with their reason.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(abortReason(signal!));
  signal?.addEventListener("abort", onAbort);
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs) : undefined;
  // FetchInit names the text body every call but the few form-data entity uploads sends; fetch takes their FormData as well.
  const init: FetchInit = { method, headers, ...(body !== undefined && { body: body as string }), redirect: "manual", signal: controller.signal };
  const exchange = async (): Promise<HttpResult> => {
    try {
      const response = await fetchFn(url, init);
      // null passes typeof "object"; its ?.status is undefined, so it fails the second test.
      if (typeof response !== "object" || typeof response?.status !== "number") throw new TypeError("fetch resolved to something that is not a Response");
      refuseRedirect(url, response);
      const raw = await readBody(response, limit, controller.signal);
      const { status, headers: responseHeaders } = response;
      const result: { -readonly [K in keyof HttpResult]: HttpResult[K] } = { status, statusText: typeof response.statusText === "string" ? response.statusText : "", headers: responseHeaders, body: "" };
      // A stream operation's 2xx answer is its bytes; anything else (an error page) is read as text.
      if (reading === "bytes" && status >= 200 && status < 300) result.bytes = bytesOf(raw);
      else result.body = decodeBody(raw, responseHeaders.get("content-type"), status, typeof reading === "function" ? reading : undefined);
      return result;
    } catch (error) {
      // An abort ends the attempt with its reason, also where a fetch that aborts and throws at once wins the race.
      if (controller.signal.aborted) throw abortReason(controller.signal);
      throw error instanceof SuperOfficeError ? error : new NetworkError(safeUrl(url), error);
    }
  };
  try {
    return await unlessAborted(exchange(), controller.signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
