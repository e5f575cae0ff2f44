import { type RestCallOptions, type RestClientOptions } from "../runtime/index.js";
import { type UserAgent } from "./agents/user.js";
/**
 * REST client of Services86: calls `${baseUrl}/api/v1/Agents/<Agent>/<Operation>` with JSON bodies.
 *
 * One property per agent, created on first use; every agent implements the same interface as on the other transport.
 */
export declare class RestClient {
	#private;
	constructor(options: RestClientOptions);
	/**
	 * The User agent (3 operations).
	 */
	get user(): UserAgent<RestCallOptions>;
}
