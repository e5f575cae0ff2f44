/** Helpers of the hostile generator tests: scratch copies of input/, runs, folder snapshots, captured CLI output. */
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { vi } from "vitest";
import { main } from "../../generator/cli.js";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { generate, type GenerateOptions, type GenerateReport } from "../../generator/index.js";
import { repoRoot } from "../corpus.js";

/** A writable copy of the repo's input/ (our two WSDLs and the five seeds). */
export function copyInput(target: string): string {
  cpSync(path.join(repoRoot, "input"), target, { recursive: true });
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  return target;
}

/** generate() without the cache (the hostile inputs must not land in, or come from, the shared cache). */
export function run(inputs: string[], out: string, options: Partial<GenerateOptions> = {}): Promise<GenerateReport> {
  return generate({ inputs, out, cache: false, ...options });
}

/** Every file below a folder with its bytes, keyed by relative path. */
export function snapshotTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(root)) return files;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join("/"), readFileSync(full, "latin1"));
  }
  return files;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** main() in this process with stdout/stderr captured (and console spied: the generator logs nothing). */
export async function runCli(args: string[]): Promise<CliRun & { console: string }> {
  let stdout = "";
  let stderr = "";
  let logged = "";
  const capture = (sink: (text: string) => void) => (chunk: string | Uint8Array): boolean => {
    sink(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation(capture((text) => (stdout += text)));
  const err = vi.spyOn(process.stderr, "write").mockImplementation(capture((text) => (stderr += text)));
  const consoles = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level).mockImplementation((...items: unknown[]) => void (logged += `${items.join(" ")}\n`)));
  try {
    return { code: await main(args), stdout, stderr, console: logged };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const spy of consoles) spy.mockRestore();
  }
}

/** 1-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, at).split("\n").length;
}

export function edit(file: string, change: (text: string) => string): string {
  const before = readFileSync(file, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(file, after);
  return after;
}

export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  return text.replace(from, to);
}

/** The diagnostics a test is about: `model.undocumented-operation` (every op of our inputs without pages) and `rest.stray-response-body` (seed 002) are always there. */
export function notable(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code !== "model.undocumented-operation" && d.code !== "rest.stray-response-body");
}

/** `path:line: severity: code` per diagnostic, paths relative to `root`. */
export function summary(diagnostics: readonly Diagnostic[], root: string): string[] {
  const prefix = path.relative(process.cwd(), root).split(path.sep).join("/");
  return diagnostics.map((d) => `${d.path.startsWith(`${prefix}/`) ? d.path.slice(prefix.length + 1) : d.path}:${d.line}: ${d.severity}: ${d.code}`);
}
