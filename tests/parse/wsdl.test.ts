import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TypeDef } from "../../generator/ir/types.js";
import { parseWsdl } from "../../generator/parse/wsdl/index.js";
import type { ParsedWsdl, WsdlOperation } from "../../generator/parse/types.js";
import { hasCorpus, repoRoot, services86Dir, services88Dir } from "../corpus.js";

const SERVICES88_NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

/** The ```xml fence of a WSDL page, with the file line its first line sits on. */
function extractWsdl(markdown: string): { xml: string; firstLine: number } {
  const fence = /```xml\r?\n([\s\S]*?)```/.exec(markdown);
  if (!fence) throw new Error("no ```xml fence");
  const fenceLine = markdown.slice(0, fence.index).split("\n").length;
  return { xml: fence[1], firstLine: fenceLine + 1 };
}

function parseFile(file: string): { wsdl: ParsedWsdl; text: string; diagnostics: ReturnType<typeof parseWsdl>["diagnostics"] } {
  const text = readFileSync(file, "utf8");
  const { xml, firstLine } = file.endsWith(".md") ? extractWsdl(text) : { xml: text, firstLine: 1 };
  const result = parseWsdl(xml, file, firstLine);
  if (!result.value) throw new Error(`${file} did not parse: ${JSON.stringify(result.diagnostics)}`);
  return { wsdl: result.value, text, diagnostics: result.diagnostics };
}

/** Operation count straight from the text: <wsdl:operation> inside the portType. */
function countPortTypeOperations(text: string): number {
  const portType = /<wsdl:portType[\s\S]*?<\/wsdl:portType>/.exec(text);
  return portType ? (portType[0].match(/<wsdl:operation /g) ?? []).length : 0;
}

/** 1-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, at).split("\n").length;
}

function operation(wsdl: ParsedWsdl, name: string): WsdlOperation {
  const op = wsdl.operations.find((o) => o.name === name);
  if (!op) throw new Error(`no operation ${name}`);
  return op;
}

function typeDef<K extends TypeDef["kind"]>(wsdl: ParsedWsdl, name: string, kind: K): Extract<TypeDef, { kind: K }> {
  const def = wsdl.types.find((t) => t.name === name);
  if (!def) throw new Error(`no type ${name}`);
  expect(def.kind).toBe(kind);
  return def as Extract<TypeDef, { kind: K }>;
}

const PRIMITIVES = new Set([
  "int", "string", "boolean", "dateTime", "long", "short", "double", "decimal", "float", "byte", "unsignedByte",
  "unsignedShort", "unsignedInt", "unsignedLong", "base64Binary", "anyType", "anyURI", "QName", "guid", "char", "duration",
]);

/** Every type reference a WSDL makes, with where it was made. */
function typeReferences(wsdl: ParsedWsdl): { ref: string; where: string }[] {
  const refs: { ref: string; where: string }[] = [];
  for (const t of wsdl.types) {
    if (t.kind === "carrier") {
      if (t.base) refs.push({ ref: t.base, where: `${t.name} base` });
      for (const f of t.fields) refs.push({ ref: f.type, where: `${t.name}.${f.name}` });
    } else if (t.kind === "dictionary") {
      refs.push({ ref: t.keyType, where: `${t.name} key` }, { ref: t.valueType, where: `${t.name} value` });
    } else if (t.kind === "array") {
      refs.push({ ref: t.itemType, where: `${t.name} item` });
    }
  }
  for (const op of wsdl.operations) {
    for (const p of op.params) refs.push({ ref: p.type, where: `${op.name}(${p.name})` });
    if (op.response) refs.push({ ref: op.response.type, where: `${op.name} response` });
    for (const h of [...op.requestHeaders, ...op.responseHeaders]) refs.push({ ref: h.type, where: `${op.name} header ${h.name}` });
  }
  return refs;
}

