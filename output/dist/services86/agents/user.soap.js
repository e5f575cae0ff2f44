import * as wire from "./user.wire.js";
/** {@link UserAgent.createExternalUser} over SOAP, through `transport`. */
export function createExternalUser(transport, request, options) {
	return transport.call(wire.SOAP_AGENT, wire.createExternalUserSoap, request, options);
}
/** {@link UserAgent.setExternalUserInfo} over SOAP, through `transport`. */
export function setExternalUserInfo(transport, request, options) {
	return transport.call(wire.SOAP_AGENT, wire.setExternalUserInfoSoap, request, options);
}
/** {@link UserAgent.setPassword} over SOAP, through `transport`. */
export function setPassword(transport, request, options) {
	return transport.call(wire.SOAP_AGENT, wire.setPasswordSoap, request, options);
}
