/**
 * CPU cost of one SOAP call (write the request + read the response, no network) for our
 * runtime versus node-soap's client, on the same realistic operation: SaveUser, which sends a
 * full User carrier (nested carriers, arrays, dictionaries, flags, dates) and reads one back.
 * Both stacks get a fake transport that returns the same canned WCF-style response.
 *
 * Uses the real Services88 User WSDL from ../shared/corpus for node-soap (required).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import soap from "soap";
import { SoapTransport, type FetchLike } from "../templates/runtime/index.js";
import { writeXmlTree, XmlWriter } from "../templates/runtime/xml-write.js";
import { NS, sampleUser, SaveUser, UserAgent } from "../tests/runtime/fixtures.js";
import { corpusUserWsdl, toNodeSoap } from "../tests/runtime/node-soap-helpers.js";

/** A SaveUserResponse envelope as WCF writes it (Arrays namespace prefixed, xsi as i). */
function cannedResponse(): string {
  const writer = new XmlWriter(UserAgent.types, NS, writeXmlTree);
  writer.writeElement(NS, "Response", "User", 3, sampleUser());
  return (
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">` +
    `<s:Header><Succeeded xmlns="${NS}">true</Succeeded></s:Header>` +
    `<s:Body><SaveUserResponse xmlns="${NS}"${writer.declarations}>${writer.out}</SaveUserResponse></s:Body></s:Envelope>`
  );
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

async function measure(run: () => Promise<unknown>, minMs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const start = cpuMicros();
  const wallStart = performance.now();
  let calls = 0;
  while (performance.now() - wallStart < minMs) {
    for (let i = 0; i < 20; i++) await run();
    calls += 20;
  }
  return (cpuMicros() - start) / calls;
}

/** CPU microseconds per call: ours and node-soap's. */
export async function benchRuntime(options: { minMs?: number } = {}): Promise<{ ours: number; soap: number }> {
  const wsdl = corpusUserWsdl();
  if (wsdl === undefined) throw new Error("benchRuntime needs the corpus (../shared/corpus) for the Services88 User WSDL");
  const minMs = options.minMs ?? 1500;
  const response = cannedResponse();
  const user = sampleUser();

  // Ours: the transport with a fetch that answers from memory.
  const fetch: FetchLike = async () => ({ status: 200, statusText: "OK", headers: { get: () => null }, text: async () => response });
  const transport = new SoapTransport({ baseUrl: "https://sod.superoffice.com/Cust12345", ticket: "7T:bench", fetch });
  const ours = await measure(() => transport.call(UserAgent, SaveUser, { User: user }), minMs, 200);

  // node-soap: a client from the same WSDL with an httpClient that answers from memory.
  const dir = mkdtempSync(path.join(tmpdir(), "runtime-bench-"));
  try {
    const wsdlPath = path.join(dir, "User.wsdl");
    writeFileSync(wsdlPath, wsdl);
    const httpClient = {
      request(_url: string, _data: unknown, callback: (error: unknown, res?: unknown, body?: unknown) => void) {
        callback(null, { status: 200, statusText: "OK", headers: {}, data: response }, response);
        return Promise.resolve({ status: 200, data: response }) as never;
      },
    };
    const client = await soap.createClientAsync(wsdlPath, {
      httpClient,
      endpoint: "https://sod.superoffice.com/Cust12345/Remote/Services88/User.svc",
    });
    client.addSoapHeader({ Credentials: { Ticket: "7T:bench" } }, "", "tns", NS);
    const args = { User: toNodeSoap(user, "User", UserAgent.types) };
    const saveUser = (client as unknown as Record<string, (a: unknown) => Promise<unknown>>).SaveUserAsync!;
    const soapMicros = await measure(() => saveUser.call(client, args), minMs, 50);
    return { ours, soap: soapMicros };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (invokedDirectly) {
  const { ours, soap: theirs } = await benchRuntime();
  console.log(`runtime SOAP call (SaveUser, write+read): ours ${ours.toFixed(1)} µs, node-soap ${theirs.toFixed(1)} µs, ratio ${(ours / theirs).toFixed(3)}`);
}
