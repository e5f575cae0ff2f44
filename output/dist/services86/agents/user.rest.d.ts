/**
 * The User agent of Services86 over REST: one function per operation, called with a `RestTransport` of the runtime and the request, doing what the method of the same name of {@link UserAgent} does.
 *
 * Import only the functions you call: a bundler leaves out the others, their descriptors and everything of the other transport.
 */
import type { RestCallOptions, RestTransport } from "../../runtime/index.js";
import type { UserCreateExternalUserRequest, UserSetExternalUserInfoRequest, UserSetPasswordRequest } from "./user.js";
/** {@link UserAgent.createExternalUser} over REST, through `transport`. */
export declare function createExternalUser(transport: RestTransport, request: UserCreateExternalUserRequest, options?: RestCallOptions): Promise<number>;
/** {@link UserAgent.setExternalUserInfo} over REST, through `transport`. */
export declare function setExternalUserInfo(transport: RestTransport, request: UserSetExternalUserInfoRequest, options?: RestCallOptions): Promise<void>;
/** {@link UserAgent.setPassword} over REST, through `transport`. */
export declare function setPassword(transport: RestTransport, request: UserSetPasswordRequest, options?: RestCallOptions): Promise<boolean>;
