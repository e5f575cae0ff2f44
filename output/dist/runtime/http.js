import { decodeBody } from "./charset.js";
import { NetworkError, SuperOfficeError, TimeoutError, safeUrl } from "./errors.js";
import { setHeader } from "./headers.js";
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, maxBytesOf, readBody, timeoutOf, cancelBody } from "./limits.js";
import { redirectOf } from "./redirects.js";
const MAX_ATTEMPTS = 10;
function transportSettings(options) {
  return {
    fetch: options.fetch ?? defaultFetch(),
    timeoutMs: timeoutOf(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxResponseBytes: maxBytesOf(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    hooks: options.hooks
  };
}
function defaultFetch() {
  const global = globalThis;
  if (typeof global.fetch !== "function") throw new TypeError("No fetch available: pass `fetch` in the client options");
  return global.fetch.bind(globalThis);
}
async function send(settings, request, options, redactor) {
  const timeoutMs = timeoutOf(options?.timeoutMs, settings.timeoutMs);
  const limit = maxBytesOf(options?.maxResponseBytes, settings.maxResponseBytes);
  const hooks = settings.hooks;
  for (let attempt = 1; ; attempt++) {
    const headers = hooks === void 0 ? request.headers : { ...request.headers };
    const info = hooks === void 0 ? void 0 : requestInfo(request, headers, attempt, redactor);
    if (info !== void 0) await hooks?.onRequest?.(info);
    let result;
    try {
      result = await attemptOnce(settings.fetch, request.url, { method: request.method, headers, ...request.body === void 0 ? {} : { body: request.body } }, options?.signal, timeoutMs, limit, request.reading ?? "text");
    } catch (error) {
      const retry = info !== void 0 && error instanceof SuperOfficeError && hooks?.onError !== void 0 && !options?.signal?.aborted && await hooks.onError(redactor.error(error), info) === "retry";
      if (retry && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    if (info === void 0 && options?.onResponse === void 0) return result;
    const response = { status: result.status, statusText: result.statusText, headers: result.headers, url: redactor.text(safeUrl(request.url)) };
    const verdict = info === void 0 ? void 0 : await hooks?.onResponse?.(response, info);
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
      return typeof request.body === "string" ? redactor.text(request.body) : void 0;
    },
    setHeader: (name, value) => setHeader(headers, name, value)
  };
}
async function attemptOnce(fetchFn, url, init, signal, timeoutMs, limit, reading) {
  if (signal?.aborted) throw abortReason(signal);
  const controller = new AbortController();
  let timer;
  let onAbort;
  const aborted = new Promise((_, reject) => {
    if (signal !== void 0) {
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
  work.catch(() => void 0);
  aborted.catch(() => void 0);
  try {
    return await Promise.race([work, aborted]);
  } finally {
    if (timer !== void 0) clearTimeout(timer);
    if (onAbort !== void 0) signal?.removeEventListener("abort", onAbort);
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
    if (redirect !== void 0) {
      cancelBody(response);
      throw redirect;
    }
    const raw = await readBody(response, limit, signal);
    if (reading === "bytes" && response.status >= 200 && response.status < 300) bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
    else body = decodeBody(raw, response.headers.get("content-type"), response.status);
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    if (error instanceof SuperOfficeError) throw error;
    throw new NetworkError(safeUrl(url), error);
  }
  return { status: response.status, statusText: typeof response.statusText === "string" ? response.statusText : "", headers: response.headers, body, ...bytes === void 0 ? {} : { bytes } };
}
function abortReason(signal) {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
export {
  MAX_ATTEMPTS,
  defaultFetch,
  send,
  transportSettings
};
