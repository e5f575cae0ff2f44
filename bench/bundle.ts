/**
 * Bundle sizes of the generated clients as an app ships them: one REST call and one SOAP call of
 * the User agent (User.GetUser), each bundled by esbuild (minified, ESM, browser platform) from
 * the generated output, through the tree-shakable functions (`user.rest.ts`, `user.soap.ts`) and
 * through the contract's agent class (`UserAgentClient`), whether a REST-only bundle carries
 * any SOAP code or descriptors, and which modules the bytes of the two function bundles go to.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export interface BundleFigures {
  /** One call through the functions of `<agent>.rest.ts` / `.soap.ts`. */
  restBytes: number;
  soapBytes: number;
  /** One call through the agent class of CONTRACTS §4 (every operation of the agent comes along). */
  restClassBytes: number;
  soapClassBytes: number;
  /** Markers of SOAP code found in the REST-only function bundle ([] when it carries none). */
  soapInRest: string[];
  /** Where the bytes of the two function bundles go: per module of the generated output, largest first. */
  restParts: BundlePart[];
  soapParts: BundlePart[];
}

/** The bytes one module of the generated output (`runtime/rest.ts`, `services88/agents/user.wire.ts`) takes in a bundle. */
export interface BundlePart {
  module: string;
  bytes: number;
}

/** Strings only the SOAP side of the runtime and the wire descriptors contain (`Envelope` alone is also a type name: EMailEnvelope). */
export const SOAP_MARKERS = ["http://schemas.xmlsoap.org/soap/envelope/", "SoapTransport", "soapAction", "<s:Envelope"];

const OPTIONS = {
  RestTransport: `{ baseUrl: "https://example.invalid", auth: { scheme: "Bearer", token: "t" } }`,
  SoapTransport: `{ baseUrl: "https://example.invalid" }`,
} as const;

type TransportName = keyof typeof OPTIONS;

/** The source of an app that makes one call of `agentModule` (e.g. `services88/agents/user`), through its functions or its class. */
export function oneCallApp(outDir: string, agentModule: string, transport: TransportName, through: "functions" | "class", call = "getUser", className = "UserAgentClient"): string {
  const from = (module: string): string => JSON.stringify(path.join(outDir, module));
  const suffix = transport === "RestTransport" ? "rest" : "soap";
  return (
    through === "functions"
      ? [
          `import { ${call} } from ${from(`${agentModule}.${suffix}.js`)};`,
          `import { ${transport} } from ${from("runtime/index.js")};`,
          `export const answer = ${call}(new ${transport}(${OPTIONS[transport]}), { UserId: 1 });`,
        ]
      : [
          `import { ${className} } from ${from(`${agentModule}.js`)};`,
          `import { ${transport} } from ${from("runtime/index.js")};`,
          `export const answer = new ${className}(new ${transport}(${OPTIONS[transport]})).${call}({ UserId: 1 });`,
        ]
  ).join("\n");
}

/** esbuild's minified ESM bundle of `entry`, as an app for browsers would ship it. */
export async function bundle(entry: string): Promise<string> {
  return (await bundleWithParts(entry, "")).text;
}

/** The bundle of `entry` and the bytes each module below `outDir` takes in it (esbuild's metafile). */
async function bundleWithParts(entry: string, outDir: string): Promise<{ text: string; parts: BundlePart[] }> {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, metafile: true, logLevel: "silent" });
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const root = path.resolve(outDir);
  const parts = Object.entries(inputs)
    .map(([file, { bytesInOutput }]) => ({ module: path.relative(root, path.resolve(file)), bytes: bytesInOutput }))
    .filter((part) => part.bytes > 0 && !part.module.startsWith(".."))
    .sort((a, b) => b.bytes - a.bytes || (a.module < b.module ? -1 : 1));
  return { text: result.outputFiles[0]?.text ?? "", parts };
}

export async function bundleFigures(outDir: string, scratch: string): Promise<BundleFigures> {
  const size = async (name: string, source: string): Promise<{ text: string; parts: BundlePart[] }> => {
    const file = path.join(scratch, `${name}.ts`);
    writeFileSync(file, source);
    return bundleWithParts(file, outDir);
  };
  const agent = "services88/agents/user";
  const rest = await size("rest-app", oneCallApp(outDir, agent, "RestTransport", "functions"));
  const soap = await size("soap-app", oneCallApp(outDir, agent, "SoapTransport", "functions"));
  const restClass = await size("rest-class-app", oneCallApp(outDir, agent, "RestTransport", "class"));
  const soapClass = await size("soap-class-app", oneCallApp(outDir, agent, "SoapTransport", "class"));
  return {
    restBytes: Buffer.byteLength(rest.text),
    soapBytes: Buffer.byteLength(soap.text),
    restClassBytes: Buffer.byteLength(restClass.text),
    soapClassBytes: Buffer.byteLength(soapClass.text),
    soapInRest: SOAP_MARKERS.filter((marker) => rest.text.includes(marker)),
    restParts: rest.parts,
    soapParts: soap.parts,
  };
}
