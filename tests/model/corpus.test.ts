/**
 * Issue 2, done when: the corpus model has every Services88 and Services86 User
 * operation with exactly the WSDL's parameter names in order, and agrees with
 * every OpenAPI operation on method, path and body. The expectations are read
 * from the raw files with regular expressions, independently of our parsers.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ServicesModel } from "../../generator/ir/types.js";
import { corpusRoot, hasCorpus, openApiDir } from "../corpus.js";
import { censusVersions, restPageCensus } from "../support/corpus-census.js";
import { buildFrom, type InMemoryRun } from "../support/pipeline.js";

function operationOf(model: ServicesModel | undefined, agent: string, name: string) {
  return model?.agents.find((candidate) => candidate.name === agent)?.operations.find((operation) => operation.name === name);
}

describe.skipIf(!hasCorpus)("the model of the whole corpus", () => {
  let run: InMemoryRun;
  let v88: ServicesModel | undefined;
  beforeAll(async () => {
    run = await buildFrom([corpusRoot]);
    v88 = run.models.find((model) => model.version === "Services88");
  });

  it("has every operation of every version with the WSDL's parameter names in order", () => {
    const versions = censusVersions();
    expect(run.models.map((model) => model.version)).toEqual(versions.map((entry) => entry.version));
    for (const { version, wsdls } of versions) {
      const model = run.models.find((candidate) => candidate.version === version);
      for (const { agent, operations } of wsdls) {
        for (const [name, params] of operations) expect(operationOf(model, agent, name)?.params.map((param) => param.name), `${version} ${agent}.${name}`).toEqual(params);
      }
      const expected = wsdls.reduce((sum, wsdl) => sum + wsdl.operations.size, 0);
      expect(expected, version).toBeGreaterThan(0);
      expect(model?.agents.reduce((sum, agent) => sum + agent.operations.length, 0), version).toBe(expected);
    }
  });

  it("agrees with every OpenAPI operation on method, path, query and body property names", () => {
    let count = 0;
    for (const file of readdirSync(openApiDir).filter((name) => name.endsWith(".json"))) {
      const document = JSON.parse(readFileSync(path.join(openApiDir, file), "utf8")) as OpenApiDocument;
      for (const [apiPath, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          count++;
          const [, , , , agent, name] = apiPath.split("/");
          const model = operationOf(v88, agent as string, name as string);
          const schemaRef = operation.requestBody?.content["application/json"]?.schema.$ref;
          const schema = schemaRef ? document.components.schemas[schemaRef.split("/").pop() as string] : undefined;
          expect(model?.rest, `${apiPath}`).toMatchObject({
            method: method.toUpperCase(),
            path: apiPath,
            body: Object.keys(schema?.properties ?? {}),
            query: operation.parameters.filter((param) => param.in === "query" && param.name !== "$select").map((param) => expect.objectContaining({ name: param.name })),
          });
        }
      }
    }
    expect(count).toBe(1390);
  });

  it("shares carriers across agents: one Carrier type defined by every agent that repeats it", () => {
    const carrier = v88?.types.find((type) => type.name === "Carrier");
    expect(carrier?.kind).toBe("carrier");
    expect(carrier?.definedBy.length).toBeGreaterThan(20);
    expect(v88?.types.filter((type) => type.name === "Carrier")).toHaveLength(1);
  });

  it("documents Services88 operations from their REST page first, else OpenAPI, with provenance", () => {
    const pages = restPageCensus();
    const origins = new Map<string, number>();
    for (const agent of v88?.agents ?? []) {
      for (const operation of agent.operations) {
        const where = `${agent.name}.${operation.name}`;
        const documented = (pages.get(where) ?? []).filter((page) => page.firstLine !== "");
        const origin = operation.docSource?.origin ?? "none";
        origins.set(origin, (origins.get(origin) ?? 0) + 1);
        if (documented.length > 0) {
          expect(origin, where).toBe("rest-page");
          // Provenance is relative to the input root, behind its name ("corpus/…"), whatever the working directory.
          expect(documented.map((page) => `corpus/${path.relative(corpusRoot, page.file).split(path.sep).join("/")}`), where).toContain(operation.docSource?.path);
          expect(operation.doc.toLowerCase(), where).toContain(firstWord(documented.map((page) => page.firstLine)));
        } else {
          expect(origin, where).not.toBe("rest-page");
        }
      }
    }
    // Both kinds are in use: the test would notice a merge that dropped one.
    for (const origin of ["rest-page", "openapi"]) expect(origins.get(origin) ?? 0, origin).toBeGreaterThan(0);
    const setInfo = operationOf(v88, "User", "SetExternalUserInfo");
    expect(setInfo?.doc).toMatch(/^Modifies an external user\./);
    const user = v88?.types.find((type) => type.name === "User");
    expect(user?.kind === "carrier" && user.fields.find((field) => field.name === "Lastlogin")?.doc).toBe("Last login date");
  });

  it("keeps server timing hints (\"NsApiSlow threshold: 2000 ms.\") out of every doc field of every source", () => {
    const raw = readdirSync(openApiDir).map((file) => readFileSync(path.join(openApiDir, file), "utf8")).join("");
    expect(raw).toContain("NsApiSlow threshold:");
    expect(JSON.stringify(run.models)).not.toContain("NsApiSlow");
  });

  it("says an agent-wide note once, as the agent's doc, not on each operation", () => {
    for (const model of run.models) {
      for (const agent of model.agents) {
        const note = /\*\*Online Restricted:\*\* The \w+ agent is not available in Online by default\.[^\n]*/;
        const repeated = agent.operations.filter((operation) => note.test(operation.doc));
        expect(repeated.map((operation) => operation.name), `${model.version} ${agent.name}`).toEqual([]);
      }
    }
    const user = v88?.agents.find((agent) => agent.name === "User");
    expect(user?.doc).toMatch(/^\*\*Online Restricted:\*\* The User agent is not available in Online by default\./);
    expect(user?.docSource?.path).toBeTruthy();
  });

  it("reports no errors on the corpus", () => {
    expect(run.allDiagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

/** The first plain word (3+ letters) of a page's prose line that every documented page shares, lower-cased. */
function firstWord(lines: string[]): string {
  const words = lines.map((line) => /[A-Za-z]{3,}/.exec(line.replace(/<[^>]*>/g, " "))?.[0]?.toLowerCase() ?? "");
  return words.find((word) => word !== "") ?? "";
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}
