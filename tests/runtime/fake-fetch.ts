/** A scripted `fetch` for transport tests: records requests, answers from a handler. */
import type { FetchInit, FetchLike, FetchResponseLike } from "../../templates/runtime/index.js";

export interface Recorded {
  url: string;
  init: FetchInit;
}

export interface Reply {
  status?: number;
  statusText?: string;
  body?: string;
  /** Raw bytes, served by arrayBuffer() (text() still gives `body`). */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
}

export function fakeFetch(handler: (request: Recorded) => Reply | Promise<Reply>): { fetch: FetchLike; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request = { url, init };
    requests.push(request);
    const reply = await handler(request);
    const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const response: FetchResponseLike = {
      status: reply.status ?? 200,
      statusText: reply.statusText ?? "OK",
      headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
      text: async () => reply.body ?? "",
      arrayBuffer: async () => {
        const bytes = reply.bytes ?? new TextEncoder().encode(reply.body ?? "");
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      },
    };
    return response;
  };
  return { fetch, requests };
}

/** A fetch that never answers but honours its signal, like the real one. */
export function hangingFetch(): { fetch: FetchLike; signals: (AbortSignal | undefined)[] } {
  const signals: (AbortSignal | undefined)[] = [];
  const fetch: FetchLike = (_url, init) => {
    signals.push(init.signal);
    return new Promise((_, reject) => {
      init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
    });
  };
  return { fetch, signals };
}

/** Every string reachable from an error: message, stack, own properties, cause chain. */
export function errorText(error: unknown, depth = 0): string {
  if (depth > 5 || error === null || error === undefined) return "";
  if (typeof error !== "object") return String(error);
  const parts: string[] = [];
  if (error instanceof Error) parts.push(error.message, String(error.stack));
  for (const key of Object.getOwnPropertyNames(error)) {
    const v = (error as Record<string, unknown>)[key];
    parts.push(typeof v === "object" ? JSON.stringify(v) ?? "" : String(v));
  }
  if (error instanceof Error && error.cause !== undefined) parts.push(errorText(error.cause, depth + 1));
  return parts.join("\n");
}

/** The error a promise rejects with; fails the test when it resolves or rejects with a non-Error. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof Error)) throw new Error(`rejected with a non-Error: ${String(error)}`);
    return error;
  }
  throw new Error("expected a rejection");
}
