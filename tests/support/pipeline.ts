/**
 * Runs discover → parse → model in memory, once per input set and test process; the whole corpus
 * once per test run (see corpus-run.ts, vitest's globalSetup), which every test process loads.
 */
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { corpusRoot } from "../corpus.js";
import { computeRun, type InMemoryRun, type SharedCorpusRun } from "./run.js";

export type { InMemoryRun } from "./run.js";

/** The corpus run of the global set-up, or null when the corpus is absent (or a test runs outside it). */
export function sharedCorpusRun(inputs: readonly string[]): SharedCorpusRun | null {
  if (inputs.length !== 1 || inputs[0] !== corpusRoot) return null;
  try {
    return inject("corpusRun") ?? null;
  } catch {
    return null;
  }
}

const runs = new Map<string, Promise<InMemoryRun>>();

export function buildFrom(inputs: string[]): Promise<InMemoryRun> {
  const key = inputs.join("\n");
  let run = runs.get(key);
  if (!run) {
    const shared = sharedCorpusRun(inputs);
    run = shared ? Promise.resolve(JSON.parse(readFileSync(shared.runFile, "utf8")) as InMemoryRun) : computeRun(inputs);
    runs.set(key, run);
  }
  return run;
}
