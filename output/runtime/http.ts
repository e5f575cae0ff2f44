/**
 * One HTTP exchange through `fetch`, with the caller's AbortSignal and a timeout. Shared by
 * the SOAP and REST transports. The body is read inside the same abort scope, so a timeout
 * also covers a slow download.
 */
import { NetworkError, TimeoutError, safeUrl } from "./errors.js";

/** The part of a fetch Response the runtime uses; `Response` satisfies it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** Needed only for operations that answer raw bytes (`OperationDescriptor.bytes`). */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** `globalThis.fetch` fits; tests and custom stacks can inject anything of this shape. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** Per-call options common to both transports. */
export interface CallOptions {
  /** Aborting rejects the call with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's timeout; the call rejects with TimeoutError. 0 or undefined = none. */
  timeoutMs?: number;
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

/** How the body is read: as text, or as bytes (a stream operation's answer). */
export type BodyReading = "text" | "bytes";

export function defaultFetch(): FetchLike {
  const global = globalThis as { fetch?: FetchLike };
  if (typeof global.fetch !== "function") throw new TypeError("No fetch available: pass `fetch` in the client options");
  return global.fetch.bind(globalThis);
}

/** Sends one request and reads the whole body as text. */
export async function send(
  fetchFn: FetchLike,
  url: string,
  init: FetchInit,
  options: CallOptions | undefined,
  defaultTimeoutMs: number | undefined,
  secrets: readonly string[],
  reading: BodyReading = "text",
): Promise<HttpResult> {
  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? defaultTimeoutMs;
  const useTimer = timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs);
  if (signal === undefined && !useTimer) return exchange(fetchFn, url, init, undefined, secrets, reading);
  if (signal?.aborted) throw abortReason(signal);

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      const reason = abortReason(signal!);
      controller.abort(reason);
      reject(reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    if (useTimer) {
      timer = setTimeout(() => {
        const reason = new TimeoutError(timeoutMs);
        controller.abort(reason);
        reject(reason);
      }, timeoutMs);
    }
  });
  const work = exchange(fetchFn, url, { ...init, signal: controller.signal }, controller.signal, secrets, reading);
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

async function exchange(
  fetchFn: FetchLike,
  url: string,
  init: FetchInit,
  signal: AbortSignal | undefined,
  secrets: readonly string[],
  reading: BodyReading,
): Promise<HttpResult> {
  try {
    const response = await fetchFn(url, init);
    const ok = response.status >= 200 && response.status < 300;
    if (reading === "bytes" && ok && response.arrayBuffer !== undefined) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, statusText: response.statusText, headers: response.headers, body: "", bytes };
    }
    const body = await response.text();
    return { status: response.status, statusText: response.statusText, headers: response.headers, body };
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    throw new NetworkError(safeUrl(url), error, secrets);
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
