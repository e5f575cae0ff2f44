/**
 * Hostile names: a hand-written WSDL whose agents, operations, parameters, fields, types and enum
 * values are named like JavaScript keywords, globals, Object.prototype members and the runtime's
 * own exports, with SOAP pages and an OpenAPI file documenting them. The generator must not
 * throw, and the output must compile under the CONTRACTS §2 options (compileStrict) and behave
 * (no `__proto__` key silently turned into a prototype).
 *
 * Bugs this found and that are fixed (see the report of issue 7): Object.prototype members read
 * as primitive types / entities / placeholders / parameter docs (`constructor` typed as
 * `function Object() { [native code] }`, a TypeError in the model builder for a documented
 * parameter named `toString`), methods named `constructor` and `then`, a `__proto__` key in the
 * wire descriptors, lost literal types for a descriptor keyed `constructor`, and file/identifier
 * names made from operation and agent names with `-`, `.` or `/`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerateReport } from "../../generator/index.js";
import { carrierFields, type TypeDescriptor } from "../../templates/runtime/index.js";
import { compileStrict } from "../support/compile.js";
import { scratchDir } from "../support/tmp.js";
import { run } from "./support.js";
import { buildWsdl, carrier, enumType } from "./wsdl-builder.js";

/** Keywords, globals, Object.prototype members, runtime exports and names the generated code uses itself. */
const HOSTILE = [
  "default", "function", "delete", "Promise", "Date", "Record", "Error", "constructor", "__proto__", "SoapClient", "HttpError",
  "toString", "then", "Object", "Array", "hasOwnProperty", "valueOf", "prototype", "arguments", "eval", "undefined", "NaN",
  "Infinity", "ns", "request", "options", "transport", "CallOptions", "Map", "Symbol", "Uint8Array", "RestClient", "Transport_",
];
const NS = "http://www.superoffice.net/ws/crm/NetServer/Services90";

const scratch = scratchDir("hostile-names");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const input = path.join(scratch, "input");
const out = path.join(scratch, "out");
let report: GenerateReport;

function hostileWsdl(agent: string): string {
  const fields: [string, string][] = HOSTILE.map((name) => [name, "xs:string"]);
  const types = [
    ...HOSTILE.map((name) => carrier(name, [...fields, ["Self", `tns:${name}`]])),
    enumType("Kind", HOSTILE),
    enumType("Flags", ["default", "__proto__", "then", "constructor"], true),
    carrier("Holder", [["Kind", "tns:Kind"], ["Flags", "tns:Flags"], ...HOSTILE.map((name): [string, string] => [`Of${name}`, `tns:${name}`])]),
    // A derived carrier named like a runtime class, based on one named like a global.
    carrier("SoapFaultError", [["Extra", "xs:int"]], "tns:Promise"),
    // Names with characters TypeScript identifiers and file names cannot hold.
    carrier("Get-Thing", [["Get-Field", "xs:int"], ["a.b", "xs:int"]]),
  ].join("\n");
  const operations = [
    ...HOSTILE.map((name) => ({ name, params: [...fields, ["Value", `tns:${name}`]] as [string, string][], returns: `tns:${name}` })),
    { name: "Get-Thing", params: [["Get-Thing", "tns:Get-Thing"], ["Holder", "tns:Holder"]] as [string, string][], returns: "tns:SoapFaultError" },
  ];
  return buildWsdl({ version: "Services90", agent, operations, types });
}

/** A Services86-style SOAP page that documents the operation's hostile parameters. */
function soapPage(agent: string, operation: string, params: Record<string, string>): string {
  return [
    "---", `title: Services90.${agent}Agent.${operation} SOAP`, "---", "", `# Services90 ${agent} ${operation}`, "",
    `SOAP request and response examples **Remote/Services90/${agent}.svc**`, "", `## ${operation}`, "", `The ${operation} operation &constructor; &toString; &amp; more.`, "",
    ...Object.entries(params).map(([name, doc]) => `* **${name}:** ${doc}`), "", "**Returns:** What it returns.", "",
  ].join("\n");
}

