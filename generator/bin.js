#!/usr/bin/env node
// `npm run generate` in this repository (the published command is dist/generator/main.js, compiled from
// generator/main.ts). The generator is TypeScript: this launcher bundles its sources once with
// esbuild (a dev tool here, installed with tsx) into node_modules/.cache, keyed by
// the generator's sources, so a run loads one plain JavaScript file instead of starting tsx's
// loader (about a tenth of a cold run). Where no bundle can be made, or SUPEROFFICE_CODEGEN_NO_BUNDLE
// is set (stack traces in the TypeScript sources, for debugging), tsx runs the sources.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const generatorDir = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.join(generatorDir, "..", "node_modules", ".cache", "superoffice-codegen");
/** How long a bundle of earlier sources is kept: a run started from it loads its chunks lazily. */
const BUNDLE_LIFETIME_MS = 60 * 60 * 1000;

const cli = await loadCli();
cli.runAsProcess(process.argv.slice(2));

async function loadCli() {
  try {
    if (process.env.SUPEROFFICE_CODEGEN_NO_BUNDLE) throw new Error("bundle not wanted");
    const bundle = bundleOfSources();
    // The parse pool (parse/pool.ts) starts its worker threads from this bundle: no tsx to boot in each.
    process.env.SUPEROFFICE_CODEGEN_PARSE_WORKER = bundle.worker;
    return await import(pathToFileURL(bundle.cli).href);
  } catch {
    const { register } = await import("tsx/esm/api");
    register();
    return import("./cli.ts");
  }
}

/**
 * The bundles (the command's and its parse worker's) for the current sources, in one folder, built
 * when missing; throws when esbuild cannot make them. Split into chunks: what index.ts imports
 * dynamically (the parse → model → emit pipeline and its libraries) is loaded only by a run that
 * builds, not by a warm one. The libraries are bundled too (remark and micromark are some hundred
 * small ES modules, Handlebars some dozens of CommonJS files: resolving and loading them one by
 * one cost a run that parses ~0.3 s of its thread, and each parse worker the same), all but
 * oxc-transform, whose native binary is loaded from node_modules.
 */
function bundleOfSources() {
  const require = createRequire(import.meta.url);
  // esbuild itself (~10 ms to load) only when a bundle is to be made: its version is in its manifest.
  const { version } = JSON.parse(readFileSync(require.resolve("esbuild/package.json"), "utf8"));
  // The bundle holds this folder's absolute path (paths.ts, below): a moved checkout, or another one
  // sharing node_modules, must not load a bundle whose paths point elsewhere.
  const hash = createHash("sha256").update(version).update(`\0${generatorDir}\0`).update(readFileSync(fileURLToPath(import.meta.url)));
  // The libraries are inside the bundle: installing other versions of them makes another one.
  hash.update(`\0${readOrMissing(path.join(generatorDir, "..", "node_modules", ".package-lock.json"))}\0`);
  for (const file of typeScriptFiles(generatorDir)) hash.update(`${path.relative(generatorDir, file)}\0`).update(readFileSync(file));
  const name = `cli-${hash.digest("base64url").slice(0, 20)}`;
  const folder = path.join(cacheDir, name);
  const bundle = { cli: path.join(folder, "cli.mjs"), worker: path.join(folder, "worker.mjs") };
  if (existsSync(bundle.cli)) return bundle;

  const staging = `${folder}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  require("esbuild").buildSync({
    entryPoints: { cli: path.join(generatorDir, "cli.ts"), worker: path.join(generatorDir, "parse", "worker.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: ["oxc-transform"],
    // CommonJS libraries inside an ES module bundle require Node's built-ins through this.
    banner: { js: 'import { createRequire as createBundleRequire } from "node:module"; const require = createBundleRequire(import.meta.url);' },
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    logLevel: "silent",
    // paths.ts is where every file path comes from: the bundle must see its real location.
    define: { "import.meta.url": JSON.stringify(pathToFileURL(path.join(generatorDir, "paths.ts")).href) },
  });
  // Bundles of earlier sources, once no run of them can still be loading its chunks.
  for (const old of readdirSync(cacheDir)) {
    const full = path.join(cacheDir, old);
    if (/^cli-[\w-]+(?:\.mjs|\.\d+\.tmp)?$/.test(old) && old !== name && statSync(full).mtimeMs < Date.now() - BUNDLE_LIFETIME_MS) rmSync(full, { recursive: true, force: true });
  }
  try {
    renameSync(staging, folder);
  } catch {
    // Another run put the same bundle in place first.
    rmSync(staging, { recursive: true, force: true });
  }
  return bundle;
}

function readOrMissing(file) {
  try {
    return readFileSync(file);
  } catch {
    return "(missing)";
  }
}

function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
