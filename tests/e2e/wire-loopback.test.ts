/**
 * Issue 11 over loopback, against the independent stacks: node-soap serving the corpus' real
 * WSDLs (tests/support/node-soap.ts) and a plain HTTP server for REST (tests/support/rest-e2e.ts).
 *
 * - Every operation of the corpus that takes or returns a carrier others derive from (found from
 *   the model's `derived`, at any depth) sends each derived carrier with its xsi:type and fields,
 *   and reads a derived carrier node-soap sends back as that carrier (XSI_TYPE set, own fields kept).
 * - Every stream operation (REST binary responses) resolves to the exact bytes over REST (Accept as
 *   the OpenAPI file lists it; also when the server answers base64 JSON) and over SOAP.
 * - Every SoPrincipal operation sends only the ApplicationToken header its binding declares.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lowerCamel, memberName } from "../../generator/emit/naming.js";
import type { Agent, CarrierType, Operation, ServicesModel, TypeDef } from "../../generator/ir/types.js";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { generatedOutput, importGenerated, importRuntime, importSoapClient, type ClientClass, type GeneratedOutput } from "../support/generated.js";
import { corpusWsdl, startNodeSoap } from "../support/node-soap.js";
import { buildFrom } from "../support/pipeline.js";
import { Loopback } from "../support/rest-e2e.js";
import { WireValues } from "../support/wire-values.js";

interface Case {
  agent: string;
  operation: string;
}

/** The corpus' Services88 model, read before the tests are collected. */
const model: ServicesModel | undefined = hasCorpus ? (await buildFrom([corpusRoot])).models.find((m) => m.version === "Services88") : undefined;
const types = new Map<string, TypeDef>((model?.types ?? []).map((type) => [type.name, type]));
const polymorphic = (ref: string): CarrierType | undefined => {
  const type = types.get(ref.replace(/(\[\])+$/, ""));
  return type?.kind === "carrier" && type.derived ? type : undefined;
};

/** Field paths from a type to a carrier others derive from: [] when the type is one, undefined when none is reachable. */
function pathToDerived(ref: string, seen = new Set<string>()): string[] | undefined {
  const name = ref.replace(/(\[\])+$/, "");
  if (polymorphic(name)) return [];
  const type = types.get(name);
  if (seen.has(name) || type === undefined) return undefined;
  seen.add(name);
  if (type.kind === "array") return pathToDerived(type.itemType, seen);
  if (type.kind !== "carrier") return undefined;
  for (const field of fieldsOf(type)) {
    const rest = pathToDerived(field.type, seen);
    if (rest !== undefined) return [field.name, ...rest];
  }
  return undefined;
}

function fieldsOf(type: CarrierType): { name: string; type: string }[] {
  const base = type.base === null ? undefined : types.get(type.base);
  return [...(base?.kind === "carrier" ? fieldsOf(base) : []), ...type.fields];
}

const derivedCases: Case[] = [];
const streamCases: Case[] = [];
for (const agent of model?.agents ?? []) {
  if (corpusWsdl("Services88", agent.name) === undefined) continue;
  for (const op of agent.operations) {
    const refs = [op.returns, ...op.params.map((param) => param.type)];
    if (refs.some((ref) => pathToDerived(ref) !== undefined)) derivedCases.push({ agent: agent.name, operation: op.name });
    if (op.rest.binaryResponse) streamCases.push({ agent: agent.name, operation: op.name });
  }
}

let out: GeneratedOutput;
let SoapClient: ClientClass;
let RestClient: ClientClass;
let XSI_TYPE: symbol;
beforeAll(async () => {
  out = await generatedOutput("e2e-wire-loopback", [corpusRoot]);
  SoapClient = await importSoapClient(out.dir, "Services88");
  RestClient = (await importGenerated<{ RestClient: ClientClass }>(out.dir, "services88/index.ts")).RestClient;
  XSI_TYPE = (await importRuntime(out.dir)).XSI_TYPE;
});
afterAll(() => out?.remove());

