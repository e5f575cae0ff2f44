import { type SoapCallOptions, type SoapClientOptions } from "../runtime/index.js";
import { type UserAgent } from "./agents/user.js";
/**
 * SOAP client of Services86: POSTs SOAP 1.1 envelopes to `${baseUrl}/Remote/Services86/<Agent>.svc`.
 *
 * One property per agent, created on first use; every agent implements the same interface as on the other transport.
 */
export declare class SoapClient {
	#private;
	constructor(options: SoapClientOptions);
	/**
	 * The User agent (3 operations).
	 */
	get user(): UserAgent<SoapCallOptions>;
}
