import { SuperOfficeError } from "./errors.js";
import { type CallLimits } from "./limits.js";
import type { Redactor } from "./redact.js";
/** A body stream as `fetch` returns it (only what the runtime uses); a WHATWG ReadableStream fits. */
export interface BodyStreamLike {
	getReader(): {
		read(): Promise<{
			done: boolean;
			value?: unknown;
		}>;
		cancel(reason?: unknown): Promise<void>;
	};
	cancel?(reason?: unknown): Promise<void>;
}
/** The part of a fetch Response the runtime uses; `Response` satisfies it. */
export interface FetchResponseLike {
	readonly status: number;
	readonly statusText: string;
	readonly headers: {
		get(name: string): string | null;
	};
	/** Read with a size limit when present; else `arrayBuffer()`, else `text()`. */
	readonly body?: BodyStreamLike | null;
	/** Final URL; a redirect is detected by it when `fetch` followed one anyway. */
	readonly url?: string;
	readonly redirected?: boolean;
	/** "opaqueredirect" from a browser's `fetch` with `redirect: "manual"`. */
	readonly type?: string;
	arrayBuffer?(): Promise<ArrayBuffer>;
	text(): Promise<string>;
}
export interface FetchInit {
	method: string;
	headers: Record<string, string>;
	body?: string;
	signal?: AbortSignal;
	/** Always "manual": the runtime follows no redirect. */
	redirect?: "manual";
}
/** `globalThis.fetch` fits; tests and custom stacks can inject anything of this shape. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;
/** A request as hooks see it. Credentials show as `***` in `url`, `headers` and `body`. */
export interface RequestInfo {
	/** Agent and operation, e.g. "User" and "GetUser". */
	readonly agent: string;
	readonly operation: string;
	readonly method: string;
	readonly url: string;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string | undefined;
	/** 1 for the first attempt, 2 for the first retry, … */
	readonly attempt: number;
	/** Adds or replaces a header of this attempt (tracing ids, …); credential headers cannot be set. */
	setHeader(name: string, value: string): void;
}
/** A response as hooks and `onResponse` see it (any status), before the transport interprets it; `url` with secrets masked. */
export interface ResponseInfo {
	readonly status: number;
	readonly statusText: string;
	readonly headers: {
		get(name: string): string | null;
	};
	readonly url: string;
}
/** Returned by `onResponse` / `onError` to send the request again (at most MAX_ATTEMPTS in all). */
export type HookVerdict = void | "retry";
/** Client-level hooks. An exception a hook throws rejects the call as thrown. */
export interface Hooks {
	/** Before each attempt. */
	onRequest?(request: RequestInfo): void | Promise<void>;
	/** After each response is read (any status). "retry" sends the request again. */
	onResponse?(response: ResponseInfo, request: RequestInfo): HookVerdict | Promise<HookVerdict>;
	/** When an attempt fails without a usable response (NetworkError, TimeoutError, RedirectError, ResponseTooLargeError). "retry" sends it again. */
	onError?(error: SuperOfficeError, request: RequestInfo): HookVerdict | Promise<HookVerdict>;
}
/** An attempt count no hook can exceed, so a retry hook cannot loop forever. */
export declare const MAX_ATTEMPTS = 10;
/** Client options common to both transports. */
export interface TransportOptions {
	/** Defaults to globalThis.fetch. */
	fetch?: FetchLike;
	/** Timeout of every call in milliseconds, sending and reading; default 120 000 (2 min), 0 = none, longer than 2^31-1 clamped. */
	timeoutMs?: number;
	/** Largest response body in bytes, counted after decompression; default 64 MiB, Infinity = no limit. */
	maxResponseBytes?: number;
	/** Sent with every call (see CallOptions.headers for the rules). */
	headers?: Readonly<Record<string, string>>;
	hooks?: Hooks;
}
/** Per-call options common to both transports. */
export interface CallOptions {
	/** Aborting rejects the call with the signal's reason. */
	signal?: AbortSignal;
	/** Overrides the client's timeout (0 = none); the call rejects with TimeoutError. */
	timeoutMs?: number;
	/** Overrides the client's maxResponseBytes. */
	maxResponseBytes?: number;
	/**
	 * Extra headers of this call; they replace the client's and the transport's of the same name,
	 * but never the credential or framing ones (Authorization, SO-AppToken, Cookie, SOAPAction,
	 * Content-Type, …): naming one is an InvalidRequestError.
	 */
	headers?: Readonly<Record<string, string>>;
	/** Receives the HTTP status and headers of the response (any status), before the call resolves or rejects. */
	onResponse?: (response: ResponseInfo) => void;
}
export interface HttpResult {
	readonly status: number;
	readonly statusText: string;
	readonly headers: {
		get(name: string): string | null;
	};
	/** The body as text; for a 2xx answer read as bytes, "" (the bytes are in `bytes`). */
	readonly body: string;
	/** The body, when read as bytes. */
	readonly bytes?: Uint8Array;
}
/** What a transport keeps from its options (validated once). */
export interface TransportSettings extends CallLimits {
	readonly fetch: FetchLike;
	readonly hooks: Hooks | undefined;
}
/** The client's base URL without trailing slashes; one with a query or fragment is refused, as each call appends its path to it. */
export declare function baseUrlOf(baseUrl: string): string;
/** `work`'s outcome, unless `signal` aborts first: then the signal's reason (a hook or auth provider that never settles cannot hold the call). */
export declare function unlessAborted<T>(work: T | PromiseLike<T>, signal: AbortSignal | undefined): Promise<T>;
export declare function transportSettings(options: TransportOptions): TransportSettings;
/** How the body is read: as text, or as bytes (a stream operation's answer), or as text that may name its charset. */
export type BodyReading = "text" | "bytes" | CharsetSniffer;
/** Text whose charset the body may also name, found by this after the BOM and Content-Type (SOAP: the XML declaration). */
export type CharsetSniffer = (bytes: Uint8Array) => string | undefined;
export declare function defaultFetch(): FetchLike;
/** One request of a call, as the transport built it. */
export interface OutgoingRequest {
	readonly agent: string;
	readonly operation: string;
	readonly url: string;
	readonly method: string;
	readonly headers: Record<string, string>;
	readonly body?: string | FormData;
	/** "bytes" for a stream operation, a `CharsetSniffer` for text that may name its charset (default "text"). */
	readonly reading?: BodyReading;
}
/** Sends one request (again, when a hook asks) and reads the whole body as text. */
export declare function send(settings: TransportSettings, request: OutgoingRequest, options: CallOptions | undefined, redactor: Redactor): Promise<HttpResult>;
