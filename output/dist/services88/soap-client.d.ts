import { type SoapCallOptions, type SoapClientOptions } from "../runtime/index.js";
import { type UserAgent } from "./agents/user.js";
/**
 * SOAP client of Services88: POSTs SOAP 1.1 envelopes to `${baseUrl}/Remote/Services88/<Agent>.svc`.
 *
 * One property per agent, created on first use; every agent implements the same interface as on the other transport.
 */
export declare class SoapClient {
	#private;
	constructor(options: SoapClientOptions);
	/**
	 * The User agent (4 operations).
	 */
	get user(): UserAgent<SoapCallOptions>;
}
