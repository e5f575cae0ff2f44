#!/usr/bin/env node
// `npm run generate` in this repository (the published command is dist/generator/main.js, compiled from
// generator/main.ts). The generator is TypeScript: this launcher bundles its sources once with
// esbuild (a dev tool here, installed with tsx) into node_modules/.cache, keyed by
// the generator's sources, so a run loads one plain JavaScript file instead of starting tsx's
// loader (about a tenth of a cold run). Where no bundle can be made, or SUPEROFFICE_CODEGEN_NO_BUNDLE
// is set (stack traces in the TypeScript sources, for debugging), tsx runs the sources.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const generatorDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(generatorDir);
const templatesDir = path.join(repoRoot, "templates");
const cacheDir = path.join(repoRoot, "node_modules", ".cache", "superoffice-codegen");
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
  // The generator imports runtime modules of the templates (their descriptor types) too.
  for (const dir of [generatorDir, templatesDir]) for (const file of typeScriptFiles(dir)) hash.update(`${path.relative(repoRoot, file)}\0`).update(readFileSync(file));
  const sourceKey = hash.digest("base64url").slice(0, 20);
  // The libraries the last bundle of these sources took in, each file's size and mtime: any other
  // install (another version, a link, a patch) names another bundle.
  const librariesFile = path.join(cacheDir, `cli-${sourceKey}.libraries.json`);
  const libraries = readLibraries(librariesFile);
  const bundleIn = (folder) => ({ cli: path.join(folder, "cli.mjs"), worker: path.join(folder, "worker.mjs") });
  if (libraries) {
    const bundle = bundleIn(path.join(cacheDir, `cli-${sourceKey}-${librariesKey(libraries)}`));
    if (existsSync(bundle.cli)) return bundle;
  }

  const staging = path.join(cacheDir, `cli-${sourceKey}.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  const { metafile } = require("esbuild").buildSync({
    entryPoints: { cli: path.join(generatorDir, "cli.ts"), worker: path.join(generatorDir, "parse", "worker.ts") },
    absWorkingDir: repoRoot,
    metafile: true,
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
    // paths.ts is where every file path comes from: the bundle must see its real location. (No
    // bundled library reads import.meta.url; one that did would get paths.ts's too.)
    define: { "import.meta.url": JSON.stringify(pathToFileURL(path.join(generatorDir, "paths.ts")).href) },
  });
  const taken = Object.keys(metafile.inputs).filter((input) => input.split("/").includes("node_modules")).sort();
  const name = `cli-${sourceKey}-${librariesKey(taken)}`;
  const folder = path.join(cacheDir, name);
  // Bundles of earlier sources, once no run of them can still be loading its chunks.
  for (const old of readdirSync(cacheDir)) {
    const full = path.join(cacheDir, old);
    if (/^cli-[\w-]+(?:\.mjs|\.\d+\.tmp|\.libraries\.json)?$/.test(old) && old !== name && full !== librariesFile && statSync(full).mtimeMs < Date.now() - BUNDLE_LIFETIME_MS) rmSync(full, { recursive: true, force: true });
  }
  try {
    renameSync(staging, folder);
  } catch {
    // Another run put the same bundle in place first.
    rmSync(staging, { recursive: true, force: true });
  }
  writeFileSync(librariesFile, `${JSON.stringify(taken)}\n`);
  return bundleIn(folder);
}

/** The library files a bundle took in (paths relative to the repository), or undefined when unknown. */
function readLibraries(file) {
  try {
    const list = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(list) && list.every((entry) => typeof entry === "string") ? list : undefined;
  } catch {
    return undefined;
  }
}

/** A key of the library files as installed now: their paths, sizes and mtimes (a stat each, ~350 of them, a few ms). */
function librariesKey(files) {
  const hash = createHash("sha256");
  for (const file of files) {
    let stamp = "missing";
    try {
      const { size, mtimeMs } = statSync(path.join(repoRoot, file));
      stamp = `${size}\0${mtimeMs}`;
    } catch {
      // A library removed since: another key.
    }
    hash.update(`${file}\0${stamp}\n`);
  }
  return hash.digest("base64url").slice(0, 12);
}

function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
