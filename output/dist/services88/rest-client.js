import { RestTransport } from "../runtime/index.js";
import { UserAgentClient } from "./agents/user.js";
class RestClient {
  #transport;
  #user;
  constructor(options) {
    this.#transport = new RestTransport(options);
  }
  /**
   * The User agent (4 operations).
   */
  get user() {
    return this.#user ??= new UserAgentClient(this.#transport);
  }
}
export {
  RestClient
};
