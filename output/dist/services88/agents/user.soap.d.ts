/**
 * The User agent of Services88 over SOAP: one function per operation, called with a `SoapTransport` of the runtime and the request, doing what the method of the same name of {@link UserAgent} does.
 *
 * Import only the functions you call: a bundler leaves out the others, their descriptors and everything of the other transport.
 */
import type { SoapCallOptions, SoapTransport } from "../../runtime/index.js";
import type { UserCreateExternalUserRequest, UserSaveUntrustedCredentialsForAssociateRequest, UserSetExternalUserInfoRequest, UserSetPasswordRequest } from "./user.js";
/** {@link UserAgent.createExternalUser} over SOAP, through `transport`. */
export declare function createExternalUser(transport: SoapTransport, request: UserCreateExternalUserRequest, options?: SoapCallOptions): Promise<number>;
/** {@link UserAgent.saveUntrustedCredentialsForAssociate} over SOAP, through `transport`. */
export declare function saveUntrustedCredentialsForAssociate(transport: SoapTransport, request: UserSaveUntrustedCredentialsForAssociateRequest, options?: SoapCallOptions): Promise<void>;
/** {@link UserAgent.setExternalUserInfo} over SOAP, through `transport`. */
export declare function setExternalUserInfo(transport: SoapTransport, request: UserSetExternalUserInfoRequest, options?: SoapCallOptions): Promise<void>;
/** {@link UserAgent.setPassword} over SOAP, through `transport`. */
export declare function setPassword(transport: SoapTransport, request: UserSetPasswordRequest, options?: SoapCallOptions): Promise<boolean>;
