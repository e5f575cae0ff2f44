/**
 * The cache: a warm run gives the cold run's output byte for byte, a changed page costs exactly
 * one parse and its new text reaches the model, anything unreadable in the cache is a miss,
 * --no-cache neither reads nor writes, and the source key follows the code.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sourceKey, scopeName } from "../../generator/cache/store.js";
import { generate, type GenerateReport } from "../../generator/index.js";
import { DEFAULT_CACHE_DIR } from "../../generator/parse/cache.js";
import { repoRoot } from "../corpus.js";
import { scratchDir } from "../support/tmp.js";
import { copyInput, runCli, snapshotTree } from "./support.js";

const scratch = scratchDir("cache");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const input = copyInput(path.join(scratch, "input"));
const cache = path.join(scratch, "cache");
const inputFiles = 7;
/** The Services86 CreateExternalUser SOAP page; its description becomes the operation's doc. */
const page = path.join(input, "seeds", "001_0182cecb279bd4a6.txt");

function run(out: string, cacheDir: string | false = cache): Promise<GenerateReport> {
  return generate({ inputs: [input], out: path.join(scratch, out), cache: cacheDir });
}

/** Every file's mtime below a folder, by relative path. */
function mtimes(root: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(path.relative(root, path.join(entry.parentPath, entry.name)), statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return found;
}

function operationDoc(out: string, version: string, agent: string, operation: string): string {
  const model = JSON.parse(readFileSync(path.join(scratch, out, "ir", `${version}.json`), "utf8")) as { agents: { name: string; operations: { name: string; doc: string }[] }[] };
  const found = model.agents.find((a) => a.name === agent)?.operations.find((o) => o.name === operation);
  if (!found) throw new Error(`${version} ${agent}.${operation} is not in the model`);
  return found.doc;
}

describe("warm and cold runs", () => {
  it("a warm run on the same --out reuses the cold run and touches nothing; into another --out it builds from the parse cache", async () => {
    const cold = await run("cold");
    expect(cold.exitCode).toBe(0);
    expect(cold.cache).toEqual({ reused: false, cached: 0, parsed: inputFiles });
    const before = mtimes(path.join(scratch, "cold"));
    const warm = await run("cold");
    expect(warm.cache).toEqual({ reused: true, cached: inputFiles, parsed: 0 });
    expect(warm.written).toBe(false);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    expect(warm.versions).toEqual(cold.versions);
    expect(warm.files).toBe(cold.files);
    expect(mtimes(path.join(scratch, "cold"))).toEqual(before);
    const elsewhere = await run("warm");
    expect(elsewhere.cache).toEqual({ reused: false, cached: inputFiles, parsed: 0 });
    expect(elsewhere.diagnostics).toEqual(cold.diagnostics);
    expect(snapshotTree(path.join(scratch, "warm"))).toEqual(snapshotTree(path.join(scratch, "cold")));
  });

  it("a touched input whose bytes did not change is still a warm run; an output file changed by hand is restored", async () => {
    const seeds = path.join(input, "seeds");
    const touched = path.join(seeds, readdirSync(seeds).sort()[0]);
    expect((await run("touched")).written).toBe(true);
    writeFileSync(touched, readFileSync(touched));
    expect((await run("touched")).cache.reused).toBe(true);
    const readme = path.join(scratch, "touched", "README.md");
    const text = readFileSync(readme, "utf8");
    writeFileSync(readme, `${text}changed by hand\n`);
    const repaired = await run("touched");
    expect(repaired.cache.reused).toBe(false);
    expect(repaired.written).toBe(true);
    expect(readFileSync(readme, "utf8")).toBe(text);
  });

  it("without the run memo, every parse result comes from the parse cache, and the output is still identical", async () => {
    for (const file of readdirSync(cache).filter((name) => name.startsWith("run-"))) rmSync(path.join(cache, file));
    const fromParseCache = await run("from-parse-cache");
    expect(fromParseCache.cache).toEqual({ reused: false, cached: inputFiles, parsed: 0 });
    expect(snapshotTree(path.join(scratch, "from-parse-cache"))).toEqual(snapshotTree(path.join(scratch, "cold")));
  });

  it("changing one page parses exactly that page again, and its new text reaches the model", async () => {
    const before = operationDoc("cold", "Services86", "User", "CreateExternalUser");
    expect(before).toContain("Creates an associate of type external user.");
    writeFileSync(page, readFileSync(page, "utf8").replace("Creates an associate of type external user.", "Creates an external user, as the cache test says."));
    const changed = await run("changed");
    expect(changed.cache).toEqual({ reused: false, cached: inputFiles - 1, parsed: 1 });
    const after = operationDoc("changed", "Services86", "User", "CreateExternalUser");
    expect(after).toContain("Creates an external user, as the cache test says.");
    expect(after).not.toContain("Creates an associate of type external user.");
    expect((await run("changed")).cache.reused).toBe(true);
  });

  it("a corrupt or truncated cache is a miss, never a crash, and is rewritten", async () => {
    const packs = readdirSync(cache).filter((name) => name.endsWith(".json"));
    expect([...new Set(packs.map((name) => name.split("-")[0]))].sort()).toEqual(["compile", "discover", "model", "parse", "run"]);
    for (const [index, name] of packs.entries()) {
      const file = path.join(cache, name);
      writeFileSync(file, index === 0 ? readFileSync(file, "utf8").slice(0, 100) : "\u0000not json");
    }
    const recovered = await run("recovered");
    expect(recovered.exitCode).toBe(0);
    expect(recovered.cache).toEqual({ reused: false, cached: 0, parsed: inputFiles });
    expect((await run("recovered")).cache.reused).toBe(true);
    expect(readdirSync(cache).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("a cache entry of the wrong shape is a miss", async () => {
    for (const file of readdirSync(cache).filter((name) => name.startsWith("run-"))) rmSync(path.join(cache, file));
    const packFile = path.join(cache, readdirSync(cache).find((name) => name.startsWith("parse-")) ?? "missing");
    const pack = JSON.parse(readFileSync(packFile, "utf8")) as { entries: Record<string, unknown> };
    const [firstKey] = Object.keys(pack.entries);
    pack.entries[firstKey] = { nonsense: true };
    writeFileSync(packFile, JSON.stringify(pack));
    expect((await run("one-bad-entry")).cache).toEqual({ reused: false, cached: inputFiles - 1, parsed: 1 });
  });

  it("a model memo entry of the wrong shape or kind is a miss: the model is built again, as cold", async () => {
    for (const file of readdirSync(cache).filter((name) => name.startsWith("run-"))) rmSync(path.join(cache, file));
    const shards = readdirSync(cache).filter((name) => name.startsWith("model-"));
    const entries = shards.flatMap((name) => Object.values((JSON.parse(readFileSync(path.join(cache, name), "utf8")) as { entries: Record<string, { kind: string }> }).entries));
    const typesEntry = entries.find((entry) => entry.kind === "types");
    expect(entries.some((entry) => entry.kind === "agent") && typesEntry).toBeTruthy();
    const wrong = [{ kind: "agent", agent: null }, { kind: "agent", agent: {}, digest: "d", diagnostics: [], used: { soap: ["0"], rest: [], openApi: [] } }, { kind: "entities", entities: [{}], digests: [], addedTypes: [], diagnostics: [] }, typesEntry];
    for (const name of shards) {
      const shard = JSON.parse(readFileSync(path.join(cache, name), "utf8")) as { entries: Record<string, unknown> };
      // Every entry replaced: agents by a types entry (a right shape of the wrong kind), the rest by broken shapes.
      Object.keys(shard.entries).forEach((key, index) => (shard.entries[key] = (shard.entries[key] as { kind: string }).kind === "agent" ? typesEntry : wrong[index % 3]));
      writeFileSync(path.join(cache, name), JSON.stringify(shard));
    }
    const rebuilt = await run("bad-model-memo");
    const cold = await run("bad-model-memo-cold", false);
    expect(rebuilt.exitCode).toBe(0);
    expect(rebuilt.diagnostics).toEqual(cold.diagnostics);
    expect(snapshotTree(path.join(scratch, "bad-model-memo"))).toEqual(snapshotTree(path.join(scratch, "bad-model-memo-cold")));
  });
});

describe("cache flags", () => {
  const defaultCache = DEFAULT_CACHE_DIR;
  const scopeFiles = (): string[] => (existsSync(defaultCache) ? readdirSync(defaultCache).filter((name) => name.includes(scopeName([input]))) : []);
  afterAll(() => {
    for (const file of scopeFiles()) rmSync(path.join(defaultCache, file));
  });

  it("--no-cache neither reads nor writes a cache", async () => {
    const noCache = await runCli(["--input", input, "--out", path.join(scratch, "no-cache"), "--no-cache"]);
    expect(noCache.code).toBe(0);
    expect(noCache.stdout).toContain(`${inputFiles} files parsed, 0 from cache`);
    expect(scopeFiles()).toEqual([]);
    const again = await runCli(["--input", input, "--out", path.join(scratch, "no-cache"), "--no-cache"]);
    expect(again.stdout).toContain(`${inputFiles} files parsed, 0 from cache`);
  });

  it("a cache folder inside an input (tagged CACHEDIR.TAG) is not read as input: the next run finds nothing changed", async () => {
    const docs = path.join(scratch, "docs-with-cache");
    cpSync(input, docs, { recursive: true });
    const args = ["--input", docs, "--out", path.join(scratch, "docs-out"), "--cache", path.join(docs, "build-cache")];
    expect((await runCli([...args, "--quiet"])).code).toBe(0);
    const again = await runCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("unchanged since the cached run");
  });

  it("--cache DIR puts the cache there; the default is the generator package's own node_modules/.cache/superoffice-codegen", async () => {
    expect(DEFAULT_CACHE_DIR).toBe(path.join(repoRoot, "node_modules", ".cache", "superoffice-codegen"));
    const chosen = path.join(scratch, "chosen-cache");
    await runCli(["--input", input, "--out", path.join(scratch, "chosen"), "--cache", chosen, "--quiet"]);
    const scope = scopeName([input]);
    const packs = new Set(readdirSync(chosen).map((name) => name.replace(/\.\d+\.json$/, ".json")));
    expect([...packs].sort()).toEqual(["CACHEDIR.TAG", `compile-${scope}.json`, `discover-${scope}.json`, `model-${scope}.json`, `parse-${scope}.json`, `run-${scope}.json`]);
    expect(readFileSync(path.join(chosen, "CACHEDIR.TAG"), "utf8")).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n/);
    const warm = await runCli(["--input", input, "--out", path.join(scratch, "chosen"), "--cache", chosen]);
    expect(warm.stdout).toContain("unchanged since the cached run");

    await runCli(["--input", input, "--out", path.join(scratch, "default"), "--quiet"]);
    expect(new Set(scopeFiles().map((name) => name.split("-")[0]))).toEqual(new Set(["compile", "discover", "model", "parse", "run"]));
  });
});

describe("source keys", () => {
  const root = path.join(scratch, "source");
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const key = (): Promise<string> => sourceKey(path.join(root, "src", "entry.ts"), [path.join(root, "templates")], "test");

  it("changes with any imported module and any template, not with unrelated files", async () => {
    write("src/entry.ts", 'import { helper } from "./helper.js";\nexport const x = helper();\n');
    write("src/helper.ts", "export function helper(): number {\n  return 1;\n}\n");
    write("src/unrelated.ts", "export const y = 2;\n");
    write("templates/a.hbs", "{{a}}\n");
    const first = await key();
    expect(await key()).toBe(first);

    write("src/unrelated.ts", "export const y = 3;\n");
    expect(await key()).toBe(first);

    write("src/helper.ts", "export function helper(): number {\n  return 2;\n}\n");
    const second = await key();
    expect(second).not.toBe(first);

    write("templates/a.hbs", "{{b}}\n");
    expect(await key()).not.toBe(second);
  });
});
