/**
 * What the wire descriptors leave to the runtime where it is what the runtime takes when absent
 * (schema.ts): over SOAP an operation's soapAction and wrapper elements (`<ns>/<agent>/<name>`,
 * `<name>`, `<name>Response` — every NetServer operation's but a few: SoPrincipal.AuthenticateGeneric)
 * and the binding's SoExceptionInfo descriptors where they are the runtime's built-in ones and its
 * request headers where it declares every one the envelope writes; over
 * REST the method and path (POST `/api/v1/Agents/<agent>/<name>`, every agent operation's).
 */
import { describe, expect, it } from "vitest";
import { typeLookup } from "../../generator/emit/ts/ts-types.js";
import { operationConstants, wireView } from "../../generator/emit/ts/wire.js";
import type { CarrierType, DictionaryType, Member, ServicesModel } from "../../generator/ir/types.js";
import { buildSoapRequest, SOAP_REQUEST_HEADERS } from "../../templates/runtime/soap-envelope.js";
import { restMethodOf, restPathOf } from "../../templates/runtime/schema.js";
import { services88 } from "../fixtures/models.js";

describe("SOAP operation descriptors", () => {
  it("leave out soapAction, request and response where they are the defaults, and print them whole where not", () => {
    const model = services88();
    const agent = model.agents[0]!;
    const [first, second] = agent.operations;
    const renamed = { ...second!, soapAction: "", requestElement: "Asked", responseElement: "Answered" };
    const shown = { ...agent, operations: [first!, renamed] };
    const texts = wireView(shown, typeLookup(model)).declarations.map((d) => d.text);
    const soapDescriptor = (operation: typeof first): string => texts.find((t) => t.startsWith(`export const ${operationConstants(shown, operation!).soap}:`)) ?? "";
    const plain = soapDescriptor(first);
    expect(plain).toContain(`name: "${first!.name}",`);
    expect(plain).not.toMatch(/soapAction|request:|response:/);
    const other = soapDescriptor(renamed);
    expect(other).toContain(`  soapAction: "",\n  request: "Asked",\n  response: "Answered",\n`);
  });

  it("leave the SoExceptionInfo descriptors out of the binding's types where the runtime's built-in ones read alike", () => {
    const model = services88();
    const agent = model.agents[0]!;
    const member = (name: string, type = "string"): Member => ({ name, type, optional: true, nillable: true, doc: "", docSource: null });
    const common = { namespace: agent.namespace, doc: "", docSource: null, definedBy: [agent.name] };
    const names = ["Message", "StackTrace", "FriendlyText", "ExceptionType", "Source"];
    const info = (extra: string[] = []): CarrierType => ({
      ...common,
      name: "SoExceptionInfo",
      kind: "carrier",
      base: null,
      fields: [...names, ...extra].map((name) => member(name)).concat(member("InnerException", "SoExceptionInfo"), member("Parameters", "SoExceptionInfoParameters")),
    });
    const parameters: DictionaryType = { ...common, name: "SoExceptionInfoParameters", kind: "dictionary", entryElement: "SoExceptionInfoParametersKeyValuePair", keyType: "string", valueType: "string", valueNillable: true };
    const binding = (types: ServicesModel["types"]): string => {
      const texts = wireView(agent, typeLookup({ ...model, types: [...model.types, ...types] })).declarations.map((d) => d.text);
      return texts.filter((t) => /^const SoExceptionInfo|^export const SOAP_AGENT/.test(t)).join("\n");
    };
    const alike = binding([info(), parameters]);
    expect(alike).not.toMatch(/SoExceptionInfo(Parameters)?\$/);
    expect(alike).toContain(`["ExceptionInfo", "SoExceptionInfo"]`);
    // A field more: this version's SoExceptionInfo is its own, printed; its Parameters are still the built-in ones.
    const other = binding([info(["Extra"]), parameters]);
    expect(other).toContain("const SoExceptionInfo$: CarrierDescriptor");
    expect(other).toContain("SoExceptionInfo: SoExceptionInfo$,");
    expect(other).not.toContain("SoExceptionInfoParameters$");
  });
});

describe("SOAP bindings", () => {
  const bindingOf = (requestHeaders: string[]): string => {
    const model = services88();
    const agent = { ...model.agents[0]!, requestHeaders: requestHeaders.map((name) => ({ name, type: "string" })) };
    return wireView(agent, typeLookup(model)).declarations.map((d) => d.text).find((t) => t.startsWith("export const SOAP_AGENT")) ?? "";
  };

  it("leave out the request headers where they declare every one the envelope writes, in any order", () => {
    expect(bindingOf(["TimeZone", "ApplicationToken", "Credentials"])).not.toContain("requestHeaders");
    expect(bindingOf(["ApplicationToken"])).toContain(`requestHeaders: [\n    "ApplicationToken",\n  ],`);
    // None declared is not all: the binding says so.
    expect(bindingOf([])).toContain("requestHeaders: [],");
  });

  it("are read as the envelope writes every header where they leave them out", () => {
    const op = { name: "Ping", params: [], returns: null, types: {} };
    const xml = buildSoapRequest({ name: "Probe", ns: "urn:probe", endpoint: "Probe.svc", responseHeaders: [] }, op, {}, { applicationToken: "a", ticket: "t", timeZone: { SoTimeZoneId: 1 } });
    const written = [...xml.matchAll(/<(\w+) xmlns="urn:probe">/g)].map((match) => match[1]).filter((name) => name !== "Ping");
    expect(written).toEqual([...SOAP_REQUEST_HEADERS]);
  });
});

describe("REST operation descriptors", () => {
  it("leave out method and path where they are the defaults, and print them whole where not", () => {
    const model = services88();
    const agent = model.agents[0]!;
    const [first, second] = agent.operations;
    const moved = { ...second!, rest: { ...second!.rest, method: "PUT", path: `/api/v1/Agents/${agent.name}/Elsewhere` } };
    const shown = { ...agent, operations: [first!, moved] };
    const texts = wireView(shown, typeLookup(model)).declarations.map((d) => d.text);
    const restDescriptor = (operation: typeof first): string => texts.find((t) => t.startsWith(`export const ${operationConstants(shown, operation!).rest}:`)) ?? "";
    const plain = restDescriptor(first);
    expect(first!.rest.method).toBe("POST");
    expect(first!.rest.path).toBe(`/api/v1/Agents/${agent.name}/${first!.name}`);
    expect(plain).toContain("rest: {");
    expect(plain).not.toMatch(/method:|path:/);
    expect(restDescriptor(moved)).toContain(`    method: "PUT",\n    path: "/api/v1/Agents/${agent.name}/Elsewhere",\n`);
  });

  it("are read with the defaults the generator leaves out", () => {
    expect(restMethodOf({ rest: {} })).toBe("POST");
    expect(restMethodOf({ rest: { method: "GET" } })).toBe("GET");
    expect(restPathOf({ name: "User" }, { name: "GetUser", rest: {} })).toBe("/api/v1/Agents/User/GetUser");
    expect(restPathOf({ name: "User" }, { name: "GetUser", rest: { path: "/api/v1/Other" } })).toBe("/api/v1/Other");
  });
});
