/**
 * The names generated types must not take include every runtime export, read from the runtime
 * itself: checked against the TypeScript compiler's own list of the runtime's exports, so a new
 * runtime export (in any form of export) that the generator misses fails here.
 */
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { isTakenTypeName, typeName } from "../../generator/emit/naming.js";
import { runtimeExportNames } from "../../generator/emit/runtime-names.js";

const runtimeEntry = path.resolve(import.meta.dirname, "../../templates/runtime/index.ts");

/** What the compiler says `templates/runtime/index.ts` exports, types and values alike. */
function compilerExports(): string[] {
  const program = ts.createProgram([runtimeEntry], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(runtimeEntry);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error("the runtime entry has no module symbol");
  return checker.getExportsOfModule(symbol).map((exported) => exported.getName());
}

describe("names taken by the runtime", () => {
  const exported = compilerExports();

  it("are read from the runtime: every export the compiler sees, nothing it does not", () => {
    expect(exported.length).toBeGreaterThan(40);
    expect([...runtimeExportNames()].sort()).toEqual([...exported].sort());
  });

  it("push a schema type of the same name aside with a `_`", () => {
    for (const name of exported) {
      expect(isTakenTypeName(name), name).toBe(true);
      expect(typeName(name), name).toBe(`${name}_`);
    }
  });

  it("leave other schema type names alone", () => {
    expect(typeName("Associate")).toBe("Associate");
    expect(isTakenTypeName("ContactEntity")).toBe(false);
  });
});
