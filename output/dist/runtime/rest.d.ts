import { type CallOptions, type FetchLike } from "./http.js";
import type { AgentSchema, OperationDescriptor } from "./schema.js";
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
export interface RestClientOptions {
    /** e.g. "https://sod.superoffice.com/Cust12345"; `op.rest.path` ("/api/v1/Agents/…") is appended. */
    baseUrl: string;
    /** Authorization header: `Bearer <token>`, `Basic base64(user:pass)` or `SOTicket <ticket>`. */
    auth?: RestAuth;
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
    /** Defaults to globalThis.fetch. */
    fetch?: FetchLike;
    /** Timeout of every call in milliseconds (none by default). */
    timeoutMs?: number;
}
export interface RestCallOptions extends CallOptions {
    /** `$select`: properties to include in the result (others are nulled by the server). */
    select?: string | readonly string[];
    language?: string;
    culture?: string;
    timeZone?: string;
}
export declare class RestTransport {
    #private;
    readonly baseUrl: string;
    constructor(options: RestClientOptions);
    /** Calls one operation; resolves to the revived response (undefined for 204 / empty body). */
    call(schema: AgentSchema, op: OperationDescriptor, request: object | undefined, options?: RestCallOptions): Promise<unknown>;
    private httpError;
}
