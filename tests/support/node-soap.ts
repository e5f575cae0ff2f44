/**
 * node-soap (the independent SOAP stack) as a loopback server for the runtime and the generated
 * clients: WSDLs from the corpus pages, a server on 127.0.0.1 whose handlers are one callback,
 * and conversion of runtime-shaped values to the object shape node-soap reads and writes.
 */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import soap from "soap";
import { describedType } from "../../templates/runtime/descriptors.js";
import { carrierFields, type TypeDescriptor } from "../../templates/runtime/index.js";
import { services86Dir, services88Dir } from "../corpus.js";

/** The WSDL inside a reference page's ```xml fence. */
export function wsdlOfPage(file: string): string {
  const text = readFileSync(file, "utf8");
  const m = /```xml\r?\n([\s\S]*?)\r?\n```/.exec(text);
  if (!m) throw new Error(`${file} has no \`\`\`xml fence`);
  return m[1]!;
}

/** The corpus page holding the WSDL of an agent ("Services88", "User"), or undefined when absent. */
export function corpusWsdlPage(version: string, agent: string): string | undefined {
  const dir = version === "Services86" ? services86Dir : version === "Services88" ? services88Dir : undefined;
  if (dir === undefined) return undefined;
  const file = path.join(dir, `${version}-${agent}.md`);
  return existsSync(file) ? file : undefined;
}

/** The real WSDL of an agent from the corpus, or undefined when the corpus does not have it. */
export function corpusWsdl(version: string, agent: string): string | undefined {
  const page = corpusWsdlPage(version, agent);
  return page === undefined ? undefined : wsdlOfPage(page);
}

export interface ReceivedCall {
  /** Operation name as node-soap resolved it from the SOAPAction. */
  op: string;
  /** The request wrapper as node-soap parsed it with the WSDL. */
  args: Record<string, unknown>;
  /** SOAP headers as node-soap parsed them. */
  headers: Record<string, unknown> | undefined;
  /** HTTP request headers. */
  http: http.IncomingHttpHeaders;
}

/**
 * Answers one call: the object node-soap serialises as the response wrapper (`{}` for void; a
 * `Response` property for the return value). Throw `{ Fault: {…} }` for a SOAP fault.
 */
export type SoapHandler = (call: ReceivedCall) => unknown;

export interface NodeSoapServer {
  /** e.g. http://127.0.0.1:40123 — the SoapClient's baseUrl. */
  baseUrl: string;
  /** Child elements of each operation's response wrapper, as node-soap reads the WSDL (independently of the generator). */
  outputParts: ReadonlyMap<string, readonly string[]>;
  /** Every call received, in order. */
  received: ReceivedCall[];
  /** The last call of an operation; throws when there was none. */
  last(op: string): ReceivedCall;
  close(): Promise<void>;
}

export interface NodeSoapOptions {
  wsdl: string;
  /** Service path, e.g. "/Remote/Services88/User.svc". */
  path: string;
  handle: SoapHandler;
  /** Response SOAP headers: [object, namespace] added with addSoapHeader. */
  responseHeaders?: readonly (readonly [header: Record<string, unknown>, ns: string])[];
}

/**
 * Starts node-soap on 127.0.0.1 (random port) serving every operation of every service/port of
 * the WSDL through `handle`. Resolves once node-soap has read the WSDL.
 */
