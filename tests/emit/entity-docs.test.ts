/**
 * Issue 12, docs and diff of the REST entity endpoints, on hand-made models: a page per entity
 * linked from the version index, and the version diff listing endpoints added and changed.
 */
import { describe, expect, it } from "vitest";
import { emitDocs } from "../../generator/emit/docs/index.js";
import { diffModels } from "../../generator/model/diff.js";
import type { EntityEndpoint, ServicesModel } from "../../generator/ir/types.js";
import { services86, services88 } from "../fixtures/models.js";

function endpoint(name: string, method: string, path: string, returns: string, extra: Partial<EntityEndpoint> = {}): EntityEndpoint {
  return {
    name,
    operationId: `v1UserEntity_${name}`,
    method,
    path,
    pathParams: path.includes("{id}") ? [{ name: "id", type: "int", required: true, doc: "The id.", docSource: null }] : [],
    query: [],
    body: null,
    responses: [{ status: 200, type: returns === "void" ? null : returns, doc: "OK" }],
    returns,
    agentOperation: { agent: "User", operation: "SetPassword" },
    doc: `${name} does things.`,
    docSource: { origin: "openapi", path: "openapi-v3-User.json", line: 3 },
    origin: "openapi",
    sources: [],
    ...extra,
  };
}

function withEntities(model: ServicesModel, endpoints: EntityEndpoint[]): ServicesModel {
  return { ...model, entities: [{ name: "User", doc: "", docSource: null, endpoints, sources: ["openapi-v3-User.json"] }] };
}

describe("entity docs", () => {
  const get = endpoint("GetUserEntity", "GET", "/api/v1/User/{id}", "User");
  const older = withEntities(services86(), [get]);
  const newer = withEntities(services88(), [
    { ...get, query: [{ name: "$select", type: "string", required: false, doc: "Comma separated fields.", docSource: null }] },
    endpoint("PatchUserEntity", "PATCH", "/api/v1/User/{id}", "User", { body: { encoding: "json-patch", type: "User", required: true, mergePatch: true, formFields: [], doc: "" }, origin: "rest-page" }),
  ]);
  const docs = emitDocs([older, newer], [{ older: older.version, newer: newer.version, diff: diffModels(older, newer) }]);

  it("writes a page per entity, linked from the version index, with every endpoint, its call and its agent operation", () => {
    const page = docs.get("docs/Services88/entities/User.md") ?? "";
    expect(docs.get("docs/Services88/README.md")).toContain("| [User](entities/User.md) | 2 | `rest.entities.user` |");
    expect(page).toContain("## PATCH /api/v1/User/{id}");
    expect(page).toContain("JSON Patch (RFC 6902) of");
    expect(page).toContain("await rest.entities.user.patchUserEntity({ id: 0, body: [");
    expect(page).toContain("**Agent operation:** [`User.SetPassword`](../User.md#");
    expect(page).toContain("Only the REST reference page describes this endpoint");
  });

  it("lists entity endpoints added and changed in the version diff", () => {
    const diff = diffModels(older, newer);
    expect(diff.entities?.added.map((e) => e.endpoint)).toEqual(["PATCH /api/v1/User/{id}"]);
    expect(diff.entities?.changed).toEqual([
      expect.objectContaining({ endpoint: "GET /api/v1/User/{id}", changes: [{ what: "query", before: "", after: "$select?: string" }] }),
    ]);
    const page = docs.get("docs/diff-Services86-Services88.md") ?? "";
    expect(page).toContain("## Entity endpoints");
    expect(page).toContain("| Entity endpoints | 1 | 0 | 1 |");
  });

  it("prints each endpoint's call as the client types it: one request object, a Promise, the client's method names", () => {
    // Two endpoints whose names meet: the client calls the second getUserEntity_2, so must the page.
    const twin = endpoint("getUserEntity", "GET", "/api/v1/User/{id}/Twin", "void");
    const model = withEntities(services88(), [{ ...get, returns: "boolean" }, twin, endpoint("ListUsers", "GET", "/api/v1/User", "boolean[]")]);
    const page = emitDocs([model], []).get("docs/Services88/entities/User.md") ?? "";
    expect(page).toContain("```ts\ngetUserEntity(request: { id: number }): Promise<boolean>\n```");
    expect(page).toContain("```ts\ngetUserEntity_2(request: { id: number }): Promise<void>\n```");
    expect(page).toContain("await rest.entities.user.getUserEntity_2({ id: 0 });");
    expect(page).toContain("| [`GET /api/v1/User/{id}/Twin`](#getuserentity_2) | `getUserEntity_2` |");
    expect(page).toContain('<a id="getuserentity_2"></a>');
    expect(page).toContain("```ts\nlistUsers(request?: Record<string, never>): Promise<boolean[]>\n```");
    expect(page).not.toMatch(/\(id: int/);
  });

  it("names the client as the REST client has it: `rest.entities_` where an agent Entities has `entities`", () => {
    const model = withEntities(services88(), [get]);
    model.agents.push({ ...model.agents[0]!, name: "Entities" });
    const docs = emitDocs([model], []);
    expect(docs.get("docs/Services88/README.md")).toContain("| [User](entities/User.md) | 1 | `rest.entities_.user` |");
    const page = docs.get("docs/Services88/entities/User.md") ?? "";
    expect(page).toContain("Client: `rest.entities_.user`.");
    expect(page).toContain("await rest.entities_.user.getUserEntity({ id: 0 });");
  });

  it("leaves diffs of versions without entities as they were", () => {
    expect("entities" in diffModels(services86(), services88())).toBe(false);
  });
});
