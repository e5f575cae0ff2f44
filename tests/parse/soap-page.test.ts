import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanProse } from "../../generator/parse/pages/prose.js";
import { parseSoapPage } from "../../generator/parse/pages/soap-page.js";
import { hasCorpus, repoRoot, services86Dir, services88Dir } from "../corpus.js";
import { decoded } from "../support/decoded.js";

const seed = (name: string): string => readFileSync(path.join(repoRoot, "input/seeds", name), "utf8");
/** The 1-based line of the first line of `text` that holds `needle` (0 when none does). */
const lineOf = (text: string, needle: string): number => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
/** Parameter docs without their lines. */
const paramTexts = (docs: Record<string, { text: string }> | undefined): Record<string, string> => Object.fromEntries(Object.entries(docs ?? {}).map(([name, doc]) => [name, doc.text]));

describe("SOAP page seeds", () => {
  it("000: Services88 page without prose", () => {
    const { value, diagnostics } = parseSoapPage(seed("000_10ac530210a688d2.txt"), "000.md");
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ version: "Services88", agent: "User", operation: "SetExternalUserInfo", description: "", paramDocs: {}, returnsDoc: "" });
    expect(value?.source).toEqual({ path: "000.md", line: 13 });
    expect(value?.requestExample).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<SOAP-ENV:Envelope/);
    expect(value?.requestExample).toContain('<User:ExternalUserInfoModification xsi:type="User:ExternalUserInfoModification">UserName</User:ExternalUserInfoModification>');
    expect(value?.requestExample).toMatch(/<\/SOAP-ENV:Envelope>$/);
    expect(value?.responseExample).toContain("<User:SetExternalUserInfoResponse>");
  });

  it("001: Services86 page with prose, parameter list and returns, each parameter on its own line", () => {
    const text = seed("001_0182cecb279bd4a6.txt");
    const { value, diagnostics } = parseSoapPage(text, "001.md");
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ version: "Services86", agent: "User", operation: "CreateExternalUser" });
    expect(value?.description).toBe(
      "Creates an associate of type external user.\n\n**Online Restricted:** The User agent is not available in Online by default. User management is not allowed for partner apps.",
    );
    expect(paramTexts(value?.paramDocs)).toEqual({
      personId: "The personId to create an external user for.",
      userName: "Login username.",
      password: "Login password.",
      roleId: "Id of role for the external user. The role must be a role of type external users.",
      isActive: "Set isActive to true to enable the external user to log in.",
    });
    expect(Object.keys(value?.paramDocs ?? {})).toEqual(["personId", "userName", "password", "roleId", "isActive"]);
    for (const [name, doc] of Object.entries(value?.paramDocs ?? {})) expect(doc.line, name).toBe(lineOf(text, `**${name}:**`));
    expect(value?.paramDocs.personId.line).toBeGreaterThan(value?.source.line ?? Infinity);
    expect(value?.returnsDoc).toBe("Returns the created associateId.");
    expect(value?.responseExample).toContain('<User:Response xsi:type="xsd:int">0</User:Response>');
  });

  it("003: <para /> at the start and parameters without text", () => {
    const { value, diagnostics } = parseSoapPage(seed("003_ed54bfc7b7221d82.txt"), "003.md");
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ version: "Services86", agent: "User", operation: "SetPassword", returnsDoc: "" });
    expect(value?.description).toBe(
      "**Online Restricted:** The User agent is not available in Online by default. User management is not allowed for partner apps.",
    );
    expect(paramTexts(value?.paramDocs)).toEqual({ associateId: "", password: "" });
  });
});

