import * as wire from "./user.wire.js";
/** {@link UserAgent.createExternalUser} over REST, through `transport`. */
export function createExternalUser(transport, request, options) {
	return transport.call(wire.REST_AGENT, wire.createExternalUserRest, request, options);
}
/** {@link UserAgent.setExternalUserInfo} over REST, through `transport`. */
export function setExternalUserInfo(transport, request, options) {
	return transport.call(wire.REST_AGENT, wire.setExternalUserInfoRest, request, options);
}
/** {@link UserAgent.setPassword} over REST, through `transport`. */
export function setPassword(transport, request, options) {
	return transport.call(wire.REST_AGENT, wire.setPasswordRest, request, options);
}
