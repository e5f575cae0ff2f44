/**
 * Issue 3, generic harness: for EVERY agent of the corpus (30 Services88 WSDLs and the Services86
 * User WSDL), a node-soap server built from that agent's real WSDL on 127.0.0.1 answers every
 * operation with a generic handler (records the call, returns a canned reply); EVERY operation of
 * the agent is called through the generated SoapClient
 * (`client[lowerCamel(agent)][lowerCamel(op)](request)`; reserved words get a `_` suffix, see the
 * last test) with a request derived generically from the model's parameter types
 * (tests/support/sample-values.ts).
 *
 * Per call it asserts that node-soap parsed exactly the values sent (compared in node-soap's
 * shapes, see sample-values.ts), that the SOAPAction and both headers arrived, and that the value
 * node-soap sent back resolves typed (Dates, numbers, one-element arrays, enums, flags, records,
 * multi-part results). Failures are reported as `<Version>/<Agent>.<Operation>: <why>`.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lowerCamel, memberName } from "../../generator/emit/naming.js";
import type { Agent, Operation, ServicesModel } from "../../generator/ir/types.js";
import { buildFrom } from "../support/pipeline.js";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { generatedOutput, importSoapClient, type ClientClass, type GeneratedOutput } from "../support/generated.js";
import { corpusWsdl, corpusWsdlPage, startNodeSoap } from "../support/node-soap.js";
import { SampleMaker } from "../support/sample-values.js";

const TICKET = "7T:harness==";
const APP_TOKEN = "harness-token";

/** Every (version, agent) of the corpus model whose WSDL page is in the corpus; read before the tests are collected. */
const cases: { version: string; agent: string; operations: number }[] = [];
if (hasCorpus) {
  const { models } = await buildFrom([corpusRoot]);
  for (const model of models) for (const agent of model.agents) if (corpusWsdlPage(model.version, agent.name)) cases.push({ version: model.version, agent: agent.name, operations: agent.operations.length });
}

let out: GeneratedOutput;
const clients = new Map<string, ClientClass>();
beforeAll(async () => {
  out = await generatedOutput("e2e-soap-agents", [corpusRoot]);
  for (const model of out.models) clients.set(model.version, await importSoapClient(out.dir, model.version));
});
afterAll(() => out?.remove());

interface Planned {
  op: Operation;
  request: Record<string, unknown>;
  expectedArgs: Record<string, unknown>;
  reply: Record<string, unknown>;
  expectedResult: unknown;
}

/** The assertion message plus, for a mismatch, both sides in full (the diff vitest prints is per test, not per operation). */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { actual, expected } = error as Error & { actual?: unknown; expected?: unknown };
  if (actual === undefined && expected === undefined) return error.message;
  const show = (v: unknown) => inspect(v, { depth: 8, breakLength: Infinity });
  return `${error.message.split(":")[0]}: got ${show(actual)}, expected ${show(expected)}`;
}

/**
 * The request and the reply of one call. The reply is keyed by the response wrapper's children as
 * node-soap reads them from the WSDL (`parts`), not by what the model says, so a return value that
 * travels in an element other than `Response` (SoPrincipal.GetSystemInfo: `SystemInfo`) is tested.
 */
function plan(model: ServicesModel, op: Operation, parts: readonly string[]): Planned {
  const maker = new SampleMaker(model);
  const request: Record<string, unknown> = {};
  const expectedArgs: Record<string, unknown> = {};
  for (const param of op.params) {
    const s = maker.sample(param.type);
    request[param.name] = s.value;
    expectedArgs[param.name] = s.soap;
  }
  let reply: Record<string, unknown> = {};
  let expectedResult: unknown;
  if (op.results.length > 0) {
    const result: Record<string, unknown> = {};
    for (const part of op.results) {
      const s = maker.sample(part.type);
      reply[part.name] = s.soapOut;
      result[part.name] = s.value;
    }
    expectedResult = result;
    if (JSON.stringify(Object.keys(reply)) !== JSON.stringify(parts)) throw new Error(`results ${Object.keys(reply).join(", ")} are not the WSDL's response parts ${parts.join(", ")}`);
  } else if (op.returns !== "void") {
    if (parts.length !== 1) throw new Error(`returns ${op.returns}, but the WSDL's response has the parts [${parts.join(", ")}]`);
    const s = maker.sample(op.returns);
    reply = { [parts[0]!]: s.soapOut };
    // A stream operation resolves to the bytes the base64 carries.
    expectedResult = op.rest.binaryResponse ? new Uint8Array(Buffer.from(s.value as string, "base64")) : s.value;
  } else if (parts.length !== 0) {
    throw new Error(`void, but the WSDL's response has the parts [${parts.join(", ")}]`);
  }
  return { op, request, expectedArgs, reply, expectedResult };
}

