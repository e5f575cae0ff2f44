/**
 * One HTTP exchange through `fetch`, shared by the SOAP and REST transports: the caller's
 * AbortSignal and a timeout over sending and reading, no redirect ever followed (redirects.ts),
 * a bounded body decoded by its charset (limits.ts, charset.ts), and the client's hooks
 * (logging, tracing, retry) around each attempt.
 */
import { decodeBody } from "./charset.js";
import { InvalidRequestError, NetworkError, SuperOfficeError, TimeoutError, safeUrl } from "./errors.js";
import { setHeader } from "./headers.js";
import { bytesOf, limitsOf, readBody } from "./limits.js";
import { refuseRedirect } from "./redirects.js";
/** An attempt count no hook can exceed, so a retry hook cannot loop forever. */
export const MAX_ATTEMPTS = 10;
/** The client's base URL without trailing slashes; one with a query or fragment is refused, as each call appends its path to it. */
export function baseUrlOf(baseUrl) {
	if (/[?#]/.test(baseUrl)) throw new InvalidRequestError("baseUrl cannot hold a query or fragment", ["baseUrl"]);
	return baseUrl.replace(/\/+$/, "");
}
/** `work`'s outcome, unless `signal` aborts first: then the signal's reason (a hook or auth provider that never settles cannot hold the call). */
export async function unlessAborted(work, signal) {
	let stop = () => undefined;
	const aborted = new Promise((_, reject) => {
		stop = () => reject(abortReason(signal));
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
export function transportSettings(options) {
	return {
		fetch: options.fetch ?? defaultFetch(),
		...limitsOf(options),
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
	const { timeoutMs, maxResponseBytes } = limitsOf(options, settings);
	const hooks = settings.hooks;
	const signal = options?.signal;
	// The URL as hooks and onResponse see it, the same at every attempt.
	const shownUrl = redactor.text(safeUrl(request.url));
	for (let attempt = 1;; attempt++) {
		// A copy for each attempt: a hook's setHeader changes its own attempt only.
		const headers = { ...request.headers };
		let info;
		if (hooks !== undefined) {
			info = {
				agent: request.agent,
				operation: request.operation,
				method: request.method,
				url: shownUrl,
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
			await unlessAborted(hooks.onRequest?.(info), signal);
		}
		let result;
		try {
			result = await attemptOnce(settings.fetch, request, headers, signal, timeoutMs, maxResponseBytes);
		} catch (error) {
			// An abort is not offered to onError: it ends the call.
			if (info && error instanceof SuperOfficeError && !signal?.aborted && await unlessAborted(hooks?.onError?.(redactor.error(error), info), signal) === "retry" && attempt < MAX_ATTEMPTS) continue;
			throw error;
		}
		const response = {
			status: result.status,
			statusText: result.statusText,
			headers: result.headers,
			url: shownUrl
		};
		if (info && await unlessAborted(hooks?.onResponse?.(response, info), signal) === "retry" && attempt < MAX_ATTEMPTS) continue;
		options?.onResponse?.(response);
		return result;
	}
}
/**
 * One fetch and body read, raced against the caller's signal and the timer (0 = none): either
 * aborts fetch and the body read and rejects the attempt at once, so a fetch that ignores its
 * signal cannot hold the call.
 */
async function attemptOnce(fetchFn, { url, method, body, reading }, headers, signal, timeoutMs, limit) {
	if (signal?.aborted) throw abortReason(signal);
	// The call's abort and the timeout both end this attempt's fetch and body read, with their reason.
	const controller = new AbortController();
	const onAbort = () => controller.abort(abortReason(signal));
	signal?.addEventListener("abort", onAbort);
	const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs) : undefined;
	// FetchInit names the text body every call but the few form-data entity uploads sends; fetch takes their FormData as well.
	const init = {
		method,
		headers,
		...body !== undefined && { body },
		redirect: "manual",
		signal: controller.signal
	};
	const exchange = async () => {
		try {
			const response = await fetchFn(url, init);
			// null passes typeof "object"; its ?.status is undefined, so it fails the second test.
			if (typeof response !== "object" || typeof response?.status !== "number") throw new TypeError("fetch resolved to something that is not a Response");
			refuseRedirect(url, response);
			const raw = await readBody(response, limit, controller.signal);
			const { status, headers: responseHeaders } = response;
			const result = {
				status,
				statusText: typeof response.statusText === "string" ? response.statusText : "",
				headers: responseHeaders,
				body: ""
			};
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
function abortReason(signal) {
	return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
