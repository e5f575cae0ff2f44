/**
 * Snapshot of the committed output/: every file `npm run generate` would write
 * for input/ must equal the committed one (vitest file snapshots; `vitest -u`
 * or `npm run generate` refreshes them), and nothing stale may linger.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitCompiledOutput } from "../../generator/emit/index.js";
import { OUTPUT_MARKER } from "../../generator/write/index.js";
import { repoRoot } from "../corpus.js";
import { buildFrom } from "../support/pipeline.js";

function listFiles(root: string, prefix = ""): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}

describe("output/ for input/", () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    const { models } = await buildFrom(["input"]);
    files = (await emitCompiledOutput(models, { docs: true })).files;
  });

  it("matches the committed output file by file", async () => {
    for (const [file, content] of files) await expect(content).toMatchFileSnapshot(path.join(repoRoot, "output", file));
  });

  it("carries the seed prose into both the docs and the TSDoc of services86", () => {
    const prose = ["Creates an associate of type external user.", "Login username.", "Login password.", "Returns the created associateId."];
    for (const file of ["docs/Services86/User.md", "services86/agents/user.ts"]) {
      for (const text of prose) expect(files.get(file), `${file}: ${text}`).toContain(text);
    }
    expect(files.get("services88/agents/user.ts")).toContain("Modifies an external user.");
  });

  it("writes no filler TSDoc: a @returns only where a source documents the value", () => {
    for (const [file, content] of files) {
      if (!file.endsWith(".ts")) continue;
      expect(content, file).not.toMatch(/@returns The \S+ the server returns\./);
    }
    expect(files.get("services86/agents/user.ts")).toContain("@returns Returns the created associateId.");
  });

  it("has no stale files", () => {
    const committed = listFiles(path.join(repoRoot, "output")).filter((file) => file !== OUTPUT_MARKER);
    expect(committed.sort()).toEqual([...files.keys()].sort());
  });
});
