import { type CallOptions, type FetchLike } from "./http.js";
import type { AgentSchema, OperationDescriptor } from "./schema.js";
import { type SoapResponseHeaders, type SoapTimeZone } from "./soap-envelope.js";
export interface SoapClientOptions {
    /** e.g. "https://sod.superoffice.com/Cust12345"; the agent's endpoint path is appended. */
    baseUrl: string;
    /** Sent in the Credentials header. */
    ticket?: string;
    /** Sent in the ApplicationToken header. */
    applicationToken?: string;
    /** Sent in the TimeZone header. */
    timeZone?: SoapTimeZone;
    /** Defaults to globalThis.fetch. */
    fetch?: FetchLike;
    /** Timeout of every call in milliseconds (none by default). */
    timeoutMs?: number;
}
export interface SoapCallOptions extends CallOptions {
    /** Receives the response headers (ExceptionInfo, ExtraInfo, Succeeded, TimeZone) of every parsed envelope, faults included. */
    onResponseHeaders?: (headers: SoapResponseHeaders) => void;
}
export declare class SoapTransport {
    #private;
    readonly baseUrl: string;
    constructor(options: SoapClientOptions);
    /** Calls one operation; resolves to the unwrapped `Response` value (undefined for void). */
    call(schema: AgentSchema, op: OperationDescriptor, request: object | undefined, options?: SoapCallOptions): Promise<unknown>;
    private httpError;
}
