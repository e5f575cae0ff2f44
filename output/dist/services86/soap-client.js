import { SoapTransport } from "../runtime/index.js";
import { UserAgentClient } from "./agents/user.js";
class SoapClient {
  #transport;
  #user;
  constructor(options) {
    this.#transport = new SoapTransport(options);
  }
  /**
   * The User agent (3 operations).
   */
  get user() {
    return this.#user ??= new UserAgentClient(this.#transport);
  }
}
export {
  SoapClient
};
