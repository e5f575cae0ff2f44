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
import { redirectOf } from "./redirects.js";
/** An attempt count no hook can exceed, so a retry hook cannot loop forever. */
export const MAX_ATTEMPTS = 10;
export function transportSettings(options) {
	return {
		fetch: options.fetch ?? defaultFetch(),
		timeoutMs: timeoutOf(options.timeoutMs, DEFAULT_TIMEOUT_MS),
		maxResponseBytes: maxBytesOf(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
		hooks: options.hooks
	};
}
export function defaultFetch() {
	const global = globalThis;
	if (typeof global.fetch !== "function") throw new TypeError("No fetch available: pass `fetch` in the client options");
	return global.fetch.bind(globalThis);
}
/** Sends one request (again, when a hook asks) and reads the whole body as text. */
export async function send(settings, request, options, redactor) {
	const timeoutMs = timeoutOf(options?.timeoutMs, settings.timeoutMs);
	const limit = maxBytesOf(options?.maxResponseBytes, settings.maxResponseBytes);
	const hooks = settings.hooks;
	for (let attempt = 1;; attempt++) {
		const headers = hooks === undefined ? request.headers : { ...request.headers };
		const info = hooks === undefined ? undefined : requestInfo(request, headers, attempt, redactor);
		if (info !== undefined) await hooks?.onRequest?.(info);
		let result;
		try {
			// FetchInit names the text body every call but the few form-data entity uploads sends; fetch takes their FormData as well.
			result = await attemptOnce(settings.fetch, request.url, {
				method: request.method,
				headers,
				...request.body === undefined ? {} : { body: request.body }
			}, options?.signal, timeoutMs, limit, request.reading ?? "text");
		} catch (error) {
			const retry = info !== undefined && error instanceof SuperOfficeError && hooks?.onError !== undefined && !options?.signal?.aborted && await hooks.onError(redactor.error(error), info) === "retry";
			if (retry && attempt < MAX_ATTEMPTS) continue;
			throw error;
		}
		if (info === undefined && options?.onResponse === undefined) return result;
		const response = {
			status: result.status,
			statusText: result.statusText,
			headers: result.headers,
			url: redactor.text(safeUrl(request.url))
		};
		const verdict = info === undefined ? undefined : await hooks?.onResponse?.(response, info);
		if (verdict === "retry" && attempt < MAX_ATTEMPTS && !options?.signal?.aborted) continue;
		options?.onResponse?.(response);
		return result;
	}
}
function requestInfo(request, headers, attempt, redactor) {
	return {
		agent: request.agent,
		operation: request.operation,
		method: request.method,
		url: redactor.text(safeUrl(request.url)),
		attempt,
		get headers() {
			const shown = {};
			for (const key of Object.keys(headers)) shown[key] = redactor.text(headers[key]);
			return shown;
		},
		get body() {
			// A FormData (an upload) is not shown: its parts may be large or binary.
			return typeof request.body === "string" ? redactor.text(request.body) : undefined;
		},
		setHeader: (name, value) => setHeader(headers, name, value)
	};
}
/** One fetch and body read, raced against the signal and the timer (0 = none). */
async function attemptOnce(fetchFn, url, init, signal, timeoutMs, limit, reading) {
	if (signal?.aborted) throw abortReason(signal);
	const controller = new AbortController();
	let timer;
	let onAbort;
	const aborted = new Promise((_, reject) => {
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
	const work = exchange(fetchFn, url, {
		...init,
		redirect: "manual",
		signal: controller.signal
	}, controller.signal, limit, reading);
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
async function exchange(fetchFn, url, init, signal, limit, reading) {
	let response;
	let body = "";
	let bytes;
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
	return {
		status: response.status,
		statusText: typeof response.statusText === "string" ? response.statusText : "",
		headers: response.headers,
		body,
		...bytes === undefined ? {} : { bytes }
	};
}
function abortReason(signal) {
	return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