/** One node-soap server per agent (reading a WSDL costs seconds), answering what `answer` says. */
const servers = new Map<string, ReturnType<typeof startNodeSoap>>();
let answer: () => unknown = () => ({});
function nodeSoap(agentName: string): ReturnType<typeof startNodeSoap> {
  let server = servers.get(agentName);
  if (!server) servers.set(agentName, (server = startNodeSoap({ wsdl: corpusWsdl("Services88", agentName)!, path: `/${find(agentName, "").agent.endpoint}`, handle: () => answer() })));
  return server;
}
afterAll(async () => {
  for (const server of servers.values()) await (await server).close();
});

const find = (agent: string, operation: string): { agent: Agent; op: Operation } => {
  const found = model!.agents.find((a) => a.name === agent)!;
  return { agent: found, op: found.operations.find((o) => o.name === operation)! };
};

/** Every derived carrier (XSI_TYPE) in a value, with the object that carries it. */
function derivedIn(value: unknown, into: { name: string; value: Record<string, unknown> }[] = []): { name: string; value: Record<string, unknown> }[] {
  if (Array.isArray(value)) for (const item of value) derivedIn(item, into);
  else if (typeof value === "object" && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const name = (value as Record<symbol, unknown>)[XSI_TYPE];
    if (typeof name === "string") into.push({ name, value: value as Record<string, unknown> });
    for (const item of Object.values(value)) derivedIn(item, into);
  }
  return into;
}

describe.skipIf(!hasCorpus)("derived carriers (WCF known types) both ways against node-soap", () => {
  it("finds the corpus' derived-carrier operations from the WSDLs", () => {
    expect(derivedCases.length).toBeGreaterThanOrEqual(13);
    expect(derivedCases).toContainEqual({ agent: "Selection", operation: "SaveBoardViewSettings" });
    expect(derivedCases).toContainEqual({ agent: "Workflow", operation: "AddAfterWorkflowStep" });
  });

  it.each(derivedCases.map((c) => [c.agent, c.operation]))("%s.%s", async (agentName, operation) => {
    const { op } = find(agentName, operation);
    const values = new WireValues(model!, XSI_TYPE);
    const reply = replyFor(op);
    const server = await nodeSoap(agentName);
    answer = () => reply.soap;
    {
      const client = new SoapClient({ baseUrl: server.baseUrl, ticket: "7T:t==", applicationToken: "app" })[lowerCamel(agentName)]!;
      // Each derived carrier in turn, so every one of them is sent (as many calls as the largest family).
      const family = Math.max(1, ...op.params.map((param) => derivedFamilySize(param.type)));
      for (let round = 0; round < family; round++) {
        const request = Object.fromEntries(op.params.map((param) => [param.name, values.value(param.type)]));
        const result = await client[memberName(operation)]!(request);
        const sent = derivedIn(request);
        const parsed = JSON.stringify(server.received.at(-1)!.args);
        for (const { name, value } of sent) {
          expect(parsed, `node-soap read the xsi:type of ${name}`).toContain(`:${name}"`);
          const own = (types.get(name) as CarrierType).fields.map((field) => field.name).filter((field) => value[field] !== undefined);
          for (const field of own) expect(parsed, `node-soap read ${name}.${field}`).toContain(`"${field}":`);
        }
        if (reply.expected) {
          const [got] = derivedIn(result);
          expect(got?.name, "the derived carrier node-soap sent").toBe(reply.expected.name);
          expect(got?.value[reply.expected.field], `its own field ${reply.expected.field}`).toBe(true);
        }
      }
    }
  });
});

