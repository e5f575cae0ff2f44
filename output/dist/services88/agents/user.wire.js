import {
  NILLABLE_OPTIONAL,
  OPTIONAL
} from "../../runtime/schema.js";
const ns = "http://www.superoffice.net/ws/crm/NetServer/Services88";
const Carrier$ = {
  kind: "carrier",
  ns,
  fields: "TableRight?:TableRight? FieldProperties?:FieldPropertyDictionary?"
};
const EFieldRight$ = {
  kind: "enum",
  flags: true
};
const ETableRight$ = {
  kind: "enum",
  flags: true
};
const ExternalUserInfoModification$ = {
  kind: "enum",
  flags: true
};
const FieldProperty$ = {
  kind: "carrier",
  ns,
  fields: "FieldRight?:FieldRight? FieldType?:string? FieldLength?:int"
};
const FieldPropertyDictionary$ = {
  kind: "dictionary",
  ns,
  entry: "FieldPropertyDictionaryKeyValuePair",
  key: "string",
  value: "FieldProperty"
};
const FieldRight$ = {
  kind: "carrier",
  ns,
  fields: "Mask?:EFieldRight Reason?:string?"
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
const TableRight$ = {
  kind: "carrier",
  ns,
  fields: "Mask?:ETableRight Reason?:string?"
};
const UntrustedCredentials$ = {
  kind: "carrier",
  ns,
  base: "Carrier",
  fields: "ValidFrom?:dateTime ValidTo?:dateTime Comment?:string? SecretValue?:string? PublicValue?:string? IsActive?:boolean"
};
const SOAP_AGENT = {
  name: "User",
  ns,
  endpoint: "Remote/Services88/User.svc",
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
const saveUntrustedCredentialsForAssociateTypes = {
  Carrier: Carrier$,
  EFieldRight: EFieldRight$,
  ETableRight: ETableRight$,
  FieldProperty: FieldProperty$,
  FieldPropertyDictionary: FieldPropertyDictionary$,
  FieldRight: FieldRight$,
  TableRight: TableRight$,
  UntrustedCredentials: UntrustedCredentials$
};
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
  soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/CreateExternalUser",
  request: "CreateExternalUser",
  response: "CreateExternalUserResponse",
  params: createExternalUserParams,
  returns: "int",
  returnsNonNull: true,
  types: createExternalUserTypes
};
const saveUntrustedCredentialsForAssociateParams = [
  ["AssociateId", "int", OPTIONAL],
  ["Type", "string", NILLABLE_OPTIONAL],
  ["Credentials", "UntrustedCredentials", NILLABLE_OPTIONAL]
];
const saveUntrustedCredentialsForAssociateRest = {
  name: "SaveUntrustedCredentialsForAssociate",
  params: saveUntrustedCredentialsForAssociateParams,
  returns: null,
  types: saveUntrustedCredentialsForAssociateTypes,
  rest: {
    method: "POST",
    path: "/api/v1/Agents/User/SaveUntrustedCredentialsForAssociate"
  }
};
const saveUntrustedCredentialsForAssociateSoap = {
  name: "SaveUntrustedCredentialsForAssociate",
  soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SaveUntrustedCredentialsForAssociate",
  request: "SaveUntrustedCredentialsForAssociate",
  response: "SaveUntrustedCredentialsForAssociateResponse",
  params: saveUntrustedCredentialsForAssociateParams,
  returns: null,
  types: saveUntrustedCredentialsForAssociateTypes
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
  soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetExternalUserInfo",
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
  soapAction: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetPassword",
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
  saveUntrustedCredentialsForAssociateRest,
  saveUntrustedCredentialsForAssociateSoap,
  setExternalUserInfoRest,
  setExternalUserInfoSoap,
  setPasswordRest,
  setPasswordSoap
};
