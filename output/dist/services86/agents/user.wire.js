import { NILLABLE, OPTIONAL } from "../../runtime/schema.js";
const ns = "http://www.superoffice.net/ws/crm/NetServer/Services86";
const userSchema = {
  name: "User",
  ns,
  endpoint: "Remote/Services86/User.svc",
  requestHeaders: ["ApplicationToken", "Credentials", "TimeZone"],
  responseHeaders: [["ExceptionInfo", "SoExceptionInfo"], ["ExtraInfo", "SoExtraInfo"], ["Succeeded", "boolean"], ["TimeZone", "SoTimeZone"]],
  types: {
    "ExternalUserInfoModification": { kind: "enum", flags: true },
    "SoCredentials": { kind: "carrier", ns, fields: [["Ticket", "string", NILLABLE | OPTIONAL]] },
    "SoExceptionInfo": { kind: "carrier", ns, fields: [["Message", "string", NILLABLE | OPTIONAL], ["StackTrace", "string", NILLABLE | OPTIONAL], ["FriendlyText", "string", NILLABLE | OPTIONAL], ["ExceptionType", "string", NILLABLE | OPTIONAL], ["Source", "string", NILLABLE | OPTIONAL], ["InnerException", "SoExceptionInfo", NILLABLE | OPTIONAL], ["Parameters", "SoExceptionInfoParameters", NILLABLE | OPTIONAL]] },
    "SoExceptionInfoParameters": { kind: "dictionary", ns, entry: "SoExceptionInfoParametersKeyValuePair", key: "string", value: "string" },
    "SoExtraInfo": { kind: "dictionary", ns, entry: "ExtraInfoNameValuePair", key: "string", value: "string" },
    "SoTimeZone": { kind: "carrier", ns, fields: [["SoTimeZoneId", "int", OPTIONAL], ["SoTimeZoneLocationCode", "string", NILLABLE | OPTIONAL]] }
  }
};
const userOperations = {
  CreateExternalUser: { name: "CreateExternalUser", soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services86/User/CreateExternalUser", request: "CreateExternalUser", response: "CreateExternalUserResponse", params: [["PersonId", "int", OPTIONAL], ["UserName", "string", NILLABLE | OPTIONAL], ["Password", "string", NILLABLE | OPTIONAL], ["RoleId", "int", OPTIONAL], ["IsActive", "boolean", OPTIONAL]], returns: "int", returnsNonNull: true, rest: { method: "POST", path: "/api/v1/Agents/User/CreateExternalUser" } },
  SetExternalUserInfo: { name: "SetExternalUserInfo", soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services86/User/SetExternalUserInfo", request: "SetExternalUserInfo", response: "SetExternalUserInfoResponse", params: [["AssociateId", "int", OPTIONAL], ["UserName", "string", NILLABLE | OPTIONAL], ["Password", "string", NILLABLE | OPTIONAL], ["IsActive", "boolean", OPTIONAL], ["RoleId", "int", OPTIONAL], ["ExternalUserInfoModification", "ExternalUserInfoModification", OPTIONAL]], returns: null, rest: { method: "POST", path: "/api/v1/Agents/User/SetExternalUserInfo" } },
  SetPassword: { name: "SetPassword", soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services86/User/SetPassword", request: "SetPassword", response: "SetPasswordResponse", params: [["AssociateId", "int", OPTIONAL], ["Password", "string", NILLABLE | OPTIONAL]], returns: "boolean", returnsNonNull: true, rest: { method: "POST", path: "/api/v1/Agents/User/SetPassword" } }
};
export {
  userOperations,
  userSchema
};
