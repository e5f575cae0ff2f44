/**
 * Hand-written descriptors modelled on the real Services88 User agent
 * (corpus: mintlify-docs/…/soap/reference/Services88/Services88-User.md), independent of the
 * generator, so the runtime is tested on its own. Every field of the real WSDL is minOccurs=0,
 * hence OPTIONAL everywhere; NILLABLE where the WSDL says nillable="true".
 * The `Synthetic*` operations do not exist in NetServer; they cover what the User agent lacks
 * (anyType, long, double, base64Binary, decimal, derived xsi:type on a declared base type).
 */
import { NILLABLE, OPTIONAL, readAnyType, writeJsonBody, writeXmlTree, XSD_TYPES, type AgentSchema, type OperationDescriptor, type TypeDescriptor } from "../../templates/runtime/index.js";

export const NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
export const ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
const O = OPTIONAL;
const NO = NILLABLE | OPTIONAL;

export const types: Record<string, TypeDescriptor> = {
  User: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["AssociateId", "int", O],
    ["Name", "string", NO],
    ["Rank", "short", O],
    ["Tooltip", "string", NO],
    ["LicenseOwners", "LicenseOwner[]", NO],
    ["Role", "Role", NO],
    ["UserGroup", "UserGroup", NO],
    ["OtherGroups", "UserGroup[]", NO],
    ["Person", "Person", NO],
    ["Deleted", "boolean", O],
    ["Lastlogin", "dateTime", O],
    ["Lastlogout", "dateTime", O],
    ["EjUserId", "int", O],
    ["RequestSignature", "string", NO],
    ["Type", "UserType", O],
    ["IsPersonRetired", "boolean", O],
    ["IsOnTravel", "boolean", O],
    ["Credentials", "Credential[]", NO],
    ["UserName", "string", NO],
    ["TicketCategories", "MDOListItem[]", NO],
    ["NickName", "string", NO],
    ["WaitingForApproval", "boolean", O],
    ["ExtraFields", "StringDictionary", NO],
    ["CustomFields", "StringDictionary", NO],
    ["PostSaveCommands", "CustomCommand[]", NO]
  ] },
  Carrier: { kind: "carrier", ns: NS, fields: [
    ["TableRight", "TableRight", NO],
    ["FieldProperties", "FieldPropertyDictionary", NO]
  ] },
  TableRight: { kind: "carrier", ns: NS, fields: [
    ["Mask", "ETableRight", O],
    ["Reason", "string", NO]
  ] },
  ETableRight: { kind: "enum", flags: true },
  FieldPropertyDictionary: { kind: "dictionary", ns: NS, entry: "FieldPropertyDictionaryKeyValuePair", key: "string", value: "FieldProperty" },
  FieldProperty: { kind: "carrier", ns: NS, fields: [
    ["FieldRight", "FieldRight", NO],
    ["FieldType", "string", NO],
    ["FieldLength", "int", O]
  ] },
  FieldRight: { kind: "carrier", ns: NS, fields: [
    ["Mask", "EFieldRight", O],
    ["Reason", "string", NO]
  ] },
  EFieldRight: { kind: "enum", flags: true },
  "LicenseOwner[]": { kind: "array", ns: NS, item: "LicenseOwner", element: "LicenseOwner" },
  LicenseOwner: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Name", "string", NO],
    ["Description", "string", NO],
    ["RestrictedModuleLicenses", "ModuleLicenseLink[]", NO],
    ["UnrestrictedModuleLicenses", "ModuleLicenseLink[]", NO]
  ] },
  "ModuleLicenseLink[]": { kind: "array", ns: NS, item: "ModuleLicenseLink", element: "ModuleLicenseLink" },
  ModuleLicenseLink: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Unrestricted", "boolean", O],
    ["Total", "int", O],
    ["Tooltip", "string", NO],
    ["CanAssign", "boolean", O],
    ["Free", "int", O],
    ["InUse", "int", O],
    ["IsHidden", "boolean", O],
    ["Assigned", "boolean", O],
    ["ModuleLicenseId", "int", O],
    ["Name", "string", NO],
    ["Description", "string", NO],
    ["PrerequisiteModuleName", "string", NO],
    ["SortOrder", "int", O],
    ["ExtraFlags", "int", O]
  ] },
  Role: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Id", "int", O],
    ["Value", "string", NO],
    ["Tooltip", "string", NO]
  ] },
  UserGroup: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Value", "string", NO],
    ["Tooltip", "string", NO],
    ["Id", "int", O],
    ["Rank", "short", O],
    ["Deleted", "boolean", O]
  ] },
  "UserGroup[]": { kind: "array", ns: NS, item: "UserGroup", element: "UserGroup" },
  Person: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Position", "string", NO],
    ["PersonId", "int", O],
    ["Mrmrs", "string", NO],
    ["Firstname", "string", NO],
    ["Lastname", "string", NO],
    ["MiddleName", "string", NO],
    ["Title", "string", NO],
    ["Description", "string", NO],
    ["Email", "string", NO],
    ["FullName", "string", NO],
    ["DirectPhone", "string", NO],
    ["FormalName", "string", NO],
    ["CountryId", "int", O],
    ["ContactId", "int", O],
    ["ContactName", "string", NO],
    ["Retired", "short", O],
    ["Rank", "short", O],
    ["ActiveInterests", "short", O],
    ["ContactDepartment", "string", NO],
    ["ContactCountryId", "int", O],
    ["ContactOrgNr", "string", NO],
    ["FaxPhone", "string", NO],
    ["MobilePhone", "string", NO],
    ["ContactPhone", "string", NO],
    ["AssociateName", "string", NO],
    ["AssociateId", "int", O],
    ["UsePersonAddress", "boolean", O],
    ["ContactFax", "string", NO],
    ["Kanafname", "string", NO],
    ["Kanalname", "string", NO],
    ["Post1", "string", NO],
    ["Post2", "string", NO],
    ["Post3", "string", NO],
    ["EmailName", "string", NO],
    ["ContactFullName", "string", NO],
    ["ActiveErpLinks", "int", O],
    ["TicketPriorityId", "int", O],
    ["SupportLanguageId", "int", O],
    ["SupportAssociateId", "int", O],
    ["CategoryName", "string", NO],
    ["PersonNumber", "string", NO]
  ] },
  UserType: { kind: "enum" },
  "Credential[]": { kind: "array", ns: NS, item: "Credential", element: "Credential" },
  Credential: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Type", "CredentialType", NO],
    ["Value", "string", NO],
    ["DisplayValue", "string", NO]
  ] },
  CredentialType: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["DisplayType", "string", NO],
    ["Type", "string", NO],
    ["Description", "string", NO],
    ["ValueControl", "CredentialControlType", O],
    ["CanCreatePerson", "boolean", O],
    ["IsUserNameSupported", "boolean", O]
  ] },
  CredentialControlType: { kind: "enum" },
  "MDOListItem[]": { kind: "array", ns: NS, item: "MDOListItem", element: "MDOListItem" },
  MDOListItem: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Id", "int", O],
    ["Name", "string", NO],
    ["ToolTip", "string", NO],
    ["Deleted", "boolean", O],
    ["Rank", "int", O],
    ["Type", "string", NO],
    ["ChildItems", "MDOListItem[]", NO],
    ["IconHint", "string", NO],
    ["ColorBlock", "int", O],
    ["ExtraInfo", "string", NO],
    ["StyleHint", "string", NO],
    ["FullName", "string", NO]
  ] },
  StringDictionary: { kind: "dictionary", ns: NS, entry: "StringKeyValuePair", key: "string", value: "string" },
  "CustomCommand[]": { kind: "array", ns: NS, item: "CustomCommand", element: "CustomCommand" },
  CustomCommand: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Name", "string", NO],
    ["DisplayName", "string", NO],
    ["Description", "string", NO],
    ["ToolTip", "string", NO],
    ["Actions", "CommandAction", O],
    ["ActionData", "string", NO]
  ] },
  CommandAction: { kind: "enum" },
  UntrustedCredentials: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["ValidFrom", "dateTime", O],
    ["ValidTo", "dateTime", O],
    ["Comment", "string", NO],
    ["SecretValue", "string", NO],
    ["PublicValue", "string", NO],
    ["IsActive", "boolean", O]
  ] },
  "UntrustedCredentials[]": { kind: "array", ns: NS, item: "UntrustedCredentials", element: "UntrustedCredentials" },
  UserInfo: { kind: "carrier", ns: NS, base: "Carrier", fields: [
    ["Deleted", "boolean", O],
    ["UserInfoId", "int", O],
    ["UserName", "string", NO],
    ["PersonId", "int", O],
    ["Rank", "short", O],
    ["Tooltip", "string", NO],
    ["UserGroupId", "int", O],
    ["EjUserId", "int", O],
    ["UserType", "UserType", O],
    ["GrantedLicenses", "string[]", NO],
    ["CanLogon", "boolean", O],
    ["RoleName", "string", NO],
    ["RoleTooltip", "string", NO],
    ["UserGroupName", "string", NO],
    ["UserGroupTooltip", "string", NO]
  ] },
  "UserInfo[]": { kind: "array", ns: NS, item: "UserInfo", element: "UserInfo" },
  "int[]": { kind: "array", ns: ARRAYS, item: "int", element: "int" },
  "string[]": { kind: "array", ns: ARRAYS, item: "string", element: "string" },
  "User[]": { kind: "array", ns: NS, item: "User", element: "User" },
  SoExceptionInfo: { kind: "carrier", ns: NS, fields: [
    ["Message", "string", NO],
    ["StackTrace", "string", NO],
    ["FriendlyText", "string", NO],
    ["ExceptionType", "string", NO],
    ["Source", "string", NO],
    ["InnerException", "SoExceptionInfo", NO],
    ["Parameters", "SoExceptionInfoParameters", NO]
  ] },
  SoExceptionInfoParameters: { kind: "dictionary", ns: NS, entry: "SoExceptionInfoParametersKeyValuePair", key: "string", value: "string" },
  SoExtraInfo: { kind: "dictionary", ns: NS, entry: "ExtraInfoNameValuePair", key: "string", value: "string" },
  SoTimeZone: { kind: "carrier", ns: NS, fields: [
    ["SoTimeZoneId", "int", O],
    ["SoTimeZoneLocationCode", "string", NO]
  ] },
  ExternalUserInfoModification: { kind: "enum", flags: true },
  // Synthetic (see top): a carrier with the primitives the User agent lacks.
  SyntheticValues: { kind: "carrier", ns: NS, fields: [
    ["Long", "long", O],
    ["Double", "double", O],
    ["Decimal", "decimal", O],
    ["Bytes", "base64Binary", NO],
    ["Any", "anyType", NO],
    ["Guid", "guid", O],
    ["Char", "char", O],
    ["Short", "short", O]
  ] },
  // Every primitive, with the conversions of both transports (the record serves both).
  ...XSD_TYPES,
};

