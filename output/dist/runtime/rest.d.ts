import { type CallOptions, type TransportOptions } from "./http.js";
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
/** Returns the credentials of the next request; called once per call (sync or async), e.g. to refresh a token. */
export type RestAuthProvider = () => RestAuth | Promise<RestAuth>;
export interface RestClientOptions extends TransportOptions {
    /** e.g. "https://sod.superoffice.com/Cust12345"; `op.rest.path` ("/api/v1/Agents/…") is appended. */
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
}
