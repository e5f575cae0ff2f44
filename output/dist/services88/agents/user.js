import { userOperations, userSchema } from "./user.wire.js";
class UserAgentClient {
  #transport;
  constructor(transport) {
    this.#transport = transport;
  }
  createExternalUser(request, options) {
    return this.#transport.call(userSchema, userOperations.CreateExternalUser, request, options);
  }
  saveUntrustedCredentialsForAssociate(request, options) {
    return this.#transport.call(userSchema, userOperations.SaveUntrustedCredentialsForAssociate, request, options);
  }
  setExternalUserInfo(request, options) {
    return this.#transport.call(userSchema, userOperations.SetExternalUserInfo, request, options);
  }
  setPassword(request, options) {
    return this.#transport.call(userSchema, userOperations.SetPassword, request, options);
  }
}
export {
  UserAgentClient
};
