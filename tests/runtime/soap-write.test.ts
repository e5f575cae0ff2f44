import { describe, expect, it } from "vitest";
import { buildSoapRequest, InvalidRequestError, XSI_TYPE } from "../../templates/runtime/index.js";
import {
  ARRAYS,
  CreateExternalUser,
  FindRolesWithFunctionalRights,
  GetUserInfoList,
  NS,
  SaveUntrustedCredentialsForAssociate,
  SetExternalUserInfo,
  SyntheticGetCarrier,
  SyntheticQuery,
  SyntheticValues,
  UserAgent,
  ValidateUser,
} from "./fixtures.js";

const ENV = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"`;
const XSI = ` xmlns:i="http://www.w3.org/2001/XMLSchema-instance"`;

describe("SOAP request XML", () => {
  it("CreateExternalUser with every header", () => {
    const xml = buildSoapRequest(
      UserAgent,
      CreateExternalUser,
      { PersonId: 12, UserName: "ann", Password: "s3cret", RoleId: 3, IsActive: true },
      { applicationToken: "app-token", ticket: "7T:abc", timeZone: { SoTimeZoneId: 22, SoTimeZoneLocationCode: "NO" } },
    );
    expect(xml).toBe(
      `${ENV}><s:Header>` +
        `<ApplicationToken xmlns="${NS}">app-token</ApplicationToken>` +
        `<Credentials xmlns="${NS}"><Ticket>7T:abc</Ticket></Credentials>` +
        `<TimeZone xmlns="${NS}"><SoTimeZoneId>22</SoTimeZoneId><SoTimeZoneLocationCode>NO</SoTimeZoneLocationCode></TimeZone>` +
        `</s:Header><s:Body><CreateExternalUser xmlns="${NS}">` +
        `<PersonId>12</PersonId><UserName>ann</UserName><Password>s3cret</Password><RoleId>3</RoleId><IsActive>true</IsActive>` +
        `</CreateExternalUser></s:Body></s:Envelope>`,
    );
  });

  it("headers as set: an empty ticket or token is still sent, a TimeZone without values is an empty element, a null location code is not sent, an id that is no int is refused as any int is", () => {
    const xml = buildSoapRequest(UserAgent, SetExternalUserInfo, undefined, { applicationToken: "", ticket: "", timeZone: {} });
    expect(xml).toBe(
      `${ENV}><s:Header>` +
        `<ApplicationToken xmlns="${NS}"></ApplicationToken>` +
        `<Credentials xmlns="${NS}"><Ticket></Ticket></Credentials>` +
        `<TimeZone xmlns="${NS}"></TimeZone>` +
        `</s:Header><s:Body><SetExternalUserInfo xmlns="${NS}"/></s:Body></s:Envelope>`,
    );
    expect(() => buildSoapRequest(UserAgent, SetExternalUserInfo, {}, { timeZone: { SoTimeZoneId: -3.7 } })).toThrow(InvalidRequestError);
    expect(buildSoapRequest(UserAgent, SetExternalUserInfo, {}, { ticket: "a<&b", timeZone: { SoTimeZoneId: -3, SoTimeZoneLocationCode: null } })).toBe(
      `${ENV}><s:Header>` +
        `<Credentials xmlns="${NS}"><Ticket>a&lt;&amp;b</Ticket></Credentials>` +
        `<TimeZone xmlns="${NS}"><SoTimeZoneId>-3</SoTimeZoneId></TimeZone>` +
        `</s:Header><s:Body><SetExternalUserInfo xmlns="${NS}"/></s:Body></s:Envelope>`,
    );
  });

  it("omits the Header when nothing is configured; null -> xsi:nil when nillable, undefined omitted", () => {
    const xml = buildSoapRequest(UserAgent, CreateExternalUser, { PersonId: 12, UserName: null, RoleId: undefined, IsActive: false });
    expect(xml).toBe(
      `${ENV}${XSI}><s:Body><CreateExternalUser xmlns="${NS}">` +
        `<PersonId>12</PersonId><UserName i:nil="true"/><IsActive>false</IsActive>` +
        `</CreateExternalUser></s:Body></s:Envelope>`,
    );
  });

  it("null on a non-nillable element is left out like undefined", () => {
    const xml = buildSoapRequest(UserAgent, CreateExternalUser, { PersonId: null, IsActive: true });
    expect(xml).toContain(`<CreateExternalUser xmlns="${NS}"><IsActive>true</IsActive></CreateExternalUser>`);
    expect(xml).not.toContain("xmlns:i");
  });

  it("SetExternalUserInfo: flags as space-separated names", () => {
    const xml = buildSoapRequest(UserAgent, SetExternalUserInfo, {
      AssociateId: 160,
      UserName: "x",
      Password: "y",
      IsActive: true,
      RoleId: 179,
      ExternalUserInfoModification: ["UserName", "Password", "Active"],
    });
    expect(xml).toBe(
      `${ENV}><s:Body><SetExternalUserInfo xmlns="${NS}">` +
        `<AssociateId>160</AssociateId><UserName>x</UserName><Password>y</Password><IsActive>true</IsActive><RoleId>179</RoleId>` +
        `<ExternalUserInfoModification>UserName Password Active</ExternalUserInfoModification>` +
        `</SetExternalUserInfo></s:Body></s:Envelope>`,
    );
    // A string in REST style is accepted too; an empty list is an empty element.
    expect(buildSoapRequest(UserAgent, SetExternalUserInfo, { ExternalUserInfoModification: "UserName, Role" })).toContain(
      "<ExternalUserInfoModification>UserName Role</ExternalUserInfoModification>",
    );
    expect(buildSoapRequest(UserAgent, SetExternalUserInfo, { ExternalUserInfoModification: [] })).toContain("<ExternalUserInfoModification/>");
  });

  it("SaveUntrustedCredentialsForAssociate: base fields first, nested carriers, dictionary, dates", () => {
    const xml = buildSoapRequest(UserAgent, SaveUntrustedCredentialsForAssociate, {
      AssociateId: 5,
      Type: "saml",
      Credentials: {
        // deliberately out of wire order: the schema decides the order
        IsActive: true,
        ValidTo: new Date("2026-01-01T00:00:00.120Z"),
        ValidFrom: new Date("2025-04-03T11:13:36Z"),
        FieldProperties: { SecretValue: { FieldRight: { Mask: ["Read", "Write"], Reason: null }, FieldType: "System.String", FieldLength: 254 } },
        TableRight: { Mask: ["Select", "Update"], Reason: "" },
        Comment: "c",
        SecretValue: "s",
        PublicValue: "p",
      },
    });
    expect(xml).toBe(
      `${ENV}${XSI}><s:Body><SaveUntrustedCredentialsForAssociate xmlns="${NS}">` +
        `<AssociateId>5</AssociateId><Type>saml</Type><Credentials>` +
        `<TableRight><Mask>Select Update</Mask><Reason/></TableRight>` +
        `<FieldProperties><FieldPropertyDictionaryKeyValuePair><Key>SecretValue</Key><Value>` +
        `<FieldRight><Mask>Read Write</Mask><Reason i:nil="true"/></FieldRight><FieldType>System.String</FieldType><FieldLength>254</FieldLength>` +
        `</Value></FieldPropertyDictionaryKeyValuePair></FieldProperties>` +
        `<ValidFrom>2025-04-03T11:13:36Z</ValidFrom><ValidTo>2026-01-01T00:00:00.120Z</ValidTo>` +
        `<Comment>c</Comment><SecretValue>s</SecretValue><PublicValue>p</PublicValue><IsActive>true</IsActive>` +
        `</Credentials></SaveUntrustedCredentialsForAssociate></s:Body></s:Envelope>`,
    );
  });

  it("ArrayOfint / ArrayOfstring items in the Arrays namespace, declared once", () => {
    expect(buildSoapRequest(UserAgent, GetUserInfoList, { UserInfoIds: [1, 2, 3] })).toBe(
      `${ENV} xmlns:n1="${ARRAYS}"><s:Body><GetUserInfoList xmlns="${NS}">` +
        `<UserInfoIds><n1:int>1</n1:int><n1:int>2</n1:int><n1:int>3</n1:int></UserInfoIds>` +
        `</GetUserInfoList></s:Body></s:Envelope>`,
    );
    expect(buildSoapRequest(UserAgent, FindRolesWithFunctionalRights, { FunctionalRightNames: ["a", null, ""] })).toBe(
      `${ENV} xmlns:n1="${ARRAYS}"${XSI}><s:Body><FindRolesWithFunctionalRights xmlns="${NS}">` +
        `<FunctionalRightNames><n1:string>a</n1:string><n1:string i:nil="true"/><n1:string/></FunctionalRightNames>` +
        `</FindRolesWithFunctionalRights></s:Body></s:Envelope>`,
    );
    expect(buildSoapRequest(UserAgent, GetUserInfoList, { UserInfoIds: [] })).toContain("<UserInfoIds/>");
  });

  it("an operation without values writes an empty wrapper", () => {
    expect(buildSoapRequest(UserAgent, ValidateUser, undefined)).toBe(`${ENV}><s:Body><ValidateUser xmlns="${NS}"/></s:Body></s:Envelope>`);
  });

  it("dictionaries accept a Map; enums are written as names", () => {
    const xml = buildSoapRequest(UserAgent, ValidateUser, {
      User: { AssociateId: 1, Type: "InternalAssociate", ExtraFields: new Map([["k", "v"]]) },
    });
    expect(xml).toContain(`<User><AssociateId>1</AssociateId><Type>InternalAssociate</Type><ExtraFields><StringKeyValuePair><Key>k</Key><Value>v</Value></StringKeyValuePair></ExtraFields></User>`);
  });

  it("writes a derived carrier with xsi:type when the value names it", () => {
    const derived = { [XSI_TYPE]: "UntrustedCredentials", TableRight: { Reason: "r" }, Comment: "c" };
    const xml = buildSoapRequest(UserAgent, SyntheticGetCarrier, { Carrier: derived });
    // Prefixed even in the agent namespace: node-soap resolves an unprefixed xsi:type in no namespace.
    expect(xml).toContain(`<Carrier i:type="n1:UntrustedCredentials"><TableRight><Reason>r</Reason></TableRight><Comment>c</Comment></Carrier>`);
    expect(xml).toContain(`xmlns:n1="${UserAgent.ns}"`);
  });

  it("numbers, long, decimal, base64, char, anyType", () => {
    const xml = buildSoapRequest(UserAgent, SyntheticValues, {
      Values: {
        Long: 9007199254740993n,
        Double: 1e-7,
        Decimal: 1e-7,
        Bytes: new Uint8Array([0, 1, 2, 250, 251, 252, 253]),
        Guid: "a1b2c3d4-0000-0000-0000-000000000000",
        Char: 65,
        Short: -3,
      },
      Any: 12,
    });
    expect(xml).toContain(
      `<Values><Long>9007199254740993</Long><Double>1e-7</Double><Decimal>0.0000001</Decimal><Bytes>AAEC+vv8/Q==</Bytes>` +
        `<Guid>a1b2c3d4-0000-0000-0000-000000000000</Guid><Char>65</Char><Short>-3</Short></Values>`,
    );
    expect(xml).toContain(`<Any i:type="n1:int">12</Any>`);
    expect(xml).toContain(`xmlns:n1="http://www.w3.org/2001/XMLSchema"`);
    const big = buildSoapRequest(UserAgent, SyntheticValues, { Values: { Long: "-9223372036854775808", Double: Infinity, Decimal: 1.5e21 }, Any: "text" });
    expect(big).toContain(`<Long>-9223372036854775808</Long><Double>INF</Double><Decimal>1500000000000000000000</Decimal>`);
    expect(() => buildSoapRequest(UserAgent, SyntheticValues, { Values: { Long: "-9223372036854775809" } })).toThrow("integer is out of the range of long at Values.Long");
    expect(big).toContain(`<Any i:type="n1:string">text</Any>`);
    expect(buildSoapRequest(UserAgent, SyntheticValues, { Any: new Date("2025-04-03T11:13:36Z") })).toContain(`<Any i:type="n1:dateTime">2025-04-03T11:13:36Z</Any>`);
    expect(buildSoapRequest(UserAgent, SyntheticValues, { Any: 2.5 })).toContain(`<Any i:type="n1:double">2.5</Any>`);
    expect(buildSoapRequest(UserAgent, SyntheticValues, { Any: 2 ** 40 })).toContain(`<Any i:type="n1:long">1099511627776</Any>`);
    expect(buildSoapRequest(UserAgent, SyntheticValues, { Any: true })).toContain(`<Any i:type="n1:boolean">true</Any>`);
  });

  it("anyType: a number past long's range is a double (as REST sends it), a bigint a long checked as one", () => {
    expect(buildSoapRequest(UserAgent, SyntheticValues, { Any: 1e21 })).toContain(`<Any i:type="n1:double">1e+21</Any>`);
    expect(buildSoapRequest(UserAgent, SyntheticValues, { Any: -(2 ** 63) })).toContain(`<Any i:type="n1:long">-9223372036854775808</Any>`);
    expect(buildSoapRequest(UserAgent, SyntheticValues, { Any: 2n ** 62n })).toContain(`<Any i:type="n1:long">4611686018427387904</Any>`);
    expect(() => buildSoapRequest(UserAgent, SyntheticValues, { Any: 2n ** 64n })).toThrow("integer is out of the range of long at Any");
  });

  it("a carrier, array, anyType or flags parameter needs the descriptor's XML writer (write); primitives and plain enums need none", () => {
    expect(CreateExternalUser.write).toBeUndefined();
    const without = <T extends { write?: unknown }>({ write: _, ...rest }: T): Omit<T, "write"> => rest;
    const credentials = without(SaveUntrustedCredentialsForAssociate);
    expect(buildSoapRequest(UserAgent, credentials, { AssociateId: 7 })).toContain("<AssociateId>7</AssociateId>");
    expect(() => buildSoapRequest(UserAgent, credentials, { Credentials: {} })).toThrow(/Type "UntrustedCredentials" needs the descriptor's XML writer \(write\)/);
    expect(() => buildSoapRequest(UserAgent, without(GetUserInfoList), { UserInfoIds: [1] })).toThrow(/Type "int\[\]" needs/);
    expect(() => buildSoapRequest(UserAgent, without(SyntheticValues), { Any: "text" })).toThrow(/Type "anyType" needs/);
    expect(() => buildSoapRequest(UserAgent, without(SetExternalUserInfo), { ExternalUserInfoModification: ["UserName"] })).toThrow(/Type "ExternalUserInfoModification" needs/);
    // Every primitive is written by its codec (a dateTime as much as a string) and plain enums by the envelope; flags are the tree writer's.
    const query = without(SyntheticQuery);
    expect(buildSoapRequest(UserAgent, query, { Name: "n" })).toContain("<Name>n</Name>");
    expect(buildSoapRequest(UserAgent, query, { When: new Date(0) })).toContain("<When>1970-01-01T00:00:00Z</When>");
    expect(() => buildSoapRequest(UserAgent, query, { Mods: ["UserName"] })).toThrow(/needs the descriptor's XML writer/);
  });

  it("a value that does not fit the schema throws InvalidRequestError with a path and without the value", () => {
    const secret = "hunter2-very-secret";
    const attempt = (): string =>
      buildSoapRequest(UserAgent, SaveUntrustedCredentialsForAssociate, { Credentials: { ValidFrom: secret } as unknown as object, AssociateId: secret });
    expect(attempt).toThrow(InvalidRequestError);
    try {
      attempt();
    } catch (error) {
      const e = error as InvalidRequestError;
      expect(e.path).toEqual(["AssociateId"]);
      expect(e.message).toBe("expected an integer number for int, got string at AssociateId");
      expect(e.message).not.toContain(secret);
      expect(String(e.stack)).not.toContain(secret);
    }
    expect(() => buildSoapRequest(UserAgent, SaveUntrustedCredentialsForAssociate, { Credentials: { ValidFrom: new Date(NaN) } })).toThrow(
      /invalid Date for dateTime at Credentials\.ValidFrom/,
    );
    expect(() => buildSoapRequest(UserAgent, GetUserInfoList, { UserInfoIds: [1, 1.5] })).toThrow(/at UserInfoIds\.1$/);
    expect(() => buildSoapRequest(UserAgent, SetExternalUserInfo, { ExternalUserInfoModification: [1] })).toThrow(InvalidRequestError);
    expect(() => buildSoapRequest(UserAgent, CreateExternalUser, { IsActive: "yes" })).toThrow(/boolean/);
  });
});
