import { type RestOperationDescriptor, type RestSchema, type SoapOperationDescriptor, type SoapSchema } from "../../runtime/schema.js";
/** The User agent's SOAP binding: endpoint, headers and the types of the response headers. */
export declare const SOAP_AGENT: SoapSchema;
/** The User agent as the REST transport names it in hooks and errors. */
export declare const REST_AGENT: RestSchema;
/** User.CreateExternalUser over REST. */
export declare const createExternalUserRest: RestOperationDescriptor;
/** User.CreateExternalUser over SOAP. */
export declare const createExternalUserSoap: SoapOperationDescriptor;
/** User.SaveUntrustedCredentialsForAssociate over REST. */
export declare const saveUntrustedCredentialsForAssociateRest: RestOperationDescriptor;
/** User.SaveUntrustedCredentialsForAssociate over SOAP. */
export declare const saveUntrustedCredentialsForAssociateSoap: SoapOperationDescriptor;
/** User.SetExternalUserInfo over REST. */
export declare const setExternalUserInfoRest: RestOperationDescriptor;
/** User.SetExternalUserInfo over SOAP. */
export declare const setExternalUserInfoSoap: SoapOperationDescriptor;
/** User.SetPassword over REST. */
export declare const setPasswordRest: RestOperationDescriptor;
/** User.SetPassword over SOAP. */
export declare const setPasswordSoap: SoapOperationDescriptor;