function opPages(versionDir: string, agents?: string[]): { file: string; agent: string; operation: string }[] {
  const pages: { file: string; agent: string; operation: string }[] = [];
  for (const agent of agents ?? readdirSync(versionDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    for (const name of readdirSync(path.join(versionDir, agent)).filter((n) => n.endsWith(".md") && n !== "index.md")) {
      pages.push({ file: path.join(versionDir, agent, name), agent, operation: name.slice(0, -3) });
    }
  }
  return pages;
}

describe.skipIf(!hasCorpus)("SOAP pages of the corpus", () => {
  it.each([
    ["Services88", () => opPages(services88Dir), 1519],
    ["Services86", () => opPages(services86Dir, ["User"]), 79],
  ])("%s: every operation page names itself as its folder and file do", (version, list, count) => {
    const pages = list();
    expect(pages).toHaveLength(count);
    for (const page of pages) {
      const { value, diagnostics } = parseSoapPage(readFileSync(page.file, "utf8"), page.file);
      expect(diagnostics, page.file).toEqual([]);
      expect({ version: value?.version, agent: value?.agent, operation: value?.operation }, page.file).toEqual({ version, agent: page.agent, operation: page.operation });
      expect(value?.requestExample, page.file).toContain(`NetServer/${version}"`);
      expect(value?.requestExample, page.file).toContain(`:${page.operation}>`);
      // Quirk: the four SoPrincipal Authenticate* pages all answer with <AuthenticateResponse>.
      const responseWrapper = page.agent === "SoPrincipal" && page.operation.startsWith("Authenticate") ? "Authenticate" : page.operation;
      expect(value?.responseExample, page.file).toContain(`:${responseWrapper}Response>`);
      // The corpus pages carry no prose: only boilerplate, which must not leak into the description.
      expect(value?.description, page.file).toBe("");
    }
  });

  it("reads agent overview pages as no operation, with an info", () => {
    const file = path.join(services88Dir, "User/index.md");
    const { value, diagnostics } = parseSoapPage(readFileSync(file, "utf8"), file);
    expect(value).toBeNull();
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([["info", "page.not-an-operation"]]);
  });
});

const PAGE = (sectionBody: string): string => `---
title: Services88.UserAgent.GetUser SOAP
generated: true
---

# Services88 User GetUser

SOAP request and response examples **Remote/Services88/User.svc**

## GetUser

${sectionBody}

[WSDL file for Services88/User](../Services88-User)

## GetUser Request

\`\`\`xml
<SOAP-ENV:Envelope xmlns:User="http://www.superoffice.net/ws/crm/NetServer/Services88">
 <SOAP-ENV:Body>
  <User:GetUser><User:UserId>0</User:UserId></User:GetUser>
 </SOAP-ENV:Body>
</SOAP-ENV:Envelope>
\`\`\`

## GetUser Response

\`\`\`xml
<SOAP-ENV:Envelope/>
\`\`\`
`;

describe("hostile SOAP pages", () => {
  it("reports a page that names no operation as an error on its title line", () => {
    const { value, diagnostics } = parseSoapPage("---\ntitle: Something\n---\n\n# Release notes\n\nNothing here.\n", "notes.md");
    expect(value).toBeNull();
    expect(diagnostics).toMatchObject([{ severity: "error", code: "page.no-operation", line: 5 }]);
  });

  it("keeps the text of a fence that is never closed and warns on its line", () => {
    const text = PAGE("Gets a user.").replace(/```\n\n## GetUser Response\n\n```xml\n<SOAP-ENV:Envelope\/>\n```\n$/, "```\n\n## GetUser Response\n\n```xml\n<SOAP-ENV:Envelope>\n <SOAP-ENV:Body>\n");
    const { value, diagnostics } = parseSoapPage(text, "truncated.md");
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "page.unclosed-fence", line: 28 }]);
    expect(value?.responseExample).toBe("<SOAP-ENV:Envelope>\n <SOAP-ENV:Body>");
    expect(value?.description).toBe("Gets a user.");
  });

  it("reads CRLF line endings and a BOM like plain LF, as discover decodes them", () => {
    const lf = parseSoapPage(PAGE("Gets a user.\n\n* **userId:** The id."), "lf.md");
    const crlf = parseSoapPage(decoded(`\uFEFF${PAGE("Gets a user.\n\n* **userId:** The id.").replace(/\n/g, "\r\n")}`), "lf.md");
    expect(crlf).toEqual(lf);
    expect(lf.value?.paramDocs).toEqual({ userId: { text: "The id.", line: lineOf(PAGE("Gets a user.\n\n* **userId:** The id."), "**userId:**") } });
    expect(lf.value?.requestExample).not.toContain("\r");
  });

  it("decodes escaped crefs and entities", () => {
    const { value } = parseSoapPage(PAGE('Returns a &lt;see cref="M:SuperOffice.Services88.IUserAgent.GetUser"/&gt; result &amp; more &quot;text&quot;.'), "entities.md");
    expect(value?.description).toBe('Returns a `GetUser` result & more "text".');
  });

  it("flattens a heading pasted into a line", () => {
    const { value } = parseSoapPage(PAGE("Gets a user. ## Online Restricted: ## Not in Online."), "heading.md");
    expect(value?.description).toBe("Gets a user.\n\n**Online Restricted:** Not in Online.");
    const own = parseSoapPage(PAGE("Gets a user.\n\n## Online Restricted: ## Not in Online.\n\n* **userId:** The id."), "heading.md");
    expect(own.value?.description).toBe("Gets a user.\n\n**Online Restricted:** Not in Online.");
    expect(paramTexts(own.value?.paramDocs)).toEqual({ userId: "The id." });
  });

  it("warns when the page names two different operations, and trusts the title", () => {
    const { value, diagnostics } = parseSoapPage(PAGE("").replace("# Services88 User GetUser", "# Services88 User GetUsers"), "mismatch.md");
    expect(value?.operation).toBe("GetUsers");
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["page.identity-mismatch", 2],
      ["page.identity-mismatch", 18],
      ["page.identity-mismatch", 16],
    ]);
  });

  it("warns about broken front matter but still reads the page", () => {
    const { value, diagnostics } = parseSoapPage(PAGE("").replace("generated: true", "generated: [true"), "yaml.md");
    expect(value?.operation).toBe("GetUser");
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "page.front-matter" }]);
    expect(diagnostics[0].line).toBeGreaterThanOrEqual(2);
  });

  it("never throws, whatever the input", () => {
    for (const text of ["", "\uFEFF", "```", "# Services88 User", "---\n---", "## X Request\n```xml\n"]) {
      const result = parseSoapPage(text, "junk.md");
      expect(result.value).toBeNull();
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe("prose cleanup", () => {
  it.each([
    ['See <see cref="M:SuperOffice.Services86.IUserAgent.GetUser">GetUser</see>.', "See `GetUser`."],
    ['See <see cref="M:SuperOffice.Services86.IUserAgent.GetUser(System.Int32)"></see>.', "See `GetUser`."],
    ['See <see cref="T:SuperOffice.CRM.Services.IUserAgent" />.', "See `IUserAgent`."],
    ["One.<para />Two.", "One.\n\nTwo."],
    ["<para>One.</para><para>Two.</para>", "One.\n\nTwo."],
    ["<b>Bold</b> and <i>it</i>", "**Bold** and *it*"],
    ["&lt;c&gt;x&lt;/c&gt; &amp;apos;q&amp;apos; 0 -&gt; 1", "`x` 'q' 0 -> 1"],
    ["Text<h2>Strings</h2>More", "Text\n\n**Strings**\n\nMore"],
    ["A\r\n            <code>\r\n                GroupBy(x):Header\r\n                  Nested\r\n            </code>\r\n  B", "A\n\n```\nGroupBy(x):Header\n  Nested\n```\n\nB"],
    ["  spaced    out  \n\n\n\nnext", "spaced out\n\nnext"],
    ["C# also uses #hash", "C# also uses #hash"],
  ])("%j", (raw, clean) => {
    expect(cleanProse(raw)).toBe(clean);
  });
});
