import { type CallOptions, type TransportOptions } from "./http.js";
import { type SoapOperationDescriptor, type SoapSchema } from "./schema.js";
import { type SoapResponseHeaders, type SoapTimeZone } from "./soap-envelope.js";
/** Returns the ticket of the next request; called once per call (sync or async), e.g. to refresh it. */
export type TicketProvider = () => string | Promise<string>;
export interface SoapClientOptions extends TransportOptions {
	/** e.g. "https://sod.superoffice.com/Cust12345"; the agent's endpoint path is appended. */
	baseUrl: string;
	/** Sent in the Credentials header: a ticket, or a function returning the current one. */
	ticket?: string | TicketProvider;
	/** Sent in the ApplicationToken header. */
	applicationToken?: string;
	/** Sent in the TimeZone header. */
	timeZone?: SoapTimeZone;
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
	call(schema: SoapSchema, op: SoapOperationDescriptor, request: object | undefined, options?: SoapCallOptions): Promise<unknown>;
}
