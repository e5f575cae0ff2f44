/**
 * The config file: what a build that runs the generator on every change writes down once.
 * Found in the working folder as `superoffice-codegen.config.mjs` (default export, typed through
 * defineConfig), `superoffice-codegen.config.json`, or the `"superoffice-codegen"` key of
 * package.json; `--config FILE` names one. Paths in it are relative to the file's folder.
 * Command-line flags override what it says (cli.ts).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { messageOf } from "./util/errors.js";

export interface Config {
  /** Folders or files to read (default ["input"]). */
  inputs?: string[];
  /** Output folder (default "output"). */
  out?: string;
  /** Only these versions ("86", "Services88"). */
  versions?: string[];
  /** Only these agents ("User"). */
  agents?: string[];
  /** Warnings fail the run. */
  strict?: boolean;
  /** Emit the markdown docs (default true). */
  docs?: boolean;
  /** The generated package's name, version, description and license. */
  package?: Partial<PackageIdentity>;
}

/** What a user may set about the generated package (config file `package`, or `--package-*` flags); defaults: emit/package/package.ts. */
export interface PackageIdentity {
  name: string;
  version: string;
  description: string;
  license: string;
}

/** Types a config file: `export default defineConfig({ inputs: ["docs"], out: "clients" })`. */
export function defineConfig(config: Config): Config {
  return config;
}

/** A config that cannot be used; `file` is where it came from. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export const CONFIG_FILES = ["superoffice-codegen.config.mjs", "superoffice-codegen.config.json"] as const;
const PACKAGE_KEY = "superoffice-codegen";

export interface LoadedConfig {
  config: Config;
  /** The file it came from (shown in messages). */
  file: string;
}

/** The config named by `explicit`, or the one in `cwd`; undefined when there is none. */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig | undefined> {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    return { config: await readConfigFile(file, path.basename(file) === "package.json"), file: explicit };
  }
  const found: LoadedConfig[] = [];
  for (const name of CONFIG_FILES) {
    const text = await readFile(path.join(cwd, name), "utf8").catch(() => undefined);
    if (text !== undefined) found.push({ config: await readConfigFile(path.join(cwd, name), false), file: name });
  }
  const manifest = await readFile(path.join(cwd, "package.json"), "utf8").catch(() => undefined);
  if (manifest !== undefined && hasPackageKey(manifest)) found.push({ config: await readConfigFile(path.join(cwd, "package.json"), true), file: "package.json" });
  if (found.length > 1) throw new ConfigError(found[1].file, `Both ${found.map((item) => item.file).join(" and ")} configure superoffice-codegen; keep one.`);
  return found[0];
}

function hasPackageKey(manifest: string): boolean {
  try {
    const value = parseJsonFile(manifest);
    return typeof value === "object" && value !== null && PACKAGE_KEY in value;
  } catch {
    return false;
  }
}

/** A JSON file's value; a leading byte order mark is allowed, as npm allows it in package.json and the inputs may carry one. */
function parseJsonFile(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ""));
}

async function readConfigFile(file: string, fromPackageJson: boolean): Promise<Config> {
  const shown = path.basename(file);
  let value: unknown;
  try {
    if (file.endsWith(".mjs") || file.endsWith(".js")) {
      value = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    } else {
      value = parseJsonFile(await readFile(file, "utf8"));
      if (fromPackageJson) value = (value as Record<string, unknown> | null)?.[PACKAGE_KEY];
    }
  } catch (error) {
    throw new ConfigError(shown, `The config cannot be read: ${messageOf(error)}`);
  }
  return resolvePaths(checkConfig(value, shown), path.dirname(file));
}

const STRING_LISTS = ["inputs", "versions", "agents"] as const;
const BOOLEANS = ["strict", "docs"] as const;
const IDENTITY_FIELDS = ["name", "version", "description", "license"] as const;

/** The config if it has the right shape; else a ConfigError naming the first wrong field. */
function checkConfig(value: unknown, file: string): Config {
  const fail = (message: string): never => {
    throw new ConfigError(file, message);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("The config must be an object (in an .mjs file: its default export).");
  const record = value as Record<string, unknown>;
  const known: readonly string[] = [...STRING_LISTS, ...BOOLEANS, "out", "package"];
  for (const key of Object.keys(record)) if (!known.includes(key)) fail(`Unknown config field "${key}"; the fields are ${known.join(", ")}.`);
  for (const key of STRING_LISTS) {
    const list = record[key];
    if (list !== undefined && (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === "string" && item.trim() !== ""))) fail(`"${key}" must be a non-empty list of names.`);
  }
  for (const key of BOOLEANS) if (record[key] !== undefined && typeof record[key] !== "boolean") fail(`"${key}" must be true or false.`);
  if (record.out !== undefined && (typeof record.out !== "string" || record.out === "")) fail(`"out" must be a folder path.`);
  const identity = record.package;
  if (identity !== undefined) {
    if (typeof identity !== "object" || identity === null || Array.isArray(identity)) return fail(`"package" must be an object with ${IDENTITY_FIELDS.join(", ")}.`);
    for (const [key, field] of Object.entries(identity)) {
      if (!(IDENTITY_FIELDS as readonly string[]).includes(key)) fail(`Unknown field "package.${key}"; the fields are ${IDENTITY_FIELDS.join(", ")}.`);
      if (typeof field !== "string") fail(`"package.${key}" must be a string.`);
    }
    for (const problem of identityProblems(identity as Partial<PackageIdentity>)) fail(problem);
  }
  return record as Config;
}

function resolvePaths(config: Config, dir: string): Config {
  return {
    ...config,
    inputs: config.inputs?.map((input) => path.relative(process.cwd(), path.resolve(dir, input)) || "."),
    out: config.out === undefined ? undefined : path.relative(process.cwd(), path.resolve(dir, config.out)) || ".",
  };
}

/** npm's rules for a package name (lower case, URL-safe, optional scope) and a semver version. */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Why a package identity cannot be published as it is; empty when it can. */
export function identityProblems(identity: Partial<PackageIdentity>): string[] {
  const problems: string[] = [];
  if (identity.name !== undefined && (identity.name.length > 214 || !PACKAGE_NAME.test(identity.name))) problems.push(`The package name "${identity.name}" is not a valid npm name (lower case, URL-safe characters, optionally @scope/name).`);
  if (identity.version !== undefined && !SEMVER.test(identity.version)) problems.push(`The package version "${identity.version}" is not a semantic version such as 1.2.3.`);
  if (identity.license !== undefined && identity.license.trim() === "") problems.push("The package license must not be empty (an SPDX expression, or UNLICENSED).");
  return problems;
}
