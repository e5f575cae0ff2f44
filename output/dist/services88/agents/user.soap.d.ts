/**
 * The User agent of Services88 over SOAP: one function per operation, called with a `SoapTransport` of the runtime and the request, doing what the method of the same name on {@link UserAgentClient} does.
 *
 * Import only the functions you call: a bundler leaves out the others, their descriptors and everything of the other transport.
 */
import type { SoapCallOptions, SoapTransport } from "../../runtime/index.js";
import type { UserCreateExternalUserRequest, UserSaveUntrustedCredentialsForAssociateRequest, UserSetExternalUserInfoRequest, UserSetPasswordRequest } from "./user.js";
/**
 * Creates an associate of type external user.
 *
 * @param transport - The SoapTransport to call through (base URL, credentials, options).
 * @param request - The PersonId, UserName, Password, RoleId, IsActive of the call.
 * @param options - Abort signal, timeout and transport options.
 * @returns Returns the created associateId.
 * @see REST: `POST /api/v1/Agents/User/CreateExternalUser`
 * @see SOAP action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/CreateExternalUser`
 */
export declare function createExternalUser(transport: SoapTransport, request: UserCreateExternalUserRequest, options?: SoapCallOptions): Promise<number>;
/**
 * Calls User.SaveUntrustedCredentialsForAssociate of Services88.
 *
 * @param transport - The SoapTransport to call through (base URL, credentials, options).
 * @param request - The AssociateId, Type, Credentials of the call.
 * @param options - Abort signal, timeout and transport options.
 * @see REST: `POST /api/v1/Agents/User/SaveUntrustedCredentialsForAssociate`
 * @see SOAP action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/SaveUntrustedCredentialsForAssociate`
 */
export declare function saveUntrustedCredentialsForAssociate(transport: SoapTransport, request: UserSaveUntrustedCredentialsForAssociateRequest, options?: SoapCallOptions): Promise<void>;
/**
 * Modifies an external user.
 *
 * Changes external users information according to the flags set in externalUserInfoModification.
 *
 * **Online Restricted:** The User agent is not available in Online by default. User management is not allowed for partner apps.
 *
 * @param transport - The SoapTransport to call through (base URL, credentials, options).
 * @param request - The AssociateId, UserName, Password, IsActive, RoleId, ExternalUserInfoModification of the call.
 * @param options - Abort signal, timeout and transport options.
 * @see REST: `POST /api/v1/Agents/User/SetExternalUserInfo`
 * @see SOAP action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetExternalUserInfo`
 */
export declare function setExternalUserInfo(transport: SoapTransport, request: UserSetExternalUserInfoRequest, options?: SoapCallOptions): Promise<void>;
/**
 * Calls User.SetPassword of Services88.
 *
 * @param transport - The SoapTransport to call through (base URL, credentials, options).
 * @param request - The AssociateId, Password of the call.
 * @param options - Abort signal, timeout and transport options.
 * @see REST: `POST /api/v1/Agents/User/SetPassword`
 * @see SOAP action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetPassword`
 */
export declare function setPassword(transport: SoapTransport, request: UserSetPasswordRequest, options?: SoapCallOptions): Promise<boolean>;
