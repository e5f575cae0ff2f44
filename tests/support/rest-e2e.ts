/**
 * Shared by the REST end-to-end tests (tests/e2e/rest*.test.ts): the generated client of the
 * whole corpus, imported from the shared output folder, and a loopback HTTP server on 127.0.0.1 that
 * records every request and answers what the test tells it to.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { CarrierType, Operation, ServicesModel, TypeDef } from "../../generator/ir/types.js";
import { corpusRoot } from "../corpus.js";
import { generatedOutput, importGenerated } from "./generated.js";
import { afterAll, beforeAll } from "vitest";

/** The part of the generated `services88/index.ts` the tests use, typed loosely (it is imported at run time). */
export interface GeneratedRestModule {
  RestClient: new (options: Record<string, unknown>) => object;
  HttpError: new (...args: never[]) => Error & { status: number; body: string; errorBody?: Record<string, unknown> };
  ResponseParseError: new (...args: never[]) => Error;
}

export interface GeneratedCorpus {
  dir: string;
  /** `ir/Services88.json` as written by the generator. */
  model: ServicesModel;
  services88: GeneratedRestModule;
  cleanup(): void;
}

/** The output for the whole corpus (no docs; shared, see generated.ts) with services88/index.ts imported. */
export async function generateCorpus(name: string): Promise<GeneratedCorpus> {
  const out = await generatedOutput(name, [corpusRoot]);
  const model = JSON.parse(out.files.get("ir/Services88.json") ?? "null") as ServicesModel;
  const services88 = await importGenerated<GeneratedRestModule>(out.dir, "services88/index.ts");
  return { dir: out.dir, model, services88, cleanup: out.remove };
}

export interface RestCorpusSuite {
  server: Loopback;
  /** Set once the suite's beforeAll has run. */
  env: { corpus: GeneratedCorpus; model: ServicesModel; types: ModelTypes };
}

/** Registers a suite's set-up: the corpus generated and imported and a loopback server started, both torn down after. */
export function restCorpusSuite(name: string): RestCorpusSuite {
  const suite = { server: new Loopback() } as RestCorpusSuite;
  beforeAll(async () => {
    const corpus = await generateCorpus(name);
    suite.env = { corpus, model: corpus.model, types: new ModelTypes(corpus.model) };
    await suite.server.start();
  });
  afterAll(async () => {
    await suite.server.close();
    suite.env?.corpus.cleanup();
  });
  return suite;
}

/** Member names are the contract's lower camel case of the wire name. */
const sameName = (member: string, wire: string): boolean => member.toLowerCase() === wire.toLowerCase();

/** The agent client of a generated RestClient whose property name matches `agent`. */
export function agentOf(client: object, agent: string): Record<string, (request?: object, options?: object) => Promise<unknown>> {
  const proto = Object.getPrototypeOf(client) as object;
  const names = Object.getOwnPropertyNames(proto).filter((name) => sameName(name, agent));
  if (names.length !== 1) throw new Error(`RestClient has ${names.length} properties for agent ${agent}`);
  return (client as Record<string, unknown>)[names[0]] as Record<string, (request?: object, options?: object) => Promise<unknown>>;
}

/** The method of an agent client whose name matches `operation`. */
export function methodOf(agentClient: object, operation: string): (request?: object, options?: object) => Promise<unknown> {
  const proto = Object.getPrototypeOf(agentClient) as object;
  const names = Object.getOwnPropertyNames(proto).filter((name) => name !== "constructor" && sameName(name, operation));
  if (names.length !== 1) throw new Error(`agent client has ${names.length} methods for ${operation}`);
  const method = (agentClient as Record<string, unknown>)[names[0]] as (request?: object, options?: object) => Promise<unknown>;
  return method.bind(agentClient);
}

// ---------------------------------------------------------------- loopback server

export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. "/api/v1/Agents/User/GetUser?userId=1". */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Raw body text ("" when none). */
  body: string;
}

export interface Reply {
  status: number;
  /** Text (sent as UTF-8) or raw bytes. */
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

export class Loopback {
  readonly requests: RecordedRequest[] = [];
  /** Decides the answer to each request; 204 by default. */
  reply: (request: RecordedRequest) => Reply = () => ({ status: 204 });
  #server: http.Server | undefined;
  #base = "";

  get baseUrl(): string {
    return this.#base;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const recorded: RecordedRequest = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        this.requests.push(recorded);
        let reply: Reply;
        try {
          reply = this.reply(recorded);
        } catch (error) {
          reply = { status: 599, body: String(error) };
        }
        const headers: Record<string, string> = { ...(reply.body !== undefined && reply.status !== 204 ? { "Content-Type": "application/json; charset=utf-8" } : {}), ...reply.headers };
        res.writeHead(reply.status, headers);
        res.end(reply.status === 204 ? undefined : reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.#server = server;
    this.#base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** The one request recorded since `from` (throws when there is not exactly one). */
  only(from: number): RecordedRequest {
    const sent = this.requests.slice(from);
    if (sent.length !== 1) throw new Error(`expected one request, got ${sent.length}`);
    return sent[0];
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

// ---------------------------------------------------------------- model types

export class ModelTypes {
  readonly #byName = new Map<string, TypeDef>();

  constructor(model: ServicesModel) {
    for (const type of model.types) this.#byName.set(type.name, type);
  }

  get(name: string): TypeDef | undefined {
    return this.#byName.get(name);
  }

  /** Every field of a carrier, base fields first. */
  fields(carrier: CarrierType): CarrierType["fields"] {
    const base = carrier.base === null ? undefined : this.get(carrier.base);
    return [...(base?.kind === "carrier" ? this.fields(base) : []), ...carrier.fields];
  }
}

/** JSON text and revived value of a sample of each primitive a non-nillable return can have. */
const PRIMITIVE_SAMPLES: ReadonlyMap<string, readonly [string, unknown]> = new Map<string, readonly [string, unknown]>([
  ...["int", "short", "long", "byte", "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong", "float", "double", "decimal"].map((t) => [t, ["0", 0]] as const),
  ["boolean", ["false", false]],
  ["dateTime", ['"2025-01-01T00:00:00Z"', new Date("2025-01-01T00:00:00Z")]],
]);

/**
 * For an operation whose return is not nillable, the JSON body a loopback server can answer with
 * when the test is about the request, and what the call then resolves to: a value of its type —
 * the runtime rightly refuses `null` where the WSDL says there is always one. Undefined for void,
 * several parts or a nillable return (the tests' own `{}` / `[]` / `null` answers do there).
 */
export function nonNullSample(types: ModelTypes, op: Operation): { body: string; expected: unknown } | undefined {
  if (op.returnsNillable || op.returns === "void" || op.results.length > 0) return undefined;
  const def = types.get(op.returns);
  if (def?.kind === "enum") {
    const name = def.values[0]?.name ?? "Unknown";
    return { body: JSON.stringify(name), expected: def.flags ? [name] : name };
  }
  const sample = PRIMITIVE_SAMPLES.get(op.returns);
  return sample === undefined ? { body: '""', expected: "" } : { body: sample[0], expected: sample[1] };
}