export const UserAgent: AgentSchema = {
  name: "User",
  ns: NS,
  endpoint: "Remote/Services88/User.svc",
  types,
  responseHeaders: [
    ["ExceptionInfo", "SoExceptionInfo"],
    ["ExtraInfo", "SoExtraInfo"],
    ["Succeeded", "boolean"],
    ["TimeZone", "SoTimeZone"],
  ],
};

export const CreateExternalUser: OperationDescriptor = {
  name: "CreateExternalUser",
  soapAction: `${NS}/User/CreateExternalUser`,
  request: "CreateExternalUser",
  response: "CreateExternalUserResponse",
  params: [["PersonId", "int", O], ["UserName", "string", NO], ["Password", "string", NO], ["RoleId", "int", O], ["IsActive", "boolean", O]],
  returns: "int",
  rest: { method: "POST", path: "/api/v1/Agents/User/CreateExternalUser", write: writeJsonBody },
};

export const SetExternalUserInfo: OperationDescriptor = {
  name: "SetExternalUserInfo",
  soapAction: `${NS}/User/SetExternalUserInfo`,
  request: "SetExternalUserInfo",
  response: "SetExternalUserInfoResponse",
  params: [["AssociateId", "int", O], ["UserName", "string", NO], ["Password", "string", NO], ["IsActive", "boolean", O], ["RoleId", "int", O], ["ExternalUserInfoModification", "ExternalUserInfoModification", O]],
  returns: null,
  write: writeXmlTree,
  rest: { method: "POST", path: "/api/v1/Agents/User/SetExternalUserInfo", write: writeJsonBody },
};

