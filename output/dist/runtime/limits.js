import { InvalidRequestError, ResponseTooLargeError } from "./errors.js";
const DEFAULT_TIMEOUT_MS = 12e4;
const MAX_TIMEOUT_MS = 2147483647;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const MAX_NESTING = 256;
function timeoutOf(value, fallback) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
    throw new InvalidRequestError(`timeoutMs must be a number of milliseconds, 0 (no timeout) or more; got ${describeOption(value)}`, ["timeoutMs"]);
  }
  return Math.min(value, MAX_TIMEOUT_MS);
}
function maxBytesOf(value, fallback) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new InvalidRequestError(`maxResponseBytes must be a positive number of bytes (Infinity: no limit); got ${describeOption(value)}`, ["maxResponseBytes"]);
  }
  return Math.floor(value);
}
function describeOption(value) {
  return typeof value === "number" ? String(value) : typeof value;
}
async function readBody(response, limit, signal) {
  const status = response.status;
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) {
    cancelBody(response);
    throw new ResponseTooLargeError(limit, status);
  }
  const stream = response.body;
  if (stream !== null && stream !== void 0 && typeof stream.getReader === "function") {
    const reader = stream.getReader();
    const stop = () => void reader.cancel().catch(() => void 0);
    signal?.addEventListener("abort", stop, { once: true });
    try {
      const chunks = [];
      let total = 0;
      for (; ; ) {
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
      return concat(chunks, total);
    } finally {
      signal?.removeEventListener("abort", stop);
    }
  }
  if (typeof response.arrayBuffer === "function") {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > limit) throw new ResponseTooLargeError(limit, status);
    return bytes;
  }
  const text = await response.text();
  if (text.length > limit) throw new ResponseTooLargeError(limit, status);
  return text;
}
function cancelBody(response) {
  try {
    void response.body?.cancel?.().catch(() => void 0);
  } catch {
  }
}
function bytesOf(value) {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (typeof value === "string") return new TextEncoder().encode(value);
  return new Uint8Array(0);
}
function concat(chunks, total) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
function jsonNestingExceeds(text, max) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return false;
}
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  MAX_NESTING,
  MAX_TIMEOUT_MS,
  cancelBody,
  jsonNestingExceeds,
  maxBytesOf,
  readBody,
  timeoutOf
};
