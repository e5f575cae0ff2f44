/**
 * Inputs written by an attacker or mangled by accident: WSDL addresses and names that would steer
 * requests or files, encodings and files that could be dropped silently, file names and bytes that
 * would forge diagnostics or reach the generated code, and oversized files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { GenerateReport } from "../../generator/index.js";
import { MAX_INPUT_BYTES } from "../../generator/discover/index.js";
import { scratchDir } from "../support/tmp.js";
import { repoRoot } from "../corpus.js";
import { run, runCli, snapshotTree } from "./support.js";
import { buildWsdl, carrier } from "./wsdl-builder.js";

const scratch = scratchDir("hostile-untrusted");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let caseNumber = 0;
/** A folder `input` with the given files, and where to write the output. */
function inputs(files: Record<string, string | Buffer>): { input: string; out: string; shown: (file: string) => string } {
  const root = path.join(scratch, `case-${++caseNumber}`);
  const input = path.join(root, "input");
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(input, file)), { recursive: true });
    writeFileSync(path.join(input, file), content);
  }
  mkdirSync(input, { recursive: true });
  return { input, out: path.join(root, "out"), shown: (file) => path.relative(process.cwd(), path.join(input, file)).split(path.sep).join("/") };
}

const trustWsdl = (agent = "Trust", operations = [{ name: "Get", params: [["Id", "xs:int"]] as [string, string][], returns: "xs:string" }], types = ""): string =>
  buildWsdl({ version: "Services90", agent, operations, types });

const withAddress = (address: string): string => trustWsdl().replace(/location="[^"]*"/, `location="${address}"`);

const codes = (report: GenerateReport): string[] => report.diagnostics.filter((d) => d.code !== "model.undocumented-operation").map((d) => `${d.severity} ${d.code}`);

