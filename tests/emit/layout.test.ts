/**
 * The pipeline's shape as a rule: discover → parse → model → emit → write, a stage never imports a
 * later one, and what the stages share (the cache, the output vocabulary, the config) imports no
 * stage that produces or writes output.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const generatorDir = path.resolve(import.meta.dirname, "../../generator");
const STAGES = ["discover", "parse", "model", "emit", "write"] as const;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** The top folder (or file) of the generator a path lies in: `emit`, `cache`, `config.ts`. */
function part(file: string): string {
  return path.relative(generatorDir, file).split(path.sep)[0];
}

/** Every generator module with the generator modules it imports. */
const imports = sources(generatorDir).map((file) => ({
  file,
  targets: [...readFileSync(file, "utf8").matchAll(IMPORT)].map((match) => match[1] ?? match[2]).filter((specifier) => specifier.startsWith(".")).map((specifier) => path.resolve(path.dirname(file), specifier)).filter((target) => target.startsWith(generatorDir + path.sep)),
}));

describe("the pipeline's layout", () => {
  it("finds the imports it checks", () => {
    const targetsOf = (name: string) => imports.find(({ file }) => file === path.join(generatorDir, name))?.targets.map(part);
    expect(targetsOf("index.ts")).toEqual(expect.arrayContaining(["discover", "write", "cache", "pipeline.js"]));
    expect(targetsOf("pipeline.ts")).toEqual(expect.arrayContaining(["parse", "model", "emit"]));
  });

  it("has no stage import a later stage", () => {
    const backwards = imports.flatMap(({ file, targets }) => {
      const stage = STAGES.indexOf(part(file) as (typeof STAGES)[number]);
      return stage < 0 ? [] : targets.filter((target) => STAGES.indexOf(part(target) as (typeof STAGES)[number]) > stage).map((target) => `${path.relative(generatorDir, file)} → ${path.relative(generatorDir, target)}`);
    });
    expect(backwards).toEqual([]);
  });

  it("has the parsers return their own types: parse/ imports nothing from model/ or ir/", () => {
    const wrong = imports.flatMap(({ file, targets }) => (part(file) === "parse" ? targets.filter((target) => ["model", "ir"].includes(part(target))).map((target) => `${path.relative(generatorDir, file)} → ${path.relative(generatorDir, target)}`) : []));
    expect(wrong).toEqual([]);
  });

  it("keeps the IR a vocabulary: ir/ imports no stage", () => {
    const wrong = imports.flatMap(({ file, targets }) => (part(file) === "ir" ? targets.filter((target) => part(target) !== "ir").map((target) => `${path.relative(generatorDir, file)} → ${path.relative(generatorDir, target)}`) : []));
    expect(wrong).toEqual([]);
  });

  it("keeps the cache, the output vocabulary, the config and the command line free of emit and write", () => {
    const shared = new Set(["cache", "output-files.ts", "config.ts", "cli.ts", "diagnostics.ts", "paths.ts"]);
    const wrong = imports.flatMap(({ file, targets }) => (shared.has(part(file)) ? targets.filter((target) => ["emit", "write"].includes(part(target))).map((target) => `${path.relative(generatorDir, file)} → ${path.relative(generatorDir, target)}`) : []));
    expect(wrong).toEqual([]);
  });
});