export const SaveUntrustedCredentialsForAssociate: OperationDescriptor = {
  name: "SaveUntrustedCredentialsForAssociate",
  soapAction: `${NS}/User/SaveUntrustedCredentialsForAssociate`,
  request: "SaveUntrustedCredentialsForAssociate",
  response: "SaveUntrustedCredentialsForAssociateResponse",
  params: [["AssociateId", "int", O], ["Type", "string", NO], ["Credentials", "UntrustedCredentials", NO]],
  returns: null,
  write: writeXmlTree,
  rest: { method: "POST", path: "/api/v1/Agents/User/SaveUntrustedCredentialsForAssociate", write: writeJsonBody },
};

export const GetUser: OperationDescriptor = {
  name: "GetUser",
  soapAction: `${NS}/User/GetUser`,
  request: "GetUser",
  response: "GetUserResponse",
  params: [["UserId", "int", O]],
  returns: "User",
  rest: { method: "POST", path: "/api/v1/Agents/User/GetUser", query: [["userId", "UserId"]] },
};

export const SaveUser: OperationDescriptor = {
  name: "SaveUser",
  soapAction: `${NS}/User/SaveUser`,
  request: "SaveUser",
  response: "SaveUserResponse",
  params: [["User", "User", NO]],
  returns: "User",
  write: writeXmlTree,
  rest: { method: "POST", path: "/api/v1/Agents/User/SaveUser", write: writeJsonBody },
};