describe("the WSDL is untrusted: nothing in it moves the endpoint off ${baseUrl}/Remote/<Version>/<Agent>.svc", () => {
  const addresses = [
    "https://sod.example/Cust1/Remote/Services90/../../../evil/Trust.svc",
    "https://evil.example/steal",
    "https://sod.example/Remote/Services90/Trust.svc?redirect=https://evil.example",
    "https://sod.example/Remote/Services90/Trust.svc#fragment",
    "https://sod.example/Remote/Services90/..%2F..%2Fevil/Trust.svc",
    "https://sod.example\\evil\\Remote\\Services90\\Trust.svc",
    "https://user:secret@sod.example/Remote/Services90/Trust.svc",
    "//evil.example/Remote/Services90/Trust.svc",
    "/Remote/Services90/Other.svc",
    "https://sod.example/Remote/Services90/Trust.svc&#10;Host: evil",
    "javascript:alert(1)//Remote/Services90/Trust.svc",
  ];
  for (const address of addresses) {
    it(`soap:address ${JSON.stringify(address)}: a warning, and the endpoint stays Remote/Services90/Trust.svc`, async () => {
      const c = inputs({ "Services90-Trust.wsdl": withAddress(address) });
      const report = await run([c.input], c.out, { docs: false });
      expect(report.exitCode).toBe(0);
      expect(codes(report)).toEqual(["warning wsdl.address"]);
      const wire = readFileSync(path.join(c.out, "services90/agents/trust.wire.ts"), "utf8");
      expect(wire).toContain('endpoint: "Remote/Services90/Trust.svc",');
      expect(JSON.parse(readFileSync(path.join(c.out, "ir/Services90.json"), "utf8")).agents[0].endpoint).toBe("Remote/Services90/Trust.svc");
    });
  }

  it("a plain address ending in the agent's path is taken without a word", async () => {
    const c = inputs({ "Services90-Trust.wsdl": withAddress("https://sod.example/Cust1/Remote/Services90/Trust.svc") });
    const report = await run([c.input], c.out, { docs: false });
    expect(codes(report)).toEqual([]);
  });

  // Agent and operation names become URL segments and file names.
  for (const name of ["..", "a/b", "Trust%2F..", "Trust?x=1", "Trust#x", "Trust\\x", "Trust&#1;x", "Trust x", "Trüst", "https:"]) {
    it(`an agent named ${JSON.stringify(name)}: an error, nothing written`, async () => {
      const c = inputs({ "Services90-Trust.wsdl": trustWsdl(name) });
      const report = await run([c.input], c.out, { docs: false });
      expect(report.exitCode).toBe(1);
      expect(codes(report)).toContain("error wsdl.unsafe-name");
      expect(readdirSync(path.dirname(c.out))).toEqual(["input"]);
    });
    it(`an operation named ${JSON.stringify(name)}: an error, nothing written`, async () => {
      const c = inputs({ "Services90-Trust.wsdl": trustWsdl("Trust", [{ name, params: [], returns: "xs:int" }, { name: "Fine", params: [], returns: "xs:int" }]) });
      const report = await run([c.input], c.out, { docs: false });
      expect(report.exitCode).toBe(1);
      expect(report.diagnostics.find((d) => d.code === "wsdl.unresolved-operation")?.message).toMatch(/is not a plain operation name/);
      expect(readdirSync(path.dirname(c.out))).toEqual(["input"]);
    });
  }

  it("a soapAction that would inject a header line is reported and not sent", async () => {
    const wsdl = trustWsdl().replace(/soapAction="[^"]*"/, 'soapAction="urn:get&#13;&#10;X-Injected: yes"');
    const c = inputs({ "Services90-Trust.wsdl": wsdl });
    const report = await run([c.input], c.out, { docs: false });
    expect(report.exitCode).toBe(0);
    expect(codes(report)).toEqual(["warning wsdl.soap-action"]);
    expect(JSON.parse(readFileSync(path.join(c.out, "ir/Services90.json"), "utf8")).agents[0].operations[0].soapAction).toBe("");
  });

  it("REST paths from an OpenAPI file or a REST page that leave /api/v1/Agents/<Agent>/<Operation> are not used", async () => {
    const openApi = JSON.stringify({
      openapi: "3.0.1",
      paths: {
        "/api/v1/Agents/Trust/../../../evil/Get": { post: { summary: "Dot dot." } },
        "https://evil.example/api/v1/Agents/Trust/Get": { post: { summary: "Elsewhere." } },
        "/api/v1/Agents/Trust/Get?x=1": { post: { summary: "Query." } },
      },
    });
    const restPage = ["---", "title: POST Agents/Trust/Get", "---", "", "# POST Agents/Trust/Get", "", "```http", "POST /api/v1/Agents/Trust/Get/../../../../evil.example", "```", "", "Gets it.", ""].join("\n");
    const c = inputs({ "Services90-Trust.wsdl": trustWsdl(), "openapi-v3-TrustAgent.json": openApi, "rest/v1TrustAgent_Get.md": restPage });
    const report = await run([c.input], c.out, { docs: false });
    expect(report.exitCode).toBe(0);
    // The REST page names no agent, so it documents nothing either.
    expect(codes(report).sort()).toEqual(["warning model.orphan-page", "warning openapi.not-an-agent-path", "warning openapi.not-an-agent-path", "warning openapi.not-an-agent-path", "warning rest.not-an-agent-path"]);
    const model = JSON.parse(readFileSync(path.join(c.out, "ir/Services90.json"), "utf8"));
    expect(model.agents[0].operations[0].rest.path).toBe("/api/v1/Agents/Trust/Get");
  });
});

