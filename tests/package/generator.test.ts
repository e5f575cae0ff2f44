/**
 * Issue 13: the generator as another repository's build step gets it. `npm pack` (which compiles
 * dist/ on prepack), installed offline into a fresh project outside this repository (so nothing
 * resolves from our node_modules), then there under plain Node: the command, a config file with
 * defineConfig, --version, the library API, a worker thread from dist/, and a TypeScript consumer
 * type-checked against the published declarations only.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../corpus.js";
import { installOffline, pack, runNode, type Packed } from "./support.js";

const scratch = mkdtempSync(path.join(tmpdir(), "superoffice-codegen-pack-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const project = path.join(scratch, "consumer");
const installed = path.join(project, "node_modules", "superoffice-codegen");
let packed: Packed;

beforeAll(async () => {
  packed = await pack(repoRoot, path.join(scratch, "tarballs"));
  await installOffline(project, [packed]);
  cpSync(path.join(repoRoot, "input"), path.join(project, "docs"), { recursive: true });
}, 300_000);

/** Plain node in the consumer project. */
const node = (args: string[]): ReturnType<typeof runNode> => runNode(args, project);

/** A module run by plain node in the consumer project (a file, not -e: worker threads inherit node's flags). */
function script(name: string, source: string): ReturnType<typeof runNode> {
  writeFileSync(path.join(project, name), source);
  return node([name]);
}

function command(args: string[]): ReturnType<typeof runNode> {
  return node([path.join(project, "node_modules", ".bin", "superoffice-codegen"), ...args]);
}

describe("the packed generator", () => {
  it("holds the compiled generator, its declarations and templates, and no sources, tests, bench, fixtures or output", () => {
    for (const file of ["package.json", "dist/generator/index.js", "dist/generator/index.d.ts", "dist/generator/main.js", "dist/generator/parse/worker.js", "dist/templates/runtime/primitives.js", "templates/runtime/index.ts"]) expect(packed.files, file).toContain(file);
    const foreign = packed.files.filter((file) => /^(generator|tests|bench|output|input|\.ci)\//.test(file) || (file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.startsWith("templates/")));
    expect(foreign).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest.engines).toEqual({ node: ">=20" });
    expect(Object.keys(manifest.dependencies as object)).not.toContain("tsx");
  });

  it("runs as the superoffice-codegen command: --version, -h, and a config file written with defineConfig", async () => {
    expect(await command(["--version"])).toMatchObject({ status: 0, stdout: `${packed.manifest.version}\n` });
    expect((await command(["-h"])).stdout).toContain("--config FILE");
    writeFileSync(
      path.join(project, "superoffice-codegen.config.mjs"),
      `import { defineConfig } from "superoffice-codegen";\nexport default defineConfig({ inputs: ["docs"], out: "clients", versions: ["88"], package: { name: "@consumer/netserver", version: "1.0.0" } });\n`,
    );
    try {
      const run = await command(["--no-cache"]);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Services88: 1 agents, \d+ operations; \d+ files written/);
      const generated = JSON.parse(readFileSync(path.join(project, "clients", "package.json"), "utf8")) as { name: string };
      expect(generated.name).toBe("@consumer/netserver");
      expect(existsSync(path.join(project, "clients", "dist", "services88", "agents", "user.js"))).toBe(true);
      // The cache is the consumer's, beside its own node_modules.
      expect((await command(["--check"])).status).toBe(0);
    } finally {
      rmSync(path.join(project, "superoffice-codegen.config.mjs"));
    }
  });

  it("loads as a library under plain Node and generates", async () => {
    const run = await script("api.mjs", `import { generate } from "superoffice-codegen";
      const report = await generate({ inputs: ["docs"], out: "from-api", cache: false, docs: false });
      process.stdout.write(JSON.stringify({ exitCode: report.exitCode, versions: report.versions.map((v) => v.version), written: report.written }));`);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ exitCode: 0, versions: ["Services86", "Services88"], written: true });
    expect(existsSync(path.join(project, "from-api", "services86", "index.ts"))).toBe(true);
  });

  it("parses on a worker thread started from its compiled dist/", async () => {
    const dist = path.join(installed, "dist", "generator");
    const run = await script("worker.mjs", `import { Worker } from "node:worker_threads";
      const { discoverInputs } = await import(${JSON.stringify(path.join(dist, "discover", "index.js"))});
      const { files } = await discoverInputs(["docs"]);
      const worker = new Worker(${JSON.stringify(path.join(dist, "parse", "worker.js"))});
      worker.on("message", (message) => {
        if (message.type === "ready") return worker.postMessage({ id: 7, files });
        process.stdout.write(JSON.stringify({ id: message.id, parsed: message.results.filter((result) => result.value !== null).length, of: files.length }));
        void worker.terminate();
      });`);
    expect(run.stderr).toBe("");
    const reply = JSON.parse(run.stdout) as { id: number; parsed: number; of: number };
    expect(reply.id).toBe(7);
    expect(reply.of).toBeGreaterThan(2);
    expect(reply.parsed).toBeGreaterThan(1);
  });

  it("type-checks a TypeScript consumer against its declarations only", async () => {
    const src = path.join(project, "src");
    mkdirSync(src, { recursive: true });
    writeFileSync(
      path.join(src, "build.ts"),
      `import { defineConfig, generate, type Diagnostic, type GenerateOptions, type GenerateReport } from "superoffice-codegen";
const config = defineConfig({ inputs: ["docs"], out: "clients", agents: ["User"], package: { name: "@consumer/netserver", license: "MIT" } });
const options: GenerateOptions = { ...config, check: true, onProgress: (progress) => void progress.stage };
const report: GenerateReport = await generate(options);
const exit: 0 | 1 | 2 | 3 = report.exitCode;
const first: Diagnostic | undefined = report.diagnostics[0];
// @ts-expect-error the config is typed: an unknown field is an error
defineConfig({ input: ["docs"] });
// @ts-expect-error and so is a field of the wrong type
defineConfig({ versions: "88" });
export { exit, first };
`,
    );
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", noEmit: true, skipLibCheck: false, types: [] }, include: ["src"] }),
    );
    // The consumer's own compiler: the generator does not bring one (it is no dependency of it).
    const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    const checked = await node([tsc, "-p", project, "--listFiles"]);
    expect(checked.status, checked.stdout).toBe(0);
    const listed = checked.stdout;
    const ours = listed.split("\n").filter((file) => file.includes("/node_modules/superoffice-codegen/"));
    expect(ours.length).toBeGreaterThan(0);
    // Declarations only: not one of the generator's sources is type-checked.
    expect(ours.filter((file) => !file.endsWith(".d.ts"))).toEqual([]);
  });
});
