/**
 * Issue 2, done when: the corpus model has every Services88 and Services86 User
 * operation with exactly the WSDL's parameter names in order, and agrees with
 * every OpenAPI operation on method, path and body. The expectations are read
 * from the raw files with regular expressions, independently of our parsers.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ServicesModel } from "../../generator/model/types.js";
import { corpusRoot, hasCorpus, openApiDir, services86Dir, services88Dir } from "../corpus.js";
import { buildFrom, type InMemoryRun } from "../support/pipeline.js";

/** Operation name → request parameter names, straight from the WSDL text. */
function wsdlOperations(file: string): Map<string, string[]> {
  const text = readFileSync(file, "utf8");
  const portType = /<wsdl:portType[\s\S]*?<\/wsdl:portType>/.exec(text)?.[0] ?? "";
  const operations = new Map<string, string[]>();
  for (const [, name] of portType.matchAll(/<wsdl:operation name="(\w+)">/g)) {
    const wrapper = new RegExp(`<xs:element name="${name}">\\s*<xs:complexType>([\\s\\S]*?)</xs:complexType>`).exec(text)?.[1] ?? "";
    operations.set(name as string, [...wrapper.matchAll(/<xs:element [^>]*name="(\w+)"/g)].map((match) => match[1] as string));
  }
  return operations;
}

function operationOf(model: ServicesModel | undefined, agent: string, name: string) {
  return model?.agents.find((candidate) => candidate.name === agent)?.operations.find((operation) => operation.name === name);
}

describe.skipIf(!hasCorpus)("the model of the whole corpus", () => {
  let run: InMemoryRun;
  let v86: ServicesModel | undefined;
  let v88: ServicesModel | undefined;
  beforeAll(async () => {
    run = await buildFrom([corpusRoot]);
    v86 = run.models.find((model) => model.version === "Services86");
    v88 = run.models.find((model) => model.version === "Services88");
  });

  it("has every Services88 operation with the WSDL's parameter names in order", () => {
    const files = readdirSync(services88Dir).filter((file) => /^Services88-\w+\.md$/.test(file));
    expect(files).toHaveLength(30);
    let count = 0;
    for (const file of files) {
      const agent = file.slice("Services88-".length, -".md".length);
      for (const [name, params] of wsdlOperations(path.join(services88Dir, file))) {
        count++;
        expect(operationOf(v88, agent, name)?.params.map((param) => param.name), `${agent}.${name}`).toEqual(params);
      }
    }
    expect(count).toBe(1519);
    expect(v88?.agents.reduce((sum, agent) => sum + agent.operations.length, 0)).toBe(1519);
  });

  it("has every Services86 User operation with the WSDL's parameter names in order", () => {
    const expected = wsdlOperations(path.join(services86Dir, "Services86-User.md"));
    expect(expected.size).toBeGreaterThan(50);
    for (const [name, params] of expected) expect(operationOf(v86, "User", name)?.params.map((param) => param.name), name).toEqual(params);
    expect(v86?.agents.find((agent) => agent.name === "User")?.operations).toHaveLength(expected.size);
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

  it("documents Services88 operations from the REST page, OpenAPI or Services86, with provenance", () => {
    const setInfo = operationOf(v88, "User", "SetExternalUserInfo");
    expect(setInfo?.doc).toMatch(/^Modifies an external user\./);
    expect(setInfo?.docSource?.origin).toBe("rest-page");
    const getUser = operationOf(v88, "Contact", "GetContact");
    expect(getUser?.doc).not.toBe("");
    expect(getUser?.docSource?.origin).toBe("openapi");
    const user = v88?.types.find((type) => type.name === "User");
    expect(user?.kind === "carrier" && user.fields.find((field) => field.name === "Lastlogin")?.doc).toBe("Last login date");
  });

  it("reports no errors on the corpus", () => {
    expect(run.allDiagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}
