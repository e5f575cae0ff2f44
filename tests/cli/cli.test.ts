/**
 * The command line against CONTRACTS §1: exit codes, --check, atomic replacement, --report,
 * --quiet. Runs main() in-process on small copies of input/; one spawned run checks the launcher.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../corpus.js";
import { scratchDir } from "../support/tmp.js";
import { copyInput, runCli, snapshotTree } from "./support.js";

const scratch = scratchDir("cli");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const input = copyInput(path.join(scratch, "input"));
const generated = path.join(scratch, "generated");

/** A copy of input/ whose WSDL stops halfway: an error in the inputs. */
const brokenInput = path.join(scratch, "broken");
const diagnosticLine = /^\S+:\d+: (error|warning|info): .+$/;

beforeAll(async () => {
  copyInput(brokenInput);
  const wsdl = path.join(brokenInput, "Services88-User.wsdl");
  const text = readFileSync(wsdl, "utf8");
  writeFileSync(wsdl, text.slice(0, Math.floor(text.length / 2)));
  expect((await runCli(["--input", input, "--out", generated, "--no-cache", "--quiet"])).code).toBe(0);
});

function outFolder(name: string): string {
  const folder = path.join(scratch, name);
  mkdirSync(path.dirname(folder), { recursive: true });
  return folder;
}

