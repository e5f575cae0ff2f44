/**
 * Packages as another repository gets them: `npm pack` of a folder, and a fresh project that
 * installs tarballs with `npm ci --offline`. No registry is asked: the project's lockfile is
 * written here, every dependency pinned with the version and integrity this repository's lockfile
 * gives it, so npm takes each from its cache, where this repository's own `npm ci` put it.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../corpus.js";

export interface Packed {
  tarball: string;
  /** Paths inside the package, as `npm pack` lists them. */
  files: string[];
  manifest: { name: string; version: string; dependencies?: Record<string, string>; bin?: Record<string, string>; engines?: Record<string, string> };
}

/** Asynchronous on purpose: a test worker that blocks for a minute loses its line to vitest. */
const run = promisify(execFile);

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: "false" } });
  return stdout;
}

/** Plain node (or a script of a package, such as tsc) in `cwd`, without a shell; its exit status and output. */
export async function runNode(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof failed.code === "number" ? failed.code : 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** `npm pack` of `folder` (running its prepack) into `destination`. */
export async function pack(folder: string, destination: string): Promise<Packed> {
  mkdirSync(destination, { recursive: true });
  const [result] = JSON.parse(await npm(["pack", "--json", "--pack-destination", destination], folder)) as { filename: string; files: { path: string }[] }[];
  const manifest = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as Packed["manifest"];
  return { tarball: path.join(destination, result.filename), files: result.files.map((file) => file.path), manifest };
}

interface LockEntry {
  version?: string;
  dev?: boolean;
  [field: string]: unknown;
}

/** Every package this repository installs at run time (not only for development), as its lockfile pins them. */
function runtimeEntries(): Record<string, LockEntry> {
  const lock = JSON.parse(readFileSync(path.join(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  return Object.fromEntries(Object.entries(lock.packages).filter(([key, entry]) => key !== "" && entry.dev !== true));
}

/**
 * A new project in `dir` with `packages` installed from their tarballs, offline. Dependencies of
 * the tarballs must be runtime dependencies of this repository (they are: the generator's own).
 */
export async function installOffline(dir: string, packages: readonly Packed[], manifest: Record<string, unknown> = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const dependencies = Object.fromEntries(packages.map((item) => [item.manifest.name, `file:${path.relative(dir, item.tarball)}`]));
  const entries: Record<string, unknown> = packages.some((item) => Object.keys(item.manifest.dependencies ?? {}).length) ? runtimeEntries() : {};
  for (const item of packages) {
    entries[`node_modules/${item.manifest.name}`] = {
      version: item.manifest.version,
      resolved: dependencies[item.manifest.name],
      integrity: `sha512-${createHash("sha512").update(readFileSync(item.tarball)).digest("base64")}`,
      ...(item.manifest.dependencies ? { dependencies: item.manifest.dependencies } : {}),
      ...(item.manifest.bin ? { bin: item.manifest.bin } : {}),
      ...(item.manifest.engines ? { engines: item.manifest.engines } : {}),
    };
  }
  const name = path.basename(dir).toLowerCase().replace(/[^a-z0-9-]/g, "-");
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name, version: "1.0.0", private: true, type: "module", ...manifest, dependencies }, null, 2)}\n`);
  const lock = { name, version: "1.0.0", lockfileVersion: 3, requires: true, packages: { "": { name, version: "1.0.0", dependencies }, ...entries } };
  writeFileSync(path.join(dir, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
  // --ignore-scripts: nothing installed here needs its install script (esbuild finds its binary without it).
  await npm(["ci", "--offline", "--ignore-scripts"], dir);
}

/** Plain node running `args` in `cwd`: what it prints, or a rejection with its stderr. */
export async function nodeOutput(args: string[], cwd: string): Promise<string> {
  const result = await runNode(args, cwd);
  if (result.status !== 0) throw new Error(`node exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}