describe("nothing is dropped silently", () => {
  const utf16 = (text: string, order: "le" | "be"): Buffer => {
    const le = Buffer.from(`\uFEFF${text}`, "utf16le");
    return order === "le" ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]));
  };
  for (const order of ["le", "be"] as const) {
    it(`a UTF-16 ${order.toUpperCase()} WSDL (with its byte order mark) is decoded and read`, async () => {
      const c = inputs({ "Services90-Trust.wsdl": utf16(trustWsdl().replace('encoding="utf-8"', 'encoding="utf-16"'), order) });
      const report = await run([c.input], c.out, { docs: false });
      expect(report.exitCode).toBe(0);
      expect(codes(report)).toEqual([]);
      expect(report.versions).toEqual([{ version: "Services90", agents: 1, operations: 1 }]);
    });
  }

  it("a WSDL page with a second ```xml fence holding another WSDL yields both agents", async () => {
    const page = ["---", "title: Services90 WSDLs", "---", "", "# Services90 WSDLs", "", "```xml", trustWsdl("First").trim(), "```", "", "And another:", "", "```xml", trustWsdl("Second").trim(), "```", ""].join("\n");
    const c = inputs({ "Services90-Both.md": page });
    const report = await run([c.input], c.out, { docs: false });
    expect(report.exitCode).toBe(0);
    expect(report.versions).toEqual([{ version: "Services90", agents: 2, operations: 2 }]);
  });

  it("a file named like a WSDL page whose fence is no WSDL: a warning naming it", async () => {
    const page = ["# Services90 Thing", "", "```xml", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"/>", "```", ""].join("\n");
    const c = inputs({ "Services90-Trust.wsdl": trustWsdl(), "Services90-Thing.md": page });
    const report = await run([c.input], c.out, { docs: false });
    expect(report.exitCode).toBe(0);
    expect(report.diagnostics.filter((d) => d.code === "input.not-a-wsdl-page")).toEqual([
      { path: c.shown("Services90-Thing.md"), line: 0, severity: "warning", code: "input.not-a-wsdl-page", message: "The file is named like a WSDL page (ServicesNN-Agent), but its ```xml fence holds no wsdl:definitions; it was skipped." },
    ]);
  });

  it("symlinks are reported, not followed (a loop cannot hang the run)", async () => {
    const c = inputs({ "Services90-Trust.wsdl": trustWsdl(), "pages/readme.md": "# hello\n" });
    symlinkSync(path.join(c.input, "pages"), path.join(c.input, "pages", "loop"));
    symlinkSync(path.join(c.input, "Services90-Trust.wsdl"), path.join(c.input, "alias.wsdl"));
    const report = await run([c.input], c.out, { docs: false });
    expect(report.exitCode).toBe(0);
    expect(report.diagnostics.filter((d) => d.code === "input.symlink").map((d) => `${d.path} ${d.severity}`).sort()).toEqual([`${c.shown("alias.wsdl")} warning`, `${c.shown("pages/loop")} warning`]);
  });

  it("a type reference that resolves nowhere is a warning even in a global element nothing uses", async () => {
    const c = inputs({ "Services90-Trust.wsdl": trustWsdl("Trust", undefined, `      <xs:element name="Stray" nillable="true" type="tns:Nowhere" />`) });
    const report = await run([c.input], c.out, { docs: false });
    expect(report.diagnostics.filter((d) => d.code === "wsdl.undefined-type").map((d) => d.message)).toEqual(["Type tns:Nowhere is referenced but defined nowhere in the WSDL."]);
  });
});