export const GetUserFromPersonId: OperationDescriptor = {
  name: "GetUserFromPersonId",
  soapAction: `${NS}/User/GetUserFromPersonId`,
  request: "GetUserFromPersonId",
  response: "GetUserFromPersonIdResponse",
  params: [["PersonId", "int", O]],
  returns: "User[]",
  rest: { method: "POST", path: "/api/v1/Agents/User/GetUserFromPersonId", write: writeJsonBody },
};

export const GetUserInfoList: OperationDescriptor = {
  name: "GetUserInfoList",
  soapAction: `${NS}/User/GetUserInfoList`,
  request: "GetUserInfoList",
  response: "GetUserInfoListResponse",
  params: [["UserInfoIds", "int[]", NO]],
  returns: "UserInfo[]",
  write: writeXmlTree,
  rest: { method: "POST", path: "/api/v1/Agents/User/GetUserInfoList", write: writeJsonBody },
};

export const FindRolesWithFunctionalRights: OperationDescriptor = {
  name: "FindRolesWithFunctionalRights",
  soapAction: `${NS}/User/FindRolesWithFunctionalRights`,
  request: "FindRolesWithFunctionalRights",
  response: "FindRolesWithFunctionalRightsResponse",
  params: [["FunctionalRightNames", "string[]", NO]],
  returns: "int[]",
  write: writeXmlTree,
  rest: { method: "POST", path: "/api/v1/Agents/User/FindRolesWithFunctionalRights", write: writeJsonBody },
};