export async function startNodeSoap(options: NodeSoapOptions): Promise<NodeSoapServer> {
  const received: ReceivedCall[] = [];
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // node-soap looks handlers up as services[service][port][operation] at request time, so the
  // object is filled in once the WSDL has been read.
  const services: Record<string, Record<string, Record<string, unknown>>> = {};
  let soapServer!: soap.Server;
  await new Promise<void>((resolve, reject) => {
    soapServer = soap.listen(server, {
      path: options.path,
      services,
      xml: options.wsdl,
      handleNilAsNull: true,
      callback: (err: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
    } as soap.IServerOptions);
  });
  const wsdl = (soapServer as unknown as { wsdl: NodeSoapWsdl }).wsdl;
  const definitions = wsdl.definitions;
  const outputParts = new Map<string, string[]>();
  for (const service of Object.values(definitions.services)) {
    for (const port of Object.values(service.ports)) {
      for (const [op, method] of Object.entries(port.binding.methods)) outputParts.set(op, method.output ? wrapperChildren(method.output) : []);
    }
  }
  for (const [serviceName, service] of Object.entries(definitions.services)) {
    services[serviceName] = {};
    for (const [portName, port] of Object.entries(service.ports)) {
      const handlers: Record<string, unknown> = {};
      for (const op of Object.keys(port.binding.methods)) {
        handlers[op] = (args: Record<string, unknown>, _cb: unknown, headers: Record<string, unknown> | undefined, req: http.IncomingMessage) => {
          const call: ReceivedCall = { op, args, headers, http: req.headers };
          received.push(call);
          // A promise, so node-soap never waits for the callback; a rejection with { Fault } is a fault.
          return Promise.resolve().then(() => options.handle(call) ?? {});
        };
      }
      services[serviceName][portName] = handlers;
    }
  }
  for (const [header, ns] of options.responseHeaders ?? []) soapServer.addSoapHeader(header, "", "tns", ns);
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    outputParts,
    received,
    last(op: string): ReceivedCall {
      const found = received.filter((r) => r.op === op).at(-1);
      if (!found) throw new Error(`the server did not receive ${op}`);
      return found;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The parts of node-soap's WSDL object model this helper uses. */
interface NodeSoapElement {
  name: string;
  $name?: string;
  children: NodeSoapElement[];
}
interface NodeSoapWsdl {
  definitions: { services: Record<string, { ports: Record<string, { binding: { methods: Record<string, { output?: NodeSoapElement }> } }> }> };
}

/** Names of the elements in a wrapper element's complexType/sequence. */
function wrapperChildren(wrapper: NodeSoapElement): string[] {
  const names: string[] = [];
  const walk = (el: NodeSoapElement): void => {
    for (const c of el.children) {
      if (c.name === "element" && c.$name !== undefined) names.push(c.$name);
      else if (c.name === "complexType" || c.name === "sequence") walk(c);
    }
  };
  walk(wrapper);
  return names;
}

/** How node-soap gives back (when it parses) or takes (when it writes) a dateTime. */
export type DateShape = "date" | "iso";

/**
 * Converts a value in the runtime's shape (arrays as arrays, dictionaries as records, flags as
 * arrays, Dates) to node-soap's object shape (item/entry wrapper objects, flag lists as
 * space-separated strings). Dates stay Dates for comparing with what node-soap parsed, or become
 * ISO strings for handing to node-soap's serialiser, which cannot write Date objects.
 */
export function toNodeSoap(value: unknown, type: string, types: Readonly<Record<string, TypeDescriptor>>, dates: DateShape = "iso"): unknown {
  if (value === null || value === undefined) return undefined;
  const desc = describedType(types, type);
  if (desc === undefined || desc.kind === "primitive") {
    if (value instanceof Date && dates === "iso") return value.toISOString();
    return value;
  }
  switch (desc.kind) {
    case "enum":
      return desc.flags && Array.isArray(value) ? value.join(" ") : value;
    case "array": {
      const items = (value as unknown[]).map((item) => toNodeSoap(item, desc.item, types, dates));
      return items.length === 0 ? {} : { [desc.element ?? desc.item]: items };
    }
    case "dictionary": {
      const entries = Object.entries(value as Record<string, unknown>).map(([Key, v]) => ({ Key, Value: toNodeSoap(v, desc.value, types, dates) }));
      return entries.length === 0 ? {} : { [desc.entry]: entries };
    }
    case "carrier":
    case undefined: {
      const own: (readonly (readonly [string, string, number?])[])[] = [];
      let current: TypeDescriptor | undefined = desc;
      while (current !== undefined && "fields" in current) {
        own.unshift(carrierFields(current));
        current = current.base === undefined ? undefined : types[current.base];
      }
      const out: Record<string, unknown> = {};
      const record = value as Record<string, unknown>;
      for (const [name, fieldType] of own.flat()) {
        const converted = toNodeSoap(record[name], fieldType, types, dates);
        if (converted !== undefined) out[name] = converted;
      }
      return out;
    }
  }
}
