import * as wire from "./user.wire.js";
function createExternalUser(transport, request, options) {
  return transport.call(wire.SOAP_AGENT, wire.createExternalUserSoap, request, options);
}
function saveUntrustedCredentialsForAssociate(transport, request, options) {
  return transport.call(wire.SOAP_AGENT, wire.saveUntrustedCredentialsForAssociateSoap, request, options);
}
function setExternalUserInfo(transport, request, options) {
  return transport.call(wire.SOAP_AGENT, wire.setExternalUserInfoSoap, request, options);
}
function setPassword(transport, request, options) {
  return transport.call(wire.SOAP_AGENT, wire.setPasswordSoap, request, options);
}
export {
  createExternalUser,
  saveUntrustedCredentialsForAssociate,
  setExternalUserInfo,
  setPassword
};
