/**
 * The generator on hostile inputs, end to end through generate() and main(): each case copies
 * input/ to a scratch folder, breaks one file, and asserts the exact outcome — the diagnostics
 * (severity, code, line, message), the exit code, and what happened to the output folder.
 * Errors exit 1 and leave the previous output byte-identical; page problems are warnings and
 * the output is still written; nothing ever throws.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeInput } from "../../generator/discover/decode.js";
import type { ServicesModel } from "../../generator/ir/types.js";
import { compileStrict } from "../support/compile.js";
import { scratchDir } from "../support/tmp.js";
import { copyInput, edit, lineOf, notable, replaceOnce, run, runCli, snapshotTree, summary } from "./support.js";

const scratch = scratchDir("hostile-generator");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const WSDL88 = "Services88-User.wsdl";
const PAGE86 = "Services86-User.md";
const SEED_SOAP88 = "seeds/000_10ac530210a688d2.txt";
const SEED_SOAP86 = "seeds/001_0182cecb279bd4a6.txt";
const SEED_REST = "seeds/002_4ba421d35adb619a.txt";

/** A case folder: `<name>/input` (a copy of input/) and `<name>/out`. */
function caseDir(name: string): { root: string; input: string; out: string; file: (relative: string) => string; shown: (relative: string) => string } {
  const root = path.join(scratch, name);
  mkdirSync(root, { recursive: true });
  const input = copyInput(path.join(root, "input"));
  const file = (relative: string): string => path.join(input, relative);
  return { root, input, out: path.join(root, "out"), file, shown: (relative) => path.relative(process.cwd(), file(relative)).split(path.sep).join("/") };
}

/** What a clean copy of input/ reports: the baseline every warning case is compared with. */
let baselineNotable: string[] = [];
let baselineModel88: ServicesModel;

beforeAll(async () => {
  const clean = caseDir("clean");
  const report = await run([clean.input], clean.out);
  expect(report.exitCode).toBe(0);
  baselineNotable = summary(notable(report.diagnostics), clean.input);
  baselineModel88 = JSON.parse(readFileSync(path.join(clean.out, "ir/Services88.json"), "utf8")) as ServicesModel;
});

/**
 * Generates the intact copy into `out`, breaks the input, generates again into the same `out`:
 * the second run must fail (exit 1, nothing written) and leave the first output byte-identical,
 * with no staging or retired folder beside it.
 */
async function failsKeepingOutput(name: string, breakIt: (c: ReturnType<typeof caseDir>) => void, cli = false) {
  const c = caseDir(name);
  expect((await run([c.input], c.out)).exitCode).toBe(0);
  const before = snapshotTree(c.out);
  expect(before.size).toBeGreaterThan(30);
  breakIt(c);
  const cliRun = cli ? await runCli(["--input", c.input, "--out", c.out, "--no-cache"]) : null;
  const report = await run([c.input], c.out);
  expect(report.exitCode).toBe(1);
  expect(report.written).toBe(false);
  expect(snapshotTree(c.out)).toEqual(before);
  expect(readdirSync(c.root).sort()).toEqual(["input", "out"]);
  return { c, report, cliRun };
}

