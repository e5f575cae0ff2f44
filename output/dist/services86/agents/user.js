import * as wire from "./user.wire.js";
/**
 * {@link UserAgent} over any transport: pass the SOAP or REST transport of the runtime.
 */
export class UserAgentClient {
	#transport;
	constructor(transport) {
		this.#transport = transport;
	}
	createExternalUser(request, options) {
		return this.#transport.call(wire.SOAP_AGENT, {
			...wire.createExternalUserRest,
			...wire.createExternalUserSoap
		}, request, options);
	}
	setExternalUserInfo(request, options) {
		return this.#transport.call(wire.SOAP_AGENT, {
			...wire.setExternalUserInfoRest,
			...wire.setExternalUserInfoSoap
		}, request, options);
	}
	setPassword(request, options) {
		return this.#transport.call(wire.SOAP_AGENT, {
			...wire.setPasswordRest,
			...wire.setPasswordSoap
		}, request, options);
	}
}