describe("parseWsdl on our own inputs", () => {
  it("reads input/Services88-User.wsdl (a plain .wsdl file)", () => {
    const file = path.join(repoRoot, "input/Services88-User.wsdl");
    const { wsdl, text, diagnostics } = parseFile(file);
    expect(diagnostics).toEqual([]);
    expect(wsdl.version).toBe("Services88");
    expect(wsdl.agent).toBe("User");
    expect(wsdl.operations.map((o) => o.name)).toEqual(["CreateExternalUser", "SaveUntrustedCredentialsForAssociate", "SetExternalUserInfo", "SetPassword"]);
    expect(wsdl.operations).toHaveLength(countPortTypeOperations(text));
    expect(wsdl.source).toEqual({ path: file, line: 2 });
    expect(operation(wsdl, "SaveUntrustedCredentialsForAssociate").response).toBeNull();
  });

  it("reads input/Services86-User.md (WSDL in a markdown fence)", () => {
    const file = path.join(repoRoot, "input/Services86-User.md");
    const { wsdl, text, diagnostics } = parseFile(file);
    expect(diagnostics).toEqual([]);
    expect(wsdl.version).toBe("Services86");
    expect(wsdl.targetNamespace).toBe("http://www.superoffice.net/ws/crm/NetServer/Services86");
    expect(wsdl.operations).toHaveLength(countPortTypeOperations(text));
    expect(wsdl.operations).toHaveLength(3);
    const create = operation(wsdl, "CreateExternalUser");
    expect(create.line).toBe(lineOf(text, '<wsdl:operation name="CreateExternalUser">'));
    expect(create.params[0]).toMatchObject({ name: "PersonId", type: "int", line: lineOf(text, 'name="PersonId"') });
  });
});

describe("the version a WSDL's target namespace names", () => {
  const wsdl88 = readFileSync(path.join(repoRoot, "input/Services88-User.wsdl"), "utf8");
  const versionOf = (segment: string) => parseWsdl(wsdl88.replaceAll(`${SERVICES88_NS}"`, `http://www.superoffice.net/ws/crm/NetServer/${segment}"`), "x.wsdl", 1);

  it("never takes over what the output holds beside the version folders (dist, runtime, package.json, …): the WSDL is skipped with an error", () => {
    for (const segment of ["dist", "Runtime", "docs", "ir", "node_modules", "package.json", "tsconfig.json", "README.md"]) {
      const result = versionOf(segment);
      expect(result.value, segment).toBeNull();
      expect(result.diagnostics.map((d) => [d.severity, d.code]), segment).toEqual([["error", "wsdl.version"]]);
    }
  });

  it("another name than ServicesNN is used as given, with a warning", () => {
    const result = versionOf("Services89-beta");
    expect(result.value?.version).toBe("Services89-beta");
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([["warning", "wsdl.version"]]);
  });
});

