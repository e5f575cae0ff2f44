import { type BodyReading, type CallOptions, type HttpResult, type TransportOptions } from "./http.js";
import { type RestOperationDescriptor, type RestSchema, type TypeRecord, type TypeRef } from "./schema.js";
export type RestAuth = {
	readonly scheme: "Bearer";
	readonly token: string;
} | {
	readonly scheme: "Basic";
	readonly username: string;
	readonly password: string;
} | {
	readonly scheme: "SoTicket";
	readonly ticket: string;
};
/** Returns the credentials of the next request; called once per call (sync or async), e.g. to refresh a token. */
export type RestAuthProvider = () => RestAuth | Promise<RestAuth>;
export interface RestClientOptions extends TransportOptions {
	/** e.g. "https://sod.superoffice.com/Cust12345"; the operation's path ("/api/v1/Agents/…") is appended. */
	baseUrl: string;
	/** Authorization header: `Bearer <token>`, `Basic base64(user:pass)` or `SOTicket <ticket>`; or a provider of them. */
	auth?: RestAuth | RestAuthProvider;
	/** Sent as SO-AppToken. */
	applicationToken?: string;
	/** Sent as SO-Language (overrides Accept-Language on the server). */
	language?: string;
	/** Sent as SO-Culture. */
	culture?: string;
	/** Sent as SO-TimeZone, e.g. "UTC" or "FR". */
	timeZone?: string;
	/** Sent as Accept-Language. */
	acceptLanguage?: string;
}
/** Per-call header overrides every REST call takes, agent or entity. */
export interface RestRequestOptions extends CallOptions {
	language?: string;
	culture?: string;
	timeZone?: string;
}
export interface RestCallOptions extends RestRequestOptions {
	/** `$select`: properties to include in the result (others are nulled by the server). */
	select?: string | readonly string[];
}
/** One request of RestTransport.exchange; `contentType` is sent with a string body (fetch sets a FormData's own). */
export interface RestExchange {
	/** For hooks and errors: the agent or entity, and the operation or endpoint. */
	agent: string;
	operation: string;
	method: string;
	/** Appended to the base URL. */
	pathAndQuery: string;
	body?: string | FormData;
	contentType: string;
	headers?: Readonly<Record<string, string>>;
	/** "bytes" for a binary answer (default "text"). */
	reading?: BodyReading;
	/** Statuses besides 2xx that resolve rather than reject (304 for If-Modified-Since). */
	alsoAccept?: readonly number[];
}
export declare class RestTransport {
	#private;
	readonly baseUrl: string;
	constructor(options: RestClientOptions);
	/** Calls one operation; resolves to the revived response (undefined for 204 / empty body). */
	call(schema: RestSchema, op: RestOperationDescriptor, request: object | undefined, options?: RestCallOptions): Promise<unknown>;
	/**
	 * One request with the client's auth and headers, shared by the agent calls above and the entity
	 * endpoints (rest-entity.ts): `build` writes it from the caller's request, a 2xx answer (or one
	 * of `alsoAccept`) goes to `read`, anything else rejects with HttpError. Every error of the three
	 * is redacted of the client's secrets and the secret-named values of `request`.
	 */
	exchange<T>(build: () => RestExchange, request: object | undefined, options: RestRequestOptions | undefined, read: (response: HttpResult) => T): Promise<T>;
}
/** Parses a JSON answer of any REST call (entity endpoints too); text that is not JSON is a ResponseParseError. */
export declare function parseJsonBody(response: HttpResult): unknown;
/**
 * A stream operation's answer: the raw bytes, or — when the server chose JSON after all — the
 * base64 string it sent, decoded. 204 is null (no content). Descriptors of such operations name
 * it (`rest.readBytes`), so other calls bundle none of it.
 */
export declare function readBytes(response: HttpResult, operation: string): Uint8Array | null;
/**
 * The texts a path or query value of `type` is sent as, agent calls' and entity endpoints' alike:
 * a primitive's by its JSON codec (an int checked, a Date as its text), flags as "A, B" (none for
 * an empty set without a zero name), arrays one text per item (null items left out). Throws
 * ValueError; the caller puts the parameter's name on its path.
 */
export declare function simpleTexts(types: TypeRecord, type: TypeRef, value: unknown): string[];
