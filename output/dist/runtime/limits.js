/**
 * Limits that keep a hostile or broken server from holding a call or its memory: the timeout,
 * the response size (counted while streaming, after decompression) and JSON nesting.
 */
import { InvalidRequestError, ResponseTooLargeError } from "./errors.js";
/** Timeout of a call when neither the client nor the call sets one. */
export const DEFAULT_TIMEOUT_MS = 12e4;
/** Largest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days); longer ones would fire at once. */
export const MAX_TIMEOUT_MS = 2147483647;
/** Largest response body read when neither the client nor the call sets `maxResponseBytes`. */
export const DEFAULT_MAX_RESPONSE_BYTES = 2 ** 26;
/** Deepest nesting of elements (XML) or arrays/objects (JSON) a response may have. */
export const MAX_NESTING = 256;
/**
 * The limits `options` set, `fallback`'s where it leaves one undefined (the defaults unless given).
 * `timeoutMs`: 0 → no timeout; longer than timers allow (Infinity included) → clamped to
 * MAX_TIMEOUT_MS; negative, NaN or not a number is refused. `maxResponseBytes`: a positive number
 * (Infinity: no limit); anything else is refused.
 */
export function limitsOf(options, fallback = {
	timeoutMs: DEFAULT_TIMEOUT_MS,
	maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES
}) {
	/** The option `name` (undefined: the fallback's), refused unless it is a number of at least `min` (never NaN). */
	const numberOption = (name, min, expected) => {
		const value = options?.[name];
		if (value === undefined) return fallback[name];
		if (typeof value !== "number" || !(value >= min)) throw new InvalidRequestError(`${name} must be ${expected}; got ${typeof value === "number" ? value : typeof value}`, [name]);
		return value;
	};
	return {
		timeoutMs: Math.min(numberOption("timeoutMs", 0, "a number of milliseconds, 0 (no timeout) or more"), MAX_TIMEOUT_MS),
		maxResponseBytes: Math.floor(numberOption("maxResponseBytes", Number.MIN_VALUE, "a positive number of bytes (Infinity: no limit)"))
	};
}
/**
 * The whole body, at most `limit` bytes: from the body stream when there is one (what `fetch`
 * decoded from gzip/br, counted chunk by chunk; the stream is cancelled at the limit or on
 * abort), else `arrayBuffer()`, else `text()`. A declared Content-Length over the limit fails before reading.
 */
export async function readBody(response, limit, signal) {
	const status = response.status;
	// No Content-Length is 0 here, never over a limit.
	if (Number(response.headers.get("content-length")) > limit) {
		cancelBody(response);
		throw new ResponseTooLargeError(limit, status);
	}
	const stream = response.body;
	if (typeof stream?.getReader === "function") {
		const reader = stream.getReader();
		const stop = () => void reader.cancel().catch(() => undefined);
		signal?.addEventListener("abort", stop);
		try {
			const chunks = [];
			let total = 0;
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				const chunk = bytesOf(value);
				total += chunk.byteLength;
				if (total > limit) {
					stop();
					throw new ResponseTooLargeError(limit, status);
				}
				chunks.push(chunk);
			}
			if (chunks.length === 1) return chunks[0];
			const body = new Uint8Array(total);
			let at = 0;
			for (const chunk of chunks) {
				body.set(chunk, at);
				at += chunk.byteLength;
			}
			return body;
		} finally {
			signal?.removeEventListener("abort", stop);
		}
	}
	// A fetch that offers only text() has the body in memory already: the limit is checked on its length.
	const body = typeof response.arrayBuffer === "function" ? new Uint8Array(await response.arrayBuffer()) : await response.text();
	if (body.length > limit) throw new ResponseTooLargeError(limit, status);
	return body;
}
/** Stops a body nobody will read (a redirect's, one declared too large), so the connection is released. */
export function cancelBody(response) {
	try {
		void response.body?.cancel?.().catch(() => undefined);
	} catch {}
}
/** A stream chunk (or a body read as text) as bytes: a string as UTF-8, anything that is not bytes as none. */
export function bytesOf(value) {
	if (value instanceof Uint8Array) return value;
	if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
	if (value instanceof ArrayBuffer) return new Uint8Array(value);
	return new TextEncoder().encode(typeof value === "string" ? value : "");
}
/** Whether JSON text nests arrays/objects deeper than `max` (strings skipped), checked before parsing and reviving. */
export function jsonNestingExceeds(text, max) {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92) i++;
			else inString = c !== 34;
		} else if (c === 34) {
			inString = true;
		} else if ((c | 32) === 123) {
			// c | 0x20 folds "[" onto "{" (0x7b) and "]" onto "}" (0x7d); no other character gives either.
			if (++depth > max) return true;
		} else if ((c | 32) === 125) {
			depth--;
		}
	}
	return false;
}
