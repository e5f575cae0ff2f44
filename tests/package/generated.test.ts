/**
 * Issue 13: the clients generated from the corpus as an app gets them. The output (sources and
 * the compiled dist/ that generate writes) is packed with `npm pack`, installed offline into a
 * fresh app outside this repository, and there one agent is imported through its own subpath:
 * type-checked with nodenext and with bundler resolution (loading that agent's declarations, no
 * other agent's), and called over loopback under plain Node.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileOutput } from "../../generator/emit/package/compile.js";
import { corpusRoot, hasCorpus, repoRoot } from "../corpus.js";
import { generatedOutput } from "../support/generated.js";
import { installOffline, nodeOutput, pack, runNode } from "./support.js";

const scratch = mkdtempSync(path.join(tmpdir(), "superoffice-clients-pack-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const app = path.join(scratch, "app");
const packageName = "superoffice-netserver-clients";
const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");

describe.skipIf(!hasCorpus)("the clients generated from the corpus, packed and installed", () => {
  let agentCount = 0;
  beforeAll(async () => {
    const generated = await generatedOutput("corpus", [corpusRoot]);
    agentCount = generated.models.find((model) => model.version === "Services88")?.agents.length ?? 0;
    const compiled = await compileOutput(generated.files);
    expect(compiled.diagnostics).toEqual([]);
    const folder = path.join(scratch, "clients");
    for (const [file, content] of [...generated.files, ...compiled.files]) {
      const target = path.join(folder, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    await installOffline(app, [await pack(folder, path.join(scratch, "tarballs"))]);
  }, 300_000);

  it("type-checks one agent imported through its subpath with nodenext and bundler resolution, loading no other agent", async () => {
    expect(agentCount).toBeGreaterThan(1);
    mkdirSync(path.join(app, "src"), { recursive: true });
    writeFileSync(
      path.join(app, "src", "user.ts"),
      `import { UserAgentClient, type UserSetPasswordRequest } from "${packageName}/services88/user";
import { RestTransport, HttpError } from "${packageName}/runtime";
const user = new UserAgentClient(new RestTransport({ baseUrl: "http://127.0.0.1:1", auth: { scheme: "Bearer", token: "t" } }));
const request: UserSetPasswordRequest = { AssociateId: 1, Password: "p" };
export const changed: Promise<boolean> = user.setPassword(request);
// @ts-expect-error the request is typed: AssociateId is a number
void user.setPassword({ AssociateId: "1", Password: "p" });
export const isHttpError = (error: unknown): boolean => error instanceof HttpError;
`,
    );
    const resolutions = { nodenext: { module: "nodenext", moduleResolution: "nodenext" }, bundler: { module: "esnext", moduleResolution: "bundler" } };
    for (const [name, resolution] of Object.entries(resolutions)) {
      const config = path.join(app, `tsconfig.${name}.json`);
      writeFileSync(config, JSON.stringify({ compilerOptions: { ...resolution, strict: true, target: "es2022", lib: ["es2022", "dom"], noEmit: true, types: [] }, include: ["src"] }));
      const checked = await runNode([tsc, "-p", config, "--listFiles"], app);
      expect(checked.status, `${name}: ${checked.stdout}`).toBe(0);
      const listed = checked.stdout.split("\n");
      const agents = listed.filter((file) => /\/services88\/agents\/[^/]+$/.test(file));
      expect(agents.map((file) => path.basename(file)).sort(), name).toEqual(["user.d.ts"]);
      expect(listed.filter((file) => file.includes(`/node_modules/${packageName}/`) && !file.endsWith(".d.ts")), name).toEqual([]);
    }
  });

  it("calls the agent imported through its subpath over loopback under plain Node", async () => {
    const server = http.createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" }).end(request.url === "/api/v1/Agents/User/SetPassword" ? "true" : "null");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    writeFileSync(
      path.join(app, "call.mjs"),
      `import { UserAgentClient } from "${packageName}/services88/user";
import { RestTransport } from "${packageName}/runtime";
const user = new UserAgentClient(new RestTransport({ baseUrl: "http://127.0.0.1:${port}", auth: { scheme: "Bearer", token: "t" } }));
process.stdout.write(JSON.stringify(await user.setPassword({ AssociateId: 1, Password: "p" })));
`,
    );
    try {
      const printed = await nodeOutput(["call.mjs"], app);
      expect(printed).toBe("true");
    } finally {
      server.close();
    }
  });
});