describe("broken WSDLs are errors: exit 1, previous output untouched", () => {
  it("a WSDL truncated in the middle: error at its last line naming the open elements (main)", async () => {
    let cut = "";
    const { c, report, cliRun } = await failsKeepingOutput(
      "truncated",
      (c) => {
        const text = readFileSync(c.file(WSDL88), "utf8");
        cut = text.slice(0, text.indexOf("  <wsdl:binding "));
        writeFileSync(c.file(WSDL88), cut);
      },
      true,
    );
    const lastLine = cut.split("\n").length;
    expect(notable(report.diagnostics)).toEqual([
      { path: c.shown(WSDL88), line: lastLine, severity: "error", code: "wsdl.malformed-xml", message: "The XML ends before <wsdl:definitions> is closed (truncated document?)." },
      // Without the Services88 WSDL the Services88 SOAP pages document nothing.
      { path: c.shown(SEED_SOAP88), line: 13, severity: "warning", code: "model.orphan-page", message: "This page describes Services88 User.SetExternalUserInfo, which no WSDL defines." },
      { path: c.shown("seeds/004_e4d41bc45c853810.txt"), line: 7, severity: "warning", code: "model.orphan-page", message: "This page describes Services88 User.SaveUntrustedCredentialsForAssociate, which no WSDL defines." },
    ]);
    // main(): the same run through the command line, printed as path:line: severity: message.
    expect(cliRun?.code).toBe(1);
    expect(cliRun?.stderr.split("\n")).toContain(`${c.shown(WSDL88)}:${lastLine}: error: The XML ends before <wsdl:definitions> is closed (truncated document?).`);
    expect(cliRun?.stdout).toMatch(/; nothing written; 1 errors, \d+ warnings;/);
    expect(cliRun?.console).toBe("");
  });

  it("a WSDL cut inside an attribute value: error on the line of that tag", async () => {
    let cut = "";
    const { c, report } = await failsKeepingOutput("cut-attribute", (c) => {
      const text = readFileSync(c.file(WSDL88), "utf8");
      cut = text.slice(0, text.indexOf('name="SoExceptionInfo"') + 'name="SoExc'.length);
      writeFileSync(c.file(WSDL88), cut);
    });
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([
      { path: c.shown(WSDL88), line: cut.split("\n").length, severity: "error", code: "wsdl.malformed-xml", message: "Malformed XML: Attributes for 'xs:complexType' have open quote." },
    ]);
  });

  it("a mismatched closing tag: error on its line", async () => {
    let text = "";
    const { c, report } = await failsKeepingOutput("mismatched", (c) => {
      text = edit(c.file(WSDL88), (t) => replaceOnce(t, "</wsdl:portType>", "</wsdl:porttype>"));
    });
    const errors = report.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: c.shown(WSDL88), line: lineOf(text, "</wsdl:porttype>"), code: "wsdl.malformed-xml" });
    expect(errors[0].message).toMatch(/^Malformed XML: Expected closing tag 'wsdl:portType' \(opened in line \d+, col \d+\) instead of closing tag 'wsdl:porttype'\.$/);
  });

  it("a WSDL page whose ```xml fence holds an HTML error page: wsdl.not-wsdl on the <html> line (main)", async () => {
    const html = ["<!DOCTYPE html>", "<html>", "<head><title>502 Bad Gateway</title></head>", "<body>", "<center><h1>502 Bad Gateway</h1></center>", "<hr><center>nginx</center>", "</body>", "</html>"].join("\n");
    let text = "";
    const { c, report, cliRun } = await failsKeepingOutput(
      "html-fence",
      (c) => {
        text = edit(c.file(PAGE86), (t) => t.replace(/```xml\n[\s\S]*?\n```/, `\`\`\`xml\n${html}\n\`\`\``));
      },
      true,
    );
    const message = "Expected a wsdl:definitions document, found <html> (which is not well-formed XML either).";
    expect(notable(report.diagnostics)).toEqual([
      { path: c.shown(PAGE86), line: lineOf(text, "<html>"), severity: "error", code: "wsdl.not-wsdl", message },
      { path: c.shown(SEED_SOAP86), line: 12, severity: "warning", code: "model.orphan-page", message: "This page describes Services86 User.CreateExternalUser, which no WSDL defines." },
      { path: c.shown("seeds/003_ed54bfc7b7221d82.txt"), line: 12, severity: "warning", code: "model.orphan-page", message: "This page describes Services86 User.SetPassword, which no WSDL defines." },
    ]);
    expect(lineOf(text, "<html>")).toBe(13);
    expect(cliRun?.stderr.split("\n")).toContain(`${c.shown(PAGE86)}:13: error: ${message}`);
  });

  it("a WSDL whose version would name a folder outside --out (namespace ending in /..): error, nothing written anywhere", async () => {
    const { c, report } = await failsKeepingOutput("dotdot-version", (c) => {
      edit(c.file(WSDL88), (t) => t.replaceAll("NetServer/Services88\"", 'NetServer/.."'));
    });
    expect(notable(report.diagnostics).filter((d) => d.severity === "error")).toEqual([
      {
        path: c.shown(WSDL88),
        line: 2,
        severity: "error",
        code: "wsdl.version",
        message: 'Target namespace "http://www.superoffice.net/ws/crm/NetServer/.." does not end in a version name such as Services88; the WSDL is skipped.',
      },
    ]);
    expect(readdirSync(scratch).filter((entry) => entry.includes("staging") || entry.includes("previous"))).toEqual([]);
  });
});

