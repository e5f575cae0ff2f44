import type { CallOptions, Transport } from "../../runtime/transport.js";
import type { ExternalUserInfoModification, UntrustedCredentials } from "../types.js";
/**
 * Request of {@link UserAgent.createExternalUser}.
 */
export interface UserCreateExternalUserRequest {
	/**
	 * The personId to create an external user for.
	 */
	PersonId: number;
	/**
	 * Login username.
	 */
	UserName: string | null;
	/**
	 * Login password.
	 */
	Password: string | null;
	/**
	 * Id of role for the external user. The role must be a role of type external users.
	 */
	RoleId: number;
	/**
	 * Set isActive to true to enable the external user to log in.
	 */
	IsActive: boolean;
}
/**
 * Request of {@link UserAgent.saveUntrustedCredentialsForAssociate}.
 */
export interface UserSaveUntrustedCredentialsForAssociateRequest {
	AssociateId: number;
	Type: string | null;
	Credentials: UntrustedCredentials | null;
}
/**
 * Request of {@link UserAgent.setExternalUserInfo}.
 */
export interface UserSetExternalUserInfoRequest {
	AssociateId: number;
	UserName: string | null;
	Password: string | null;
	IsActive: boolean;
	RoleId: number;
	ExternalUserInfoModification: ExternalUserInfoModification[];
}
/**
 * Request of {@link UserAgent.setPassword}.
 */
export interface UserSetPasswordRequest {
	AssociateId: number;
	Password: string | null;
}
/**
 * The User agent of Services88: 4 operations.
 *
 * @remarks
 * SOAP endpoint: `Remote/Services88/User.svc`. REST: `/api/v1/Agents/User/…`.
 */
export interface UserAgent<O extends CallOptions = CallOptions> {
	/**
	 * Creates an associate of type external user.
	 *
	 * @param request - The PersonId, UserName, Password, RoleId, IsActive of the call.
	 * @param options - Abort signal, timeout and transport options.
	 * @returns Returns the created associateId.
	 * @see REST: `POST /api/v1/Agents/User/CreateExternalUser`
	 * @see SOAP action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/CreateExternalUser`
	 */
	createExternalUser(request: UserCreateExternalUserRequest, options?: O): Promise<number>;
	/**
	 * Calls User.SaveUntrustedCredentialsForAssociate of Services88.
	 *
	 * @param request - The AssociateId, Type, Credentials of the call.
	 * @param options - Abort signal, timeout and transport options.
	 * @see REST: `POST /api/v1/Agents/User/SaveUntrustedCredentialsForAssociate`
	 * @see SOAP action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/SaveUntrustedCredentialsForAssociate`
	 */
	saveUntrustedCredentialsForAssociate(request: UserSaveUntrustedCredentialsForAssociateRequest, options?: O): Promise<void>;
	/**
	 * Modifies an external user.
	 *
	 * Changes external users information according to the flags set in externalUserInfoModification.
	 *
	 * **Online Restricted:** The User agent is not available in Online by default. User management is not allowed for partner apps.
	 *
	 * @param request - The AssociateId, UserName, Password, IsActive, RoleId, ExternalUserInfoModification of the call.
	 * @param options - Abort signal, timeout and transport options.
	 * @see REST: `POST /api/v1/Agents/User/SetExternalUserInfo`
	 * @see SOAP action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetExternalUserInfo`
	 */
	setExternalUserInfo(request: UserSetExternalUserInfoRequest, options?: O): Promise<void>;
	/**
	 * Calls User.SetPassword of Services88.
	 *
	 * @param request - The AssociateId, Password of the call.
	 * @param options - Abort signal, timeout and transport options.
	 * @see REST: `POST /api/v1/Agents/User/SetPassword`
	 * @see SOAP action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetPassword`
	 */
	setPassword(request: UserSetPasswordRequest, options?: O): Promise<boolean>;
}
/**
 * {@link UserAgent} over any transport: pass the SOAP or REST transport of the runtime.
 */
export declare class UserAgentClient<O extends CallOptions = CallOptions> implements UserAgent<O> {
	#private;
	constructor(transport: Transport<O>);
	createExternalUser(request: UserCreateExternalUserRequest, options?: O): Promise<number>;
	saveUntrustedCredentialsForAssociate(request: UserSaveUntrustedCredentialsForAssociateRequest, options?: O): Promise<void>;
	setExternalUserInfo(request: UserSetExternalUserInfoRequest, options?: O): Promise<void>;
	setPassword(request: UserSetPasswordRequest, options?: O): Promise<boolean>;
}