describe.skipIf(!hasCorpus)("derived carriers over REST, as the OpenAPI files describe the body", () => {
  const rest = new Loopback();
  beforeAll(() => rest.start());
  afterAll(() => rest.close());

  it.each(derivedCases.map((c) => [c.agent, c.operation]))("%s.%s", async (agentName, operation) => {
    const { op } = find(agentName, operation);
    const values = new WireValues(model!, XSI_TYPE);
    const request = Object.fromEntries(op.params.map((param) => [param.name, values.value(param.type)]));
    const reply = jsonReplyFor(op);
    rest.reply = () => (reply ? { status: 200, body: JSON.stringify(reply.body), headers: { Connection: "close" } } : { status: 204, headers: { Connection: "close" } });
    const client = new RestClient({ baseUrl: rest.baseUrl })[lowerCamel(agentName)]!;
    const result = await client[memberName(operation)]!(request);
    const body = rest.requests.at(-1)!.body;
    // The derived carriers' own fields are in the body (the base schema allows more properties).
    for (const { name, value } of derivedIn(request)) {
      for (const field of (types.get(name) as CarrierType).fields) if (value[field.name] !== undefined) expect(body, `${name}.${field.name}`).toContain(`"${field.name}":`);
    }
    if (reply) expect(derivedIn(result).map((found) => found.name)).toEqual([reply.expected]);
  });
});

/** A JSON answer with, on the path to a carrier others derive from, one derived carrier told apart by its own fields. */
function jsonReplyFor(op: Operation): { body: unknown; expected: string } | undefined {
  const path = op.returns === "void" ? undefined : pathToDerived(op.returns);
  if (path === undefined) return undefined;
  let expected = "";
  const build = (ref: string, rest: string[]): unknown => {
    const type = types.get(ref)!;
    if (type.kind === "array") return [build(type.itemType, rest)];
    const carrier = type as CarrierType;
    if (rest.length > 0) return { [rest[0]!]: build(fieldsOf(carrier).find((f) => f.name === rest[0])!.type, rest.slice(1)) };
    const own = (name: string) => (types.get(name) as CarrierType).fields.map((field) => field.name);
    const siblings = carrier.derived ?? [];
    // One whose own fields no sibling also has all of (else the fields cannot tell them apart).
    expected = siblings.find((name) => own(name).length > 0 && !siblings.some((other) => other !== name && own(name).every((field) => own(other).includes(field)))) ?? "";
    // null where the schema allows it, else a value of the field's type (the runtime refuses null there).
    const values = new WireValues(model!, XSI_TYPE);
    return expected ? Object.fromEntries((types.get(expected) as CarrierType).fields.map((field) => [field.name, field.nillable ? null : values.value(field.type)])) : {};
  };
  const body = build(op.returns, path);
  return expected ? { body, expected } : undefined;
}

function derivedFamilySize(ref: string): number {
  const path = pathToDerived(ref);
  if (path === undefined) return 0;
  let type: TypeDef | undefined = types.get(ref.replace(/(\[\])+$/, ""));
  for (const field of path) {
    const carrier = type?.kind === "array" ? types.get(type.itemType.replace(/(\[\])+$/, "")) : type;
    const next = carrier?.kind === "carrier" ? fieldsOf(carrier).find((f) => f.name === field)?.type : undefined;
    type = next === undefined ? undefined : types.get(next.replace(/(\[\])+$/, ""));
  }
  const target = type?.kind === "array" ? types.get(type.itemType) : type;
  return target?.kind === "carrier" ? (target.derived ?? []).length : 0;
}

/**
 * What node-soap answers: along the path to a carrier others derive from, that carrier sent as
 * its first derived carrier that has a boolean field of its own (xsi:type, the field true).
 */
function replyFor(op: Operation): { soap: Record<string, unknown>; expected?: { name: string; field: string } } {
  const path = op.returns === "void" ? undefined : pathToDerived(op.returns);
  if (path === undefined) return { soap: {} };
  const build = (ref: string, rest: string[]): { value: unknown; expected?: { name: string; field: string } } => {
    // Arrays are types of their own ("X[]" in the model), which name the item element.
    const type = types.get(ref)!;
    if (type.kind === "array") {
      const item = build(type.itemType, rest);
      return { value: { [type.itemElement]: [item.value] }, expected: item.expected };
    }
    const carrier = type as CarrierType;
    if (rest.length === 0) {
      for (const name of carrier.derived ?? []) {
        const sub = types.get(name) as CarrierType;
        const flag = sub.fields.find((field) => field.type === "boolean");
        if (flag) return { value: { attributes: { "xsi:type": `tns:${name}` }, [flag.name]: true }, expected: { name, field: flag.name } };
      }
      return { value: {} };
    }
    const [field, ...deeper] = rest;
    const fieldType = fieldsOf(carrier).find((f) => f.name === field)!.type;
    const inner = build(fieldType, deeper);
    return { value: { [field!]: inner.value }, expected: inner.expected };
  };
  const built = build(op.returns, path);
  return { soap: { Response: built.value }, expected: built.expected };
}