describe.skipIf(!hasCorpus).each(cases.map((c) => [c.version, c.agent, c.operations] as const))("%s/%s: all %i operations through the generated SoapClient against node-soap", (version, agent) => {
  it("each sends exactly its request values and gets its reply back typed", async () => {
    const model = out.models.find((m) => m.version === version)!;
    const agentModel: Agent = model.agents.find((a) => a.name === agent)!;
    const plans = new Map<string, Planned>();
    const server = await startNodeSoap({
      wsdl: corpusWsdl(version, agent)!,
      path: `/${agentModel.endpoint}`,
      handle: ({ op }) => plans.get(op)?.reply ?? {},
    });
    const failures: string[] = [];
    for (const op of agentModel.operations) {
      try {
        plans.set(op.name, plan(model, op, server.outputParts.get(op.name) ?? []));
      } catch (error) {
        failures.push(`${version}/${agent}.${op.name}: ${describeFailure(error)}`);
      }
    }
    try {
      const Client = clients.get(version)!;
      const client = new Client({ baseUrl: server.baseUrl, ticket: TICKET, applicationToken: APP_TOKEN });
      const proxy = client[lowerCamel(agent)];
      expect(proxy, `client.${lowerCamel(agent)}`).toBeDefined();
      for (const p of plans.values()) {
        const where = `${version}/${agent}.${p.op.name}`;
        try {
          const name = memberName(p.op.name);
          const method = proxy![name];
          if (typeof method !== "function") throw new Error(`client.${lowerCamel(agent)}.${name} is not a function`);
          const before = server.received.length;
          const result = await method.call(proxy, p.request);
          const call = server.received[before];
          if (call === undefined || server.received.length !== before + 1) throw new Error(`the server received ${server.received.length - before} calls`);
          expect(call.op, "operation node-soap dispatched to").toBe(p.op.name);
          expect(call.http.soapaction, "SOAPAction").toBe(`"${p.op.soapAction}"`);
          // Only the headers the binding declares for the operation (SoPrincipal: ApplicationToken alone).
          const sent = { ApplicationToken: APP_TOKEN, Credentials: { Ticket: TICKET } };
          expect(call.headers, "SOAP headers").toEqual(Object.fromEntries(Object.entries(sent).filter(([name]) => p.op.requestHeaders.includes(name))));
          expect(call.args ?? {}, "request as node-soap parsed it").toEqual(p.expectedArgs);
          expect(result, "resolved value").toEqual(p.expectedResult);
        } catch (error) {
          failures.push(`${where}: ${describeFailure(error)}`);
        }
      }
    } finally {
      await server.close();
    }
    expect(failures, `${failures.length} of ${agentModel.operations.length} operations of ${version}/${agent} failed`).toEqual([]);
    expect(server.received.length).toBe(plans.size);
  });
});

describe.skipIf(!hasCorpus)("the harness covers the corpus", () => {
  it("calls methods by lowerCamel(operation), as CONTRACTS §4 says, reserved words included", () => {
    const renamed = out.models.flatMap((m) =>
      m.agents.flatMap((a) => a.operations.filter((op) => memberName(op.name) !== lowerCamel(op.name)).map((op) => `${m.version}/${a.name}.${op.name} → ${memberName(op.name)}`)),
    );
    expect(renamed).toEqual([]);
  });

  it("has every Services88 agent (30, 1,519 operations) and the Services86 User agent", () => {
    expect(cases.filter((c) => c.version === "Services88")).toHaveLength(30);
    expect(cases.filter((c) => c.version === "Services88").reduce((n, c) => n + c.operations, 0)).toBe(1519);
    expect(cases.filter((c) => c.version === "Services86").map((c) => c.agent)).toEqual(["User"]);
  });
});
