import { NILLABLE, OPTIONAL } from "../../runtime/schema.js";
const ns = "http://www.superoffice.net/ws/crm/NetServer/Services88";
const userSchema = {
  name: "User",
  ns,
  endpoint: "Remote/Services88/User.svc",
  requestHeaders: ["ApplicationToken", "Credentials", "TimeZone"],
  responseHeaders: [["ExceptionInfo", "SoExceptionInfo"], ["ExtraInfo", "SoExtraInfo"], ["Succeeded", "boolean"], ["TimeZone", "SoTimeZone"]],
  types: {
    "Carrier": { kind: "carrier", ns, fields: [["TableRight", "TableRight", NILLABLE | OPTIONAL], ["FieldProperties", "FieldPropertyDictionary", NILLABLE | OPTIONAL]] },
    "EFieldRight": { kind: "enum", flags: true },
    "ETableRight": { kind: "enum", flags: true },
    "ExternalUserInfoModification": { kind: "enum", flags: true },
    "FieldProperty": { kind: "carrier", ns, fields: [["FieldRight", "FieldRight", NILLABLE | OPTIONAL], ["FieldType", "string", NILLABLE | OPTIONAL], ["FieldLength", "int", OPTIONAL]] },
    "FieldPropertyDictionary": { kind: "dictionary", ns, entry: "FieldPropertyDictionaryKeyValuePair", key: "string", value: "FieldProperty" },
    "FieldRight": { kind: "carrier", ns, fields: [["Mask", "EFieldRight", OPTIONAL], ["Reason", "string", NILLABLE | OPTIONAL]] },
    "SoCredentials": { kind: "carrier", ns, fields: [["Ticket", "string", NILLABLE | OPTIONAL]] },
    "SoExceptionInfo": { kind: "carrier", ns, fields: [["Message", "string", NILLABLE | OPTIONAL], ["StackTrace", "string", NILLABLE | OPTIONAL], ["FriendlyText", "string", NILLABLE | OPTIONAL], ["ExceptionType", "string", NILLABLE | OPTIONAL], ["Source", "string", NILLABLE | OPTIONAL], ["InnerException", "SoExceptionInfo", NILLABLE | OPTIONAL], ["Parameters", "SoExceptionInfoParameters", NILLABLE | OPTIONAL]] },
    "SoExceptionInfoParameters": { kind: "dictionary", ns, entry: "SoExceptionInfoParametersKeyValuePair", key: "string", value: "string" },
    "SoExtraInfo": { kind: "dictionary", ns, entry: "ExtraInfoNameValuePair", key: "string", value: "string" },
    "SoTimeZone": { kind: "carrier", ns, fields: [["SoTimeZoneId", "int", OPTIONAL], ["SoTimeZoneLocationCode", "string", NILLABLE | OPTIONAL]] },
    "TableRight": { kind: "carrier", ns, fields: [["Mask", "ETableRight", OPTIONAL], ["Reason", "string", NILLABLE | OPTIONAL]] },
    "UntrustedCredentials": { kind: "carrier", ns, base: "Carrier", fields: [["ValidFrom", "dateTime", OPTIONAL], ["ValidTo", "dateTime", OPTIONAL], ["Comment", "string", NILLABLE | OPTIONAL], ["SecretValue", "string", NILLABLE | OPTIONAL], ["PublicValue", "string", NILLABLE | OPTIONAL], ["IsActive", "boolean", OPTIONAL]] }
  }
};
const userOperations = {
  CreateExternalUser: { name: "CreateExternalUser", soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/CreateExternalUser", request: "CreateExternalUser", response: "CreateExternalUserResponse", params: [["PersonId", "int", OPTIONAL], ["UserName", "string", NILLABLE | OPTIONAL], ["Password", "string", NILLABLE | OPTIONAL], ["RoleId", "int", OPTIONAL], ["IsActive", "boolean", OPTIONAL]], returns: "int", returnsNonNull: true, rest: { method: "POST", path: "/api/v1/Agents/User/CreateExternalUser" } },
  SaveUntrustedCredentialsForAssociate: { name: "SaveUntrustedCredentialsForAssociate", soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SaveUntrustedCredentialsForAssociate", request: "SaveUntrustedCredentialsForAssociate", response: "SaveUntrustedCredentialsForAssociateResponse", params: [["AssociateId", "int", OPTIONAL], ["Type", "string", NILLABLE | OPTIONAL], ["Credentials", "UntrustedCredentials", NILLABLE | OPTIONAL]], returns: null, rest: { method: "POST", path: "/api/v1/Agents/User/SaveUntrustedCredentialsForAssociate" } },
  SetExternalUserInfo: { name: "SetExternalUserInfo", soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetExternalUserInfo", request: "SetExternalUserInfo", response: "SetExternalUserInfoResponse", params: [["AssociateId", "int", OPTIONAL], ["UserName", "string", NILLABLE | OPTIONAL], ["Password", "string", NILLABLE | OPTIONAL], ["IsActive", "boolean", OPTIONAL], ["RoleId", "int", OPTIONAL], ["ExternalUserInfoModification", "ExternalUserInfoModification", OPTIONAL]], returns: null, rest: { method: "POST", path: "/api/v1/Agents/User/SetExternalUserInfo" } },
  SetPassword: { name: "SetPassword", soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetPassword", request: "SetPassword", response: "SetPasswordResponse", params: [["AssociateId", "int", OPTIONAL], ["Password", "string", NILLABLE | OPTIONAL]], returns: "boolean", returnsNonNull: true, rest: { method: "POST", path: "/api/v1/Agents/User/SetPassword" } }
};
export {
  userOperations,
  userSchema
};
