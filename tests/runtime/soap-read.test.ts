import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeXmlTree, XmlWriter } from "../../templates/runtime/xml-write.js";
import { NILLABLE, readSoapResponse, ResponseParseError, XSI_TYPE, type SoapResult } from "../../templates/runtime/index.js";
import {
  ARRAYS,
  CreateExternalUser,
  FindRolesWithFunctionalRights,
  GetUser,
  GetUserFromPersonId,
  GetUserInfoList,
  NS,
  SetExternalUserInfo,
  SyntheticGetCarrier,
  SyntheticValues,
  UserAgent,
  ValidateUser,
} from "./fixtures.js";
import type { OperationDescriptor } from "../../templates/runtime/index.js";

const XSI_DECL = `xmlns:i="http://www.w3.org/2001/XMLSchema-instance"`;

/** A WCF-style envelope around a response body. */
function envelope(op: OperationDescriptor, inner: string, header = ""): string {
  return (
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">` +
    (header ? `<s:Header>${header}</s:Header>` : "") +
    `<s:Body><${op.response} xmlns="${NS}">${inner}</${op.response}></s:Body></s:Envelope>`
  );
}

function value(op: OperationDescriptor, inner: string): unknown {
  const result = readSoapResponse(UserAgent, op, envelope(op, inner));
  if (result.kind !== "result") throw new Error("fault");
  return result.value;
}

