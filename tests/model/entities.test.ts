/**
 * Issue 12, model: every operation of every entity OpenAPI file of the corpus (found and counted
 * by tests/support/entity-specs.ts, independently of the generator) is an endpoint of every
 * version, with its method, path, typed path and query parameters, body and responses, and
 * every type it names exists in that version.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { EntityEndpoint, ServicesModel } from "../../generator/ir/types.js";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { deref, entitySpecs, parametersOf, type Json } from "../support/entity-specs.js";
import { buildFrom, type InMemoryRun } from "../support/pipeline.js";

const PRIMITIVES = new Set(["int", "long", "double", "float", "boolean", "string", "dateTime", "date", "base64Binary", "guid", "anyType"]);

function exists(model: ServicesModel, ref: string): boolean {
  const base = ref.replace(/(\[\])+$/, "");
  return PRIMITIVES.has(base) || model.types.some((type) => type.name === base);
}

/** JSON Schema type of a parameter → the model type we expect (the enum case is a string with values). */
function expectedParamType(schema: Json): string {
  if (schema.type === "integer") return schema.format === "int64" ? "long" : "int";
  if (schema.type === "boolean") return "boolean";
  if (schema.type === "number") return schema.format === "float" ? "float" : "double";
  if (schema.type === "string") return schema.format === "date-time" ? "dateTime" : "string";
  if (schema.type === "array") return `${expectedParamType((schema.items ?? {}) as Json)}[]`;
  return "anyType";
}

describe.skipIf(!hasCorpus)("entity endpoints in the model", () => {
  let run: InMemoryRun;
  const specs = hasCorpus ? entitySpecs(corpusRoot) : [];
  beforeAll(async () => {
    run = await buildFrom([corpusRoot]);
  });

  it("finds the corpus files (35 files, 1,111 operations at the time of writing; more are fine)", () => {
    expect(specs.length).toBeGreaterThanOrEqual(35);
    expect(specs.reduce((n, spec) => n + spec.operations.length, 0)).toBeGreaterThanOrEqual(1111);
  });

  it("has every OpenAPI operation in every version, typed as the spec says", () => {
    const problems: string[] = [];
    for (const model of run.models) {
      const endpoints = new Map<string, EntityEndpoint>();
      for (const entity of model.entities ?? []) for (const endpoint of entity.endpoints) endpoints.set(`${endpoint.method} ${endpoint.path}`, endpoint);
      for (const spec of specs) {
        for (const operation of spec.operations) {
          const where = `${model.version} ${operation.method} ${operation.path}`;
          const endpoint = endpoints.get(`${operation.method} ${operation.path}`);
          if (!endpoint) {
            problems.push(`${where}: missing`);
            continue;
          }
          if (endpoint.operationId !== operation.operationId) problems.push(`${where}: operationId ${endpoint.operationId}`);
          const pathParams = parametersOf(spec, operation, "path");
          expect(endpoint.pathParams.map((p) => [p.name, p.type]), where).toEqual(pathParams.map((p) => [p.name, expectedParamType(deref(spec.document, p.schema))]));
          const query = parametersOf(spec, operation, "query");
          expect(endpoint.query.map((p) => [p.name, p.type, p.required]), where).toEqual(query.map((p) => [p.name, expectedParamType(deref(spec.document, p.schema)), p.required === true]));
          expect(endpoint.body !== null, where).toBe(operation.operation.requestBody !== undefined);
          if (endpoint.body && endpoint.body.encoding !== "form-data" && !exists(model, endpoint.body.type)) problems.push(`${where}: body type ${endpoint.body.type}`);
          const statuses = Object.keys((operation.operation.responses ?? {}) as Json).map(Number).sort((a, b) => a - b);
          expect(endpoint.responses.map((r) => r.status), where).toEqual(statuses);
          for (const response of endpoint.responses) {
            const content = ((deref(spec.document, ((operation.operation.responses ?? {}) as Json)[String(response.status)]).content ?? {}) as Json);
            expect(response.type !== null, `${where} ${response.status}`).toBe(Object.keys(content).length > 0);
            if (response.type !== null && !exists(model, response.type)) problems.push(`${where}: response type ${response.type}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("types …WithLinks as the carrier plus its links, and records the agent operation and both doc sources", () => {
    const v88 = run.models.find((model) => model.version === "Services88");
    const withLinks = v88?.types.find((type) => type.name === "ContactEntityWithLinks");
    expect(withLinks).toMatchObject({ kind: "carrier", base: "ContactEntity", origin: "openapi" });
    const get = v88?.entities?.find((entity) => entity.name === "Contact")?.endpoints.find((endpoint) => endpoint.name === "GetContactEntity");
    expect(get).toMatchObject({ method: "GET", path: "/api/v1/Contact/{id}", returns: "ContactEntityWithLinks", agentOperation: { agent: "Contact", operation: "GetContactEntity" } });
    expect(get?.sources.map((source) => source.kind)).toEqual(["openapi", "rest-page"]);
    expect(get?.docSource?.origin).toBe("openapi");
    expect(get?.responses.map((response) => response.status)).toContain(304);
  });

  it("takes PATCH, which only the pages describe, from the pages as a JSON Patch of the PUT's carrier", () => {
    const v88 = run.models.find((model) => model.version === "Services88");
    for (const entity of ["Contact", "Person", "Sale"]) {
      const patch = v88?.entities?.find((candidate) => candidate.name === entity)?.endpoints.find((endpoint) => endpoint.method === "PATCH" && endpoint.path === `/api/v1/${entity}/{id}`);
      expect(patch, entity).toMatchObject({ origin: "rest-page", body: { encoding: "json-patch", type: `${entity}Entity`, mergePatch: true } });
    }
    expect(run.diagnostics.some((d) => d.code === "model.entity-page-only" && d.message.includes("PATCH /api/v1/Contact/{id}"))).toBe(true);
  });
});
