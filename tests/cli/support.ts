/** Helpers for the CLI tests: main() in-process with captured output, scratch inputs, folder snapshots. */
import { chmodSync, cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, vi } from "vitest";
import { main } from "../../generator/cli.js";
import { generate, type GenerateReport } from "../../generator/index.js";
import { repoRoot } from "../corpus.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process (much faster than spawning), capturing what it prints. */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const capture = (sink: (text: string) => void) => (chunk: string | Uint8Array): boolean => {
    sink(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation(capture((text) => (stdout += text)));
  const err = vi.spyOn(process.stderr, "write").mockImplementation(capture((text) => (stderr += text)));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A writable copy of the repo's input/ (our WSDLs and the seed pages) to mutate. */
export function copyInput(target: string): string {
  cpSync(path.join(repoRoot, "input"), target, { recursive: true });
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  return target;
}

/** Every file below a folder with its bytes, keyed by relative path. */
export function snapshotTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join("/"), readFileSync(full, "latin1"));
  }
  return files;
}

/**
 * One step of an incremental test: `change` the inputs, run through `cache` into `out`, and expect
 * what a --no-cache run into a fresh folder beside it gives (exit code, diagnostics, every byte).
 * Returns the incremental run's report and `out` before and after.
 */
export async function incrementalEqualsCold(input: string, out: string, cache: string, change: () => void): Promise<{ incremental: GenerateReport; before: Map<string, string>; now: Map<string, string> }> {
  const before = snapshotTree(out);
  change();
  const incremental = await generate({ inputs: [input], out, cache });
  const coldOut = `${out}-cold`;
  try {
    const cold = await generate({ inputs: [input], out: coldOut, cache: false });
    expect(incremental.exitCode).toBe(cold.exitCode);
    expect(incremental.diagnostics).toEqual(cold.diagnostics);
    const now = snapshotTree(out);
    expect(now).toEqual(snapshotTree(coldOut));
    return { incremental, before, now };
  } finally {
    rmSync(coldOut, { recursive: true, force: true });
  }
}