/** An agent OpenAPI file documenting the `constructor` carrier and the body of one operation. (`["__proto__"]` keys: a plain `__proto__:` in a literal would set the prototype, the very bug under test.) */
function openApi(agent: string): string {
  return JSON.stringify(
    {
      openapi: "3.0.1",
      paths: {
        [`/api/v1/Agents/${agent}/toString`]: {
          post: {
            summary: "Turns it into a string.",
            requestBody: { content: { "application/json": { schema: { properties: Object.fromEntries([...HOSTILE, "Value"].map((name) => [name, { description: `REST ${name}.` }])) } } } },
          },
        },
      },
      components: {
        schemas: {
          "SuperOffice.Carriers.constructor": { description: "The constructor carrier.", properties: { toString: { description: "Its toString." }, ["__proto__"]: { description: "Its proto." }, valueOf: { description: "Its valueOf." } } },
          "SuperOffice.Carriers.__proto__": { description: "The proto carrier.", properties: { constructor: { description: "Its constructor." }, ["__proto__"]: { description: "Its own proto." } } },
          "SuperOffice.Carriers.toString": { description: "The toString carrier." },
        },
      },
    },
    null,
    2,
  );
}

beforeAll(async () => {
  mkdirSync(path.join(input, "pages"), { recursive: true });
  // Agents named like the worst of them too, each in its own WSDL.
  for (const agent of ["Hostile", "constructor", "then", "__proto__", "default", "Promise", "SoapClient"]) {
    writeFileSync(path.join(input, `Services90-${agent}.wsdl`), hostileWsdl(agent));
  }
  writeFileSync(path.join(input, "pages/toString.md"), soapPage("Hostile", "toString", { constructor: "Builds it.", toString: "Prints it.", ["__proto__"]: "The proto.", valueOf: "Its value.", then: "Then what." }));
  writeFileSync(path.join(input, "pages/constructor.md"), soapPage("constructor", "constructor", { hasOwnProperty: "Owns it.", ["__proto__"]: "Proto of the constructor agent." }));
  writeFileSync(path.join(input, "openapi-v3-HostileAgent.json"), openApi("Hostile"));
  report = await run([input], out);
});

