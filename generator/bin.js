#!/usr/bin/env node
// `npm run generate` in this repository (the published command is dist/generator/main.js, compiled from
// generator/main.ts). The generator is TypeScript: this launcher bundles its sources once with
// esbuild (a dev tool here, installed with tsx) into node_modules/.cache, keyed by
// the generator's sources, so a run loads one plain JavaScript file instead of starting tsx's
// loader (about a tenth of a cold run). Where no bundle can be made, or SUPEROFFICE_CODEGEN_NO_BUNDLE
// is set (stack traces in the TypeScript sources, for debugging), tsx runs the sources.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const generatorDir = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.join(generatorDir, "..", "node_modules", ".cache", "superoffice-codegen");

const cli = await loadCli();
cli.runAsProcess(process.argv.slice(2));

async function loadCli() {
  try {
    if (process.env.SUPEROFFICE_CODEGEN_NO_BUNDLE) throw new Error("bundle not wanted");
    const bundle = bundleOfSources();
    // The parse pool (parse/pool.ts) starts its worker threads from the worker's bundle: no tsx to boot in each.
    process.env.SUPEROFFICE_CODEGEN_PARSE_WORKER = bundle.worker;
    return await import(pathToFileURL(bundle.cli).href);
  } catch {
    const { register } = await import("tsx/esm/api");
    register();
    return import("./cli.ts");
  }
}

/** The bundles (the command's and the parse worker's) for the current sources, built when missing; throws when esbuild cannot make them. */
function bundleOfSources() {
  const esbuild = createRequire(import.meta.url)("esbuild");
  const hash = createHash("sha256").update(esbuild.version);
  for (const file of typeScriptFiles(generatorDir)) hash.update(`${path.relative(generatorDir, file)}\0`).update(readFileSync(file));
  const key = hash.digest("base64url").slice(0, 20);
  const bundle = { cli: path.join(cacheDir, `cli-${key}.mjs`), worker: path.join(cacheDir, `worker-${key}.mjs`) };
  if (existsSync(bundle.cli) && existsSync(bundle.worker)) return bundle;

  const result = esbuild.buildSync({
    entryPoints: { [`cli-${key}`]: path.join(generatorDir, "cli.ts"), [`worker-${key}`]: path.join(generatorDir, "parse", "worker.ts") },
    outdir: cacheDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "silent",
    // paths.ts is where every file path comes from: the bundle must see its real location.
    define: { "import.meta.url": JSON.stringify(pathToFileURL(path.join(generatorDir, "paths.ts")).href) },
  });
  mkdirSync(cacheDir, { recursive: true });
  // Bundles of earlier sources; a concurrent run of these sources may be writing these.
  for (const old of readdirSync(cacheDir)) if (/^(?:cli|worker)-.*\.mjs$/.test(old) && !old.includes(key)) rmSync(path.join(cacheDir, old), { force: true });
  // The worker first, so a cli bundle on disk always has its worker beside it.
  for (const file of [bundle.worker, bundle.cli]) {
    const output = result.outputFiles.find((candidate) => candidate.path === file);
    if (!output) throw new Error(`esbuild wrote no ${file}`);
    const staging = `${file}.${process.pid}.tmp`;
    writeFileSync(staging, output.text);
    renameSync(staging, file);
  }
  return bundle;
}

function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
