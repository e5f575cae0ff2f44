/** Counts in the generated code and docs read as English: "1 operation", "2 operations". */
import { describe, expect, it } from "vitest";
import { emitOutput } from "../../generator/emit/index.js";
import type { ServicesModel } from "../../generator/ir/types.js";
import { services86 } from "../fixtures/models.js";

/** Services86 with its one agent cut down to `count` operations and no agent doc (so the agent's doc is the generated one). */
function withOperations(count: number): ServicesModel {
  const model = services86();
  const [agent] = model.agents;
  return { ...model, agents: [{ ...agent, doc: "", operations: agent.operations.slice(0, count) }] };
}

/** Every emitted file (code and docs) with its text. */
function emitted(model: ServicesModel): [string, string][] {
  return [...emitOutput([model], { docs: true })].filter(([file]) => !file.startsWith("runtime/") && !file.startsWith("ir/"));
}

describe("counts in the output", () => {
  it("say 1 operation, never 1 operations, in the clients, the agent module and the docs", () => {
    const files = emitted(withOperations(1));
    for (const [file, text] of files) expect(text, file).not.toMatch(/\b1 (operation|agent|type|endpoint)s\b/);
    const text = (name: string): string => files.find(([file]) => file === name)?.[1] ?? "";
    expect(text("services86/soap-client.ts")).toContain("The User agent (1 operation).");
    expect(text("services86/rest-client.ts")).toContain("The User agent (1 operation).");
    expect(text("services86/agents/user.ts")).toContain("The User agent of Services86: 1 operation.");
    expect(text("docs/Services86/README.md")).toMatch(/\b1 operation\b/);
  });

  it("say 2 operations for two", () => {
    const files = new Map(emitted(withOperations(2)));
    expect(files.get("services86/soap-client.ts")).toContain("The User agent (2 operations).");
    expect(files.get("services86/agents/user.ts")).toContain("The User agent of Services86: 2 operations.");
  });
});
