/**
 * The compile cache (cache/compile-pack.ts): after an input changes, modules whose text did not
 * change take their compiled form from the cache, not the compilers; a damaged pack is a miss.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { scratchDir } from "../support/tmp.js";
import { copyInput, snapshotTree } from "./support.js";

const scratch = scratchDir("compile-cache");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const input = copyInput(path.join(scratch, "input"));
const cache = path.join(scratch, "cache");
const page = path.join(input, "seeds", "001_0182cecb279bd4a6.txt");

const run = (out: string, cacheDir: string | false = cache) => generate({ inputs: [input], out: path.join(scratch, out), cache: cacheDir });

/** The compile pack's shard files. */
function compilePacks(): string[] {
  const names = readdirSync(cache).filter((file) => /^compile-.*\.json$/.test(file));
  if (names.length === 0) throw new Error("no compile pack was written");
  return names.map((name) => path.join(cache, name));
}

describe("the compile cache", () => {
  it("serves unchanged modules after an input edit, and compiles the changed ones", async () => {
    expect((await run("first")).exitCode).toBe(0);
    // Mark every cached module: whatever comes back marked was not compiled again.
    for (const file of compilePacks()) {
      const pack = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, { js: string; declarations: string }> };
      for (const entry of Object.values(pack.entries)) entry.js = `// from the cache\n${entry.js}`;
      writeFileSync(file, JSON.stringify(pack));
    }
    writeFileSync(page, readFileSync(page, "utf8").replace("Creates an associate of type external user.", "Creates an external user, as the compile cache test says."));

    expect((await run("second")).exitCode).toBe(0);
    const second = snapshotTree(path.join(scratch, "second"));
    const first = snapshotTree(path.join(scratch, "first"));
    const compiled = [...second.keys()].filter((file) => file.startsWith("dist/") && file.endsWith(".js"));
    const source = (js: string): string => js.replace(/^dist\//, "").replace(/\.js$/, ".ts");
    const changed = compiled.filter((js) => second.get(source(js)) !== first.get(source(js)));
    expect(changed.length).toBeGreaterThan(0);
    for (const js of compiled) {
      expect(second.get(js)?.startsWith("// from the cache\n"), js).toBe(!changed.includes(js));
    }
    expect(second.get("dist/runtime/index.js")).toMatch(/^\/\/ from the cache\n/);
  });

  it("treats a damaged pack as a miss and compiles as without a cache", async () => {
    for (const file of compilePacks()) writeFileSync(file, "{ truncated");
    appendFileSync(page, "\nA second edit.\n");
    expect((await run("after-damage")).exitCode).toBe(0);
    expect((await run("uncached", false)).exitCode).toBe(0);
    expect(snapshotTree(path.join(scratch, "after-damage"))).toEqual(snapshotTree(path.join(scratch, "uncached")));
  });
});
