/**
 * Bundle sizes of the generated clients as an app ships them: one REST call and one SOAP call of
 * the User agent, each bundled by esbuild (minified, ESM, browser platform) from the generated
 * output, and whether the REST-only bundle carries any SOAP code or descriptors.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export interface BundleFigures {
  restBytes: number;
  soapBytes: number;
  /** Markers of SOAP code found in the REST-only bundle ([] when it carries none). */
  soapInRest: string[];
}

/** Strings only the SOAP side of the runtime and the wire descriptors contain. */
const SOAP_MARKERS = ["http://schemas.xmlsoap.org/soap/envelope/", "SoapTransport", "soapAction", "Envelope"];

export async function bundleFigures(outDir: string, scratch: string): Promise<BundleFigures> {
  const app = (name: string, transport: string, options: string): string => {
    const file = path.join(scratch, `${name}.ts`);
    const from = (module: string): string => JSON.stringify(path.join(outDir, module));
    writeFileSync(
      file,
      [
        `import { UserAgentClient } from ${from("services88/agents/user.js")};`,
        `import { ${transport} } from ${from("runtime/index.js")};`,
        `const user = new UserAgentClient(new ${transport}(${options}));`,
        `export const answer = user.getUser({ UserId: 1 });`,
      ].join("\n"),
    );
    return file;
  };
  const size = async (entry: string): Promise<{ bytes: number; text: string }> => {
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent" });
    const text = result.outputFiles[0]?.text ?? "";
    return { bytes: Buffer.byteLength(text), text };
  };
  const rest = await size(app("rest-app", "RestTransport", `{ baseUrl: "https://example.invalid", auth: { scheme: "Bearer", token: "t" } }`));
  const soap = await size(app("soap-app", "SoapTransport", `{ baseUrl: "https://example.invalid" }`));
  return { restBytes: rest.bytes, soapBytes: soap.bytes, soapInRest: SOAP_MARKERS.filter((marker) => rest.text.includes(marker)) };
}
