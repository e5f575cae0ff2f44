import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRestPage } from "../../generator/parse/pages/rest-page.js";
import { hasCorpus, repoRoot, restUserDir, restUserOldDir } from "../corpus.js";
import { decoded } from "../support/decoded.js";
import { pageSamples } from "../support/rest-samples.js";

const seed002 = readFileSync(path.join(repoRoot, "input/seeds/002_4ba421d35adb619a.txt"), "utf8");
const SET_EXTERNAL_USER_INFO_BODY = ["AssociateId", "UserName", "Password", "IsActive", "RoleId", "ExternalUserInfoModification"];
const ONLINE_RESTRICTED = "**Online Restricted:** The User agent is not available in Online by default. User management is not allowed for partner apps.";

describe("REST page seed 002", () => {
  const { value, diagnostics } = parseRestPage(seed002, "002.md");

  it("reads method, path, agent and operation from the http block", () => {
    expect(value).toMatchObject({ method: "POST", path: "/api/v1/Agents/User/SetExternalUserInfo", agent: "User", operation: "SetExternalUserInfo", generation: "new" });
    expect(value?.source.line).toBe(8);
  });

  it("cleans the description, heading-in-a-line included", () => {
    expect(value?.description).toBe(
      `Modifies an external user.\n\nChanges external users information according to the flags set in externalUserInfoModification.\n\n${ONLINE_RESTRICTED}`,
    );
  });

  it("reads the body table in order and drops $select", () => {
    expect(value?.queryParams).toEqual([]);
    expect(value?.bodyProperties.map((p) => [p.name, p.type])).toEqual([
      ["AssociateId", "Integer"],
      ["UserName", "String"],
      ["Password", "String"],
      ["IsActive", "Boolean"],
      ["RoleId", "Integer"],
      ["ExternalUserInfoModification", "String"],
    ]);
    expect(value?.bodyProperties[0]).toEqual({ name: "AssociateId", type: "Integer", doc: "", required: false, line: 52 });
  });

  it("drops the stray Response body table of a 204 answer, with an info", () => {
    expect(value?.responseType).toBeNull();
    expect(diagnostics).toEqual([
      { path: "002.md", line: 67, severity: "info", code: "rest.stray-response-body", message: 'Ignored "Response body: TableRight": the operation answers 204 No Content.' },
    ]);
  });
});

