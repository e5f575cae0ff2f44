import * as wire from "./user.wire.js";
function createExternalUser(transport, request, options) {
  return transport.call(wire.SOAP_AGENT, wire.createExternalUserSoap, request, options);
}
function setExternalUserInfo(transport, request, options) {
  return transport.call(wire.SOAP_AGENT, wire.setExternalUserInfoSoap, request, options);
}
function setPassword(transport, request, options) {
  return transport.call(wire.SOAP_AGENT, wire.setPasswordSoap, request, options);
}
export {
  createExternalUser,
  setExternalUserInfo,
  setPassword
};