describe.skipIf(!hasCorpus)("parseWsdl on the Services88 corpus", () => {
  const files = hasCorpus ? readdirSync(services88Dir).filter((f) => /^Services88-.+\.md$/.test(f)).sort() : [];
  const parsed = new Map(files.map((f) => [f, parseFile(path.join(services88Dir, f))]));
  const user = () => parsed.get("Services88-User.md")!.wsdl;
  const userText = () => parsed.get("Services88-User.md")!.text;

  it("parses all 30 agents, 1,519 operations, each matching its portType", () => {
    expect(files).toHaveLength(30);
    let total = 0;
    for (const [file, { wsdl, text }] of parsed) {
      expect(wsdl.agent, file).toBe(file.slice("Services88-".length, -".md".length));
      expect(wsdl.version, file).toBe("Services88");
      expect(wsdl.targetNamespace, file).toBe(SERVICES88_NS);
      expect(wsdl.address, file).toBe(`https://sod.superoffice.com/Cust12345/Remote/Services88/${wsdl.agent}.svc`);
      expect(wsdl.operations.length, file).toBe(countPortTypeOperations(text));
      total += wsdl.operations.length;
    }
    expect(total).toBe(1519);
  });

  it("reports nothing on the corpus", () => {
    expect([...parsed.values()].flatMap((p) => p.diagnostics)).toEqual([]);
  });

  it("keeps WCF out parameters as extra results (SoPrincipal.AuthenticateUsernamePassword carries the ticket in Credentials)", () => {
    const authenticate = parsed.get("Services88-SoPrincipal.md")?.wsdl.operations.find((op) => op.name === "AuthenticateUsernamePassword");
    expect(authenticate?.response).toMatchObject({ name: "Response", type: "SoPrincipalCarrier" });
    expect(authenticate?.results.map((el) => `${el.name}: ${el.type}`)).toEqual(["Response: SoPrincipalCarrier", "Credentials: SoCredentials", "AuthenticationSucceeded: boolean"]);
    const multiPart = [...parsed.values()].flatMap((p) => p.wsdl.operations.filter((op) => op.results.length > 1).map((op) => op.name));
    expect(multiPart.sort()).toEqual(["AuthenticateGeneric", "AuthenticateImplicit", "AuthenticateUsernamePassword", "AuthenticateWithAccessToken"]);
  });

  it("resolves every type reference to a primitive or a type of the same WSDL", () => {
    for (const [file, { wsdl }] of parsed) {
      const names = new Set(wsdl.types.map((t) => t.name));
      const dangling = typeReferences(wsdl).filter(({ ref }) => !PRIMITIVES.has(ref) && !names.has(ref));
      expect(dangling, file).toEqual([]);
      expect(wsdl.types.filter((t) => PRIMITIVES.has(t.name)), file).toEqual([]);
    }
  });

  it("reads the User agent: 96 operations in portType order", () => {
    expect(countPortTypeOperations(userText())).toBe(96);
    expect(user().operations).toHaveLength(96);
    expect(user().operations.slice(0, 3).map((o) => o.name)).toEqual(["ValidateUser", "GetUserPresenceStatus", "SetUserPresenceStatus"]);
    expect(user().source.line).toBe(lineOf(userText(), "<wsdl:definitions"));
  });

  it("reads CreateExternalUser's params, response, soapAction, headers and lines", () => {
    const op = operation(user(), "CreateExternalUser");
    expect(op.params.map(({ name, type, optional, nillable }) => ({ name, type, optional, nillable }))).toEqual([
      { name: "PersonId", type: "int", optional: true, nillable: false },
      { name: "UserName", type: "string", optional: true, nillable: true },
      { name: "Password", type: "string", optional: true, nillable: true },
      { name: "RoleId", type: "int", optional: true, nillable: false },
      { name: "IsActive", type: "boolean", optional: true, nillable: false },
    ]);
    expect(op.response).toMatchObject({ name: "Response", type: "int", nillable: false });
    expect(op.soapAction).toBe(`${SERVICES88_NS}/User/CreateExternalUser`);
    expect(op.requestElement).toEqual({ name: "CreateExternalUser", namespace: SERVICES88_NS });
    expect(op.responseElement).toEqual({ name: "CreateExternalUserResponse", namespace: SERVICES88_NS });
    expect(op.requestHeaders.map((h) => [h.name, h.type])).toEqual([
      ["ApplicationToken", "string"],
      ["Credentials", "SoCredentials"],
      ["TimeZone", "SoTimeZone"],
    ]);
    expect(op.responseHeaders.map((h) => [h.name, h.type])).toEqual([
      ["ExceptionInfo", "SoExceptionInfo"],
      ["ExtraInfo", "SoExtraInfo"],
      ["Succeeded", "boolean"],
      ["TimeZone", "SoTimeZone"],
    ]);
    expect(op.requestHeaders[1].element).toEqual({ name: "Credentials", namespace: SERVICES88_NS });
    const text = userText();
    expect(op.line).toBe(lineOf(text, '<wsdl:operation name="CreateExternalUser">'));
    const wrapperLine = lineOf(text, '<xs:element name="CreateExternalUser">');
    expect(op.params.map((p) => p.line)).toEqual([1, 2, 3, 4, 5].map((i) => wrapperLine + 2 + i));
  });

  it("reads flags enums (SetExternalUserInfo's ExternalUserInfoModification, ETableRight)", () => {
    const param = operation(user(), "SetExternalUserInfo").params.find((p) => p.name === "ExternalUserInfoModification");
    expect(param?.type).toBe("ExternalUserInfoModification");
    const modification = typeDef(user(), "ExternalUserInfoModification", "enum");
    expect(modification.flags).toBe(true);
    expect(modification.values.map((v) => v.name)).toEqual(["UserName", "Password", "Role", "Active", "UndefinedValue16"]);

    const tableRight = typeDef(user(), "ETableRight", "enum");
    expect(tableRight).toMatchObject({ flags: true, underlying: "int", namespace: SERVICES88_NS });
    expect(tableRight.values).toEqual([
      ...["Select", "Update", "Insert", "Delete", "Filtering", "RestrictedUpdate", "Unused1", "Uninitialized"].map((name) => ({ name, value: null })),
      { name: "R", value: 1 },
      { name: "F", value: 16 },
    ]);
  });

  it("reads RoleType as a plain enum with underlying short", () => {
    const roleType = typeDef(user(), "RoleType", "enum");
    expect(roleType.flags).toBe(false);
    expect(roleType.underlying).toBe("short");
    expect(roleType.values.map((v) => v.name)).toEqual(["Employee", "ExternalUser", "Anonymous", "System"]);
  });

  it("reads StringDictionary as a dictionary", () => {
    expect(typeDef(user(), "StringDictionary", "dictionary")).toEqual({
      name: "StringDictionary",
      kind: "dictionary",
      namespace: SERVICES88_NS,
      entryElement: "StringKeyValuePair",
      keyType: "string",
      valueType: "string",
      valueNillable: true,
    });
  });

  it("reads User as a carrier extending Carrier with only its own fields", () => {
    const userType = typeDef(user(), "User", "carrier");
    expect(userType.base).toBe("Carrier");
    expect(userType.fields).toHaveLength(25);
    expect(userType.fields[0]).toEqual({ name: "AssociateId", type: "int", optional: true, nillable: false });
    expect(userType.fields.find((f) => f.name === "OtherGroups")?.type).toBe("UserGroup[]");
    expect(userType.fields.find((f) => f.name === "TableRight")).toBeUndefined();
    expect(typeDef(user(), "Carrier", "carrier").fields.map((f) => [f.name, f.type])).toEqual([
      ["TableRight", "TableRight"],
      ["FieldProperties", "FieldPropertyDictionary"],
    ]);
  });

  it("resolves inline-prefixed q1:ArrayOfstring to string[] with an array type in the Arrays namespace", () => {
    const granted = typeDef(user(), "UserInfo", "carrier").fields.find((f) => f.name === "GrantedLicenses");
    expect(granted?.type).toBe("string[]");
    expect(typeDef(user(), "string[]", "array")).toMatchObject({ namespace: ARRAYS_NS, itemType: "string", itemElement: "string" });
    expect(typeDef(user(), "int[]", "array")).toMatchObject({ namespace: ARRAYS_NS, itemType: "int", itemElement: "int" });
    expect(typeDef(user(), "User[]", "array")).toMatchObject({ namespace: SERVICES88_NS, itemType: "User", itemElement: "User" });
    expect(operation(user(), "ResolveUserFromInfo").params.find((p) => p.name === "PhoneNumbers")?.type).toBe("string[]");
  });

  it("resolves nested arrays, duration and the recursive SoExceptionInfo", () => {
    const document = parsed.get("Services88-Document.md")!.wsdl;
    expect(typeDef(document, "TemplateVariablesParameters", "carrier").fields.find((f) => f.name === "CustomTags")?.type).toBe("string[][]");
    expect(typeDef(document, "string[][]", "array")).toMatchObject({ itemType: "string[]", itemElement: "ArrayOfstring", namespace: ARRAYS_NS });

    const appointment = parsed.get("Services88-Appointment.md")!.wsdl;
    expect(typeDef(appointment, "Appointment", "carrier").fields.find((f) => f.name === "AlarmLeadTime")?.type).toBe("duration");

    const exceptionInfo = typeDef(user(), "SoExceptionInfo", "carrier");
    expect(exceptionInfo.fields.find((f) => f.name === "InnerException")?.type).toBe("SoExceptionInfo");
  });

  it("reads SoPrincipal: login operations with only the ApplicationToken request header", () => {
    const soPrincipal = parsed.get("Services88-SoPrincipal.md")!.wsdl;
    expect(soPrincipal.operations.map((o) => o.name)).toEqual([
      "GetSystemInfo", "AuthenticateImplicit", "AuthenticateUsernamePassword", "AuthenticateGeneric", "AuthenticateWithAccessToken",
    ]);
    const login = operation(soPrincipal, "AuthenticateUsernamePassword");
    expect(login.params.map((p) => [p.name, p.type])).toEqual([["UserName", "string"], ["Password", "string"]]);
    expect(login.response?.type).toBe("SoPrincipalCarrier");
    expect(login.responseElement.name).toBe("AuthenticateResponse");
    expect(login.requestHeaders.map((h) => h.name)).toEqual(["ApplicationToken"]);
    expect(login.responseHeaders.map((h) => h.name)).toEqual(["ExceptionInfo", "ExtraInfo", "Succeeded", "TimeZone"]);
  });
});

describe.skipIf(!hasCorpus)("parseWsdl on the Services86 corpus", () => {
  it("reads the Services86 User agent", () => {
    const { wsdl, text, diagnostics } = parseFile(path.join(services86Dir, "Services86-User.md"));
    expect(diagnostics).toEqual([]);
    expect(wsdl.version).toBe("Services86");
    expect(wsdl.agent).toBe("User");
    expect(wsdl.address).toBe("https://sod.superoffice.com/Cust12345/Remote/Services86/User.svc");
    expect(wsdl.operations).toHaveLength(countPortTypeOperations(text));
    expect(wsdl.operations).toHaveLength(79);
    const create = operation(wsdl, "CreateExternalUser");
    expect(create.params.map((p) => `${p.name}:${p.type}`)).toEqual(["PersonId:int", "UserName:string", "Password:string", "RoleId:int", "IsActive:boolean"]);
    expect(create.soapAction).toBe("http://www.superoffice.net/ws/crm/NetServer/Services86/User/CreateExternalUser");
  });
});
