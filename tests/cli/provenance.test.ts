/**
 * Provenance paths (the model's and the docs' sources) are relative to the input root a file was
 * found under, behind the root's name, so the output is the same whatever the working directory;
 * diagnostics still name files as the user can open them from where they ran.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverInputs, inputRootNames } from "../../generator/discover/index.js";
import { generate } from "../../generator/index.js";
import { copyInput } from "./support.js";

const scratch = mkdtempSync(path.join(tmpdir(), "provenance-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `step` with `dir` as the working directory. */
async function inDir<T>(dir: string, step: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await step();
  } finally {
    process.chdir(before);
  }
}

/** Every file below `root` whose path matches `wanted`, with its text. */
function texts(root: string, wanted: RegExp): Map<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter((file) => wanted.test(file))
      .sort()
      .map((file) => [file, readFileSync(path.join(root, file), "utf8")]),
  );
}

describe("input root names", () => {
  it("are the roots' own names; a shared name is numbered in --input order; a file root keeps its file name", () => {
    expect(inputRootNames(["../shared/corpus", "/a/docs", "b/docs/", "c/docs", "x.wsdl"])).toEqual(["corpus", "docs", "docs-2", "docs-3", "x.wsdl"]);
  });
});

describe("provenance paths", () => {
  const project = path.join(scratch, "project");
  const input = copyInput(path.join(project, "input"));
  const deeper = path.join(scratch, "elsewhere", "deeper");
  mkdirSync(deeper, { recursive: true });

  it("are the same from two working directories, while diagnostics follow the working directory", async () => {
    const fromProject = await inDir(project, () => discoverInputs(["input"]));
    const fromDeeper = await inDir(deeper, () => discoverInputs([path.relative(deeper, input)]));
    expect(fromProject.files.map((file) => file.source)).toEqual(fromDeeper.files.map((file) => file.source));
    expect(fromProject.files.map((file) => file.source)).toContain("input/seeds/001_0182cecb279bd4a6.txt");
    expect(fromProject.files.map((file) => file.path)).toContain("input/seeds/001_0182cecb279bd4a6.txt");
    expect(fromDeeper.files.map((file) => file.path)).toContain("../../project/input/seeds/001_0182cecb279bd4a6.txt");
  });

  it("name files as the working directory sees them when it is the root or lies inside it", async () => {
    const fromRoot = await inDir(input, () => discoverInputs(["."]));
    const fromInside = await inDir(path.join(input, "seeds"), () => discoverInputs([".."]));
    const fromInsideAbsolute = await inDir(path.join(input, "seeds"), () => discoverInputs([`${input}${path.sep}`]));
    expect(fromRoot.files.map((file) => file.path)).toContain("seeds/001_0182cecb279bd4a6.txt");
    for (const inside of [fromInside, fromInsideAbsolute]) {
      expect(inside.files.map((file) => file.path)).toContain("001_0182cecb279bd4a6.txt");
      expect(inside.files.map((file) => file.path)).toContain("../Services88-User.wsdl");
      expect(inside.files.map((file) => file.source)).toContain(`${path.basename(input)}/seeds/001_0182cecb279bd4a6.txt`);
    }
  });

  it("name each of several roots, and a root that is a file", async () => {
    const other = path.join(scratch, "other", "input");
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, "extra.md"), readFileSync(path.join(input, "seeds/002_4ba421d35adb619a.txt"), "utf8"));
    const discovery = await inDir(project, () => discoverInputs(["input/Services88-User.wsdl", "input", other]));
    const sources = discovery.files.map((file) => file.source);
    expect(sources).toContain("Services88-User.wsdl");
    expect(sources).toContain("input/Services86-User.md");
    expect(sources).toContain("input-2/extra.md");
  });

  it("make the same model and docs from two working directories", async () => {
    const page = readFileSync(path.join(input, "seeds/001_0182cecb279bd4a6.txt"), "utf8").replaceAll("CreateExternalUser", "NoSuchOperation");
    writeFileSync(path.join(input, "orphan.md"), page);
    const outA = path.join(scratch, "out-a");
    const outB = path.join(scratch, "out-b");
    const a = await inDir(project, () => generate({ inputs: ["input"], out: outA, cache: false }));
    const b = await inDir(deeper, () => generate({ inputs: [path.relative(deeper, input)], out: outB, cache: false }));
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    const irA = texts(outA, /^(ir\/.*\.json|docs\/.*\.md)$/);
    expect(irA.size).toBeGreaterThan(3);
    expect(texts(outB, /^(ir\/.*\.json|docs\/.*\.md)$/)).toEqual(irA);
    const model = JSON.parse(irA.get("ir/Services88.json") ?? "{}") as { agents: { sources: string[] }[] };
    expect(model.agents.map((agent) => agent.sources)).toEqual([["input/Services88-User.wsdl"]]);
    // No path of either run's folders leaks in (the two runs' relative paths would differ).
    expect([...irA.values()].join("\n")).not.toMatch(/project\/input|elsewhere|provenance-/);
    // A model diagnostic (a page no WSDL operation matches) names the file from where each run was started.
    const orphans = (report: typeof a): string[] => report.diagnostics.filter((diagnostic) => diagnostic.code === "model.orphan-page").map((diagnostic) => diagnostic.path);
    expect(orphans(a)).toEqual(["input/orphan.md"]);
    expect(orphans(b)).toEqual(["../../project/input/orphan.md"]);
  });
});
