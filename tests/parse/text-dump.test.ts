import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSoapTextDump } from "../../generator/parse/pages/text-dump.js";
import { repoRoot } from "../corpus.js";
import { decoded } from "../support/decoded.js";

const seed004 = readFileSync(path.join(repoRoot, "input/seeds/004_e4d41bc45c853810.txt"), "utf8");

describe("SOAP text dump, seed 004", () => {
  const { value, diagnostics } = parseSoapTextDump(seed004, "004.txt");

  it("names version, agent and operation from the text", () => {
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ version: "Services88", agent: "User", operation: "SaveUntrustedCredentialsForAssociate" });
    expect(value?.source).toEqual({ path: "004.txt", line: 7 });
  });

  it("has no description: the chrome and boilerplate are dropped", () => {
    expect(value?.description).toBe("");
    expect(value?.paramDocs).toEqual({});
    expect(value?.returnsDoc).toBe("");
  });

  it("extracts both envelopes as XML text", () => {
    const request = value?.requestExample ?? "";
    expect(request.split("\n")).toHaveLength(28);
    expect(request).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<SOAP-ENV:Envelope\nxmlns:SOAP-ENV=/);
    expect(request).toContain('<User:ValidFrom xsi:type="xsd:dateTime">2025-04-03T11:13:36Z</User:ValidFrom>');
    expect(request).toMatch(/<\/SOAP-ENV:Body>\n<\/SOAP-ENV:Envelope>$/);
    const response = value?.responseExample ?? "";
    expect(response).toContain("<User:SaveUntrustedCredentialsForAssociateResponse>\n</User:SaveUntrustedCredentialsForAssociateResponse>");
    expect(response).toMatch(/<\/SOAP-ENV:Envelope>$/);
  });
});

describe("hostile text dumps", () => {
  it("reads CRLF and a BOM like LF, as discover decodes them", () => {
    expect(parseSoapTextDump(decoded(`\uFEFF${seed004.replace(/\n/g, "\r\n")}`), "004.txt")).toEqual(parseSoapTextDump(seed004, "004.txt"));
  });

  it("reads prose, bulleted parameters (each on its own line) and returns between the operation line and the boilerplate", () => {
    const text = seed004.replace(
      "SaveUntrustedCredentialsForAssociate\nObtain a ticket",
      "SaveUntrustedCredentialsForAssociate\nSaves credentials for an associate.\nOnline Restricted: Not in Online &amp; not for partners.\n• associateId: The associate.\n• type:\nReturns: Nothing.\nObtain a ticket",
    );
    const { value } = parseSoapTextDump(text, "004.txt");
    expect(value?.description).toBe("Saves credentials for an associate.\n\nOnline Restricted: Not in Online & not for partners.");
    const lineOf = (needle: string): number => text.split("\n").findIndex((line) => line.startsWith(needle)) + 1;
    expect(value?.paramDocs).toEqual({ associateId: { text: "The associate.", line: lineOf("• associateId:") }, type: { text: "", line: lineOf("• type:") } });
    expect(value?.returnsDoc).toBe("Nothing.");
  });

  it("stops a truncated envelope at the next marker", () => {
    const text = seed004.replace("</SOAP-ENV:Body>\n</SOAP-ENV:Envelope>\nSaveUntrustedCredentialsForAssociate Response", "SaveUntrustedCredentialsForAssociate Response");
    const { value } = parseSoapTextDump(text, "004.txt");
    expect(value?.requestExample).toMatch(/<\/User:SaveUntrustedCredentialsForAssociate>$/);
    expect(value?.responseExample).toContain("SaveUntrustedCredentialsForAssociateResponse");
  });

  it("reports text that names no operation", () => {
    const { value, diagnostics } = parseSoapTextDump("Some tooltip text!\nHello\n<a/>\n", "x.txt");
    expect(value).toBeNull();
    expect(diagnostics).toMatchObject([{ severity: "error", code: "page.no-operation", line: 0 }]);
  });

  it("warns when the envelope namespace disagrees with the title", () => {
    const { value, diagnostics } = parseSoapTextDump(seed004.replace(/NetServer\/Services88"/, 'NetServer/Services86"'), "004.txt");
    expect(value?.version).toBe("Services88");
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "page.identity-mismatch", line: 11 }]);
  });
});
