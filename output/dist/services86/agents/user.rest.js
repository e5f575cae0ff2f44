import * as wire from "./user.wire.js";
function createExternalUser(transport, request, options) {
  return transport.call(wire.REST_AGENT, wire.createExternalUserRest, request, options);
}
function setExternalUserInfo(transport, request, options) {
  return transport.call(wire.REST_AGENT, wire.setExternalUserInfoRest, request, options);
}
function setPassword(transport, request, options) {
  return transport.call(wire.REST_AGENT, wire.setPasswordRest, request, options);
}
export {
  createExternalUser,
  setExternalUserInfo,
  setPassword
};