describe("reading SOAP responses", () => {
  it("primitives are typed", () => {
    expect(value(CreateExternalUser, "<Response>42</Response>")).toBe(42);
    expect(value(SetExternalUserInfo, "")).toBeUndefined();
  });

  it("an array with one element stays an array; empty and self-closing arrays are []", () => {
    expect(value(GetUserFromPersonId, `<Response><User><AssociateId>7</AssociateId></User></Response>`)).toEqual([{ AssociateId: 7 }]);
    expect(value(GetUserFromPersonId, `<Response/>`)).toEqual([]);
    expect(value(GetUserFromPersonId, `<Response>\n  </Response>`)).toEqual([]);
    expect(value(FindRolesWithFunctionalRights, `<Response xmlns:a="${ARRAYS}"><a:int>5</a:int></Response>`)).toEqual([5]);
  });

  it("nil is null; a missing Response is null; a nil array item the schema allows is left out (User[] holds no null)", () => {
    expect(value(GetUser, `<Response ${XSI_DECL} i:nil="true"/>`)).toBeNull();
    expect(value(GetUser, ``)).toBeNull();
    expect(value(GetUserFromPersonId, `<Response ${XSI_DECL}><User><Name i:nil="true"/></User></Response>`)).toEqual([{ Name: null }]);
    expect(value(GetUserFromPersonId, `<Response ${XSI_DECL}><User i:nil="true"/><User><AssociateId>7</AssociateId></User></Response>`)).toEqual([{ AssociateId: 7 }]);
  });

  it("dates, flags, dictionaries, enums, nested carriers, unknown elements ignored", () => {
    const user = value(
      GetUser,
      `<Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
        `<TableRight><Mask>Select Update  Delete</Mask><Reason/></TableRight>` +
        `<FieldProperties><FieldPropertyDictionaryKeyValuePair><Key>Name</Key><Value><FieldRight><Mask/><Reason i:nil="true"/></FieldRight><FieldLength>254</FieldLength></Value></FieldPropertyDictionaryKeyValuePair>` +
        `<FieldPropertyDictionaryKeyValuePair><Key>Other</Key><Value i:nil="true"/></FieldPropertyDictionaryKeyValuePair></FieldProperties>` +
        `<AssociateId>160</AssociateId><Unknown><Deep>1</Deep></Unknown><Rank>-2</Rank>` +
        `<Deleted>false</Deleted><Lastlogin>2025-04-03T11:13:36.1234567Z</Lastlogin><Lastlogout>0001-01-01T00:00:00</Lastlogout>` +
        `<Type>ExternalAssociate</Type><OtherGroups><UserGroup><Id>1</Id><Deleted>1</Deleted></UserGroup></OtherGroups>` +
        `<ExtraFields><StringKeyValuePair><Key>a</Key><Value>1</Value></StringKeyValuePair><StringKeyValuePair><Key>__proto__</Key><Value>x</Value></StringKeyValuePair></ExtraFields>` +
        `<CustomFields/>` +
        `</Response>`,
    ) as Record<string, unknown>;
    expect(user.TableRight).toEqual({ Mask: ["Select", "Update", "Delete"], Reason: "" });
    expect(user.FieldProperties).toEqual({ Name: { FieldRight: { Mask: [], Reason: null }, FieldLength: 254 }, Other: null });
    expect(user.AssociateId).toBe(160);
    expect(user.Rank).toBe(-2);
    expect(user.Deleted).toBe(false);
    expect(user.Lastlogin).toEqual(new Date("2025-04-03T11:13:36.123Z"));
    const minValue = user.Lastlogout as Date;
    expect(minValue.getUTCFullYear()).toBe(1);
    expect(minValue.toISOString()).toBe("0001-01-01T00:00:00.000Z");
    expect(user.Type).toBe("ExternalAssociate");
    expect(user.OtherGroups).toEqual([{ Id: 1, Deleted: true }]);
    expect("Unknown" in user).toBe(false);
    const extra = user.ExtraFields as Record<string, unknown>;
    expect(extra.a).toBe("1");
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(extra, "__proto__")?.value).toBe("x");
    expect(user.CustomFields).toEqual({});
  });

  it("matches payload on local names whatever the prefix (WCF and node-soap qualify array items differently)", () => {
    const wcf = value(GetUserInfoList, `<Response><UserInfo><GrantedLicenses xmlns:a="${ARRAYS}"><a:string>x</a:string><a:string>y</a:string></GrantedLicenses></UserInfo></Response>`);
    const nodeSoap = value(GetUserInfoList, `<Response><UserInfo><GrantedLicenses><string>x</string><string>y</string></GrantedLicenses></UserInfo></Response>`);
    expect(wcf).toEqual([{ GrantedLicenses: ["x", "y"] }]);
    expect(nodeSoap).toEqual(wcf);
  });

  it("resolves the xsi prefix properly: any prefix bound to XMLSchema-instance, not other namespaces", () => {
    expect(value(GetUser, `<Response xmlns:xs="http://www.w3.org/2001/XMLSchema-instance" xs:nil="true"/>`)).toBeNull();
    expect(value(GetUser, `<Response xmlns:z="urn:other" z:nil="true"><AssociateId>1</AssociateId></Response>`)).toEqual({ AssociateId: 1 });
  });

  it("xsi:type naming a derived carrier selects its descriptor and is kept for writing back", () => {
    const carrier = value(
      SyntheticGetCarrier,
      `<Response ${XSI_DECL} xmlns:q="${NS}" i:type="q:UntrustedCredentials"><TableRight><Reason>r</Reason></TableRight>` +
        `<ValidFrom>2025-04-03T11:13:36+02:00</ValidFrom><IsActive>true</IsActive></Response>`,
    ) as Record<string | symbol, unknown>;
    expect(carrier).toEqual({ TableRight: { Reason: "r" }, ValidFrom: new Date("2025-04-03T09:13:36Z"), IsActive: true });
    expect(carrier[XSI_TYPE]).toBe("UntrustedCredentials");
    expect(Object.keys(carrier)).not.toContain(XSI_TYPE);
    // Unknown derived types fall back to the declared descriptor.
    expect(value(SyntheticGetCarrier, `<Response ${XSI_DECL} i:type="Nope"><TableRight/><IsActive>true</IsActive></Response>`)).toEqual({
      TableRight: {},
    });
  });

  it("long: number when safe, exact string otherwise; double specials; base64; char; anyType by xsi:type", () => {
    const v = value(
      SyntheticValues,
      `<Response ${XSI_DECL} xmlns:x="http://www.w3.org/2001/XMLSchema">` +
        `<Long>9007199254740993</Long><Double>-INF</Double><Decimal>12.50</Decimal><Bytes>AAEC\n+vv8/Q==</Bytes>` +
        `<Any i:type="x:dateTime">2025-04-03T11:13:36Z</Any><Char>65</Char><Short>7</Short></Response>`,
    ) as Record<string, unknown>;
    expect(v).toEqual({ Long: "9007199254740993", Double: -Infinity, Decimal: 12.5, Bytes: "AAEC+vv8/Q==", Any: new Date("2025-04-03T11:13:36Z"), Char: 65, Short: 7 });
    expect((value(SyntheticValues, `<Response><Long>-42</Long><Any>plain</Any></Response>`) as Record<string, unknown>)).toEqual({ Long: -42, Any: "plain" });
    expect((value(SyntheticValues, `<Response ${XSI_DECL} xmlns:x="http://www.w3.org/2001/XMLSchema"><Any i:type="x:int">12</Any></Response>`) as Record<string, unknown>).Any).toBe(12);
    // An XSD type that is no primitive of the table reads as the text.
    expect((value(SyntheticValues, `<Response ${XSI_DECL} xmlns:x="http://www.w3.org/2001/XMLSchema"><Any i:type="x:nope">12</Any></Response>`) as Record<string, unknown>).Any).toBe("12");
    // The anyType reader is the descriptor's to name (readAny): without it an anyType value is a descriptor bug.
    const { readAny: _, ...withoutReader } = SyntheticValues;
    expect(() => value(withoutReader, `<Response><Long>-42</Long><Any>plain</Any></Response>`)).toThrow(/Type "anyType" needs the descriptor's anyType reader \(readAny\)/);
    expect(value(withoutReader, `<Response><Long>-42</Long></Response>`)).toEqual({ Long: -42 });
  });

  it("a value that is not of its type is a ResponseParseError naming the place", () => {
    expect(() => value(GetUser, `<Response><TableRight/><AssociateId>abc</AssociateId></Response>`)).toThrow(ResponseParseError);
    expect(() => value(GetUser, `<Response><AssociateId>abc</AssociateId></Response>`)).toThrow(
      "Response does not match the schema: text is not a valid int at GetUserResponse.Response.AssociateId",
    );
    expect(() => value(GetUserFromPersonId, `<Response><User/><User><Lastlogin>yesterday</Lastlogin></User></Response>`)).toThrow(
      /at GetUserFromPersonIdResponse\.Response\.1\.Lastlogin/,
    );
  });

  it("an absent or nil Response that is not nillable (returnsNonNull) is a ResponseParseError saying which, with the status", () => {
    const Count = { ...CreateExternalUser, returnsNonNull: true };
    const rejection = (inner: string): ResponseParseError => {
      try {
        readSoapResponse(UserAgent, Count, envelope(Count, inner), 203);
      } catch (error) {
        if (error instanceof ResponseParseError) return error;
        throw error;
      }
      throw new Error("no error");
    };
    const absent = rejection("");
    expect(absent.message).toBe("Response does not match the schema: no Response element where int is not nillable in CreateExternalUserResponse");
    expect([absent.status, absent.cause]).toEqual([203, undefined]);
    const nil = rejection(`<Response ${XSI_DECL} i:nil="true"/>`);
    expect(nil.message).toBe("Response does not match the schema: xsi:nil where int is not nillable in CreateExternalUserResponse");
    expect([nil.status, nil.cause]).toEqual([203, undefined]);
    expect(readSoapResponse(UserAgent, Count, envelope(Count, "<Response>3</Response>"))).toMatchObject({ kind: "result", value: 3 });
  });

  it("reads response headers with their schema types", () => {
    const header =
      `<ExceptionInfo xmlns="${NS}" ${XSI_DECL}><Message>m</Message><InnerException><Message>inner</Message><InnerException i:nil="true"/></InnerException>` +
      `<Parameters><SoExceptionInfoParametersKeyValuePair><Key>k</Key><Value>v</Value></SoExceptionInfoParametersKeyValuePair></Parameters></ExceptionInfo>` +
      `<ExtraInfo xmlns="${NS}"><ExtraInfoNameValuePair><Key>a</Key><Value>b</Value></ExtraInfoNameValuePair></ExtraInfo>` +
      `<Succeeded xmlns="${NS}">true</Succeeded>` +
      `<TimeZone xmlns="${NS}"><SoTimeZoneId>22</SoTimeZoneId><SoTimeZoneLocationCode>NO</SoTimeZoneLocationCode></TimeZone>` +
      `<Other xmlns="urn:x">ignored</Other>`;
    const result = readSoapResponse(UserAgent, CreateExternalUser, envelope(CreateExternalUser, "<Response>1</Response>", header));
    expect(result.headers).toEqual({
      ExceptionInfo: { Message: "m", InnerException: { Message: "inner", InnerException: null }, Parameters: { k: "v" } },
      ExtraInfo: { a: "b" },
      Succeeded: true,
      TimeZone: { SoTimeZoneId: 22, SoTimeZoneLocationCode: "NO" },
    });
  });

  it("reads ExceptionInfo by the built-in SoExceptionInfo descriptors where the schema's types leave them out, as the generated bindings do", () => {
    const header =
      `<ExceptionInfo xmlns="${NS}"><Message>m</Message><InnerException><Message>inner</Message></InnerException>` +
      `<Parameters><SoExceptionInfoParametersKeyValuePair><Key>k</Key><Value>v</Value></SoExceptionInfoParametersKeyValuePair></Parameters></ExceptionInfo>`;
    const answer = envelope(CreateExternalUser, "<Response>1</Response>", header);
    const detail =
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>No</faultstring>` +
      `<detail><SoExceptionInfo xmlns="${NS}"><Message>From detail</Message><Parameters><SoExceptionInfoParametersKeyValuePair><Key>k</Key><Value>v</Value></SoExceptionInfoParametersKeyValuePair></Parameters></SoExceptionInfo></detail></s:Fault></s:Body></s:Envelope>`;
    const { SoExceptionInfo: _info, SoExceptionInfoParameters: _parameters, ...rest } = UserAgent.types;
    const withoutThem = { ...UserAgent, types: rest };
    // Header types apart from the operation's (generated), and one record for both.
    for (const [schema, op] of [[withoutThem, { ...CreateExternalUser, types: UserAgent.types }], [withoutThem, CreateExternalUser]] as const) {
      expect(readSoapResponse(schema, op, answer)).toEqual(readSoapResponse(UserAgent, CreateExternalUser, answer));
      expect(readSoapResponse(schema, op, detail, 500)).toEqual(readSoapResponse(UserAgent, CreateExternalUser, detail, 500));
    }
    expect(readSoapResponse(withoutThem, CreateExternalUser, answer).headers.ExceptionInfo).toEqual({ Message: "m", InnerException: { Message: "inner" }, Parameters: { k: "v" } });
  });

  it("a fault becomes a fault result with code, string and ExceptionInfo (header first, then detail)", () => {
    const fault = (detail: string, header = ""): SoapResult =>
      readSoapResponse(
        UserAgent,
        CreateExternalUser,
        `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">${header ? `<s:Header>${header}</s:Header>` : ""}<s:Body><s:Fault>` +
          `<faultcode xmlns:a="urn:a">a:InternalServiceFault</faultcode><faultstring xml:lang="en-US">Boom &amp; bust</faultstring>${detail}</s:Fault></s:Body></s:Envelope>`,
        500,
      );
    expect(fault("")).toEqual({ kind: "fault", fault: { faultCode: "a:InternalServiceFault", faultString: "Boom & bust" }, headers: {} });
    const withDetail = fault(`<detail><SoExceptionInfo xmlns="${NS}"><Message>From detail</Message><ExceptionType>SoException</ExceptionType></SoExceptionInfo></detail>`);
    expect(withDetail.kind === "fault" && withDetail.fault.exceptionInfo).toEqual({ Message: "From detail", ExceptionType: "SoException" });
    const both = fault(`<detail><SoExceptionInfo xmlns="${NS}"><Message>From detail</Message></SoExceptionInfo></detail>`, `<ExceptionInfo xmlns="${NS}"><Message>From header</Message></ExceptionInfo>`);
    expect(both.kind === "fault" && both.fault.exceptionInfo).toEqual({ Message: "From header" });
    const wcf = fault(
      `<detail><ExceptionDetail xmlns="http://schemas.datacontract.org/2004/07/System.ServiceModel"><HelpLink/><InnerException><Message>inner</Message><Type>System.Exception</Type></InnerException><Message>outer</Message><StackTrace>at x</StackTrace><Type>System.InvalidOperationException</Type></ExceptionDetail></detail>`,
    );
    expect(wcf.kind === "fault" && wcf.fault.exceptionInfo).toEqual({
      Message: "outer",
      StackTrace: "at x",
      ExceptionType: "System.InvalidOperationException",
      InnerException: { Message: "inner", ExceptionType: "System.Exception" },
    });
  });

  it.each([
    ["empty body", "", "Response body is empty"],
    ["HTML", "<!DOCTYPE html><html><body>Error</body></html>", "DOCTYPE"],
    ["truncated envelope", envelope(CreateExternalUser, "<Response>42</Response>").slice(0, -20), "truncated"],
    ["not an envelope", "<Response>1</Response>", "not a SOAP 1.1 envelope"],
    ["SOAP 1.2", `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>`, "SOAP 1.2"],
    ["Envelope in no namespace", `<Envelope><Body/></Envelope>`, "not a SOAP 1.1 envelope"],
    ["no Body", `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"/>`, "no Body"],
    ["other response element", envelope(GetUser, ""), "no <CreateExternalUserResponse> element (found <GetUserResponse>)"],
    ["entity expansion attempt", `<!DOCTYPE s:Envelope [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;">]>` + envelope(CreateExternalUser, "<Response>&y;</Response>"), "DOCTYPE"],
  ])("%s -> ResponseParseError", (_, xml, message) => {
    expect(() => readSoapResponse(UserAgent, CreateExternalUser, xml)).toThrow(ResponseParseError);
    expect(() => readSoapResponse(UserAgent, CreateExternalUser, xml)).toThrow(message);
  });

  it("reads a response of a few MB", () => {
    const item = (i: number): string =>
      `<UserInfo><TableRight><Mask>Select</Mask><Reason/></TableRight><Deleted>false</Deleted><UserInfoId>${i}</UserInfoId><UserName>user ${i} &amp; co</UserName>` +
      `<PersonId>${i + 1}</PersonId><GrantedLicenses xmlns:a="${ARRAYS}"><a:string>one</a:string><a:string>two</a:string></GrantedLicenses><CanLogon>true</CanLogon></UserInfo>`;
    const count = 15000;
    const xml = envelope(GetUserInfoList, `<Response>${Array.from({ length: count }, (_, i) => item(i)).join("")}</Response>`);
    expect(xml.length).toBeGreaterThan(4_000_000);
    const list = value(GetUserInfoList, xml.slice(xml.indexOf("<Response>"), xml.lastIndexOf("</GetUserInfoListResponse>"))) as Record<string, unknown>[];
    expect(list).toHaveLength(count);
    expect(list[count - 1]).toEqual({
      TableRight: { Mask: ["Select"], Reason: "" },
      Deleted: false,
      UserInfoId: count - 1,
      UserName: `user ${count - 1} & co`,
      PersonId: count,
      GrantedLicenses: ["one", "two"],
      CanLogon: true,
    });
  });

  it("ValidateUser returns a StringDictionary as a record", () => {
    expect(value(ValidateUser, `<Response><StringKeyValuePair><Key>a</Key><Value>1</Value></StringKeyValuePair></Response>`)).toEqual({ a: "1" });
  });

  it("a dateTime dictionary key becomes the text the writer sends, not Date#toString", () => {
    const schema = { ...UserAgent, types: { ...UserAgent.types, Rules: { kind: "dictionary", ns: NS, entry: "RuleKeyValuePair", key: "dateTime", value: "int" } } } as const;
    const op = { ...CreateExternalUser, returns: "Rules" };
    const entry = (key: string, v: number) => `<RuleKeyValuePair><Key>${key}</Key><Value>${v}</Value></RuleKeyValuePair>`;
    const result = readSoapResponse(schema, op, envelope(op, `<Response>${entry("2025-04-03T11:13:36", 1)}${entry("2025-10-26T01:00:00.250+02:00", 2)}</Response>`));
    expect(result.kind === "result" && result.value).toEqual({ "2025-04-03T11:13:36Z": 1, "2025-10-25T23:00:00.250Z": 2 });
  });

  it("a return value in a part not named Response (SoPrincipal.GetSystemInfo's SystemInfo) is read when it is the only child", () => {
    expect(value(CreateExternalUser, "<SystemInfo>42</SystemInfo>")).toBe(42);
    expect(value(CreateExternalUser, "<Response>7</Response>")).toBe(7);
    // More than one child and none is Response: nothing is guessed.
    expect(value(CreateExternalUser, "<A>1</A><B>2</B>")).toBeNull();
  });
});

describe("write/read symmetry", () => {
  const carried = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu, "\uFFFD");
  const flags = fc.subarray(["Select", "Update", "Insert", "Delete", "Filtering"]);
  const str = fc.string({ unit: "binary", maxLength: 30 });
  const credentials = fc.record(
    {
      TableRight: fc.record({ Mask: flags, Reason: fc.option(str, { nil: null }) }, { requiredKeys: [] }),
      FieldProperties: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k === carried(k)),
        fc.option(fc.record({ FieldType: str, FieldLength: fc.integer({ min: -2147483648, max: 2147483647 }) }), { nil: null }),
        { maxKeys: 3 },
      ),
      ValidFrom: fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
      Comment: fc.option(str, { nil: null }),
      SecretValue: str,
      IsActive: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  function sanitize(value: unknown): unknown {
    if (typeof value === "string") return carried(value);
    if (value === null || typeof value !== "object" || value instanceof Date) return value;
    if (Array.isArray(value)) return value.map(sanitize);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v)]));
  }

  it("what the writer writes, the reader reads back (strings as XML can carry them)", () => {
    fc.assert(
      fc.property(credentials, (value) => {
        const writer = new XmlWriter(UserAgent.types, NS, writeXmlTree);
        writer.writeElement(NS, "Response", "UntrustedCredentials", NILLABLE, value);
        const xml = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"${writer.declarations}><s:Body><SyntheticGetCarrierResponse xmlns="${NS}">${writer.out}</SyntheticGetCarrierResponse></s:Body></s:Envelope>`;
        const op = { ...SyntheticGetCarrier, returns: "UntrustedCredentials" };
        const result = readSoapResponse(UserAgent, op, xml);
        expect(result.kind === "result" && result.value).toEqual(sanitize(value));
      }),
      { numRuns: 300 },
    );
  });
});
