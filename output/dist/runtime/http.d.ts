/** The part of a fetch Response the runtime uses; `Response` satisfies it. */
export interface FetchResponseLike {
    readonly status: number;
    readonly statusText: string;
    readonly headers: {
        get(name: string): string | null;
    };
    text(): Promise<string>;
}
export interface FetchInit {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
}
/** `globalThis.fetch` fits; tests and custom stacks can inject anything of this shape. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;
/** Per-call options common to both transports. */
export interface CallOptions {
    /** Aborting rejects the call with the signal's reason. */
    signal?: AbortSignal;
    /** Overrides the client's timeout; the call rejects with TimeoutError. 0 or undefined = none. */
    timeoutMs?: number;
}
export interface HttpResult {
    readonly status: number;
    readonly statusText: string;
    readonly headers: {
        get(name: string): string | null;
    };
    readonly body: string;
}
export declare function defaultFetch(): FetchLike;
/** Sends one request and reads the whole body as text. */
export declare function send(fetchFn: FetchLike, url: string, init: FetchInit, options: CallOptions | undefined, defaultTimeoutMs: number | undefined, secrets: readonly string[]): Promise<HttpResult>;
