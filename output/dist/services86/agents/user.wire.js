import {
  NILLABLE_OPTIONAL,
  OPTIONAL
} from "../../runtime/schema.js";
const ns = "http://www.superoffice.net/ws/crm/NetServer/Services86";
const ExternalUserInfoModification$ = {
  kind: "enum",
  flags: true
};
const SoExceptionInfo$ = {
  kind: "carrier",
  ns,
  fields: "Message?:string? StackTrace?:string? FriendlyText?:string? ExceptionType?:string? Source?:string? InnerException?:SoExceptionInfo? Parameters?:SoExceptionInfoParameters?"
};
const SoExceptionInfoParameters$ = {
  kind: "dictionary",
  ns,
  entry: "SoExceptionInfoParametersKeyValuePair",
  key: "string",
  value: "string"
};
const SoExtraInfo$ = {
  kind: "dictionary",
  ns,
  entry: "ExtraInfoNameValuePair",
  key: "string",
  value: "string"
};
const SoTimeZone$ = {
  kind: "carrier",
  ns,
  fields: "SoTimeZoneId?:int SoTimeZoneLocationCode?:string?"
};
const SOAP_AGENT = {
  name: "User",
  ns,
  endpoint: "Remote/Services86/User.svc",
  requestHeaders: [
    "ApplicationToken",
    "Credentials",
    "TimeZone"
  ],
  responseHeaders: [
    ["ExceptionInfo", "SoExceptionInfo"],
    ["ExtraInfo", "SoExtraInfo"],
    ["Succeeded", "boolean"],
    ["TimeZone", "SoTimeZone"]
  ],
  types: {
    SoExceptionInfo: SoExceptionInfo$,
    SoExceptionInfoParameters: SoExceptionInfoParameters$,
    SoExtraInfo: SoExtraInfo$,
    SoTimeZone: SoTimeZone$
  }
};
const REST_AGENT = {
  name: "User"
};
const createExternalUserTypes = {};
const setExternalUserInfoTypes = {
  ExternalUserInfoModification: ExternalUserInfoModification$
};
const createExternalUserParams = [
  ["PersonId", "int", OPTIONAL],
  ["UserName", "string", NILLABLE_OPTIONAL],
  ["Password", "string", NILLABLE_OPTIONAL],
  ["RoleId", "int", OPTIONAL],
  ["IsActive", "boolean", OPTIONAL]
];
const createExternalUserRest = {
  name: "CreateExternalUser",
  params: createExternalUserParams,
  returns: "int",
  returnsNonNull: true,
  types: createExternalUserTypes,
  rest: {
    method: "POST",
    path: "/api/v1/Agents/User/CreateExternalUser"
  }
};
const createExternalUserSoap = {
  name: "CreateExternalUser",
  soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services86/User/CreateExternalUser",
  request: "CreateExternalUser",
  response: "CreateExternalUserResponse",
  params: createExternalUserParams,
  returns: "int",
  returnsNonNull: true,
  types: createExternalUserTypes
};
const setExternalUserInfoParams = [
  ["AssociateId", "int", OPTIONAL],
  ["UserName", "string", NILLABLE_OPTIONAL],
  ["Password", "string", NILLABLE_OPTIONAL],
  ["IsActive", "boolean", OPTIONAL],
  ["RoleId", "int", OPTIONAL],
  ["ExternalUserInfoModification", "ExternalUserInfoModification", OPTIONAL]
];
const setExternalUserInfoRest = {
  name: "SetExternalUserInfo",
  params: setExternalUserInfoParams,
  returns: null,
  types: setExternalUserInfoTypes,
  rest: {
    method: "POST",
    path: "/api/v1/Agents/User/SetExternalUserInfo"
  }
};
const setExternalUserInfoSoap = {
  name: "SetExternalUserInfo",
  soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services86/User/SetExternalUserInfo",
  request: "SetExternalUserInfo",
  response: "SetExternalUserInfoResponse",
  params: setExternalUserInfoParams,
  returns: null,
  types: setExternalUserInfoTypes
};
const setPasswordParams = [
  ["AssociateId", "int", OPTIONAL],
  ["Password", "string", NILLABLE_OPTIONAL]
];
const setPasswordRest = {
  name: "SetPassword",
  params: setPasswordParams,
  returns: "boolean",
  returnsNonNull: true,
  types: createExternalUserTypes,
  rest: {
    method: "POST",
    path: "/api/v1/Agents/User/SetPassword"
  }
};
const setPasswordSoap = {
  name: "SetPassword",
  soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services86/User/SetPassword",
  request: "SetPassword",
  response: "SetPasswordResponse",
  params: setPasswordParams,
  returns: "boolean",
  returnsNonNull: true,
  types: createExternalUserTypes
};
export {
  REST_AGENT,
  SOAP_AGENT,
  createExternalUserRest,
  createExternalUserSoap,
  setExternalUserInfoRest,
  setExternalUserInfoSoap,
  setPasswordRest,
  setPasswordSoap
};
