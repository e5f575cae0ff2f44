/**
 * The tree-shakable functions (`<agent>.rest.ts`, `<agent>.soap.ts`) of every agent of the corpus:
 * each sends byte for byte the request the agent class sends over the same transport and reads
 * the answer alike; a bundle of REST functions carries nothing of SOAP (the SOAP functions'
 * bundle does, so the check can fail); and the bench's bundle figures are all there.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { bundle, bundleFigures, SOAP_MARKERS } from "../../bench/bundle.js";
import { agentNames, methodName } from "../../generator/emit/naming.js";
import { functionName, type FunctionTransport } from "../../generator/emit/ts/agents.js";
import { typeLookup } from "../../generator/emit/ts/ts-types.js";
import type { Agent, ServicesModel } from "../../generator/ir/types.js";
import type { FetchInit, FetchLike } from "../../templates/runtime/index.js";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { generatedOutput, importGenerated, importRuntime, type GeneratedOutput } from "../support/generated.js";
import { scratchDir } from "../support/tmp.js";
import { WireValues } from "../support/wire-values.js";

type Call = (...args: unknown[]) => Promise<unknown>;
type AgentClass = new (transport: unknown) => Record<string, Call>;

let out: GeneratedOutput;
let model: ServicesModel;
let runtime: Awaited<ReturnType<typeof importRuntime>>;
beforeAll(async () => {
  out = await generatedOutput("e2e-lean-functions", [corpusRoot]);
  model = out.models.find((m) => m.version === "Services88")!;
  runtime = await importRuntime(out.dir);
});
afterAll(() => out?.remove());

/** The generated function of each operation, by operation name. */
function functionNamesOf(agent: Agent, kind: FunctionTransport): Map<string, string> {
  return new Map(agent.operations.map((operation, i) => [operation.name, functionName(model, agent, kind, i)]));
}

type Sent = { url: string } & Omit<FetchInit, "signal">;

/** A fetch that records what is sent and answers every call with `reply(url)`. */
function recording(reply: () => { status: number; body: string; contentType: string }): { fetch: FetchLike; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, { method, headers, body, redirect }: FetchInit) => {
    // Everything but the signal, which is each call's own.
    sent.push({ url, method, headers, body, redirect });
    const answer = reply();
    return { status: answer.status, statusText: "OK", headers: { get: (name) => (name.toLowerCase() === "content-type" ? answer.contentType : null) }, text: async () => answer.body };
  };
  return { fetch, sent };
}

/** What a call came to: its value, or its error's class and message. */
async function outcome(call: Promise<unknown>): Promise<unknown> {
  try {
    return { value: await call };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

describe.skipIf(!hasCorpus)("the tree-shakable functions of every Services88 agent", () => {
  it.each(["rest", "soap"] as const)("send over %s exactly what the agent class sends, and read the answer alike", async (kind) => {
    let checked = 0;
    for (const agent of model.agents) {
      const names = agentNames(agent, typeLookup(model));
      const functions = await importGenerated<Record<string, Call>>(out.dir, `services88/agents/${names.module}.${kind}.ts`);
      const AgentClient = (await importGenerated<Record<string, AgentClass>>(out.dir, `services88/agents/${names.module}.ts`))[names.className]!;
      const { fetch, sent } = recording(() =>
        kind === "rest"
          ? { status: 200, body: "null", contentType: "application/json" }
          : { status: 200, body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><${responseElement}/></s:Body></s:Envelope>`, contentType: "text/xml" },
      );
      // An empty response wrapper: the call resolves (to null) or rejects where the Response is not nillable.
      let responseElement = "";
      const options = { baseUrl: "https://example.invalid", fetch, applicationToken: "app", ...(kind === "rest" ? { auth: { scheme: "Bearer" as const, token: "t" } } : { ticket: "7T:t==" }) };
      const transport = kind === "rest" ? new runtime.RestTransport(options) : new runtime.SoapTransport(options);
      const viaClass = new AgentClient(transport);
      const functionNames = functionNamesOf(agent, kind);
      for (const operation of agent.operations) {
        const request = Object.fromEntries(operation.params.map((param) => [param.name, new WireValues(model, runtime.XSI_TYPE).value(param.type)]));
        responseElement = operation.responseElement;
        const fromClass = await outcome(viaClass[methodName(agent, operation)]!(request));
        const fromFunction = await outcome(functions[functionNames.get(operation.name)!]!(transport, request));
        const [classRequest, functionRequest] = sent.splice(0);
        expect(functionRequest, `${agent.name}.${operation.name}`).toEqual(classRequest);
        expect(fromFunction, `${agent.name}.${operation.name}`).toEqual(fromClass);
        checked++;
      }
    }
    expect(checked).toBe(model.agents.reduce((sum, agent) => sum + agent.operations.length, 0));
  });

  it("carry nothing of SOAP in a bundle of every agent's REST functions, while the SOAP functions' bundle has it", async () => {
    const scratch = scratchDir("lean-bundles");
    mkdirSync(scratch, { recursive: true });
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const app = (kind: FunctionTransport): string => {
      const file = path.join(scratch, `${kind}-app.ts`);
      const lines = model.agents.map((agent, i) => `import * as a${i} from ${JSON.stringify(path.join(out.dir, `services88/agents/${agentNames(agent, typeLookup(model)).module}.${kind}.js`))};`);
      const transport = kind === "rest" ? "RestTransport" : "SoapTransport";
      lines.push(`import { ${transport} } from ${JSON.stringify(path.join(out.dir, "runtime/index.js"))};`);
      // Every function of every agent used, and the transport they are called with, so none is dropped.
      lines.push(`export const used = [new ${transport}({ baseUrl: "https://example.invalid" }), ${model.agents.map((_, i) => `...Object.values(a${i})`).join(", ")}];`);
      writeFileSync(file, lines.join("\n"));
      return file;
    };
    const rest = await bundle(app("rest"));
    const soap = await bundle(app("soap"));
    expect(rest).toContain("/api/v1/Agents/");
    expect(SOAP_MARKERS.filter((marker) => rest.includes(marker))).toEqual([]);
    expect(soap).toContain("soapAction");
    expect(soap).toContain("<s:Envelope");
  });

  it("are measured by the bench: one call bundled through the functions and through the class, each transport", async () => {
    const scratch = scratchDir("bench-bundles");
    mkdirSync(scratch, { recursive: true });
    onTestFinished(() => rmSync(scratch, { recursive: true, force: true }));
    const figures = await bundleFigures(out.dir, scratch);
    for (const bytes of [figures.restBytes, figures.soapBytes, figures.restClassBytes, figures.soapClassBytes]) expect(bytes).toBeGreaterThan(0);
    expect(figures.soapInRest).toEqual([]);
  });
});
