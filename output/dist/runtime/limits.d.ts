import type { FetchResponseLike } from "./http.js";
/** Timeout of a call when neither the client nor the call sets one. */
export declare const DEFAULT_TIMEOUT_MS = 12e4;
/** Largest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days); longer ones would fire at once. */
export declare const MAX_TIMEOUT_MS = 2147483647;
/** Largest response body read when neither the client nor the call sets `maxResponseBytes`. */
export declare const DEFAULT_MAX_RESPONSE_BYTES: number;
/** Deepest nesting of elements (XML) or arrays/objects (JSON) a response may have. */
export declare const MAX_NESTING = 256;
/**
 * A `timeoutMs` option as the timer takes it: undefined → `fallback`, 0 → no timeout, longer than
 * timers allow (Infinity included) → clamped to MAX_TIMEOUT_MS. Negative, NaN or not a number is refused.
 */
export declare function timeoutOf(value: unknown, fallback: number): number;
/** A `maxResponseBytes` option: undefined → `fallback`; a positive number (Infinity: no limit); anything else is refused. */
export declare function maxBytesOf(value: unknown, fallback: number): number;
/**
 * The whole body, at most `limit` bytes: from the body stream when there is one (what `fetch`
 * decoded from gzip/br, counted chunk by chunk; the stream is cancelled at the limit or on
 * abort), else `arrayBuffer()`, else `text()`. A declared Content-Length over the limit fails before reading.
 */
export declare function readBody(response: FetchResponseLike, limit: number, signal: AbortSignal | undefined): Promise<Uint8Array | string>;
/** Stops a body nobody will read (a redirect's, one declared too large), so the connection is released. */
export declare function cancelBody(response: FetchResponseLike): void;
/** Whether JSON text nests arrays/objects deeper than `max` (strings skipped), checked before parsing and reviving. */
export declare function jsonNestingExceeds(text: string, max: number): boolean;
