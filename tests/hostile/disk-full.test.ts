/**
 * A disk that fills up while `--out` is being written (ENOSPC): one plain diagnostic naming the
 * file, exit 1, the previous output intact and no staging folder left behind. A real full disk
 * needs a mount this test cannot make, so `writeFile` of node:fs fails for the files
 * below the case folder after the first few, as the kernel would.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { copyInput, runCli, snapshotTree } from "./support.js";

const disk = vi.hoisted(() => ({ fullBelow: "", writesLeft: 0 }));

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  // The writer stages files with the callback form (write/index.ts writeStaged).
  const writeFile = ((file: unknown, ...rest: unknown[]) => {
    if (disk.fullBelow !== "" && typeof file === "string" && file.startsWith(disk.fullBelow) && disk.writesLeft-- <= 0) {
      const callback = rest[rest.length - 1] as (error: Error) => void;
      process.nextTick(callback, Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: "ENOSPC", errno: -28, syscall: "write", path: file }));
      return;
    }
    (actual.writeFile as (...args: unknown[]) => void)(file, ...rest);
  }) as typeof actual.writeFile;
  return { ...actual, writeFile, default: { ...actual, writeFile } };
});

const scratch = mkdtempSync(path.join(tmpdir(), "so-disk-full-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("ENOSPC while the output is written", () => {
  it("is one plain line naming a file, exit 1; the previous output stays whole and nothing is left beside it", async () => {
    const root = path.join(scratch, "case");
    mkdirSync(root);
    const input = copyInput(path.join(root, "input"));
    const out = path.join(root, "out");
    expect((await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"])).code).toBe(0);
    const before = snapshotTree(out);
    const siblingsBefore = readdirSync(root).sort();
    const page = path.join(input, "seeds", "001_0182cecb279bd4a6.txt");
    writeFileSync(page, readFileSync(page, "utf8").replace("Login username.", "Login username, changed."));

    disk.fullBelow = root;
    disk.writesLeft = 5;
    const result = await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    disk.fullBelow = "";

    expect(result.code, result.stderr).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines.some((line) => /^.+:0: error: .*no space is left on the device \(ENOSPC\)/.test(line)), result.stderr).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(siblingsBefore);
    expect((await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"])).code).toBe(0);
    expect(snapshotTree(out)).not.toEqual(before);
  });
});