describe("exit status", () => {
  it("is 0 on success and writes the output", async () => {
    const out = outFolder("ok");
    const run = await runCli(["--input", input, "--out", out, "--no-cache"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Services86, Services88: 2 agents, \d+ operations; \d+ files written/);
    expect(existsSync(path.join(out, "ir", "Services88.json"))).toBe(true);
    expect(existsSync(path.join(out, "services88", "index.ts"))).toBe(true);
  });

  it("is 1 on an input with an error, printed as path:line: severity: message", async () => {
    const run = await runCli(["--input", brokenInput, "--out", outFolder("broken-out"), "--no-cache"]);
    expect(run.code).toBe(1);
    const errors = run.stderr.split("\n").filter((line) => line.includes(": error: "));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(diagnosticLine);
    expect(errors[0]).toMatch(/broken\/Services88-User\.wsdl:\d+: error: /);
    expect(existsSync(path.join(scratch, "broken-out"))).toBe(false);
  });

  it("is 1 on a warning under --strict, 0 on the same input without it", async () => {
    const lenient = await runCli(["--input", input, "--out", outFolder("lenient"), "--no-cache"]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/: warning: /);
    const strict = await runCli(["--input", input, "--out", outFolder("strict"), "--no-cache", "--strict"]);
    expect(strict.code).toBe(1);
    expect(existsSync(path.join(scratch, "strict"))).toBe(false);
  });

  it("is 2 on bad usage, with the usage text, and nothing is written", async () => {
    for (const args of [["--bogus"], ["--out"], ["--cache", path.join(scratch, "c"), "--no-cache"], ["--versions", ","], ["stray-positional"]]) {
      const run = await runCli([...args, "--input", input]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("Usage: superoffice-codegen");
    }
    expect(existsSync(path.join(scratch, "c"))).toBe(false);
  });

  it("is 3 when --check finds the output stale", async () => {
    const out = outFolder("stale-check");
    await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    writeFileSync(path.join(out, "services88", "index.ts"), "// edited by hand\n");
    expect((await runCli(["--input", input, "--out", out, "--no-cache", "--check"])).code).toBe(3);
  });

  it("maps to the process exit status through the installed launcher (generator/bin.js)", () => {
    const help = spawnSync(process.execPath, [path.join(repoRoot, "generator", "bin.js"), "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--no-cache");
    const bad = spawnSync(process.execPath, [path.join(repoRoot, "generator", "bin.js"), "--bogus"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--bogus'");
  });

  it("writes the same output whether the launcher runs its esbuild bundle or the sources through tsx", () => {
    const launch = (out: string, env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [path.join(repoRoot, "generator", "bin.js"), "--input", input, "--out", out, "--no-cache", "--quiet"], { encoding: "utf8", env: { ...process.env, ...env } });
    const bundled = launch(outFolder("launch-bundle"), {});
    const sources = launch(outFolder("launch-tsx"), { SUPEROFFICE_CODEGEN_NO_BUNDLE: "1" });
    expect([bundled.status, sources.status]).toEqual([0, 0]);
    const bundles = path.join(repoRoot, "node_modules", ".cache", "superoffice-codegen");
    expect(readdirSync(bundles).some((name) => /^cli-[\w-]+$/.test(name) && existsSync(path.join(bundles, name, "cli.mjs")))).toBe(true);
    expect(snapshotTree(outFolder("launch-bundle"))).toEqual(snapshotTree(outFolder("launch-tsx")));
  });

  it("runs a checkout's own sources and templates where another checkout shares its node_modules", () => {
    // The launcher's bundle holds its checkout's paths: a second checkout of the same sources
    // (a git worktree with node_modules linked, a moved repository) must not run the first's.
    const copy = outFolder("second-checkout");
    for (const part of ["generator", "templates", "package.json"]) cpSync(path.join(repoRoot, part), path.join(copy, part), { recursive: true });
    symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"));
    writeFileSync(path.join(copy, "templates", "runtime", "second-checkout.ts"), "export const SECOND_CHECKOUT = true;\n");
    const launch = (checkout: string, out: string) => spawnSync(process.execPath, [path.join(checkout, "generator", "bin.js"), "--input", input, "--out", out, "--no-cache", "--quiet"], { encoding: "utf8" });
    expect(launch(repoRoot, outFolder("first-checkout-out")).status).toBe(0);
    expect(launch(copy, outFolder("second-checkout-out")).status).toBe(0);
    expect(existsSync(path.join(outFolder("second-checkout-out"), "runtime", "second-checkout.ts"))).toBe(true);
    expect(existsSync(path.join(outFolder("first-checkout-out"), "runtime", "second-checkout.ts"))).toBe(false);
  });

  it("makes a new bundle when a library it bundles is installed anew, or a template module it imports changes", () => {
    // A checkout whose node_modules links each package of this one's, but for one copied package of its own.
    const copy = outFolder("reinstalled-checkout");
    for (const part of ["generator", "templates", "package.json"]) cpSync(path.join(repoRoot, part), path.join(copy, part), { recursive: true });
    const modules = path.join(copy, "node_modules");
    mkdirSync(modules);
    for (const name of readdirSync(path.join(repoRoot, "node_modules"))) if (name !== ".cache" && name !== "yaml") symlinkSync(path.join(repoRoot, "node_modules", name), path.join(modules, name));
    cpSync(path.join(repoRoot, "node_modules", "yaml"), path.join(modules, "yaml"), { recursive: true });
    const bundles = (): string[] => readdirSync(path.join(modules, ".cache", "superoffice-codegen")).filter((name) => /^cli-[\w-]+$/.test(name)).sort();
    const launch = () => spawnSync(process.execPath, [path.join(copy, "generator", "bin.js"), "--help"], { encoding: "utf8" });
    expect(launch().status).toBe(0);
    const first = bundles();
    expect(first).toHaveLength(1);
    expect(launch().status).toBe(0);
    expect(bundles()).toEqual(first);
    // The yaml library as another install leaves it: same sources, another mtime.
    const library = path.join(modules, "yaml", "dist", "index.js");
    expect(existsSync(library)).toBe(true);
    utimesSync(library, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(launch().status).toBe(0);
    expect(bundles()).toHaveLength(2);
    // templates/runtime/primitives.ts is imported by the generator (emit/ts), so it is in the bundle.
    const primitives = path.join(copy, "templates", "runtime", "primitives.ts");
    writeFileSync(primitives, `${readFileSync(primitives, "utf8")}\n// edited\n`);
    expect(launch().status).toBe(0);
    expect(bundles()).toHaveLength(3);
  });
});

describe("--check", () => {
  it("passes on fresh output and writes nothing", async () => {
    const before = snapshotTree(generated);
    const listing = readdirSync(scratch).sort();
    const run = await runCli(["--input", input, "--out", generated, "--no-cache", "--check"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("files up to date");
    expect(snapshotTree(generated)).toEqual(before);
    expect(readdirSync(scratch).sort()).toEqual(listing);
  });

  it("lists changed, missing and extra files on stale output and changes none of them", async () => {
    const out = outFolder("stale-list");
    await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    writeFileSync(path.join(out, "services88", "index.ts"), "// edited by hand\n");
    writeFileSync(path.join(out, "leftover.ts"), "// from an older run\n");
    const missing = [...snapshotTree(out).keys()].find((file) => file.startsWith("docs/"));
    if (!missing) throw new Error("no docs in the output");
    rmSync(path.join(out, missing));
    const before = snapshotTree(out);

    const run = await runCli(["--input", input, "--out", out, "--no-cache", "--check"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/--check: 3 file\(s\) in .+ differ from a fresh run:/);
    for (const file of ["services88/index.ts", "leftover.ts", missing]) expect(run.stderr).toContain(`  ${file}\n`);
    expect(snapshotTree(out)).toEqual(before);
  });

  it("finds a missing output folder stale", async () => {
    const run = await runCli(["--input", input, "--out", path.join(scratch, "never-written"), "--no-cache", "--check"]);
    expect(run.code).toBe(3);
    expect(existsSync(path.join(scratch, "never-written"))).toBe(false);
  });
});

describe("writing the output folder", () => {
  it("leaves the previous output byte-identical after a failing input", async () => {
    const out = outFolder("kept");
    await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    const before = snapshotTree(out);
    expect((await runCli(["--input", brokenInput, "--out", out, "--no-cache", "--quiet"])).code).toBe(1);
    expect(snapshotTree(out)).toEqual(before);
  });

  it("removes files of earlier runs that this run does not make", async () => {
    const out = outFolder("replaced");
    await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    writeFileSync(path.join(out, "stale-from-an-older-run.ts"), "export {};\n");
    expect(existsSync(path.join(out, "services86"))).toBe(true);
    expect((await runCli(["--input", input, "--out", out, "--no-cache", "--quiet", "--versions", "88"])).code).toBe(0);
    expect(existsSync(path.join(out, "stale-from-an-older-run.ts"))).toBe(false);
    expect(existsSync(path.join(out, "services86"))).toBe(false);
    expect(existsSync(path.join(out, "services88", "index.ts"))).toBe(true);
  });

  it("writes nothing outside --out: no staging or retired folders are left beside it", async () => {
    const parent = path.join(scratch, "only-out");
    mkdirSync(parent, { recursive: true });
    const out = path.join(parent, "out");
    await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    await runCli(["--input", brokenInput, "--out", out, "--no-cache", "--quiet"]);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("refuses to replace a folder it did not write", async () => {
    const out = outFolder("foreign");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "precious.txt"), "mine\n");
    const run = await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("refusing to replace it");
    expect(readdirSync(out)).toEqual(["precious.txt"]);
  });
});

describe("--report and --quiet", () => {
  it("--report writes every diagnostic as JSON with the exit status", async () => {
    const report = path.join(scratch, "report.json");
    const run = await runCli(["--input", brokenInput, "--out", outFolder("reported"), "--no-cache", "--quiet", "--report", report]);
    const written = JSON.parse(readFileSync(report, "utf8")) as { exitCode: number; diagnostics: { path: string; line: number; severity: string; code: string; message: string }[] };
    expect(written.exitCode).toBe(run.code);
    expect(written.exitCode).toBe(1);
    const error = written.diagnostics.find((d) => d.severity === "error");
    expect(error).toMatchObject({ path: expect.stringMatching(/broken\/Services88-User\.wsdl$/), line: expect.any(Number), code: expect.any(String), message: expect.any(String) });
    expect(written.diagnostics.some((d) => d.severity === "warning")).toBe(true);
  });

  it("--quiet prints nothing on success, errors only on failure", async () => {
    const quiet = await runCli(["--input", input, "--out", outFolder("quiet"), "--no-cache", "--quiet"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe("");
    expect(quiet.stderr).toBe("");
    const failing = await runCli(["--input", brokenInput, "--out", outFolder("quiet-broken"), "--no-cache", "--quiet"]);
    expect(failing.stdout).toBe("");
    const lines = failing.stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/: error: /);
  });

  it("--help prints the usage and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--report FILE");
  });
});
