/**
 * The piece memo of an incremental run (pipeline.ts emit, OutputPiece.key): a keyed piece (an
 * agent's or an entity's modules) is left unmade when the last write recorded its files under the
 * same key and the sink still holds them; it is made when the sink cannot keep them or its slice
 * of the model changed. Together with incremental.test.ts (byte-identical output after edits).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverInputs } from "../../generator/discover/index.js";
import { generate } from "../../generator/index.js";
import type { OutputFiles, OutputSink } from "../../generator/output-files.js";
import { produce } from "../../generator/pipeline.js";
import type { RunShape } from "../../generator/cache/run-memo.js";
import { scratchDir } from "../support/tmp.js";
import { copyInput, snapshotTree } from "./support.js";

const shape: RunShape = { inputs: ["input"], docs: true };

async function emitted(previous: Map<string, readonly string[]> | undefined, keep: OutputSink["keep"]): Promise<{ files: OutputFiles; kept: string[][]; pieces: [string, string[]][] }> {
  const discovery = await discoverInputs(["input"]);
  const run = await produce(discovery.files, shape, false, () => undefined);
  const files: OutputFiles = new Map();
  const kept: string[][] = [];
  const sink: OutputSink = {
    put: async (piece) => void piece.forEach((content, file) => files.set(file, content)),
    keep: keep && (async (paths) => ((await keep(paths)) ? (kept.push([...paths]), true) : false)),
  };
  const result = await run.emit(sink, previous);
  return { files, kept, pieces: result.pieces };
}

describe("the piece memo", () => {
  it("records every agent's files under a key (modules, dist/ twins, docs page), the types module and page, the diffs, the model files and version modules, not the READMEs", async () => {
    const { files, pieces } = await emitted(new Map(), async () => false);
    const agentModules = [...files.keys()].filter((file) => /^services\d+\/agents\/[^/]+\.ts$/.test(file));
    expect(agentModules.length).toBeGreaterThan(0);
    const recorded = new Set(pieces.flatMap(([, paths]) => paths));
    for (const module of agentModules) {
      expect(recorded.has(module), module).toBe(true);
      expect(recorded.has(`dist/${module.replace(/\.ts$/, ".js")}`), module).toBe(true);
    }
    for (const page of ["docs/Services86/User.md", "docs/Services88/User.md"]) expect(recorded.has(page), page).toBe(true);
    // The types module and page read the version's types (the page its agents' names too): pieces of their own.
    for (const file of ["services88/types.ts", "dist/services88/types.js", "docs/Services88/types.md"]) expect(recorded.has(file), file).toBe(true);
    // A diff reads both versions but their docs.
    for (const file of ["docs/diff-Services86-Services88.md", "docs/diff-Services86-Services88.json"]) expect(recorded.has(file), file).toBe(true);
    // The model file and the clients and index, keyed by the whole version.
    for (const file of ["ir/Services88.json", "services88/index.ts", "services88/rest-client.ts", "dist/services88/index.js"]) expect(recorded.has(file), file).toBe(true);
    // The READMEs (one version's reads its diff's name too, the root all versions) are made every run.
    for (const file of ["docs/Services88/README.md", "docs/README.md"]) {
      expect(files.has(file), file).toBe(true);
      expect(recorded.has(file), file).toBe(false);
    }
  });

  it("leaves a recorded piece unmade when the sink keeps its files, and makes it when it cannot", async () => {
    const first = await emitted(new Map(), async () => false);
    const previous = new Map(first.pieces);
    const keptAll = await emitted(previous, async () => true);
    expect(keptAll.kept.length).toBe(first.pieces.length);
    for (const [, paths] of first.pieces) for (const file of paths) expect(keptAll.files.has(file), file).toBe(false);
    expect(keptAll.pieces).toEqual(first.pieces);

    const keptNone = await emitted(previous, async () => false);
    expect(keptNone.kept).toEqual([]);
    expect(keptNone.files).toEqual(first.files);
  });

  it("makes a piece whose key is not the recorded one (its slice of the model changed)", async () => {
    const first = await emitted(new Map(), async () => false);
    const [changedKey, changedFiles] = first.pieces[0];
    const previous = new Map(first.pieces.map(([key, paths]): [string, string[]] => [key === changedKey ? `${key}-stale` : key, paths]));
    const run = await emitted(previous, async () => true);
    for (const file of changedFiles) expect(run.files.get(file), file).toBe(first.files.get(file));
    expect(run.kept.length).toBe(first.pieces.length - 1);
  });

  it("computes no keys without a memo (a --no-cache run)", async () => {
    const { pieces, kept } = await emitted(undefined, async () => true);
    expect(pieces).toEqual([]);
    expect(kept).toEqual([]);
  });
});

describe("the piece memo across runs", () => {
  const scratch = scratchDir("piece-memo");
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("keeps no piece recorded under another run key, even when a --check run under the new key came between", async () => {
    const input = copyInput(path.join(scratch, "input"));
    const out = path.join(scratch, "out");
    const cache = path.join(scratch, "cache");
    expect((await generate({ inputs: [input], out, cache })).exitCode).toBe(0);
    // --no-docs changes the run key; the --check run saves the memo under it, with the folder as the docs run left it.
    expect((await generate({ inputs: [input], out, cache, docs: false, check: true })).exitCode).toBe(3);
    expect((await generate({ inputs: [input], out, cache, docs: false })).exitCode).toBe(0);
    const cold = path.join(scratch, "cold");
    expect((await generate({ inputs: [input], out: cold, cache: false, docs: false })).exitCode).toBe(0);
    expect(snapshotTree(out)).toEqual(snapshotTree(cold));
  });
});
