/**
 * The cache's files on their own: packs read by the shard when first asked for (store.ts openPack),
 * and the discovery memo (cache/discovery-memo.ts), whose notes stand in for reading an input and
 * which is a miss, never a crash, when its content is not what a run wrote.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDiscoveryMemo, writeDiscoveryMemo } from "../../generator/cache/discovery-memo.js";
import type { InputStamp } from "../../generator/cache/input-stamps.js";
import { openPack } from "../../generator/cache/store.js";
import { discoverInputs, type FileNote, type FoundFile } from "../../generator/discover/index.js";
import { scratchDir } from "../support/tmp.js";

const scratch = scratchDir("cache-files");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const key = (text: string): string => createHash("sha256").update(text).digest("base64url");
const isValue = (entry: Partial<{ value: number }>): boolean => typeof entry.value === "number";

describe("a pack", () => {
  const file = path.join(scratch, "pack", "test.json");
  // The pack's shards, beside the folder's cache tag.
  const shardFiles = (): string[] => (existsSync(path.dirname(file)) ? readdirSync(path.dirname(file)).filter((name) => name !== "CACHEDIR.TAG").sort() : []);

  it("spreads keys over its shards and reads only the shards asked for", async () => {
    const pack = await openPack<{ value: number }>(file, 1, isValue, 16);
    for (let n = 0; n < 200; n++) pack.set(key(String(n)), { value: n });
    await pack.save();
    expect(shardFiles()).toHaveLength(16);

    // Every shard but the one holding key("0") damaged: one read would make it a miss and then removed.
    const dir = path.dirname(file);
    const holder = shardFiles().find((name) => key("0") in (JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { entries: object }).entries);
    const others = shardFiles().filter((name) => name !== holder);
    for (const name of others) writeFileSync(path.join(dir, name), "{ damaged");
    const again = await openPack<{ value: number }>(file, 1, isValue, 16);
    expect(again.get(key("0"))).toEqual({ value: 0 });
    await again.save({ keepUnused: true });
    for (const name of others) expect(readFileSync(path.join(dir, name), "utf8"), name).toBe("{ damaged");
    // Restored for the next case.
    for (let n = 0; n < 200; n++) again.set(key(String(n)), { value: n });
    await again.save();
  });

  it("keeps exactly what the run asked for without keepUnused: unread shards are removed", async () => {
    const pack = await openPack<{ value: number }>(file, 1, isValue, 16);
    const only = key("0");
    expect(pack.get(only)).toEqual({ value: 0 });
    await pack.save();
    expect(shardFiles()).toHaveLength(1);
    const reopened = await openPack<{ value: number }>(file, 1, isValue, 16);
    expect(reopened.get(only)).toEqual({ value: 0 });
    expect(reopened.get(key("1"))).toBeUndefined();
  });

  it("misses entries of another format", async () => {
    const pack = await openPack<{ value: number }>(file, 2, isValue, 16);
    expect(pack.get(key("0"))).toBeUndefined();
  });
});

describe("the discovery memo", () => {
  const root = path.join(scratch, "inputs");
  mkdirSync(root, { recursive: true });
  const page = path.join(root, "page.md");
  writeFileSync(page, "# Not what the note says\n");
  const cache = path.join(scratch, "memo-cache");
  const stamp = (hash: string): InputStamp => [page, 1, 1, 1, 1, hash];
  const remembered = (files: readonly FoundFile[]) => files.map((file) => ("parseKey" in file ? file.parseKey : undefined));

  it("stands in for reading a file: its note gives the file, however the file reads now", async () => {
    const note: FileNote = { warnings: [{ line: 3, code: "input.test", message: "Noted last time." }], remembered: [{ kind: "rest-page", parseKey: "noted-key" }] };
    const discovery = await discoverInputs([root], new Map([[page, note]]));
    expect(remembered(discovery.files)).toEqual(["noted-key"]);
    expect(discovery.diagnostics.map((diagnostic) => diagnostic.message)).toEqual(["Noted last time."]);
  });

  it("round-trips what a run wrote, for the same hash only", async () => {
    const found: FoundFile[] = [{ path: "page.md", source: "inputs/page.md", kind: "rest-page", parseKey: "k1", input: page }];
    await writeDiscoveryMemo(cache, [root], new Map([[page, { hash: "h1", warnings: [] }]]), found, ["k1"]);
    expect((await readDiscoveryMemo(cache, [root], [stamp("h1")])).get(page)?.remembered).toEqual([{ kind: "rest-page", parseKey: "k1" }]);
    expect((await readDiscoveryMemo(cache, [root], [stamp("h2")])).size).toBe(0);
  });

  it("is a miss where an entry's warnings or files are not what a run writes", async () => {
    const memoFile = readdirSync(cache).find((name) => name.startsWith("discover-"));
    if (!memoFile) throw new Error("no discovery memo was written");
    const written = JSON.parse(readFileSync(path.join(cache, memoFile), "utf8")) as { files: Record<string, unknown[]> };
    for (const damaged of [["h1", [null], []], ["h1", [], [5]], ["h1", [], [["no-such-kind", "k1"]]], ["h1", [], [["rest-page", 7]]], ["h1", [{ line: "3" }], []]]) {
      written.files[page] = damaged;
      writeFileSync(path.join(cache, memoFile), JSON.stringify(written));
      expect((await readDiscoveryMemo(cache, [root], [stamp("h1")])).size, JSON.stringify(damaged)).toBe(0);
    }
  });
});
