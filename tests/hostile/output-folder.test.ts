/**
 * The output folder under attack and bad luck: paths that overlap the inputs (refused, exit 2),
 * runs killed with SIGKILL at any point, two runs at once, and every file-system failure as one
 * `path:line: error: …` line with the previous output intact.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTPUT_MARKER } from "../../generator/write/index.js";
import { repoRoot } from "../corpus.js";
import { scratchDir } from "../support/tmp.js";
import { launch, runToEnd, runUnprivileged } from "./processes.js";
import { copyInput, edit, replaceOnce, run, runCli, snapshotTree } from "./support.js";

const scratch = scratchDir("hostile-output");
afterAll(() => {
  spawnSync("chmod", ["-R", "u+rwx", scratch]);
  rmSync(scratch, { recursive: true, force: true });
});

/** A printed diagnostic of the given path, and nothing that looks like a stack trace. */
function expectPlainError(stderr: string, where: string, pattern: RegExp): void {
  const line = stderr.split("\n").find((text) => text.startsWith(`${where}:0: error: `));
  expect(line, stderr).toBeDefined();
  expect(line).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at |internal error/);
}

let caseNumber = 0;
/** A fresh folder with a copy of input/ in `input` and nothing else. */
function freshCase(): { root: string; input: string; out: string } {
  const root = path.join(scratch, `case-${++caseNumber}`);
  mkdirSync(root, { recursive: true });
  return { root, input: copyInput(path.join(root, "input")), out: path.join(root, "out") };
}