export const ValidateUser: OperationDescriptor = {
  name: "ValidateUser",
  soapAction: `${NS}/User/ValidateUser`,
  request: "ValidateUser",
  response: "ValidateUserResponse",
  params: [["User", "User", NO]],
  returns: "StringDictionary",
  write: writeXmlTree,
  rest: { method: "POST", path: "/api/v1/Agents/User/ValidateUser", write: writeJsonBody },
};

export const GetUntrustedCredentialsForAssociate: OperationDescriptor = {
  name: "GetUntrustedCredentialsForAssociate",
  soapAction: `${NS}/User/GetUntrustedCredentialsForAssociate`,
  request: "GetUntrustedCredentialsForAssociate",
  response: "GetUntrustedCredentialsForAssociateResponse",
  params: [["AssociateId", "int", O], ["Type", "string", NO]],
  returns: "UntrustedCredentials[]",
  rest: { method: "POST", path: "/api/v1/Agents/User/GetUntrustedCredentialsForAssociate", write: writeJsonBody },
};

export const DeleteExternalUser: OperationDescriptor = {
  name: "DeleteExternalUser",
  soapAction: `${NS}/User/DeleteExternalUser`,
  request: "DeleteExternalUser",
  response: "DeleteExternalUserResponse",
  params: [["AssociateId", "int", O]],
  returns: null,
  rest: { method: "POST", path: "/api/v1/Agents/User/DeleteExternalUser", write: writeJsonBody },
};

/** Synthetic: declared to return the base type Carrier, so a derived xsi:type can be tested. */
export const SyntheticGetCarrier: OperationDescriptor = {
  name: "SyntheticGetCarrier",
  soapAction: `${NS}/User/SyntheticGetCarrier`,
  request: "SyntheticGetCarrier",
  response: "SyntheticGetCarrierResponse",
  params: [["Carrier", "Carrier", NO]],
  returns: "Carrier",
  write: writeXmlTree,
  rest: { method: "POST", path: "/api/v1/Agents/User/SyntheticGetCarrier", write: writeJsonBody },
};

/** Synthetic: primitives the User agent lacks, and anyType. */
export const SyntheticValues: OperationDescriptor = {
  name: "SyntheticValues",
  soapAction: `${NS}/User/SyntheticValues`,
  request: "SyntheticValues",
  response: "SyntheticValuesResponse",
  params: [["Values", "SyntheticValues", NO], ["Any", "anyType", NO]],
  returns: "SyntheticValues",
  write: writeXmlTree,
  readAny: readAnyType,
  rest: { method: "POST", path: "/api/v1/Agents/User/SyntheticValues", write: writeJsonBody },
};

/** Synthetic: a GET with query parameters of several types. */
export const SyntheticQuery: OperationDescriptor = {
  name: "SyntheticQuery",
  soapAction: `${NS}/User/SyntheticQuery`,
  request: "SyntheticQuery",
  response: "SyntheticQueryResponse",
  params: [["When", "dateTime", O], ["Ids", "int[]", NO], ["Mods", "ExternalUserInfoModification", O], ["Name", "string", NO]],
  returns: "User[]",
  write: writeXmlTree,
  rest: { method: "GET", path: "/api/v1/Agents/User/SyntheticQuery", query: [["when", "When"], ["ids", "Ids"], ["mods", "Mods"], ["name", "Name"]] },
};