describe("diagnostics cannot be forged, and control bytes never reach the output", () => {
  it("a file name with a newline and terminal escapes prints as one escaped line", async () => {
    const forged = "evil\nforged.md:1: error: all is lost\u001b[2K\u0007.wsdl";
    const c = inputs({ [forged]: "<wsdl:definitions" });
    const result = await runCli(["--input", c.input, "--out", c.out, "--no-cache", "--quiet"]);
    expect(result.code).toBe(1);
    // One line per diagnostic (the broken file, and "no WSDL found"), the forged one among none of them.
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith("forged.md"))).toEqual([]);
    expect(lines.find((line) => line.includes("evil"))).toContain("evil\\nforged.md:1: error: all is lost\\u001b[2K\\u0007.wsdl:1: error: ");
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("NUL, escape and other control characters in names, values and docs are escaped in every generated file", async () => {
    const types = [
      carrier("Thing", [["Na&#0;me", "xs:string"], ["Bell&#7;", "xs:int"]]),
      `      <xs:simpleType name="Mood"><xs:restriction base="xs:string"><xs:enumeration value="Calm&#27;[31m" /><xs:enumeration value="Del&#127;" /></xs:restriction></xs:simpleType>`,
    ].join("\n");
    const wsdl = trustWsdl("Trust", [{ name: "Get", params: [["Thing", "tns:Thing"], ["Mood", "tns:Mood"]], returns: "xs:string" }], types);
    const page = ["---", "title: Services90.TrustAgent.Get SOAP", "---", "", "# Services90 Trust Get", "", "SOAP request and response examples **Remote/Services90/Trust.svc**", "", "## Get", "", "Gets\u0000 it\u001b[2J with a bell\u0007 and a\u007f delete\u0085.", "", "* **Thing:** The\u0001 thing.", "", "**Returns:** What\u0008 it returns.", ""].join("\n");
    const c = inputs({ "Services90-Trust.wsdl": wsdl, "pages/get.md": page });
    const report = await run([c.input], c.out);
    expect(report.exitCode).toBe(0);
    const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    for (const file of snapshotTree(c.out).keys()) expect(control.test(readFileSync(path.join(c.out, file), "utf8")), file).toBe(false);
    expect(readFileSync(path.join(c.out, "services90/agents/trust.ts"), "utf8")).toContain("   * The\\u0001 thing.\n");
  });

  it("a line break, a backtick or a pipe in an enum value keeps the docs table one row per value", async () => {
    const values = ["Two&#10;Lines", "Cr&#13;Lf&#13;&#10;End", "Back`tick", "`Edge", "Pipe|d"];
    const types = `      <xs:simpleType name="Mood"><xs:restriction base="xs:string">${values.map((value) => `<xs:enumeration value="${value}" />`).join("")}</xs:restriction></xs:simpleType>`;
    const wsdl = trustWsdl("Trust", [{ name: "Get", params: [["Mood", "tns:Mood"]], returns: "xs:string" }], types);
    const c = inputs({ "Services90-Trust.wsdl": wsdl });
    expect((await run([c.input], c.out)).exitCode).toBe(0);
    const page = readFileSync(path.join(c.out, "docs/Services90/types.md"), "utf8");
    const table = page.slice(page.indexOf("| Name | Value | Listed by |")).split("\n\n")[0].trimEnd().split("\n");
    expect(table.slice(2)).toEqual(["| `Two Lines` | — | WSDL |", "| `Cr Lf End` | — | WSDL |", "| ``Back`tick`` | — | WSDL |", "| `` `Edge `` | — | WSDL |", "| `Pipe\\|d` | — | WSDL |"]);
  });
});

