/**
 * Issue 13, CLI conventions: --version, -h, the config file (JSON, .mjs, package.json key) under
 * the flags, --versions/--agents that name nothing in the inputs, and --watch.
 */
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../generator/cli.js";
import { repoRoot } from "../corpus.js";
import { scratchDir } from "../support/tmp.js";
import { copyInput, runCli, snapshotTree } from "./support.js";

const scratch = scratchDir("cli-conventions");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const input = copyInput(path.join(scratch, "input"));
const version = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

/** A project folder with a config file `name` holding `content`, and its own copy of the inputs. */
function project(dir: string, name: string, content: string): string {
  const root = path.join(scratch, dir);
  copyInput(path.join(root, "docs"));
  writeFileSync(path.join(root, name), content);
  return root;
}

const generatedPackage = (out: string): { name: string; version: string; license: string; description: string } => JSON.parse(readFileSync(path.join(out, "package.json"), "utf8"));

describe("--version and -h", () => {
  it("prints the generator's version and exits 0, with no run", async () => {
    for (const flag of ["--version", "-v"]) {
      const run = await runCli([flag, "--out", path.join(scratch, "never")]);
      expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    }
    expect(existsSync(path.join(scratch, "never"))).toBe(false);
  });

  it("prints the usage with every option for -h and --help", async () => {
    for (const flag of ["-h", "--help"]) {
      const run = await runCli([flag]);
      expect(run.code).toBe(0);
      for (const option of ["--watch", "--config", "--package-name", "--version", "--agents"]) expect(run.stdout).toContain(option);
    }
  });
});