/** A realistic User as the SOAP runtime returns it (and takes it). */
export function sampleUser(): Record<string, unknown> {
  const fieldProperties: Record<string, unknown> = {};
  for (const name of ["AssociateId", "Name", "Rank", "Tooltip", "UserName", "NickName", "Lastlogin", "Role", "UserGroup", "Person"]) {
    fieldProperties[name] = { FieldRight: { Mask: ["Read", "Write"], Reason: "" }, FieldType: "System.String", FieldLength: 254 };
  }
  const moduleLicense = (id: number) => ({
    TableRight: { Mask: ["Select"], Reason: "" },
    Unrestricted: false,
    Total: 25,
    Tooltip: `Module licence ${id}`,
    CanAssign: true,
    Free: 3,
    InUse: 22,
    IsHidden: false,
    Assigned: true,
    ModuleLicenseId: id,
    Name: `SuperOffice:${id}`,
    Description: "User plan licence",
    PrerequisiteModuleName: "",
    SortOrder: id,
    ExtraFlags: 0,
  });
  return {
    TableRight: { Mask: ["Select", "Update", "Insert", "Delete"], Reason: "" },
    FieldProperties: fieldProperties,
    AssociateId: 160,
    Name: "ANN",
    Rank: 4,
    Tooltip: "Ann Andersen <ann@example.com> & co",
    LicenseOwners: [
      { Name: "SuperOffice", Description: "SuperOffice licences", RestrictedModuleLicenses: [moduleLicense(1), moduleLicense(2), moduleLicense(3)], UnrestrictedModuleLicenses: [moduleLicense(4)] },
      { Name: "Partner", Description: "Partner licences", RestrictedModuleLicenses: [moduleLicense(5)], UnrestrictedModuleLicenses: [] },
    ],
    Role: { Id: 3, Value: "Sales", Tooltip: "Sales role" },
    UserGroup: { Value: "Sales Oslo", Tooltip: "Sales team", Id: 7, Rank: 1, Deleted: false },
    OtherGroups: [
      { Value: "Support", Tooltip: "", Id: 8, Rank: 2, Deleted: false },
      { Value: "Marketing", Tooltip: "", Id: 9, Rank: 3, Deleted: false },
    ],
    Person: {
      Position: "Account manager", PersonId: 12, Mrmrs: "Ms", Firstname: "Ann", Lastname: "Andersen", MiddleName: "",
      Title: "", Description: "Key account", Email: "ann@example.com", FullName: "Ann Andersen", DirectPhone: "+47 22 00 00 00",
      FormalName: "Ms Ann Andersen", CountryId: 578, ContactId: 2, ContactName: "SuperOffice AS", Retired: 0, Rank: 1,
      ActiveInterests: 0, ContactDepartment: "Sales", ContactCountryId: 578, ContactOrgNr: "123456789", FaxPhone: "",
      MobilePhone: "+47 900 00 000", ContactPhone: "+47 23 00 00 00", AssociateName: "ANN", AssociateId: 160,
      UsePersonAddress: false, ContactFax: "", Kanafname: "", Kanalname: "", Post1: "", Post2: "", Post3: "",
      EmailName: "Ann Andersen", ContactFullName: "SuperOffice AS, Oslo", ActiveErpLinks: 0, TicketPriorityId: 0,
      SupportLanguageId: 0, SupportAssociateId: 0, CategoryName: "Customer", PersonNumber: "P-12",
    },
    Deleted: false,
    Lastlogin: new Date("2025-04-03T11:13:36.120Z"),
    Lastlogout: new Date("2025-04-03T17:02:00Z"),
    EjUserId: 0,
    RequestSignature: null,
    Type: "InternalAssociate",
    IsPersonRetired: false,
    IsOnTravel: false,
    Credentials: [
      {
        Type: { DisplayType: "Password", Type: "SoPassword", Description: "SuperOffice password", ValueControl: "Password", CanCreatePerson: false, IsUserNameSupported: true },
        Value: "",
        DisplayValue: "********",
      },
    ],
    UserName: "ann",
    TicketCategories: [{ Id: 1, Name: "Support", ToolTip: "", Deleted: false, Rank: 1, Type: "", ChildItems: [], IconHint: "", ColorBlock: 0, ExtraInfo: "", StyleHint: "", FullName: "Support" }],
    NickName: "Ann",
    WaitingForApproval: false,
    ExtraFields: { "x-extra": "1", "y-extra": "two" },
    CustomFields: {},
    PostSaveCommands: [],
  };
}