describe.skipIf(!hasCorpus)("REST pages of the corpus (User agent)", () => {
  const files = hasCorpus ? readdirSync(restUserDir).filter((name) => name.startsWith("v1UserAgent_")) : [];
  const parsed = files.map((name) => {
    const text = readFileSync(path.join(restUserDir, name), "utf8");
    return { name, text, operation: name.slice("v1UserAgent_".length, -3), ...parseRestPage(text, name) };
  });
  const page = (operation: string) => parsed.find((p) => p.operation === operation);

  it("parses every newer-generation page without warnings, named by its path", () => {
    expect(parsed).toHaveLength(30);
    for (const { name, operation, value, diagnostics } of parsed) {
      expect(diagnostics.filter((d) => d.severity !== "info"), name).toEqual([]);
      expect(value, name).toMatchObject({ agent: "User", operation, method: "POST", path: `/api/v1/Agents/User/${operation}`, generation: "new" });
      expect(value?.description, name).toContain(ONLINE_RESTRICTED);
      expect(value?.queryParams.some((p) => p.name === "$select"), name).toBe(false);
      // Newer pages print Integer/Boolean/String in body tables.
      for (const property of value?.bodyProperties ?? []) expect(property.type, `${name} ${property.name}`).not.toMatch(/^(int32|bool|string)$/);
    }
  });

  it("reads a required query parameter with the int32 type the newer pages keep for queries", () => {
    expect(page("GetUser")?.value?.queryParams).toEqual([{ name: "userId", type: "int32", doc: "The primary key.", required: true, line: 27 }]);
    expect(page("GetUser")?.value?.responseType).toBe("User");
  });

  it("drops the stray TimeZoneData response body on every 204 page and keeps real ones", () => {
    const noContent = parsed.filter((p) => pageSamples(p.text).response?.startLine === "HTTP/1.1 204 No Content").map((p) => p.operation);
    expect(noContent.sort()).toEqual(["DeleteExternalUser", "DeleteUser", "MakeRetired", "RemoveUntrustedCredentialsForAssociate", "SaveUntrustedCredentialsForAssociate", "SetExternalUserInfo", "SetFunctionalRights"]);
    for (const operation of noContent) {
      expect(page(operation)?.value?.responseType, operation).toBeNull();
      expect(page(operation)?.diagnostics.map((d) => d.code), operation).toEqual(["rest.stray-response-body"]);
    }
    expect(page("CanChangePassword")?.value?.responseType).toBe("bool");
    expect(page("GetAllRoles")?.value?.responseType).toBe("array");
  });

  it("reads entity bodies with cleaned docs, and reports a bare-value body", () => {
    const saveUser = page("SaveUser")?.value;
    expect(saveUser?.bodyProperties.slice(0, 3).map((p) => [p.name, p.type, p.doc])).toEqual([
      ["AssociateId", "Integer", "Primary key"],
      ["Name", "String", "Initials, UserId - also used as login name for on-site installations. Identifies user in archives."],
      ["Rank", "Integer", "Rank order"],
    ]);
    expect(saveUser?.bodyProperties.find((p) => p.name === "UserGroup")?.doc).toBe(
      'The main user group that this user belongs to.\n\nUse MDO List name "usergroup" to get list items.',
    );
    expect(page("GetUserInfoList")?.value?.bodyProperties).toEqual([]);
    expect(page("GetUserInfoList")?.diagnostics.map((d) => [d.severity, d.code])).toEqual([["info", "rest.body-without-table"]]);
  });

  it("reads the older generation: int32/bool and no samples", () => {
    const file = path.join(restUserOldDir, "v1UserAgent_SetExternalUserInfo.md");
    const { value, diagnostics } = parseRestPage(readFileSync(file, "utf8"), file);
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ generation: "old", responseType: null, path: "/api/v1/Agents/User/SetExternalUserInfo" });
    expect(value?.bodyProperties.map((p) => p.name)).toEqual(SET_EXTERNAL_USER_INFO_BODY);
    expect(value?.bodyProperties.map((p) => p.type)).toEqual(["int32", "string", "string", "bool", "int32", "string"]);
    expect(value?.description).toBe(page("SetExternalUserInfo")?.value?.description);
  });

  it("skips the agent index page with an info", () => {
    const { value, diagnostics } = parseRestPage(readFileSync(path.join(restUserDir, "index.md"), "utf8"), "User_Agent/index.md");
    expect(value).toBeNull();
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([["info", "page.not-an-operation"]]);
  });
});

describe("hostile REST pages", () => {
  it("reads CRLF and a BOM like LF, as discover decodes them", () => {
    expect(parseRestPage(decoded(`\uFEFF${seed002.replace(/\n/g, "\r\n")}`), "002.md")).toEqual(parseRestPage(seed002, "002.md"));
  });

  it("reports a page without a request line", () => {
    const { value, diagnostics } = parseRestPage("# POST Agents/User/GetUser\n\nGets a user.\n", "page.md");
    expect(value).toBeNull();
    expect(diagnostics).toMatchObject([{ severity: "error", code: "rest.no-request-line", line: 0 }]);
  });

  it("keeps a truncated sample and warns on its fence line", () => {
    const truncated = seed002.slice(0, seed002.indexOf('  "Password"'));
    const { value, diagnostics } = parseRestPage(truncated, "002.md");
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["page.unclosed-fence", 72],
      ["rest.stray-response-body", 67],
    ]);
    expect(value?.generation).toBe("new");
  });

  it("decodes entities and crefs in table cells", () => {
    const text = seed002.replace("| AssociateId | Integer |  |", '| AssociateId | Integer | **Required** The &lt;see cref="P:SuperOffice.CRM.Services.User.AssociateId"/&gt; &amp; more |');
    const property = parseRestPage(text, "002.md").value?.bodyProperties[0];
    expect(property).toMatchObject({ name: "AssociateId", required: true, doc: "The `AssociateId` & more" });
  });

  it("never throws, whatever the input", () => {
    for (const text of ["", "```http\n", "| a |\n|---|\n| b |", "```http\nPOST\n```"]) {
      const result = parseRestPage(text, "junk.md");
      expect(result.value).toBeNull();
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