describe("hostile names", () => {
  it("generate without an error or a crash", () => {
    expect(report.exitCode).toBe(0);
    expect(report.written).toBe(true);
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(new Set(report.diagnostics.map((d) => d.code))).toEqual(new Set(["model.undocumented-operation"]));
    expect(report.versions).toEqual([{ version: "Services90", agents: 7, operations: 7 * (HOSTILE.length + 1) }]);
  });

  it("compile under the contract's strict options", () => {
    expect(compileStrict(out)).toEqual([]);
  });

  it("get a `_` suffix where they would clash, and keep their wire names everywhere else", () => {
    const agent = readFileSync(path.join(out, "services90/agents/hostile.ts"), "utf8");
    for (const method of ["default", "function", "delete", "constructor_", "then_", "undefined", "__proto__", "toString", "promise", "date"]) {
      expect(agent, method).toMatch(new RegExp(`\\n  ${method.replace(/\$/g, "\\$")}\\(request: Hostile\\w+Request, options\\?: O\\): Promise<`));
    }
    expect(agent).toContain("get_Thing(request: HostileGet_ThingRequest, options?: O): Promise<SoapFaultError_ | null>;");
    expect(agent).toContain("{ ...wire.__proto__Rest, ...wire.__proto__Soap }, request, options");
    expect(agent).toContain("{ ...wire.get_ThingRest, ...wire.get_ThingSoap }, request, options");
    // The tree-shakable functions: reserved words step aside as functions (not as methods), and
    // so do names the module imports (the types `default_`, `__proto__`, `toString`).
    const functions = readFileSync(path.join(out, "services90/agents/hostile.rest.ts"), "utf8");
    for (const name of ["default__", "function__", "delete__", "constructor_", "then_", "undefined__", "__proto___", "toString_", "promise", "date"]) {
      expect(functions, name).toMatch(new RegExp(`\\nexport function ${name.replace(/\$/g, "\\$")}\\(transport: RestTransport, request: Hostile\\w+Request, options\\?: RestCallOptions\\): Promise<`));
    }
    const types = readFileSync(path.join(out, "services90/types.ts"), "utf8");
    for (const name of ["Promise_", "Date_", "Record_", "Error_", "SoapClient_", "HttpError_", "Object_", "Array_", "Map_", "Symbol_", "Uint8Array_", "RestClient_", "default_", "function_", "delete_", "Get_Thing"]) {
      expect(types, name).toMatch(new RegExp(`export interface ${name} (extends \\w+ )?\\{`));
    }
    expect(types).toContain("export interface SoapFaultError_ extends Promise_ {");
    expect(types).toContain('export type Kind = "default" | "function" | "delete" | "Promise"');
    expect(types).toMatch(/export interface constructor \{\n {2}default\?: string \| null;/);
    expect(types).toContain('  "Get-Field"?: number | null;');
    for (const client of ["soap-client.ts", "rest-client.ts"]) {
      const text = readFileSync(path.join(out, "services90", client), "utf8");
      for (const property of ["hostile", "constructor_", "then_", "__proto__", "default", "promise", "soapClient"]) expect(text, `${client} ${property}`).toContain(`  get ${property}(): `);
    }
  });

  it("carry the docs of hostile-named parameters and carriers from the pages and the OpenAPI file", () => {
    const agent = readFileSync(path.join(out, "services90/agents/hostile.ts"), "utf8");
    const request = agent.slice(agent.indexOf("export interface HostiletoStringRequest"));
    for (const doc of ["Builds it.", "Prints it.", "The proto.", "Its value.", "Then what."]) expect(request.slice(0, request.indexOf("\n}\n")), doc).toContain(doc);
    // `&constructor;` is no entity: it stays as written.
    expect(agent).toContain("The toString operation &constructor; &toString; & more.");
    const types = readFileSync(path.join(out, "services90/types.ts"), "utf8");
    const ctor = types.slice(types.indexOf("export interface constructor {") - 200, types.indexOf("export interface constructor {"));
    expect(ctor).toContain("The constructor carrier.");
    expect(types).toContain("Its toString.");
    expect(types).toContain("Its proto.");
    expect(types).not.toContain("[native code]");
    expect(readFileSync(path.join(out, "docs/Services90/types.md"), "utf8")).not.toContain("[native code]");
  });

  it("keep `__proto__` an ordinary key of the wire descriptors at run time", async () => {
    type Descriptor = { name: string; params: (readonly [string, string, number?])[]; types?: Record<string, TypeDescriptor>; rest?: { types?: Record<string, TypeDescriptor> } };
    const wire = (await import(pathToFileURL(path.join(out, "services90/agents/hostile.wire.ts")).href)) as Record<string, Descriptor> & { SOAP_AGENT: { ns: string } };
    expect(wire.SOAP_AGENT.ns).toBe(NS);
    const operations = Object.keys(wire).filter((key) => /(Rest|Soap)$/.test(key)).map((key) => wire[key] as Descriptor);
    // The SOAP half's record is its `types`, the REST half's its `rest.types`.
    const records = operations.map((operation) => operation.types ?? operation.rest?.types ?? {});
    for (const record of records) expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    // Every carrier the operations reach, by name, from their own records.
    const types: Record<string, TypeDescriptor> = {};
    for (const record of records) for (const name of Object.keys(record)) Object.defineProperty(types, name, { value: record[name], enumerable: true, configurable: true });
    for (const name of ["__proto__", "constructor", "toString", "then", "hasOwnProperty"]) {
      expect(Object.hasOwn(types, name), name).toBe(true);
      // A carrier's descriptor leaves its kind out (schema.ts).
      expect(types[name] !== undefined && "fields" in types[name]).toBe(true);
      expect(operations.filter((operation) => operation.name === name).length, name).toBe(2);
    }
    const proto = types.__proto__;
    expect(proto !== undefined && "fields" in proto ? carrierFields(proto).map((field) => field[0]) : []).toContain("__proto__");
    expect(wire.get_ThingRest?.params.map((param) => param[0])).toEqual(["Get-Thing", "Holder"]);
    expect(wire.get_ThingSoap?.name).toBe("Get-Thing");
  });
});

describe("generated names beside the schema's", () => {
  /** Generates the WSDL (and `more.inputs`) and type-checks the output, with `more.check` written beside the version's modules. */
  async function compiles(name: string, wsdl: string, more: { inputs?: Record<string, string>; check?: string } = {}): Promise<string[]> {
    const root = path.join(scratch, name);
    mkdirSync(path.join(root, "input"), { recursive: true });
    writeFileSync(path.join(root, "input/Services90-Clash.wsdl"), wsdl);
    for (const [file, text] of Object.entries(more.inputs ?? {})) writeFileSync(path.join(root, "input", file), text);
    const result = await run([path.join(root, "input")], path.join(root, "out"), { docs: false });
    expect(result.exitCode).toBe(0);
    if (more.check !== undefined) writeFileSync(path.join(root, "out/services90/check.ts"), more.check);
    return compileStrict(path.join(root, "out"));
  }

  // Schema types and the names the emitters make per agent share one scope: a generated name that a
  // carrier already has (`ClashAgent`, `ClashAgentClient`, `Clash<Op>Request`, `clashSchema`) steps
  // aside with a `_` suffix (emit/naming.ts besideTypes), so imports and `export *` stay unambiguous.
  it("a carrier named like a generated interface, class, request type or descriptor compiles", async () => {
    const types = ["ClashAgent", "ClashAgentClient", "ClashGetRequest", "clashSchema"].map((name) => carrier(name, [["Value", "xs:string"]])).join("\n");
    const params = ["ClashAgent", "ClashAgentClient", "ClashGetRequest", "clashSchema"].map((name, i): [string, string] => [`P${i}`, `tns:${name}`]);
    expect(await compiles("clash-generated", buildWsdl({ version: "Services90", agent: "Clash", operations: [{ name: "Get", params, returns: "tns:ClashAgent" }], types }))).toEqual([]);
  });

  // The clients keep each agent's client in a private field of its own (`#transportAgent`, never
  // their `#transport`), and the REST client's entity endpoints step aside to `entities_` for an
  // agent Entities, whose property `entities` CONTRACTS §4 fixes.
  it("agents named Transport and Entities and an entity named Transport keep their properties", async () => {
    const agent = (name: string): string => buildWsdl({ version: "Services90", agent: name, operations: [{ name: "GetThing", params: [["Id", "xs:int"]], returns: "xs:int" }] });
    const ok = { description: "OK", content: { "application/json": { schema: { type: "string" } } } };
    const entity = {
      openapi: "3.0.1",
      paths: { "/api/v1/Transport/{id}": { get: { operationId: "v1TransportEntity_GetTransport", parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }], responses: { 200: ok } } } },
    };
    const check = [
      `import type { RestClient, SoapClient } from "./index.js";`,
      `declare const rest: RestClient;`,
      `declare const soap: SoapClient;`,
      `export const agents: Promise<number | null>[] = [rest.transport, soap.transport, rest.entities, soap.entities].map((client) => client.getThing({ Id: 1 }));`,
      `export const fromEntity: Promise<string> = rest.entities_.transport.getTransport({ id: 1 });`,
    ].join("\n");
    const inputs = { "Services90-Entities.wsdl": agent("Entities"), "openapi-v3-Transport.json": JSON.stringify(entity) };
    expect(await compiles("clash-client-members", agent("Transport"), { inputs, check })).toEqual([]);
  });

  // The call options are a type parameter of the agent interface and class and of the entity
  // methods that may answer 304: named `O` unless a type the module uses has that name.
  it("a carrier named O stays the carrier where an agent or entity method answers it", async () => {
    const wsdl = buildWsdl({ version: "Services90", agent: "Clash", operations: [{ name: "GetO", params: [["Id", "xs:int"]], returns: "tns:O" }], types: carrier("O", [["A", "xs:string"]]) });
    const ok = { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/SuperOffice.Carriers.O" } } } };
    const entity = {
      openapi: "3.0.1",
      paths: {
        "/api/v1/Widget/{id}": {
          get: { operationId: "v1WidgetEntity_GetWidget", parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }], responses: { 200: ok, 304: { description: "Not modified." } } },
        },
      },
      components: { schemas: { "SuperOffice.Carriers.O": { type: "object", properties: { A: { type: "string" } } } } },
    };
    const check = [
      `import type { ClashAgent } from "./agents/clash.js";`,
      `import type { WidgetEntityClient } from "./entities/widget.js";`,
      `import type { O } from "./types.js";`,
      `declare const agent: ClashAgent;`,
      `declare const widget: WidgetEntityClient;`,
      // Typed as the options (CallOptions, EntityCallOptions) instead, neither would type-check.
      `export const fromAgent = (): Promise<O | null> => agent.getO({ Id: 1 });`,
      `export const fromEntity = (): Promise<O> => widget.getWidget({ id: 1 });`,
    ].join("\n");
    expect(await compiles("clash-options", wsdl, { inputs: { "openapi-v3-Widget.json": JSON.stringify(entity) }, check })).toEqual([]);
  });

  // Operations whose names differ only in the case of the first letter (`Transport`, `transport`)
  // lower-camel-case to one method name; the later gets `_2` (emit/naming.ts methodName).
  it("two operations differing only in the case of their first letter compile", async () => {
    const operations = [{ name: "Transport", returns: "xs:int" }, { name: "transport", returns: "xs:string" }];
    expect(await compiles("clash-case", buildWsdl({ version: "Services90", agent: "Clash", operations }))).toEqual([]);
  });
});

