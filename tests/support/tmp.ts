/** Scratch folders inside the repo (git-ignored), so generated code resolves fast-xml-parser from node_modules. */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../corpus.js";

export function scratchDir(name: string): string {
  const dir = path.join(repoRoot, ".vitest-tmp", `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  return dir;
}