describe("page and reference problems are warnings: output written", () => {
  it("a reference to a type defined nowhere: warning on its line, the field typed unknown, output compiles", async () => {
    const c = caseDir("undefined-type");
    const text = edit(c.file(WSDL88), (t) => replaceOnce(t, 'name="TableRight" nillable="true" type="tns:TableRight"', 'name="TableRight" nillable="true" type="tns:NoSuchCarrier"'));
    const report = await run([c.input], c.out);
    expect(report.exitCode).toBe(0);
    expect(report.written).toBe(true);
    expect(summary(notable(report.diagnostics), c.input)).toEqual([...baselineNotable, `${WSDL88}:${lineOf(text, "tns:NoSuchCarrier")}: warning: wsdl.undefined-type`].sort());
    expect(report.diagnostics.find((d) => d.code === "wsdl.undefined-type")?.message).toBe("Type tns:NoSuchCarrier is referenced but defined nowhere in the WSDL.");
    expect(readFileSync(path.join(c.out, "services88/types.ts"), "utf8")).toMatch(/export interface Carrier \{\n {2}TableRight\?: unknown;/);
    expect(compileStrict(c.out)).toEqual([]);
    // --strict makes the warning fail the run.
    expect((await run([c.input], path.join(c.root, "strict-out"), { strict: true })).exitCode).toBe(1);
    expect(existsSync(path.join(c.root, "strict-out"))).toBe(false);
  });

  it("a SOAP page whose operation no WSDL knows: model.orphan-page on its ## heading", async () => {
    const c = caseDir("orphan-page");
    edit(c.file(SEED_SOAP88), (t) => t.replaceAll("SetExternalUserInfo", "FrobnicateUser"));
    const report = await run([c.input], c.out);
    expect(report.exitCode).toBe(0);
    expect(notable(report.diagnostics)).toEqual([
      { path: c.shown(SEED_SOAP88), line: 13, severity: "warning", code: "model.orphan-page", message: "This page describes Services88 User.FrobnicateUser, which no WSDL defines." },
    ]);
    expect(report.versions).toEqual([
      { version: "Services86", agents: 1, operations: 3 },
      { version: "Services88", agents: 1, operations: 4 },
    ]);
  });

  it("two REST page generations of one operation that disagree on the body: each problem reported once, the newer page wins", async () => {
    const c = caseDir("rest-generations");
    // The older page generation (int32/bool, no samples), here listing only three of the six body properties.
    const older = [
      "---", "title: POST Agents/User/SetExternalUserInfo", "id: v1UserAgent_SetExternalUserInfo", "---", "",
      "# POST Agents/User/SetExternalUserInfo", "", "```http", "POST /api/v1/Agents/User/SetExternalUserInfo", "```", "",
      "Modifies an external user.", "", "## Request Body: request", "", "AssociateId, UserName, IsActive", "",
      "| Property Name | Type |  Description |", "|----------------|------|--------------|",
      "| AssociateId | int32 |  |", "| UserName | string |  |", "| IsActive | bool |  |", "",
      "## Response", "", "| Response | Description |", "|----------------|-------------|", "| 204 | No Content |", "",
    ].join("\n");
    mkdirSync(c.file("older"));
    writeFileSync(c.file("older/v1UserAgent_SetExternalUserInfo.md"), older);
    const report = await run([c.input], c.out);
    expect(report.exitCode).toBe(0);
    const at = `${c.shown("older/v1UserAgent_SetExternalUserInfo.md")}`;
    const line = lineOf(older, "```http");
    const newer = `${c.shown(SEED_REST)}`;
    const all = "AssociateId, UserName, Password, IsActive, RoleId, ExternalUserInfoModification";
    // REST pages have no version: before the fix every message came twice, once per Services version.
    expect(notable(report.diagnostics)).toEqual([
      { path: at, line, severity: "warning", code: "model.rest-mismatch", message: "The REST endpoint of SetExternalUserInfo does not carry the WSDL parameter ExternalUserInfoModification." },
      { path: at, line, severity: "warning", code: "model.rest-mismatch", message: "The REST endpoint of SetExternalUserInfo does not carry the WSDL parameter Password." },
      { path: at, line, severity: "warning", code: "model.rest-mismatch", message: "The REST endpoint of SetExternalUserInfo does not carry the WSDL parameter RoleId." },
      { path: at, line, severity: "warning", code: "model.rest-page-conflict", message: `This REST page says POST /api/v1/Agents/User/SetExternalUserInfo with body [AssociateId, UserName, IsActive], but ${newer} says POST /api/v1/Agents/User/SetExternalUserInfo with body [${all}]; the latter is used.` },
      { path: at, line, severity: "warning", code: "model.rest-disagreement", message: `This REST page says body [AssociateId, UserName, IsActive] instead of [${all}] (as in ${newer}:8).` },
    ]);
    const model = JSON.parse(readFileSync(path.join(c.out, "ir/Services88.json"), "utf8")) as ServicesModel;
    const rest = (m: ServicesModel) => m.agents[0].operations.find((op) => op.name === "SetExternalUserInfo")?.rest;
    expect(rest(model)).toEqual(rest(baselineModel88));
    expect(rest(model)?.body).toEqual(all.split(", "));
  });
});

describe("encodings: BOM, CRLF and stray bytes are handled, not rejected", () => {
  it("BOM + CRLF in a WSDL, a WSDL page and a SOAP page: no new diagnostic, byte-identical output", async () => {
    const c = caseDir("bom-crlf");
    const first = await run([c.input], c.out);
    const before = snapshotTree(c.out);
    for (const file of [WSDL88, PAGE86, SEED_SOAP86]) edit(c.file(file), (t) => `\uFEFF${t.replace(/\n/g, "\r\n")}`);
    const second = await run([c.input], c.out);
    expect(second.exitCode).toBe(0);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(snapshotTree(c.out)).toEqual(before);
  });

  it("invalid UTF-8 in a WSDL (in a comment) and in a page (in the prose): a warning with the line each, output still produced", async () => {
    const c = caseDir("bad-utf8");
    const first = await run([c.input], c.out);
    const model88 = readFileSync(path.join(c.out, "ir/Services88.json"), "utf8");
    const insert = (relative: string, before: string, bytes: number[]): number => {
      const buffer = readFileSync(c.file(relative));
      const at = buffer.indexOf(before);
      writeFileSync(c.file(relative), Buffer.concat([buffer.subarray(0, at), Buffer.from(bytes), buffer.subarray(at)]));
      return buffer.subarray(0, at).toString("utf8").split("\n").length;
    };
    // `<!-- \xFF\xFE\xC3 -->` in front of the portType (same line, so no line moves); a lone 0x80 and a truncated sequence in the prose.
    const wsdlLine = insert(WSDL88, "<wsdl:portType", [0x3c, 0x21, 0x2d, 0x2d, 0x20, 0xff, 0xfe, 0xc3, 0x20, 0x2d, 0x2d, 0x3e]);
    const pageLine = insert(SEED_SOAP86, "Creates an associate", [0x80, 0xe2, 0x82, 0x20]);
    const report = await run([c.input], c.out);
    expect(report.exitCode).toBe(0);
    expect(report.written).toBe(true);
    const message = "The file has bytes that are not UTF-8; they were replaced by U+FFFD.";
    expect(report.diagnostics.filter((d) => d.code === "input.invalid-utf8")).toEqual([
      { path: c.shown(WSDL88), line: wsdlLine, severity: "warning", code: "input.invalid-utf8", message },
      { path: c.shown(SEED_SOAP86), line: pageLine, severity: "warning", code: "input.invalid-utf8", message },
    ]);
    expect([wsdlLine, pageLine]).toEqual([362, 14]);
    expect(report.diagnostics.length).toBe(first.diagnostics.length + 2);
    // The WSDL's model is unchanged but for the page's prose (Services88 inherits it), which carries the replacement characters.
    expect(readFileSync(path.join(c.out, "ir/Services88.json"), "utf8").replaceAll("\uFFFD\uFFFD ", "")).toBe(model88);
    expect(readFileSync(path.join(c.out, "services86/agents/user.ts"), "utf8")).toContain("\uFFFD\uFFFD Creates an associate of type external user.");
  });

  it("reports the line of the first bad byte with CR-only line ends and after a genuine U+FFFD", () => {
    const bytes = (...parts: (string | number[])[]) => new Uint8Array(Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part)))));
    // Old Mac line ends: the line was counted on LFs only (always 1) before the fix.
    expect(decodeInput(bytes("one\rtwo\rthree ", [0xff], "\r")).invalidUtf8Line).toBe(3);
    // A U+FFFD the file really holds (EF BF BD) is not the bad byte.
    expect(decodeInput(bytes("ok \uFFFD\r\nfine\r\nbad ", [0xc3], "\r\n")).invalidUtf8Line).toBe(3);
    expect(decodeInput(bytes("\uFEFFclean\r\n")).invalidUtf8Line).toBeNull();
    expect(decodeInput(bytes("\uFEFFclean\r\n")).text).toBe("clean\n");
  });
});
