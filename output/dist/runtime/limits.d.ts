import type { FetchResponseLike } from "./http.js";
/** Timeout of a call when neither the client nor the call sets one. */
export declare const DEFAULT_TIMEOUT_MS = 12e4;
/** Largest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days); longer ones would fire at once. */
export declare const MAX_TIMEOUT_MS = 2147483647;
/** Largest response body read when neither the client nor the call sets `maxResponseBytes`. */
export declare const DEFAULT_MAX_RESPONSE_BYTES: number;
/** Deepest nesting of elements (XML) or arrays/objects (JSON) a response may have. */
export declare const MAX_NESTING = 256;
/** How long a call may take and how large its response may be. */
export interface CallLimits {
	readonly timeoutMs: number;
	readonly maxResponseBytes: number;
}
/**
 * The limits `options` set, `fallback`'s where it leaves one undefined (the defaults unless given).
 * `timeoutMs`: 0 → no timeout; longer than timers allow (Infinity included) → clamped to
 * MAX_TIMEOUT_MS; negative, NaN or not a number is refused. `maxResponseBytes`: a positive number
 * (Infinity: no limit); anything else is refused.
 */
export declare function limitsOf(options: {
	readonly timeoutMs?: unknown;
	readonly maxResponseBytes?: unknown;
} | undefined, fallback?: CallLimits): CallLimits;
/**
 * The whole body, at most `limit` bytes: from the body stream when there is one (what `fetch`
 * decoded from gzip/br, counted chunk by chunk; the stream is cancelled at the limit or on
 * abort), else `arrayBuffer()`, else `text()`. A declared Content-Length over the limit fails before reading.
 */
export declare function readBody(response: FetchResponseLike, limit: number, signal: AbortSignal | undefined): Promise<Uint8Array | string>;
/** Stops a body nobody will read (a redirect's, one declared too large), so the connection is released. */
export declare function cancelBody(response: FetchResponseLike): void;
/** A stream chunk (or a body read as text) as bytes: a string as UTF-8, anything that is not bytes as none. */
export declare function bytesOf(value: unknown): Uint8Array;
/** Whether JSON text nests arrays/objects deeper than `max` (strings skipped), checked before parsing and reviving. */
export declare function jsonNestingExceeds(text: string, max: number): boolean;