describe("names that would collide: distinct names that compile, or an error naming both", () => {
  /** Generates the WSDLs; exit 0 must mean the output compiles, exit 1 an error naming both sides. */
  async function outcome(name: string, wsdls: Record<string, string>, both: [string, string]): Promise<{ exitCode: number; errors: string[]; collisionPaths: string[] }> {
    const root = path.join(scratch, name);
    mkdirSync(path.join(root, "input"), { recursive: true });
    for (const [file, text] of Object.entries(wsdls)) writeFileSync(path.join(root, "input", file), text);
    const result = await run([path.join(root, "input")], path.join(root, "out"), { docs: false });
    const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);
    if (result.exitCode === 0) expect(compileStrict(path.join(root, "out"))).toEqual([]);
    else expect(errors.some((error) => error.includes(both[0]) && error.includes(both[1])), errors.join("\n")).toBe(true);
    return { exitCode: result.exitCode, errors, collisionPaths: result.diagnostics.filter((d) => d.code.endsWith("-collision")).map((d) => d.path) };
  }
  const one = (version: string, agent: string, types = "", operations = [{ name: "Get", returns: "xs:int" }] as { name: string; params?: [string, string][]; returns?: string }[]) => buildWsdl({ version, agent, operations, types });

  it("agents Foo and FOO (one client property, one file on a case-insensitive disk)", async () => {
    const { exitCode, collisionPaths } = await outcome("agents-case", { "a.wsdl": one("Services90", "Foo"), "b.wsdl": one("Services90", "FOO") }, ['"Foo"', '"FOO"']);
    expect(exitCode).toBe(1);
    // Named as the user gave the files, as every other diagnostic is: a path they can open.
    expect(collisionPaths.length).toBeGreaterThan(0);
    for (const file of collisionPaths) expect(existsSync(file), file).toBe(true);
  });

  it("agents A-B and A_B", async () => {
    expect((await outcome("agents-sanitised", { "a.wsdl": one("Services90", "A-B"), "b.wsdl": one("Services90", "A_B") }, ['"A-B"', '"A_B"'])).exitCode).toBe(1);
  });

  /** An entity OpenAPI file: one GET under `/api/v1/<entity>/`, with the path parameters named. */
  const entityOpenApi = (entity: string, operationId: string, pathParams: string[] = []): string =>
    JSON.stringify({
      openapi: "3.0.1",
      info: { title: entity, version: "v1" },
      paths: {
        [`/api/v1/${entity}/x${pathParams.map((name) => `/{${name}}`).join("")}`]: {
          get: {
            operationId,
            parameters: pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "integer" } })),
            responses: { 200: { description: "OK", content: { "application/json": { schema: { type: "string" } } } } },
          },
        },
      },
    });

  it("entities Wid.get and Wid_get (one REST client property, one module)", async () => {
    const files = { "a.wsdl": one("Services90", "Foo"), "openapi-v3-a.json": entityOpenApi("Wid.get", "v1WidgetEntity_GetA"), "openapi-v3-b.json": entityOpenApi("Wid_get", "v1WidgetEntity_GetB") };
    const { exitCode, errors, collisionPaths } = await outcome("entities-sanitised", files, ['"Wid.get"', '"Wid_get"']);
    expect(exitCode).toBe(1);
    // The diagnostic is on one entity's file and its message names the other's.
    expect(errors.filter((error) => error.startsWith("emit.name-collision:") && error.includes('"Wid.get"') && error.includes('"Wid_get"')).every((error) => error.includes("openapi-v3-a.json"))).toBe(true);
    expect(new Set(collisionPaths.map((file) => path.basename(file)))).toEqual(new Set(["openapi-v3-b.json"]));
    // The modules that collision breaks do not compile: said by the collision, not blamed on the generator.
    expect(errors.filter((error) => error.startsWith("emit.compile:"))).toEqual([]);
  });

  it("entity endpoints v1WidgetEntity_Get-A and v1WidgetEntity_Get_A (distinct methods and request types that compile)", async () => {
    const twoPaths = JSON.parse(entityOpenApi("Widget", "v1WidgetEntity_Get-A", ["id"])) as { paths: Record<string, { get: { operationId: string } }> };
    const [[, first]] = Object.entries(twoPaths.paths) as [[string, { get: { operationId: string } }]];
    twoPaths.paths["/api/v1/Widget/y/{id}"] = { get: { ...first.get, operationId: "v1WidgetEntity_Get_A" } };
    const { exitCode } = await outcome("entity-endpoints-sanitised", { "a.wsdl": one("Services90", "Foo"), "openapi-v3-Widget.json": JSON.stringify(twoPaths) }, ['"v1WidgetEntity_Get-A"', '"v1WidgetEntity_Get_A"']);
    expect(exitCode).toBe(0);
  });

  it("an entity's request type and an agent's of one name (WidgetEntity.GetWidget, Widget's v1WidgetEntity_GetWidget)", async () => {
    const files = {
      "a.wsdl": one("Services90", "WidgetEntity", "", [{ name: "GetWidget", params: [["X", "xs:int"]], returns: "xs:int" }]),
      "openapi-v3-Widget.json": entityOpenApi("Widget", "v1WidgetEntity_GetWidget", ["id"]),
    };
    const { exitCode, errors } = await outcome("entity-vs-agent-request", files, ['"Widget"', '"WidgetEntity"']);
    expect(exitCode).toBe(1);
    expect(errors.some((error) => error.includes("would both be named WidgetEntityGetWidgetRequest"))).toBe(true);
  });

  it("versions Services90 and services90 (one folder)", async () => {
    const { exitCode, errors } = await outcome("versions-case", { "a.wsdl": one("Services90", "Foo"), "b.wsdl": one("services90", "Foo") }, ["Services90", "services90"]);
    expect(exitCode).toBe(1);
    expect(errors).toContain("emit.name-collision: The versions Services90 and services90 would both be written to the folder services90; rename one of them.");
  });

  for (const [label, first, second] of [
    ["types Promise and Promise_", carrier("Promise", [["A", "xs:int"]]), carrier("Promise_", [["B", "xs:int"]])],
    ["types A-B and A_B", carrier("A-B", [["A", "xs:int"]]), carrier("A_B", [["B", "xs:int"]])],
    ["an enum and a carrier that sanitise alike", enumType("Kind-X", ["One"]), carrier("Kind_X", [["B", "xs:int"]])],
  ] as const) {
    it(label, async () => {
      const names = [...`${first}${second}`.matchAll(/<xs:(?:complex|simple)Type name="([^"]+)"/g)].map((match) => `"${match[1]}"`) as [string, string];
      const operations = [{ name: "Get", params: [["P", `tns:${names[0].slice(1, -1)}`], ["Q", `tns:${names[1].slice(1, -1)}`]] as [string, string][], returns: "xs:int" }];
      expect((await outcome(label.replace(/\W+/g, "-"), { "a.wsdl": one("Services90", "Types", `${first}\n${second}`, operations) }, names)).exitCode).toBe(1);
    });
  }

  it("operations A-B and A_B get distinct methods and request types, the later `_2`", async () => {
    const operations = ["A-B", "A_B"].map((name) => ({ name, params: [["Id", "xs:int"]] as [string, string][], returns: "xs:int" }));
    expect((await outcome("operations-sanitised", { "a.wsdl": one("Services90", "Ops", "", operations) }, ['"A-B"', '"A_B"'])).exitCode).toBe(0);
    const agent = readFileSync(path.join(scratch, "operations-sanitised/out/services90/agents/ops.ts"), "utf8");
    expect(agent).toContain("  a_B(request: OpsA_BRequest, options?: O): Promise<");
    expect(agent).toContain("  a_B_2(request: OpsA_B_2Request, options?: O): Promise<");
  });

  it("a field redeclared with another type than its base declares", async () => {
    const types = `${carrier("Base", [["Name", "xs:string"]])}\n${carrier("Derived", [["Name", "xs:int"]], "tns:Base")}`;
    const operations = [{ name: "Get", params: [["D", "tns:Derived"]] as [string, string][], returns: "xs:int" }];
    expect((await outcome("redeclared-field", { "a.wsdl": one("Services90", "Fields", types, operations) }, ["Derived", '"Name"'])).exitCode).toBe(1);
  });

  for (const [label, types] of [
    ["a cyclic base chain", `${carrier("Egg", [["A", "xs:int"]], "tns:Hen")}\n${carrier("Hen", [["B", "xs:int"]], "tns:Egg")}`],
    ["a type that extends itself", carrier("Egg", [["A", "xs:int"]], "tns:Egg")],
  ] as const) {
    it(`${label} is an error`, async () => {
      const root = path.join(scratch, label.replace(/\W+/g, "-"));
      mkdirSync(path.join(root, "input"), { recursive: true });
      writeFileSync(path.join(root, "input/a.wsdl"), one("Services90", "Cycle", types, [{ name: "Get", params: [["E", "tns:Egg"]], returns: "xs:int" }]));
      const result = await run([path.join(root, "input")], path.join(root, "out"), { docs: false });
      expect(result.exitCode).toBe(1);
      expect(result.diagnostics.filter((d) => d.code === "wsdl.cyclic-base").map((d) => d.message)[0]).toMatch(/^The base types of Egg go round in a circle \(Egg → (Hen → )?Egg\); a type cannot extend itself\.$/);
    });
  }

  it("a base that is an enum is an error", async () => {
    const root = path.join(scratch, "enum-base");
    mkdirSync(path.join(root, "input"), { recursive: true });
    writeFileSync(path.join(root, "input/a.wsdl"), one("Services90", "Bases", `${enumType("Colour", ["Red"])}\n${carrier("Paint", [["A", "xs:int"]], "tns:Colour")}`, [{ name: "Get", params: [["P", "tns:Paint"]], returns: "xs:int" }]));
    const result = await run([path.join(root, "input")], path.join(root, "out"), { docs: false });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.find((d) => d.code === "wsdl.invalid-base")?.message).toBe("The type Paint extends Colour, which is an enum; only a complex type can be extended.");
  });
});
