/**
 * Issue 12, the entity parsers on shapes the corpus may not show, with a made-up entity
 * (Widget): classification by content, path-level and $ref parameters, allOf, int64, arrays of
 * arrays, dictionaries, PATCH-only media types, form-data, binary responses, and the page
 * generation's `# DEL Widget/{id}` title.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classify } from "../../generator/discover/classify.js";
import { parseEntityOpenApi } from "../../generator/parse/entity-openapi.js";
import { parseRestEntityPage } from "../../generator/parse/pages/rest-entity-page.js";
import { corpusRoot, hasCorpus } from "../corpus.js";

const SPEC = {
  openapi: "3.0.0",
  paths: {
    "/api/v1/Widget/{widgetId}": {
      parameters: [{ $ref: "#/components/parameters/WidgetId" }],
      get: {
        operationId: "v1WidgetEntity_GetWidget",
        description: "Calls the Widget agent service GetWidgetEntity.",
        parameters: [{ name: "$top", in: "query", schema: { type: "integer", format: "int64" } }, { name: "ids", in: "query", schema: { type: "array", items: { type: "integer" } } }],
        responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Acme.WebApi.WidgetWithLinks" } } } }, "304": { description: "Not modified." } },
      },
      patch: {
        operationId: "v1WidgetEntity_PatchWidget",
        requestBody: { content: { "application/json-patch+json": { schema: { type: "array", items: { type: "object" } } }, "application/merge-patch+json": { schema: { type: "object" } } } },
        responses: { "200": { content: { "image/png": {} } } },
      },
      put: {
        requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } } } },
        responses: { "204": { description: "Saved." } },
      },
    },
  },
  components: {
    parameters: { WidgetId: { name: "widgetId", in: "path", required: true, schema: { type: "string", format: "uuid" } } },
    schemas: {
      "Acme.Widget": { type: "object", properties: { Grid: { type: "array", items: { type: "array", items: { type: "number" } } }, Tags: { type: "object", additionalProperties: { type: "string" } } } },
      "Acme.WebApi.WidgetWithLinks": { allOf: [{ $ref: "#/components/schemas/Acme.Widget" }, { type: "object", properties: { _Links: { type: "object", additionalProperties: { type: "string" } } } }] },
    },
  },
};

const PAGE = `---
uid: v1WidgetEntity_DeleteWidget
---

# DEL Widget/{widgetId}

\`\`\`http
DELETE /api/v1/Widget/{widgetId}
\`\`\`

Deletes the widget.

Calls the {Acme.Services.IWidgetAgent} service DeleteWidgetEntity.

| Path Part | Type | Description |
|-----------|------|-------------|
| widgetId | int32 | The widget. **Required** |

## Response:

| Response | Description |
|----------------|-------------|
| 204 | Deleted. |
| 412 | Changed since. |
`;

describe("entity parsers", () => {
  it("classifies entity OpenAPI files and pages by content, agent ones as before", () => {
    expect(classify("x/any-name.json", JSON.stringify(SPEC)).kind).toBe("entity-openapi");
    expect(classify("x/any-name.json", JSON.stringify({ openapi: "3.0.0", paths: { "/api/v1/Agents/User/GetUser": {} } })).kind).toBe("openapi");
    expect(classify("x/page.md", PAGE).kind).toBe("rest-entity-page");
    expect(classify("x/page.md", "# GET User\n\n```http\nPOST /api/v1/Agents/User/GetUser\n```\n").kind).toBe("rest-page");
  });

  it("reads every parameter, body and response shape", () => {
    const { value, diagnostics } = parseEntityOpenApi(JSON.stringify(SPEC), "widget.json");
    expect(diagnostics).toEqual([]);
    expect(value?.entity).toBe("Widget");
    const [get, patch, put] = value?.operations ?? [];
    expect(get).toMatchObject({
      operationId: "v1WidgetEntity_GetWidget",
      pathParams: [{ name: "widgetId", type: "guid", required: true }],
      query: [{ name: "$top", type: "long" }, { name: "ids", type: "int[]" }],
      responses: [{ status: 200, type: "WidgetWithLinks" }, { status: 304, type: null }],
      agentOperation: { agent: "Widget", operation: "GetWidgetEntity" },
    });
    expect(patch?.body).toMatchObject({ encoding: "json-patch", mergePatch: true });
    expect(patch?.responses).toEqual([{ status: 200, type: "base64Binary", media: ["image/png"], doc: "" }]);
    expect(put?.body).toMatchObject({ encoding: "form-data", required: true, formFields: [{ name: "file", type: "base64Binary", required: true }] });
    expect(value?.schemas.Widget?.fields.map((f) => [f.name, f.type])).toEqual([["Grid", "double[][]"], ["Tags", "string{}"]]);
    expect(value?.schemas.WidgetWithLinks).toMatchObject({ restOnly: true });
    expect(value?.schemas.WidgetWithLinks?.fields.map((f) => f.name)).toEqual(["Grid", "Tags", "_Links"]);
  });

  it("a schema that is only a reference has the fields of what it names; one naming nothing or only itself is an empty carrier with a warning", () => {
    const schemas = {
      "Acme.Widget": { type: "object", properties: { Name: { type: "string" } } },
      "Acme.Alias": { $ref: "#/components/schemas/Acme.Widget" },
      "Acme.Dangling": { $ref: "#/components/schemas/Missing" },
      "Acme.Loop": { $ref: "#/components/schemas/Acme.Pool" },
      "Acme.Pool": { $ref: "#/components/schemas/Acme.Loop" },
    };
    const { value, diagnostics } = parseEntityOpenApi(JSON.stringify({ ...SPEC, components: { ...SPEC.components, schemas: { ...SPEC.components.schemas, ...schemas } } }, null, 2), "widget.json");
    expect(value?.schemas.Alias?.fields.map((f) => [f.name, f.type])).toEqual([["Name", "string"]]);
    expect(value?.schemas.Dangling?.fields).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ["warning", "openapi.unresolved-ref", 'Cannot resolve the reference "#/components/schemas/Missing".'],
      ["warning", "openapi.unresolved-ref", 'Cannot resolve the reference "#/components/schemas/Acme.Loop".'],
      ["warning", "openapi.unresolved-ref", 'Cannot resolve the reference "#/components/schemas/Acme.Pool".'],
    ]);
    expect(diagnostics.every((d) => d.line > 0)).toBe(true);
  });

  it("reads the older page generation: DEL title, path-part table, agent operation in braces, statuses", () => {
    const { value, diagnostics } = parseRestEntityPage(PAGE, "v1WidgetEntity_DeleteWidget.md");
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({
      entity: "Widget",
      operationId: "v1WidgetEntity_DeleteWidget",
      operation: {
        method: "DELETE",
        path: "/api/v1/Widget/{widgetId}",
        description: "Deletes the widget.",
        pathParams: [{ name: "widgetId", type: "int", required: true, doc: "The widget." }],
        body: null,
        responses: [{ status: 204, type: null }, { status: 412, type: null }],
        agentOperation: { agent: "Widget", operation: "DeleteWidgetEntity" },
      },
    });
  });
});

describe.skipIf(!hasCorpus)("entity OpenAPI descriptions of the corpus", () => {
  const role = hasCorpus ? parseEntityOpenApi(readFileSync(path.join(corpusRoot, "mintlify-docs/en/api/web-services/endpoints/rest-webapi/reference/openapi-v3-Role.json"), "utf8"), "openapi-v3-Role.json") : null;

  it("say the agent call once, as agentOperation, as the pages do (Role's CreateDefaultRoleEntity)", () => {
    const operation = role?.value?.operations.find((candidate) => candidate.agentOperation?.operation === "CreateDefaultRoleEntity");
    expect(operation?.agentOperation).toEqual({ agent: "User", operation: "CreateDefaultRoleEntity" });
    expect(operation?.description).toContain("**Online Restricted:** The User agent is not available in Online by default.");
    expect(operation?.description).not.toMatch(/Calls the|NsApiSlow/);
  });

  it("hold no agent-call line in any operation that has an agent operation, and keep any other 'Calls the' line", () => {
    for (const operation of role?.value?.operations ?? []) {
      if (operation.agentOperation === null) continue;
      expect(operation.description, operation.operationId).not.toMatch(/Calls the [^\n]* service /);
    }
    const archive = role?.value?.operations.find((operation) => /Calls the Archive service/.test(operation.description));
    expect(archive?.description).toContain('Calls the Archive service using the "Role" archive.');
    expect(archive?.agentOperation).toBeNull();
    expect(role?.value?.operations.filter((operation) => operation.agentOperation !== null).length).toBeGreaterThan(0);
  });
});