describe("no input string becomes code", () => {
  const userWsdl = readFileSync(path.join(repoRoot, "input", "Services88-User.wsdl"), "utf8");
  const entityOpenApi = (urlPath: string, operationId: string, schema: object = { type: "string" }, components: object = {}) =>
    JSON.stringify({ openapi: "3.0.1", paths: { [urlPath]: { get: { operationId, parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }], responses: { "200": { description: "OK", content: { "application/json": { schema } } } } } } }, components });

  it("a soapAction or an operationId holding */ stays inside its doc comment; an entity name that is no plain name is no entity", async () => {
    const wsdl = userWsdl.replace(/soapAction="[^"]*CreateExternalUser"/, 'soapAction="http://x/*/ } globalThis.pwned = 1; interface Zz<O> { /*"');
    const c = inputs({
      "Services88-User.wsdl": wsdl,
      "openapi-v3-Widget.json": entityOpenApi("/api/v1/Widget/{id}", 'x*/ pwned: unknown = (globalThis.pwned = 2); /*'),
      "openapi-v3-Evil.json": entityOpenApi('/api/v1/W",pwned:(globalThis.pwned=3),x:"/{id}', "evil"),
    });
    const report = await run([c.input], c.out);
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(report.diagnostics.some((d) => d.code === "openapi.no-entity")).toBe(true);
    // Every compiled module of the output, loaded and its classes made: nothing the inputs wrote runs.
    const modules = [...snapshotTree(c.out).keys()].filter((file) => file.startsWith("dist/services88/") && file.endsWith(".js"));
    expect(modules).toContain("dist/services88/entities/widget.js");
    for (const file of modules) {
      const loaded = (await import(pathToFileURL(path.join(c.out, file)).href)) as Record<string, unknown>;
      for (const value of Object.values(loaded)) {
        if (typeof value !== "function" || !/Client$/.test(value.name)) continue;
        try {
          Reflect.construct(value, [{ baseUrl: "https://example.invalid" }]);
        } catch {
          // a client that needs other options: its module has still run
        }
      }
    }
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(readFileSync(path.join(c.out, "services88/agents/user.ts"), "utf8")).toContain("SOAP action: `http://x/*\\/ } globalThis.pwned = 1;");
  });

  it("a REST page nesting blockquotes thousands deep costs that page, with a warning in words, not a stack overflow", async () => {
    const deep = `${"> ".repeat(10_000)}deep`;
    const restPage = ["---", "title: POST Agents/Trust/Get", "---", "", "# POST Agents/Trust/Get", "", "```http", "POST /api/v1/Agents/Trust/Get", "```", "", deep, ""].join("\n");
    const c = inputs({ "Services90-Trust.wsdl": trustWsdl(), "rest/v1TrustAgent_Get.md": restPage });
    const report = await run([c.input], c.out);
    expect(report.exitCode, JSON.stringify(report.diagnostics)).toBe(0);
    const problem = report.diagnostics.find((d) => d.path.endsWith("v1TrustAgent_Get.md") && d.severity === "warning" && /nested too deeply/.test(d.message));
    expect(problem, JSON.stringify(report.diagnostics)).toBeDefined();
    expect(report.diagnostics.some((d) => /call stack/i.test(d.message))).toBe(false);
    expect(existsSync(path.join(c.out, "services90", "agents", "trust.ts"))).toBe(true);
  });

  it("an allOf cycle and arrays nested thousands deep are read (bounded), not a stack overflow", async () => {
    const levels = 3000;
    const deep = `${'{"type":"array","items":'.repeat(levels)}{"type":"string"}${"}".repeat(levels)}`;
    const c = inputs({
      "Services88-User.wsdl": userWsdl,
      "openapi-v3-Widget.json": entityOpenApi("/api/v1/Widget/{id}", "deep").replace('{"type":"string"}', deep),
      "openapi-v3-Gadget.json": entityOpenApi("/api/v1/Gadget/{id}", "cyclic", { $ref: "#/components/schemas/A" }, { schemas: { A: { allOf: [{ $ref: "#/components/schemas/A" }], properties: { Name: { type: "string" } } } } }),
    });
    const report = await run([c.input], c.out);
    expect(report.exitCode, JSON.stringify(report.diagnostics)).toBe(0);
    expect(report.diagnostics.some((d) => /Maximum call stack/.test(d.message))).toBe(false);
    expect(report.diagnostics.some((d) => d.code === "openapi.too-deep")).toBe(true);
    expect(existsSync(path.join(c.out, "services88", "entities", "widget.ts"))).toBe(true);
    expect(readFileSync(path.join(c.out, "services88", "entities", "widget.ts"), "utf8").length).toBeLessThan(200_000);
  });
});

describe("size policy", () => {
  it(`a file over ${MAX_INPUT_BYTES} bytes is skipped with a warning naming it, decided from its size before it is read`, async () => {
    const c = inputs({ "Services90-Trust.wsdl": trustWsdl() });
    // Sparse: 3 GB on paper, nothing on disk. Reading it would fail (Node reads at most 2 GB into a buffer).
    const huge = path.join(c.input, "huge.wsdl");
    writeFileSync(huge, "");
    truncateSync(huge, 3 * 1024 ** 3);
    const report = await run([c.input], c.out, { docs: false });
    expect(report.exitCode).toBe(0);
    expect(report.diagnostics.filter((d) => d.code.startsWith("input."))).toEqual([
      { path: c.shown("huge.wsdl"), line: 0, severity: "warning", code: "input.too-large", message: `The file is ${3 * 1024 ** 3} bytes, over the ${MAX_INPUT_BYTES}-byte limit for one input; it was skipped.` },
    ]);
  });
});