describe("never deletes what it did not write: an output folder overlapping an input is refused, exit 2", () => {
  it("an input inside a previous output folder (which is ours, marker and all)", async () => {
    const c = freshCase();
    expect((await run([c.input], c.out)).exitCode).toBe(0);
    const inside = path.join(c.out, "docs-checkout");
    cpSync(c.input, inside, { recursive: true });
    const before = snapshotTree(c.out);
    const result = await runCli(["--input", inside, "--out", c.out, "--no-cache"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${c.out}:0: error: The input ${inside} is inside the output folder ${c.out}`);
    expect(snapshotTree(c.out)).toEqual(before);
  });

  const spellings: [string, (c: { root: string; input: string }) => { input: string; out: string }][] = [
    ["--out equal to the input", (c) => ({ input: c.input, out: c.input })],
    ["--out equal to the input with a trailing slash", (c) => ({ input: c.input, out: `${c.input}/` })],
    ["--out equal to the input through . and ..", (c) => ({ input: c.input, out: path.join(c.input, "seeds", "..", ".") })],
    ["--out a parent of the input", (c) => ({ input: path.join(c.input, "seeds"), out: c.input })],
    ["--out the folder holding the input", (c) => ({ input: c.input, out: c.root })],
    ["--out inside the input", (c) => ({ input: c.input, out: path.join(c.input, "generated") })],
    ["--out in another case than the input", (c) => ({ input: c.input, out: c.input.replace(/input$/, "INPUT") })],
    ["--out a symlink to the input", (c) => {
      symlinkSync(c.input, path.join(c.root, "link"));
      return { input: c.input, out: path.join(c.root, "link") };
    }],
    ["--out below a symlink into the input", (c) => {
      symlinkSync(path.join(c.input, "seeds"), path.join(c.root, "seeds-link"));
      return { input: c.input, out: path.join(c.root, "seeds-link", "out") };
    }],
    ["--input a symlink into --out", (c) => {
      mkdirSync(path.join(c.root, "out", "sub"), { recursive: true });
      writeFileSync(path.join(c.root, "out", OUTPUT_MARKER), "");
      cpSync(c.input, path.join(c.root, "out", "sub", "input"), { recursive: true });
      symlinkSync(path.join(c.root, "out", "sub", "input"), path.join(c.root, "input-link"));
      return { input: path.join(c.root, "input-link"), out: path.join(c.root, "out") };
    }],
  ];
  for (const [name, spell] of spellings) {
    it(name, async () => {
      const c = freshCase();
      const { input, out } = spell(c);
      const before = snapshotTree(c.root);
      const result = await runCli(["--input", input, "--out", out, "--no-cache"]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/:0: error: The (output folder .* is the input .* or lies inside it|input .* is inside the output folder)/);
      expect(snapshotTree(c.root)).toEqual(before);
    });
  }

  it("--out '', --input '' and an input that does not exist are usage errors, and nothing is written", async () => {
    const c = freshCase();
    const before = readdirSync(repoRoot).sort();
    for (const [args, message] of [
      [["--input", c.input, "--out", ""], "--out:0: error: --out is empty"],
      [["--input", "", "--out", c.out], "--input:0: error: --input is empty"],
      [["--input", path.join(c.root, "nowhere"), "--out", c.out], `${path.join(c.root, "nowhere")}:0: error: The input ${path.join(c.root, "nowhere")} does not exist.`],
    ] as const) {
      const result = await runCli([...args, "--no-cache"]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(c.out)).toBe(false);
    expect(readdirSync(repoRoot).sort()).toEqual(before);
  });
});

describe("atomic output: SIGKILL at any instant, two runs at once", () => {
  let oldInput = "";
  let newInput = "";
  let oldOutput = new Map<string, string>();
  let newOutput = new Map<string, string>();
  beforeAll(async () => {
    const root = path.join(scratch, "atomic");
    oldInput = copyInput(path.join(root, "old-input"));
    newInput = copyInput(path.join(root, "new-input"));
    // Drop one agent's page, so the new output differs in content and in its set of files.
    edit(path.join(newInput, "Services88-User.wsdl"), (text) => replaceOnce(text, "<wsdl:portType", "<!-- edited --><wsdl:portType"));
    rmSync(path.join(newInput, "seeds", "002_4ba421d35adb619a.txt"));
    const oldOut = path.join(root, "expected-old");
    const newOut = path.join(root, "expected-new");
    expect((await run([oldInput], oldOut)).exitCode).toBe(0);
    expect((await run([newInput], newOut)).exitCode).toBe(0);
    oldOutput = snapshotTree(oldOut);
    newOutput = snapshotTree(newOut);
    expect(newOutput).not.toEqual(oldOutput);
  });

  /** A folder holding `out` with the old output. */
  async function withOldOutput(name: string): Promise<{ root: string; out: string }> {
    const root = path.join(scratch, "atomic", name);
    const out = path.join(root, "out");
    mkdirSync(root, { recursive: true });
    expect((await run([oldInput], out)).exitCode).toBe(0);
    return { root, out };
  }

  const args = (out: string): string[] => ["--input", newInput, "--out", out, "--no-cache", "--quiet"];

  /** After a kill: --out is old or new, or the next run repairs it; after that run only `out` is left. */
  async function expectRecoverable(root: string, out: string): Promise<void> {
    const now = snapshotTree(out);
    const swapLeft = existsSync(path.join(root, ".out.swap"));
    if (!swapLeft) expect([oldOutput, newOutput]).toContainEqual(now);
    const next = await run([newInput], out);
    expect(next.exitCode).toBe(0);
    expect(snapshotTree(out)).toEqual(newOutput);
    expect(readdirSync(root)).toEqual(["out"]);
  }

  // The points: before the run reads anything, while it parses, and around the write (staging folder seen).
  for (const delay of [0, 150, 300, 450, 600, 900]) {
    it(`a run killed ${delay} ms after it starts leaves the old or the new output, repaired by the next run`, async () => {
      const { root, out } = await withOldOutput(`kill-${delay}`);
      const { child, finished } = launch(args(out), { cwd: repoRoot });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await finished;
      await expectRecoverable(root, out);
    });
  }

  it("a run killed the moment its staging folder appears", async () => {
    const { root, out } = await withOldOutput("kill-staging");
    const { child, finished } = launch(args(out), { cwd: repoRoot });
    let done = false;
    void finished.then(() => (done = true));
    for (let polls = 0; !done && polls < 200_000; polls++) {
      if (readdirSync(root).some((name) => name.includes(".staging-"))) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    child.kill("SIGKILL");
    await finished;
    await expectRecoverable(root, out);
  });

  // Ctrl-C is not a kill: the run ends where that is safe and leaves no lock, staging or journal behind.
  for (const [signal, delay] of [["SIGINT", 200], ["SIGTERM", 450], ["SIGINT", "staging"]] as const) {
    it(`a run sent ${signal} ${delay === "staging" ? "the moment its staging folder appears" : `${delay} ms after it starts`} leaves the old output (exit 130, said in a sentence) or, its swap begun, the new one; nothing else`, async () => {
      const { root, out } = await withOldOutput(`${signal}-${delay}`);
      const { child, finished } = launch(args(out), { cwd: repoRoot });
      let done = false;
      void finished.then(() => (done = true));
      if (delay === "staging") {
        for (let polls = 0; !done && polls < 200_000 && !readdirSync(root).some((name) => name.includes(".staging-")); polls++) await new Promise((resolve) => setImmediate(resolve));
      } else await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill(signal);
      const { code, signal: endedBy, stderr } = await finished;
      expect(readdirSync(root)).toEqual(["out"]);
      if (endedBy !== null) {
        // Before the generator listens (the launcher still starting), the signal ends it as Node would: nothing was begun.
        expect(snapshotTree(out)).toEqual(oldOutput);
      } else if (code === 130) {
        expect(stderr).toContain("error: The run was interrupted before the output folder was updated; it is as it was.");
        expect(snapshotTree(out)).toEqual(oldOutput);
      } else {
        expect(code, stderr).toBe(0);
        expect(snapshotTree(out)).toEqual(newOutput);
      }
    });
  }

  it("an update cut off half way (journal written, some files deleted and moved) is finished by the next run, even one that fails", async () => {
    const { root, out } = await withOldOutput("half-swap");
    // The state a kill in the middle of the update leaves: every changed file staged, the journal
    // written, the deletions done and two staged files already moved in.
    const staging = ".out.staging-1234-0badf00d";
    const files = [...newOutput.keys()].filter((file) => oldOutput.get(file) !== newOutput.get(file)).sort();
    const removed = [...oldOutput.keys()].filter((file) => !newOutput.has(file)).sort();
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(root, staging, file)), { recursive: true });
      cpSync(path.join(scratch, "atomic", "expected-new", file), path.join(root, staging, file));
    }
    writeFileSync(path.join(root, ".out.swap"), JSON.stringify({ staging, files, removed }));
    for (const file of removed) rmSync(path.join(out, file));
    for (const file of files.slice(0, 2)) {
      mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      renameSync(path.join(root, staging, file), path.join(out, file));
    }
    // The next run has a broken input: it writes nothing of its own, but first finishes the swap.
    const broken = copyInput(path.join(root, "..", "half-swap-broken-input"));
    writeFileSync(path.join(broken, "Services88-User.wsdl"), "<wsdl:definitions");
    expect((await run([broken], out)).exitCode).toBe(1);
    expect(snapshotTree(out)).toEqual(newOutput);
    expect(readdirSync(root)).toEqual(["out"]);
  });

  it("a journal naming paths outside --out (a planted or corrupt one) is ignored: nothing outside is deleted or written", async () => {
    const { root, out } = await withOldOutput("hostile-journal");
    const staging = ".out.staging-1234-0badf00d";
    mkdirSync(path.join(root, staging));
    writeFileSync(path.join(root, staging, "planted.txt"), "planted");
    writeFileSync(path.join(root, "victim.txt"), "precious");
    writeFileSync(path.join(root, ".out.swap"), JSON.stringify({ staging, files: ["../planted.txt"], removed: ["../victim.txt", "/etc/hostname"] }));
    expect((await run([newInput], out)).exitCode).toBe(0);
    expect(snapshotTree(out)).toEqual(newOutput);
    expect(readFileSync(path.join(root, "victim.txt"), "utf8")).toBe("precious");
    expect(readdirSync(root).sort()).toEqual(["out", "victim.txt"]);
  });

  it("a lock left by a killed run is taken over; one held by a live run is waited for", async () => {
    const { root, out } = await withOldOutput("stale-lock");
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(path.join(root, ".out.lock"), JSON.stringify({ pid: gone, token: "dead" }));
    expect((await run([newInput], out)).exitCode).toBe(0);
    expect(snapshotTree(out)).toEqual(newOutput);
    expect(readdirSync(root)).toEqual(["out"]);
  });

  it("two runs on one --out at once (separate processes) serialise: both succeed, --out is never missing, nothing is left beside it", async () => {
    const { root, out } = await withOldOutput("two-processes");
    const first = launch(args(out), { cwd: repoRoot });
    const second = launch(args(out), { cwd: repoRoot });
    let running = 2;
    const results = Promise.all([first.finished, second.finished]).finally(() => (running = 0));
    let missing = 0;
    for (let polls = 0; running > 0 && polls < 1_000_000; polls++) {
      if (!existsSync(path.join(out, OUTPUT_MARKER))) missing++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const result of await results) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toContain("internal error");
    }
    expect(missing).toBe(0);
    expect(snapshotTree(out)).toEqual(newOutput);
    expect(readdirSync(root)).toEqual(["out"]);
  });

  it("two runs on one --out at once in one process serialise too (no ENOTEMPTY)", async () => {
    const { root, out } = await withOldOutput("two-in-process");
    const reports = await Promise.all([run([newInput], out), run([newInput], out)]);
    expect(reports.map((report) => [report.exitCode, report.diagnostics.filter((d) => d.severity === "error")])).toEqual([
      [0, []],
      [0, []],
    ]);
    expect(snapshotTree(out)).toEqual(newOutput);
    expect(readdirSync(root)).toEqual(["out"]);
  });
});

describe("every file-system failure is one plain diagnostic naming the path; the previous output stays", () => {
  it("--out below a file (ENOTDIR/EEXIST): exit 1, one error line naming the path", async () => {
    const c = freshCase();
    writeFileSync(path.join(c.root, "a-file"), "x");
    const out = path.join(c.root, "a-file", "out");
    const result = await runCli(["--input", c.input, "--out", out, "--no-cache", "--quiet"]);
    expect(result.code).toBe(1);
    expectPlainError(result.stderr, out, /a-file.*(?:a file, not a folder|ENOTDIR|EEXIST)/);
  });

  it("--out naming a file: refused, the file untouched", async () => {
    const c = freshCase();
    writeFileSync(c.out, "precious");
    const result = await runCli(["--input", c.input, "--out", c.out, "--no-cache", "--quiet"]);
    expect(result.code).toBe(1);
    expectPlainError(result.stderr, c.out, /exists and is not a folder/);
    expect(readFileSync(c.out, "utf8")).toBe("precious");
  });

  it("a read-only parent folder (EACCES, as an unprivileged user): exit 1, the previous output intact", async () => {
    const c = freshCase();
    const parent = path.join(c.root, "read-only");
    const out = path.join(parent, "out");
    expect((await run([c.input], out)).exitCode).toBe(0);
    const before = snapshotTree(out);
    edit(path.join(c.input, "Services88-User.wsdl"), (text) => replaceOnce(text, "<wsdl:portType", "<!-- changed --><wsdl:portType"));
    chmodSync(parent, 0o555);
    const result = await runUnprivileged(["--input", c.input, "--out", out, "--no-cache", "--quiet"]);
    chmodSync(parent, 0o755);
    expect(result.code).toBe(1);
    expectPlainError(result.stderr, out, /permission denied \(EACCES\)/);
    expect(snapshotTree(out)).toEqual(before);
  });

  it("a read-only folder inside --out (as an unprivileged user): exit 1 before anything is replaced, the previous output whole, nothing left beside it", async () => {
    const c = freshCase();
    mkdirSync(path.join(c.root, "open"));
    chmodSync(path.join(c.root, "open"), 0o777);
    const out = path.join(c.root, "open", "out");
    expect((await runUnprivileged(["--input", c.input, "--out", out, "--no-cache", "--quiet"])).code).toBe(0);
    const before = snapshotTree(out);
    const siblings = readdirSync(path.join(c.root, "open")).sort();
    // Both the docs and the code change; only the docs folder is read-only.
    edit(path.join(c.input, "seeds", "001_0182cecb279bd4a6.txt"), (text) => replaceOnce(text, "Login username.", "Login username, changed."));
    const docs = path.join(out, "docs", "Services88");
    chmodSync(docs, 0o555);
    const result = await runUnprivileged(["--input", c.input, "--out", out, "--no-cache", "--quiet"]);
    chmodSync(docs, 0o755);
    expect(result.code).toBe(1);
    expectPlainError(result.stderr, out, /docs\/Services88: permission denied \(EACCES\)\); the previous output is unchanged/);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(path.join(c.root, "open")).sort()).toEqual(siblings);
  });

  it("--report into a missing folder, onto a folder or over an input: refused before the output is written (exit 2)", async () => {
    const c = freshCase();
    const inputBefore = snapshotTree(c.input);
    for (const report of [path.join(c.root, "missing", "report.json"), c.root, path.join(c.input, "Services88-User.wsdl")]) {
      const result = await runCli(["--input", c.input, "--out", c.out, "--no-cache", "--quiet", "--report", report]);
      expect(result.code, report).toBe(2);
      expectPlainError(result.stderr, report, /report/);
      expect(existsSync(c.out)).toBe(false);
    }
    expect(snapshotTree(c.input)).toEqual(inputBefore);
  });

  it("--report or --cache inside the output folder: refused (exit 2), the folder left as it was and still ours", async () => {
    const c = freshCase();
    expect((await run([c.input], c.out)).exitCode).toBe(0);
    const before = snapshotTree(c.out);
    const report = path.join(c.out, "report.json");
    const reported = await runCli(["--input", c.input, "--out", c.out, "--no-cache", "--quiet", "--report", report]);
    expect(reported.code).toBe(2);
    expectPlainError(reported.stderr, report, /would be written into the output folder/);
    for (const cache of [c.out, path.join(c.out, ".cache")]) {
      const cached = await runCli(["--input", c.input, "--out", c.out, "--cache", cache, "--quiet"]);
      expect(cached.code, cache).toBe(2);
      expectPlainError(cached.stderr, cache, /is the output folder .* or lies inside it/);
    }
    expect(snapshotTree(c.out)).toEqual(before);
    expect((await runCli(["--input", c.input, "--out", c.out, "--no-cache", "--quiet", "--check"])).code).toBe(0);
  });

  it("--check of an --out that is a file: one plain error, exit 1", async () => {
    const c = freshCase();
    writeFileSync(c.out, "precious");
    const result = await runCli(["--input", c.input, "--out", c.out, "--no-cache", "--quiet", "--check"]);
    expect(result.code).toBe(1);
    expectPlainError(result.stderr, c.out, /Cannot compare the output folder .*ENOTDIR/);
    expect(readFileSync(c.out, "utf8")).toBe("precious");
  });

  it.runIf(existsSync("/dev/full"))("--report onto a full disk (ENOSPC): exit 1 with one plain line", async () => {
    const c = freshCase();
    const result = await runCli(["--input", c.input, "--out", c.out, "--no-cache", "--quiet", "--report", "/dev/full"]);
    expect(result.code).toBe(1);
    expectPlainError(result.stderr, "/dev/full", /no space is left on the device \(ENOSPC\)/);
  });

  it("an unreadable page and an unreadable sub-folder are warnings naming them; the rest is read (as an unprivileged user)", async () => {
    const c = freshCase();
    mkdirSync(path.join(c.root, "open"));
    chmodSync(path.join(c.root, "open"), 0o777);
    const out = path.join(c.root, "open", "out");
    const extra = path.join(c.input, "locked");
    mkdirSync(extra);
    writeFileSync(path.join(extra, "page.md"), "# nothing\n");
    chmodSync(extra, 0o000);
    chmodSync(path.join(c.input, "seeds", "003_ed54bfc7b7221d82.txt"), 0o000);
    const result = await runUnprivileged(["--input", c.input, "--out", out, "--no-cache"]);
    chmodSync(extra, 0o755);
    expect(result.code, result.stderr).toBe(0);
    const shown = (file: string): string => path.relative(process.cwd(), file);
    expect(result.stderr).toContain(`${shown(extra)}:0: warning: The folder cannot be read (permission denied (EACCES)); the rest of the input is read without it.`);
    expect(result.stderr).toContain(`${shown(path.join(c.input, "seeds", "003_ed54bfc7b7221d82.txt"))}:0: warning: The file cannot be read (permission denied (EACCES)); it was skipped.`);
    expect(existsSync(path.join(out, "services88", "agents", "user.ts"))).toBe(true);
  });
});

describe("a cache folder that cannot be made loses only the cache", () => {
  // Below /proc, mkdir answers ENOENT however often the parent is made: Node's recursive mkdir spun there for ever.
  const unmakeable: [string, (c: { root: string }) => string][] = [
    ["below a file", (c) => {
      writeFileSync(path.join(c.root, "a-file"), "x");
      return path.join(c.root, "a-file", "cache");
    }],
    ...(existsSync("/proc/self") ? [["below /proc", () => "/proc/superoffice-codegen-test/cache"] satisfies [string, () => string]] : []),
  ];
  for (const [name, cacheOf] of unmakeable) {
    it(`--cache ${name}: the run ends, exit 0, the output written`, async () => {
      const c = freshCase();
      const result = await runCli(["--input", c.input, "--out", c.out, "--cache", cacheOf(c), "--quiet"]);
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(path.join(c.out, "services88", "agents", "user.ts"))).toBe(true);
    });
  }
});

describe("the default cache", () => {
  it("is never the working directory's node_modules: a run from another folder writes nothing there", async () => {
    const c = freshCase();
    const result = await runToEnd(["--input", c.input, "--out", c.out, "--quiet"], { cwd: c.root });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(c.root).sort()).toEqual(["input", "out"]);
  });
});
