/**
 * Issues 6 and 13: <out> is a package that works as it is. Its exports give one entry per version,
 * per agent and the runtime, each pointing at compiled JavaScript and declarations that the
 * generator wrote; its identity is configurable. Installed under node_modules, it is imported by
 * its package name under plain Node (no tsx, no vitest, no build) and makes a real call.
 * tests/package/generated.test.ts does the same with `npm pack` on the corpus.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lowerCamel } from "../../generator/emit/naming.js";
import { emitCompiledOutput } from "../../generator/emit/index.js";
import { emitPackage } from "../../generator/emit/package/package.js";
import type { ServicesModel } from "../../generator/ir/types.js";
import { buildFrom } from "../support/pipeline.js";
import { nodeOutput } from "../package/support.js";
import { scratchDir } from "../support/tmp.js";

const dir = scratchDir("package");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Manifest {
  name: string;
  version: string;
  description: string;
  license: string;
  sideEffects: boolean;
  engines: { node: string };
  exports: Record<string, { types: string; default: string } | string>;
  scripts?: unknown;
  devDependencies?: unknown;
  dependencies: Record<string, string>;
}

let models: ServicesModel[];
let files: Map<string, string>;
let manifest: Manifest;
beforeAll(async () => {
  ({ models } = await buildFrom(["input"]));
  const output = await emitCompiledOutput(models, { docs: false, package: { name: "@acme/netserver", version: "1.4.0" } });
  expect(output.diagnostics).toEqual([]);
  files = output.files;
  manifest = JSON.parse(files.get("package.json") ?? "{}") as Manifest;
});

describe("the generated package", () => {
  it("has an entry per version, per agent, per agent and transport and for the runtime, each naming files the generator wrote", () => {
    const expected = ["./package.json", "./runtime"];
    for (const model of models) {
      const dir = model.version.toLowerCase();
      expected.push(`./${dir}`, ...model.agents.flatMap((agent) => ["", "/rest", "/soap"].map((transport) => `./${dir}/${lowerCamel(agent.name)}${transport}`)));
    }
    expect(Object.keys(manifest.exports).sort()).toEqual(expected.sort());
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === "string") continue;
      expect(Object.keys(target), subpath).toEqual(["types", "default"]);
      expect(files.has(target.default.slice(2)), target.default).toBe(true);
      expect(files.has(target.types.slice(2)), target.types).toBe(true);
    }
  });

  it("exports a version named otherwise than ServicesNN too (Services89-beta), and nothing of a folder that is no version's", () => {
    const beta = { ...models[0]!, version: "Services89-beta" };
    const modules = ["services89-beta/index.ts", "services89-beta/agents/user.ts", "services89-beta/agents/user.rest.ts", "services89-beta/entities/contact.ts", "runtime/index.ts", "notaversion/index.ts"];
    const exported = JSON.parse(emitPackage([beta], modules).get("package.json") ?? "{}") as Manifest;
    expect(Object.keys(exported.exports)).toEqual(["./package.json", "./runtime", "./services89-beta", "./services89-beta/entities/contact", "./services89-beta/user", "./services89-beta/user/rest"]);
  });

  it("carries JavaScript and declarations of every module, and needs no build step, dependency or script", () => {
    const modules = [...files.keys()].filter((file) => file.endsWith(".ts") && !file.startsWith("dist/"));
    expect(modules.length).toBeGreaterThan(10);
    for (const module of modules) {
      // A module of types only compiles to an empty (and still valid) ES module.
      expect(files.get(`dist/${module.replace(/\.ts$/, ".js")}`), module).toBeDefined();
      expect(files.get(`dist/${module.replace(/\.ts$/, ".d.ts")}`), module).toMatch(/\bexport\b/);
    }
    expect(manifest).toMatchObject({ name: "@acme/netserver", version: "1.4.0", license: "UNLICENSED", sideEffects: false, dependencies: {} });
    expect(manifest.engines.node).toMatch(/^>=\d+/);
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
  });

  it("compiles to the same bytes every time", async () => {
    const again = (await emitCompiledOutput(models, { docs: false, package: { name: "@acme/netserver", version: "1.4.0" } })).files;
    expect([...again]).toEqual([...files]);
  });

  it("is imported by name under plain Node, one agent through its own entry or its functions, and answers a call", async () => {
    const app = path.join(dir, "app");
    for (const [file, content] of files) {
      const target = path.join(app, "node_modules", "@acme", "netserver", file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", type: "module", private: true }));
    const server = http.createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" }).end(request.url?.endsWith("/SetPassword") ? "true" : "null");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const script = `import { UserAgentClient } from "@acme/netserver/services88/user";
        import { RestTransport } from "@acme/netserver/runtime";
        import { RestClient } from "@acme/netserver/services88";
        import { setPassword } from "@acme/netserver/services88/user/rest";
        const options = { baseUrl: "http://127.0.0.1:${port}", auth: { scheme: "Bearer", token: "t" } };
        const user = new UserAgentClient(new RestTransport(options));
        const viaClient = await new RestClient(options).user.setPassword({ AssociateId: 1, Password: "p" });
        const viaFunction = await setPassword(new RestTransport(options), { AssociateId: 1, Password: "p" });
        process.stdout.write(JSON.stringify([await user.setPassword({ AssociateId: 1, Password: "p" }), viaClient, viaFunction]));`;
      const printed = await nodeOutput(["--input-type=module", "-e", script], app);
      expect(printed).toBe("[true,true,true]");
    } finally {
      server.close();
    }
  });
});