describe("the config file", () => {
  it("gives inputs, out, versions and the package identity, paths relative to its own folder", async () => {
    const root = project("json", "superoffice-codegen.config.json", JSON.stringify({ inputs: ["docs"], out: "clients", versions: ["88"], package: { name: "@acme/netserver", version: "2.1.0", license: "MIT", description: "Ours." } }));
    const run = await runCli(["--config", path.join(root, "superoffice-codegen.config.json"), "--no-cache", "--quiet"]);
    expect(run.code).toBe(0);
    const out = path.join(root, "clients");
    expect(existsSync(path.join(out, "services88", "index.ts"))).toBe(true);
    expect(existsSync(path.join(out, "services86"))).toBe(false);
    expect(generatedPackage(out)).toMatchObject({ name: "@acme/netserver", version: "2.1.0", license: "MIT", description: "Ours." });
  });

  it("may start with a byte order mark, as a JSON config and as package.json's key", async () => {
    const root = project("bom", "superoffice-codegen.config.json", `\uFEFF${JSON.stringify({ inputs: ["docs"], out: "clients", versions: ["88"], package: { name: "with-bom" } })}`);
    const run = await runCli(["--config", path.join(root, "superoffice-codegen.config.json"), "--no-cache", "--quiet"]);
    expect(run.code, run.stderr).toBe(0);
    expect(generatedPackage(path.join(root, "clients")).name).toBe("with-bom");
    writeFileSync(path.join(root, "package.json"), `\uFEFF${JSON.stringify({ "superoffice-codegen": { inputs: ["docs"], out: "from-manifest", versions: ["88"] } })}`);
    expect((await runCli(["--config", path.join(root, "package.json"), "--no-cache", "--quiet"])).code).toBe(0);
    expect(existsSync(path.join(root, "from-manifest", "services88", "index.ts"))).toBe(true);
  });

  it("is overridden by the flags, field by field for the package identity", async () => {
    const root = project("override", "superoffice-codegen.config.json", JSON.stringify({ inputs: ["docs"], out: "clients", versions: ["88"], package: { name: "from-config", version: "1.0.0" } }));
    const out = path.join(root, "elsewhere");
    const run = await runCli(["--config", path.join(root, "superoffice-codegen.config.json"), "--out", out, "--versions", "86", "--package-version", "3.0.0", "--no-cache", "--quiet"]);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, "clients"))).toBe(false);
    expect(existsSync(path.join(out, "services86", "index.ts"))).toBe(true);
    expect(existsSync(path.join(out, "services88"))).toBe(false);
    expect(generatedPackage(out)).toMatchObject({ name: "from-config", version: "3.0.0" });
  });

  it("may be an .mjs module's default export or the \"superoffice-codegen\" key of package.json", async () => {
    const mjs = project("mjs", "superoffice-codegen.config.mjs", `export default { inputs: ["docs"], out: "clients", agents: ["user"], package: { name: "from-mjs" } };\n`);
    expect((await runCli(["--config", path.join(mjs, "superoffice-codegen.config.mjs"), "--no-cache", "--quiet"])).code).toBe(0);
    expect(generatedPackage(path.join(mjs, "clients")).name).toBe("from-mjs");

    const manifest = project("manifest", "package.json", JSON.stringify({ name: "app", "superoffice-codegen": { inputs: ["docs"], out: "clients", package: { name: "from-manifest" } } }));
    expect((await runCli(["--config", path.join(manifest, "package.json"), "--no-cache", "--quiet"])).code).toBe(0);
    expect(generatedPackage(path.join(manifest, "clients")).name).toBe("from-manifest");
  });

  it("that is wrong is bad usage (exit 2) naming the file and the field, and nothing is written", async () => {
    const cases: [string, unknown, RegExp][] = [
      ["typo", { input: ["docs"] }, /Unknown config field "input"/],
      ["type", { versions: "88" }, /"versions" must be a non-empty list/],
      ["identity", { package: { name: "Not Valid" } }, /not a valid npm name/],
      ["semver", { package: { version: "one" } }, /not a semantic version/],
    ];
    for (const [dir, config, message] of cases) {
      const root = project(`bad-${dir}`, "superoffice-codegen.config.json", JSON.stringify({ out: "clients", ...(config as object) }));
      const run = await runCli(["--config", path.join(root, "superoffice-codegen.config.json"), "--no-cache"]);
      expect(run.code, dir).toBe(2);
      expect(run.stderr, dir).toMatch(/^superoffice-codegen\.config\.json:0: error: /);
      expect(run.stderr, dir).toMatch(message);
      expect(existsSync(path.join(root, "clients")), dir).toBe(false);
    }
    const unreadable = project("bad-json", "superoffice-codegen.config.json", "{ not json");
    expect((await runCli(["--config", path.join(unreadable, "superoffice-codegen.config.json")])).code).toBe(2);
  });

  it("found in the working folder; two of them are ambiguous", async () => {
    const root = project("cwd", "superoffice-codegen.config.json", JSON.stringify({ inputs: ["docs"], out: "clients", package: { name: "from-cwd" } }));
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect((await runCli(["--no-cache", "--quiet"])).code).toBe(0);
      expect(generatedPackage(path.join(root, "clients")).name).toBe("from-cwd");
      writeFileSync(path.join(root, "package.json"), JSON.stringify({ "superoffice-codegen": {} }));
      const ambiguous = await runCli(["--no-cache"]);
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toContain("Both superoffice-codegen.config.json and package.json configure superoffice-codegen");
    } finally {
      process.chdir(cwd);
    }
  });

  it("rejects a package identity npm would reject from the flags too", async () => {
    for (const args of [["--package-name", "UPPER"], ["--package-version", "1.0"], ["--package-license", " "]]) {
      const run = await runCli([...args, "--input", input, "--out", path.join(scratch, "flag-identity"), "--no-cache"]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^package:0: error: /m);
    }
    expect(existsSync(path.join(scratch, "flag-identity"))).toBe(false);
  });
});

