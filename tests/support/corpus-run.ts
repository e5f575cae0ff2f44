/**
 * vitest globalSetup: the whole corpus goes through discover → parse → model → emit once, here,
 * instead of once in every test process that needs it (a dozen files, ~20 s each). The test
 * processes load the model from JSON (buildFrom) and import the shared output folder
 * (generatedOutput); nothing in them writes to it.
 *
 * The result is kept under .vitest-tmp/, keyed by the generator's sources and templates and the
 * corpus files' names, sizes and times, so a later run (a subset of the tests, say) reuses it
 * until one of those changes.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { emitOutput } from "../../generator/emit/index.js";
import { corpusRoot, hasCorpus, repoRoot } from "../corpus.js";
import { computeRun, type SharedCorpusRun } from "./run.js";

const scratch = path.join(repoRoot, ".vitest-tmp");
const PREFIX = "corpus-run-";

export default async function setup(project: TestProject): Promise<void> {
  project.provide("corpusRun", null);
  if (!hasCorpus) return;
  const root = path.join(scratch, PREFIX + runKey());
  const shared: SharedCorpusRun = { runFile: path.join(root, "run.json"), outDir: path.join(root, "out") };
  if (!existsSync(shared.runFile)) await writeRun(root);
  project.provide("corpusRun", shared);
}

async function writeRun(root: string): Promise<void> {
  mkdirSync(scratch, { recursive: true });
  for (const name of readdirSync(scratch)) if (name.startsWith(PREFIX)) rmSync(path.join(scratch, name), { recursive: true, force: true });
  // The test processes have not started yet: both cores are free for parsing.
  const run = await computeRun([corpusRoot], { threads: 2 });
  const staging = `${root}.partial-${process.pid}`;
  for (const [file, content] of emitOutput(run.models, { docs: false })) {
    const target = path.join(staging, "out", file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  // Written last and renamed into place with its folder: a run.json is always complete.
  writeFileSync(path.join(staging, "run.json"), JSON.stringify(run));
  renameSync(staging, root);
}

/** What the shared run depends on: the generator, its templates and computeRun (content), the corpus (names, sizes, times). */
function runKey(): string {
  const hash = createHash("sha256");
  const sources = [...filesUnder(path.join(repoRoot, "generator")), ...filesUnder(path.join(repoRoot, "templates")), path.join(repoRoot, "tests/support/run.ts")];
  for (const file of sources) hash.update(`${file}\0`).update(readFileSync(file));
  for (const file of filesUnder(corpusRoot)) {
    const stat = statSync(file);
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  return hash.digest("hex").slice(0, 16);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
