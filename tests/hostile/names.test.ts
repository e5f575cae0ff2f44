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
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerateReport } from "../../generator/index.js";
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
    expect(agent).toContain("hostileOperations.__proto__, request, options");
    expect(agent).toContain('hostileOperations["Get-Thing"], request, options');
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
    const wire = (await import(pathToFileURL(path.join(out, "services90/agents/hostile.wire.ts")).href)) as {
      hostileSchema: { ns: string; types: Record<string, { kind: string; fields?: (readonly [string, string, number?])[] }> };
      hostileOperations: Record<string, { name: string; params: (readonly [string, string, number?])[] }>;
    };
    const { types } = wire.hostileSchema;
    expect(wire.hostileSchema.ns).toBe(NS);
    expect(Object.getPrototypeOf(types)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(wire.hostileOperations)).toBe(Object.prototype);
    for (const name of ["__proto__", "constructor", "toString", "then", "hasOwnProperty"]) {
      expect(Object.hasOwn(types, name), name).toBe(true);
      expect(types[name]?.kind).toBe("carrier");
      expect(Object.hasOwn(wire.hostileOperations, name), name).toBe(true);
      expect(wire.hostileOperations[name]?.name).toBe(name);
    }
    expect(types.__proto__?.fields?.map((field) => field[0])).toContain("__proto__");
    expect(wire.hostileOperations["Get-Thing"]?.params.map((param) => param[0])).toEqual(["Get-Thing", "Holder"]);
  });
});

describe("generated names beside the schema's", () => {
  async function compiles(name: string, wsdl: string): Promise<string[]> {
    const root = path.join(scratch, name);
    mkdirSync(path.join(root, "input"), { recursive: true });
    writeFileSync(path.join(root, "input/Services90-Clash.wsdl"), wsdl);
    const result = await run([path.join(root, "input")], path.join(root, "out"), { docs: false });
    expect(result.exitCode).toBe(0);
    return compileStrict(path.join(root, "out"));
  }

  // Schema types and the names the emitters make per agent share one scope: a generated name that a
  // carrier already has (`ClashAgent`, `ClashAgentClient`, `Clash<Op>Request`, `clashSchema`) steps
  // aside with a `_` suffix (emit/ts-types.ts besideTypes), so imports and `export *` stay unambiguous.
  it("a carrier named like a generated interface, class, request type or descriptor compiles", async () => {
    const types = ["ClashAgent", "ClashAgentClient", "ClashGetRequest", "clashSchema"].map((name) => carrier(name, [["Value", "xs:string"]])).join("\n");
    const params = ["ClashAgent", "ClashAgentClient", "ClashGetRequest", "clashSchema"].map((name, i): [string, string] => [`P${i}`, `tns:${name}`]);
    expect(await compiles("clash-generated", buildWsdl({ version: "Services90", agent: "Clash", operations: [{ name: "Get", params, returns: "tns:ClashAgent" }], types }))).toEqual([]);
  });

  // Operations whose names differ only in the case of the first letter (`Transport`, `transport`)
  // lower-camel-case to one method name; the later gets `_2` (emit/signatures.ts methodName).
  it("two operations differing only in the case of their first letter compile", async () => {
    const operations = [{ name: "Transport", returns: "xs:int" }, { name: "transport", returns: "xs:string" }];
    expect(await compiles("clash-case", buildWsdl({ version: "Services90", agent: "Clash", operations }))).toEqual([]);
  });
});
