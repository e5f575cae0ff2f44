/** Helpers for the CLI tests: main() in-process with captured output, scratch inputs, folder snapshots. */
import { chmodSync, cpSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { vi } from "vitest";
import { main } from "../../generator/cli.js";
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
