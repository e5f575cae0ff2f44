/**
 * Issue 3, "compiles": the output for the whole corpus (every version and agent it holds) and
 * for input/ type-checks with the CONTRACTS §2 flags (strict, nodenext, es2022, skipLibCheck).
 */
import { afterAll, describe, expect, it } from "vitest";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { compileStrict } from "../support/compile.js";
import { censusVersions } from "../support/corpus-census.js";
import { generatedOutput, type GeneratedOutput } from "../support/generated.js";

const generated: GeneratedOutput[] = [];
afterAll(() => {
  for (const out of generated) out.remove();
});

describe.skipIf(!hasCorpus)("generated output for the whole corpus", () => {
  it("compiles strict with zero errors", async () => {
    const out = await generatedOutput("e2e-compile-corpus", [corpusRoot]);
    generated.push(out);
    const versions = censusVersions();
    expect(out.models.map((m) => `${m.version}: ${m.agents.length} agents`)).toEqual(versions.map((v) => `${v.version}: ${v.wsdls.length} agents`));
    expect([...out.files.keys()].filter((f) => f.endsWith(".wire.ts")).length).toBe(versions.reduce((sum, v) => sum + v.wsdls.length, 0));
    expect(compileStrict(out.dir)).toEqual([]);
  });
});

describe("generated output for input/", () => {
  it("compiles strict with zero errors", async () => {
    const out = await generatedOutput("e2e-compile-input", ["input"]);
    generated.push(out);
    expect(compileStrict(out.dir)).toEqual([]);
  });
});
