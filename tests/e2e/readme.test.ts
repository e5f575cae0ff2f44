/** The README's client example must compile against real generated output, or the README lies. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { hasCorpus, repoRoot, services88Dir } from "../corpus.js";
import { compileStrict } from "../support/compile.js";
import { scratchDir } from "../support/tmp.js";

describe.skipIf(!hasCorpus)("README", () => {
  it("shows client code that compiles strict against the generated Services88 clients", async () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## The generated clients"));
    const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain("soPrincipal.authenticateUsernamePassword");

    const dir = scratchDir("readme");
    // The two agents the example calls, from the real WSDL pages, and one the agent filter leaves out.
    const inputs = ["User", "SoPrincipal", "Contact"].map((agent) => path.join(services88Dir, `Services88-${agent}.md`));
    const report = await generate({ inputs, out: path.join(dir, "clients"), versions: ["88"], agents: ["User", "SoPrincipal"], docs: false, cache: false });
    expect(report.exitCode).toBe(0);
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(path.join(dir, "example.ts"), `${example}\nexport {};\n`);
    expect(compileStrict(dir)).toEqual([]);
  });
});
