/** The generator as a child process (through its launcher, as users run it), optionally as an unprivileged user. */
import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../corpus.js";

export const LAUNCHER = path.join(repoRoot, "generator", "bin.js");

/** Tests run as root in CI, where permissions do not bind: such runs drop to `nobody`. */
export const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function launch(args: string[], options: SpawnOptions = {}): { child: ReturnType<typeof spawn>; finished: Promise<Finished> } {
  const child = spawn(process.execPath, [LAUNCHER, ...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, finished };
}

export function runToEnd(args: string[], options: SpawnOptions = {}): Promise<Finished> {
  return launch(args, options).finished;
}

/** As `nobody` when the tests run as root, so a read-only folder or an unreadable file really is one. */
export function runUnprivileged(args: string[]): Promise<Finished> {
  return runToEnd(args, { ...NOBODY, env: { ...process.env, HOME: "/tmp" } });
}