describe.skipIf(!hasCorpus)("stream operations resolve to the bytes", () => {
  const rest = new Loopback();
  beforeAll(() => rest.start());
  afterAll(() => rest.close());
  const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);

  it("finds the corpus' stream operations from the OpenAPI files", () => {
    expect(streamCases.length).toBeGreaterThanOrEqual(15);
    expect(streamCases).toContainEqual({ agent: "BLOB", operation: "GetBlobStream" });
  });

  it.each(streamCases.map((c) => [c.agent, c.operation]))("%s.%s over REST (raw and base64 JSON) and SOAP", async (agentName, operation) => {
    const { op } = find(agentName, operation);
    const values = new WireValues(model!, XSI_TYPE);
    const request = Object.fromEntries(op.params.map((param) => [param.name, values.value(param.type)]));
    const media = op.rest.binaryResponse!;
    const client = new RestClient({ baseUrl: rest.baseUrl, auth: { scheme: "SoTicket", ticket: "7T:t==" } })[lowerCamel(agentName)]!;

    // Connection: close, so no kept-alive socket outlives the server's idle timeout between calls.
    rest.reply = () => ({ status: 200, body: bytes, headers: { "Content-Type": media[0]!, Connection: "close" } });
    const raw = await client[memberName(operation)]!(request);
    expect(rest.requests.at(-1)!.headers.accept).toBe(media.join(", "));
    expect(raw).toBeInstanceOf(Uint8Array);
    // Compared as buffers: an element-by-element deep equal of 300 KB costs seconds per operation.
    expect(Buffer.from(raw as Uint8Array).equals(bytes)).toBe(true);

    rest.reply = () => ({ status: 200, body: JSON.stringify(Buffer.from(bytes.subarray(0, 1000)).toString("base64")), headers: { "Content-Type": "application/json; charset=utf-8", Connection: "close" } });
    expect(await client[memberName(operation)]!(request)).toEqual(bytes.subarray(0, 1000));

    // node-soap is slow on large base64 text; 30 KB still spans many base64 lines of its writer.
    const server = await nodeSoap(agentName);
    const soapBytes = bytes.subarray(0, 30_000);
    answer = () => ({ Response: Buffer.from(soapBytes).toString("base64") });
    const soap = new SoapClient({ baseUrl: server.baseUrl })[lowerCamel(agentName)]!;
    const decoded = await soap[memberName(operation)]!(request);
    expect(decoded).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(decoded as Uint8Array).equals(soapBytes)).toBe(true);
  });
});

describe.skipIf(!hasCorpus)("SOAP headers: only those the binding declares", () => {
  it("SoPrincipal's operations send ApplicationToken only, though the client has a ticket and a time zone", async () => {
    const { agent } = find("SoPrincipal", "GetSystemInfo");
    const server = await nodeSoap("SoPrincipal");
    answer = () => ({});
    const before = server.received.length;
    {
      const client = new SoapClient({ baseUrl: server.baseUrl, ticket: "7T:t==", applicationToken: "app", timeZone: { SoTimeZoneId: 1, SoTimeZoneLocationCode: "UTC" } }).soPrincipal!;
      const values = new WireValues(model!, XSI_TYPE);
      for (const op of agent.operations) {
        expect(op.requestHeaders, op.name).toEqual(["ApplicationToken"]);
        await client[memberName(op.name)]!(Object.fromEntries(op.params.map((param) => [param.name, values.value(param.type)]))).catch(() => undefined);
        expect(server.received.at(-1)!.headers, op.name).toEqual({ ApplicationToken: "app" });
      }
      expect(server.received.length - before).toBe(agent.operations.length);
    }
  });
});
