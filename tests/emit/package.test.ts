/**
 * Issue 6: <out> is a ready-to-publish package. Its own tsconfig builds it, and the built
 * package, imported by its exports under plain Node (no tsx, no vitest), makes a real call.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../corpus.js";
import { scratchDir } from "../support/tmp.js";

const dir = scratchDir("package");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the generated package", () => {
  it("builds with its own tsconfig and answers a call through its exports under plain Node", async () => {
    cpSync(path.join(repoRoot, "output"), dir, { recursive: true });
    execFileSync(process.execPath, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", dir], { stdio: "pipe" });
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { exports: Record<string, { default: string; types: string }> };
    for (const target of Object.values(pkg.exports)) {
      expect(readFileSync(path.join(dir, target.default), "utf8").length).toBeGreaterThan(0);
      expect(readFileSync(path.join(dir, target.types), "utf8").length).toBeGreaterThan(0);
    }

    const server = http.createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" }).end(request.url?.endsWith("/SetPassword") ? "true" : "null");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const entry = path.join(dir, pkg.exports["./services88"]!.default);
      const script = `const { RestClient } = await import(${JSON.stringify(entry)});
        const rest = new RestClient({ baseUrl: "http://127.0.0.1:${port}", auth: { scheme: "Bearer", token: "t" } });
        process.stdout.write(JSON.stringify(await rest.user.setPassword({ AssociateId: 1, Password: "p" })));`;
      const printed = await new Promise<string>((resolve, reject) => {
        // Plain node: the built package needs neither tsx nor any dependency.
        const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`node exited ${code}`))));
      });
      expect(printed).toBe("true");
    } finally {
      server.close();
    }
  });
});

