/**
 * One HTTP exchange through `fetch`, shared by the SOAP and REST transports: the caller's
 * AbortSignal and a timeout over sending and reading, no redirect ever followed (redirects.ts),
 * a bounded body decoded by its charset (limits.ts, charset.ts), and the client's hooks
 * (logging, tracing, retry) around each attempt.
 */
import { decodeBody } from "./charset.js";
import { NetworkError, SuperOfficeError, TimeoutError, safeUrl } from "./errors.js";
import { setHeader } from "./headers.js";
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, maxBytesOf, readBody, timeoutOf } from "./limits.js";
import { refuseRedirect } from "./redirects.js";
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
	const signal = options?.signal;
	for (let attempt = 1;; attempt++) {
		let headers = request.headers;
		let info;
		if (hooks !== undefined) {
			// A hook's setHeader changes its own attempt only.
			headers = { ...headers };
			info = requestInfo(request, headers, attempt, redactor);
			await hooks.onRequest?.(info);
		}
		let result;
		try {
			result = await attemptOnce(settings.fetch, request, headers, signal, timeoutMs, limit);
		} catch (error) {
			// An abort is not offered to onError: it ends the call.
			if (info !== undefined && error instanceof SuperOfficeError && hooks?.onError !== undefined && !signal?.aborted && await hooks.onError(redactor.error(error), info) === "retry" && attempt < MAX_ATTEMPTS) continue;
			throw error;
		}
		if (info === undefined && options?.onResponse === undefined) return result;
		const response = {
			status: result.status,
			statusText: result.statusText,
			headers: result.headers,
			url: redactor.text(safeUrl(request.url))
		};
		const verdict = info && await hooks?.onResponse?.(response, info);
		if (verdict === "retry" && attempt < MAX_ATTEMPTS && !signal?.aborted) continue;
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
/**
 * One fetch and body read, raced against the caller's signal and the timer (0 = none): either
 * aborts fetch and the body read and rejects the attempt at once, so a fetch that ignores its
 * signal cannot hold the call.
 */
async function attemptOnce(fetchFn, request, headers, signal, timeoutMs, limit) {
	if (signal?.aborted) throw abortReason(signal);
	const controller = new AbortController();
	let stop;
	const stopped = new Promise((_, reject) => {
		stop = (reason) => {
			controller.abort(reason);
			reject(reason);
		};
	});
	const onAbort = () => stop(abortReason(signal));
	signal?.addEventListener("abort", onAbort);
	const timer = timeoutMs > 0 ? setTimeout(() => stop(new TimeoutError(timeoutMs)), timeoutMs) : undefined;
	// FetchInit names the text body every call but the few form-data entity uploads sends; fetch takes their FormData as well.
	const init = {
		method: request.method,
		headers,
		...request.body === undefined ? {} : { body: request.body },
		redirect: "manual",
		signal: controller.signal
	};
	try {
		// Promise.race handles the loser's rejection too: it never surfaces as unhandled.
		return await Promise.race([exchange(fetchFn, request, init, controller.signal, limit), stopped]);
	} finally {
		clearTimeout(timer);
		signal?.removeEventListener("abort", onAbort);
	}
}
async function exchange(fetchFn, request, init, signal, limit) {
	const { url, reading } = request;
	try {
		const response = await fetchFn(url, init);
		if (response === null || typeof response !== "object" || typeof response.status !== "number") throw new TypeError("fetch resolved to something that is not a Response");
		refuseRedirect(url, response);
		const raw = await readBody(response, limit, signal);
		const { status, headers } = response;
		// A stream operation's 2xx answer is its bytes; anything else (an error page) is read as text.
		const bytes = reading === "bytes" && status >= 200 && status < 300 ? typeof raw === "string" ? new TextEncoder().encode(raw) : raw : undefined;
		const body = bytes === undefined ? decodeBody(raw, headers.get("content-type"), status, typeof reading === "function" ? reading : undefined) : "";
		return {
			status,
			statusText: typeof response.statusText === "string" ? response.statusText : "",
			headers,
			body,
			...bytes === undefined ? {} : { bytes }
		};
	} catch (error) {
		if (signal.aborted) throw abortReason(signal);
		if (error instanceof SuperOfficeError) throw error;
		throw new NetworkError(safeUrl(url), error);
	}
}
function abortReason(signal) {
	return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
