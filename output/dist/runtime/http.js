import { NetworkError, TimeoutError, safeUrl } from "./errors.js";
function defaultFetch() {
  const global = globalThis;
  if (typeof global.fetch !== "function") throw new TypeError("No fetch available: pass `fetch` in the client options");
  return global.fetch.bind(globalThis);
}
async function send(fetchFn, url, init, options, defaultTimeoutMs, secrets) {
  const signal = options?.signal;
  const timeoutMs = options?.timeoutMs ?? defaultTimeoutMs;
  const useTimer = timeoutMs !== void 0 && timeoutMs > 0 && Number.isFinite(timeoutMs);
  if (signal === void 0 && !useTimer) return exchange(fetchFn, url, init, void 0, secrets);
  if (signal?.aborted) throw abortReason(signal);
  const controller = new AbortController();
  let timer;
  let onAbort;
  const aborted = new Promise((_, reject) => {
    onAbort = () => {
      const reason = abortReason(signal);
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
  const work = exchange(fetchFn, url, { ...init, signal: controller.signal }, controller.signal, secrets);
  work.catch(() => void 0);
  aborted.catch(() => void 0);
  try {
    return await Promise.race([work, aborted]);
  } finally {
    if (timer !== void 0) clearTimeout(timer);
    if (onAbort !== void 0) signal?.removeEventListener("abort", onAbort);
  }
}
async function exchange(fetchFn, url, init, signal, secrets) {
  try {
    const response = await fetchFn(url, init);
    const body = await response.text();
    return { status: response.status, statusText: response.statusText, headers: response.headers, body };
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    throw new NetworkError(safeUrl(url), error, secrets);
  }
}
function abortReason(signal) {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
export {
  defaultFetch,
  send
};
