/**
 * An `--out` that is a file system of its own (a mount point, a container volume): the staging
 * folder beside it is on the parent's, so no rename from it into `--out` can succeed (EXDEV). A
 * real mount needs privileges this test may not have, so `rename` of node:fs/promises fails as
 * the kernel would for every move from a staging folder into the case's output folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { copyInput, runCli, snapshotTree } from "./support.js";

const mount = vi.hoisted(() => ({ out: "", refused: 0 }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const rename = (async (from: string, to: string) => {
    if (mount.out !== "" && from.includes(".staging-") && to.startsWith(`${mount.out}${path.sep}`)) {
      mount.refused++;
      throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: "EXDEV", errno: -18, syscall: "rename", path: from, dest: to });
    }
    return actual.rename(from, to);
  }) as typeof actual.rename;
  return { ...actual, rename, default: { ...actual, rename } };
});

const scratch = mkdtempSync(path.join(tmpdir(), "so-other-fs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("--out on a file system of its own (EXDEV)", () => {
  it("is updated all the same, file by file, as a fresh run writes it; nothing is left beside it or in it", async () => {
    const root = path.join(scratch, "case");
    mkdirSync(root);
    const input = copyInput(path.join(root, "input"));
    const out = path.join(root, "out");
    expect((await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"])).code).toBe(0);
    const page = path.join(input, "seeds", "001_0182cecb279bd4a6.txt");
    writeFileSync(page, readFileSync(page, "utf8").replace("Login username.", "Login username, changed."));

    mount.out = out;
    const result = await runCli(["--input", input, "--out", out, "--no-cache", "--quiet"]);
    mount.out = "";

    expect(result.code, result.stderr).toBe(0);
    expect(mount.refused).toBeGreaterThan(0);
    const fresh = path.join(root, "fresh");
    expect((await runCli(["--input", input, "--out", fresh, "--no-cache", "--quiet"])).code).toBe(0);
    expect(snapshotTree(out)).toEqual(snapshotTree(fresh));
    expect(readdirSync(root).sort()).toEqual(["fresh", "input", "out"]);
  });
});