describe("--versions and --agents", () => {
  it("naming nothing in the inputs is bad usage (exit 2) listing what the inputs hold; nothing is written", async () => {
    const out = path.join(scratch, "unknown");
    const versions = await runCli(["--input", input, "--out", out, "--versions", "90,91", "--no-cache"]);
    expect(versions.code).toBe(2);
    expect(versions.stderr).toMatch(/^--versions:0: error: No version named 90, 91 is in the inputs; the inputs hold Services86, Services88\.$/m);
    const agents = await runCli(["--input", input, "--out", out, "--agents", "Contact", "--no-cache"]);
    expect(agents.code).toBe(2);
    expect(agents.stderr).toMatch(/^--agents:0: error: No agent named Contact is in the inputs; the inputs hold User\.$/m);
    // The agents are those of the selected versions.
    const elsewhere = await runCli(["--input", path.join(input, "Services88-User.wsdl"), "--out", out, "--versions", "88", "--agents", "Nope", "--no-cache"]);
    expect(elsewhere.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("naming something that is there beside something that is not warns about the rest (an error under --strict)", async () => {
    const out = path.join(scratch, "partial");
    const run = await runCli(["--input", input, "--out", out, "--agents", "user,Contact", "--versions", "88,Services90", "--no-cache"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^--agents:0: warning: No agent named Contact is in the inputs \(ignored\)/m);
    expect(run.stderr).toMatch(/^--versions:0: warning: No version named Services90 is in the inputs \(ignored\)/m);
    expect(existsSync(path.join(out, "services88", "agents", "user.ts"))).toBe(true);
    expect((await runCli(["--input", input, "--out", path.join(scratch, "partial-strict"), "--agents", "User,Contact", "--strict", "--no-cache"])).code).toBe(1);
  });

  it("leave the files of newer versions unparsed, without changing what is generated for the selected ones", async () => {
    const parsedCount = (stdout: string): number => Number(/(\d+) files parsed/.exec(stdout)?.[1]);
    const all = await runCli(["--input", input, "--out", path.join(scratch, "every-version"), "--no-cache"]);
    const older = await runCli(["--input", input, "--out", path.join(scratch, "older-only"), "--versions", "86", "--no-cache"]);
    expect([all.code, older.code]).toEqual([0, 0]);
    expect(parsedCount(older.stdout)).toBeLessThan(parsedCount(all.stdout));
    const services86 = (root: string) => new Map([...snapshotTree(root)].filter(([file]) => file.startsWith("services86/") || file.startsWith("dist/services86/") || file === "ir/Services86.json"));
    expect(services86(path.join(scratch, "older-only"))).toEqual(services86(path.join(scratch, "every-version")));
    // Versions left unparsed are still listed as held by the inputs.
    const none = await runCli(["--input", input, "--out", path.join(scratch, "none"), "--versions", "80", "--no-cache"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("the inputs hold Services86, Services88.");
  });

  it("report warnings only about what was selected", async () => {
    const all = await runCli(["--input", input, "--out", path.join(scratch, "all"), "--no-cache"]);
    const services88Warnings = all.stderr.split("\n").filter((line) => / warning: /.test(line) && /Services88/.test(line));
    expect(services88Warnings.length).toBeGreaterThan(0);
    const only86 = await runCli(["--input", input, "--out", path.join(scratch, "only86"), "--versions", "86", "--no-cache"]);
    expect(only86.code).toBe(0);
    for (const line of services88Warnings) expect(only86.stderr).not.toContain(line);
  });
});

describe("--watch", () => {
  /** main() in this process with --watch, its output captured while it runs. */
  function watching(args: string[]): { output: () => string; stop: () => Promise<number> } {
    let stdout = "";
    const controller = new AbortController();
    const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true));
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const done = main(["--watch", ...args], controller.signal);
    return {
      output: () => stdout,
      stop: async () => {
        controller.abort();
        try {
          return await done;
        } finally {
          out.mockRestore();
          err.mockRestore();
        }
      },
    };
  }

  /** Waits, in bounded steps, until `lines` summary lines have been printed. */
  async function untilSummaries(output: () => string, lines: number): Promise<string[]> {
    for (let attempt = 0; attempt < 600; attempt++) {
      const summaries = output().split("\n").filter((line) => /^Services86, Services88: .*files/.test(line));
      if (summaries.length >= lines) return summaries;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`fewer than ${lines} runs were reported:\n${output()}`);
  }

  it("runs once, again once per burst of input changes through the cache (one summary line each), and stops cleanly", async () => {
    const watched = copyInput(path.join(scratch, "watched"));
    const out = path.join(scratch, "watch-out");
    const session = watching(["--input", watched, "--out", out, "--cache", path.join(scratch, "watch-cache")]);
    const [first] = await untilSummaries(session.output, 1);
    expect(first).toMatch(/files written/);
    const page = path.join(watched, "seeds", "000_10ac530210a688d2.txt");
    // One burst: three writes in a row are one change.
    for (let edit = 0; edit < 3; edit++) appendFileSync(page, `\nEdited ${edit}.\n`);
    const [, second] = await untilSummaries(session.output, 2);
    expect(second).toMatch(/1 files parsed, 6 from cache/);
    expect(await session.stop()).toBe(0);
    expect(session.output().split("\n").filter((line) => line.startsWith("Services86, Services88:"))).toHaveLength(2);
  });

  it("--watch with --check is bad usage", async () => {
    expect((await runCli(["--watch", "--check", "--input", input])).code).toBe(2);
  });

  it("as a process: Ctrl-C ends it with exit 0 and no stack trace", async () => {
    const out = path.join(scratch, "watch-process");
    mkdirSync(scratch, { recursive: true });
    const child = spawn(process.execPath, [path.join(repoRoot, "generator", "bin.js"), "--watch", "--input", input, "--out", out, "--no-cache"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/files written/.test(stdout)) child.kill("SIGINT");
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(path.join(out, "services88", "index.ts"))).toBe(true);
  });
});
