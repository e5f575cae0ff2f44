/**
 * The runtime is copied verbatim into every generated output, where it must compile with the
 * contract's flags and nothing but fast-xml-parser installed (it does not even need that), use
 * only relative `.js` imports and no `any`. The benchmark's harness (its ratio to node-soap is
 * `npm run bench`'s) runs both clients.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchRuntime } from "../../bench/runtime-bench.js";
import { repoRoot } from "../corpus.js";
import { corpusUserWsdl } from "./node-soap-helpers.js";

const runtimeDir = path.join(repoRoot, "templates", "runtime");
const sources = readdirSync(runtimeDir).filter((f) => f.endsWith(".ts"));

describe("runtime sources", () => {
  it("compile alone with the contract's tsc flags (no node_modules, no @types)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "runtime-standalone-"));
    try {
      cpSync(runtimeDir, path.join(dir, "runtime"), { recursive: true });
      // The global fetch (DOM typing) fits the runtime's FetchLike.
      writeFileSync(path.join(dir, "check.ts"), `import type { FetchLike } from "./runtime/index.js";\nexport const f: FetchLike = fetch;\n`);
      const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
      const args = ["--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck"];
      execFileSync(process.execPath, [tsc, ...args, "check.ts", ...sources.map((f) => path.join("runtime", f))], { cwd: dir, stdio: "pipe" });
    } catch (error) {
      const out = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`tsc failed:\n${out.stdout?.toString() ?? ""}${out.stderr?.toString() ?? ""}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("type-check through the generated package's own tsconfig.json (`tsc -p`: lib es2022 and dom, no dom.iterable)", () => {
    // Copied out of the repository, as an SDK folder is: here @types/node would be found and mask what the lib lacks.
    const dir = mkdtempSync(path.join(tmpdir(), "output-tsconfig-"));
    const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    try {
      cpSync(path.join(repoRoot, "output"), dir, { recursive: true });
      execFileSync(process.execPath, [tsc, "-p", dir], { stdio: "pipe" });
    } catch (error) {
      const out = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`tsc -p failed:\n${out.stdout?.toString() ?? ""}${out.stderr?.toString() ?? ""}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("import only each other (relative .js specifiers) and never use `any`", () => {
    for (const file of sources) {
      const text = readFileSync(path.join(runtimeDir, file), "utf8");
      for (const m of text.matchAll(/^(?:import|export)[^"'`]*?from\s+["']([^"']+)["']/gm)) {
        expect(m[1], `${file} imports ${m[1]}`).toMatch(/^\.\/[\w-]+\.js$/);
      }
      expect(text, file).not.toMatch(/:\s*any\b|\bas any\b|<any>|any\[\]/);
      expect(text, file).not.toMatch(/\bconsole\./);
    }
  });
});

// The ratio itself is `npm run bench`'s figure: a timed assertion fails on a loaded machine, not on slow code.
describe.skipIf(corpusUserWsdl() === undefined)("runtime benchmark", () => {
  it("times a SOAP call of ours and of node-soap (the harness npm run bench reports from)", async () => {
    const { ours, soap } = await benchRuntime({ minMs: 50 });
    expect(ours).toBeGreaterThan(0);
    expect(soap).toBeGreaterThan(0);
  }, 60_000);
});
