import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseOpenApi } from "../../generator/parse/openapi.js";
import type { ParsedOpenApi } from "../../generator/parse/types.js";
import { hasCorpus, openApiDir } from "../corpus.js";

describe.skipIf(!hasCorpus)("OpenAPI files of the corpus", () => {
  const files = hasCorpus ? readdirSync(openApiDir).filter((name) => name.endsWith(".json")) : [];
  const texts = new Map(files.map((name) => [name, readFileSync(path.join(openApiDir, name), "utf8")]));
  const parsed = new Map(files.map((name) => [name, parseOpenApi(texts.get(name) ?? "", name)]));
  const user = (): ParsedOpenApi => parsed.get("openapi-v3-UserAgent.json")?.value as ParsedOpenApi;

  // How fast is measured by `npm run bench`, never asserted here (it failed on a loaded machine).
  it("reads all 28 files, 1,390 POST operations, without diagnostics", () => {
    expect(files).toHaveLength(28);
    const operations = [...parsed.values()].flatMap((result) => result.value?.operations ?? []);
    expect(operations).toHaveLength(1390);
    expect(new Set(operations.map((op) => op.method))).toEqual(new Set(["POST"]));
    expect([...parsed.values()].flatMap((result) => result.diagnostics)).toEqual([]);
  });

  it("names each file's agent as its file name does, and puts each operation on its path key's line", () => {
    for (const [name, result] of parsed) {
      expect(result.value?.agent, name).toBe(/openapi-v3-(\w+)Agent\.json/.exec(name)?.[1]);
      const lines = (texts.get(name) ?? "").split("\n");
      for (const op of result.value?.operations ?? []) {
        expect(lines[op.line - 1], `${name} ${op.path}`).toContain(`"${op.path}": {`);
        expect(op.name).toBe(op.path.slice(op.path.lastIndexOf("/") + 1));
        expect(op.description, `${name} ${op.name}`).not.toContain("NsApiSlow");
        expect(op.queryParams.map((p) => p.name), `${name} ${op.name}`).not.toContain("$select");
      }
    }
  });

  it("reads GetUser: summary, description without the timing hint, required query parameter", () => {
    const getUser = user().operations.find((op) => op.name === "GetUser");
    expect(getUser).toMatchObject({
      method: "POST",
      path: "/api/v1/Agents/User/GetUser",
      summary: "Gets a User object.",
      description: "**Online Restricted:** The User agent is not available in Online by default. User management is not allowed for partner apps.",
      queryParams: [{ name: "userId", required: true, doc: "The identifier of the User object" }],
      bodyProperties: [],
    });
  });

  it("reads request body properties in schema order through the $ref", () => {
    const setInfo = user().operations.find((op) => op.name === "SetExternalUserInfo");
    expect(setInfo?.bodyProperties.map((p) => p.name)).toEqual(["AssociateId", "UserName", "Password", "IsActive", "RoleId", "ExternalUserInfoModification"]);
    expect(setInfo?.description).toBe(
      "Changes external users information according to the flags set in externalUserInfoModification.\n\n**Online Restricted:** The User agent is not available in Online by default. User management is not allowed for partner apps.",
    );
  });

  it("keys carrier docs by short name and skips request wrappers", () => {
    const schemas = user().schemas;
    expect(schemas.User.fields.Lastlogin).toBe("Last login date");
    expect(schemas.User.fields.OtherGroups).toBe('The other groups this user is a member of, apart from the main user group.\n\nUse MDO List name "usergroup" to get list items.');
    expect(schemas.User.description).toBe(
      "SuperOffice User, with login credentials and an associated person.\n\nCarrier object for User.\nServices for the User Carrier is available from the `User Agent`.",
    );
    expect(schemas.TableRight).toBeDefined();
    expect(Object.keys(schemas).filter((name) => name.endsWith("Request"))).toEqual([]);
    expect(Object.keys(schemas)).toHaveLength(33);
  });
});

describe("hostile OpenAPI input", () => {
  const minimal = (paths: object, schemas: object = {}): string => JSON.stringify({ openapi: "3.0.1", paths, components: { schemas } }, null, 2);

  it("reports invalid JSON on the line of the parse error", () => {
    const { value, diagnostics } = parseOpenApi('{\n  "paths": {\n    "/a": 1,\n  }\n}', "bad.json");
    expect(value).toBeNull();
    expect(diagnostics).toMatchObject([{ severity: "error", code: "openapi.invalid-json", line: 4 }]);
    expect(parseOpenApi('{\n  "paths": {', "cut.json").diagnostics).toMatchObject([{ code: "openapi.invalid-json", line: 2 }]);
  });

  it("rejects JSON that is not an OpenAPI document", () => {
    expect(parseOpenApi("[1, 2]", "list.json").diagnostics).toMatchObject([{ severity: "error", code: "openapi.no-paths", line: 0 }]);
  });

  it("reads CRLF, a BOM, allOf bodies, and warns about a dangling $ref", () => {
    const text = minimal(
      {
        "/api/v1/Agents/Demo/Save": {
          post: {
            summary: "Saves &lt;b&gt;it&lt;/b&gt;.",
            description: "NsApiSlow threshold: 10 ms.\r\nReally <see cref=\"M:X.Y.Save\" />.",
            requestBody: { content: { "application/json": { schema: { allOf: [{ $ref: "#/components/schemas/X.Base" }, { properties: { Extra: { description: "More" } } }] } } } },
          },
        },
        "/api/v1/Agents/Demo/Load": { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Missing" } } } } } },
      },
      { "X.Base": { description: "Base", properties: { Id: { description: "Key" } } } },
    );
    const { value, diagnostics } = parseOpenApi(`\uFEFF${text.replace(/\n/g, "\r\n")}`, "openapi-v3-DemoAgent.json");
    expect(value?.agent).toBe("Demo");
    expect(value?.operations[0]).toMatchObject({ summary: "Saves **it**.", description: "Really `Save`.", line: 4 });
    expect(value?.operations[0].bodyProperties).toEqual([{ name: "Id", doc: "Key" }, { name: "Extra", doc: "More" }]);
    expect(value?.operations[1].bodyProperties).toEqual([]);
    expect(value?.schemas).toEqual({ Base: { description: "Base", fields: { Id: "Key" }, enums: {} } });
    const refLine = text.split("\n").findIndex((line) => line.includes('"#/components/schemas/Missing"')) + 1;
    expect(refLine).toBeGreaterThan(4);
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "openapi.unresolved-ref", line: refLine }]);
  });

  it("takes the agent from the file name when there are no paths", () => {
    expect(parseOpenApi(minimal({}), "openapi-v3-TicketAgent.json").value?.agent).toBe("Ticket");
  });
});
