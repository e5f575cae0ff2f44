import { describe, expect, it } from "vitest";
import { arrayItemOf, arrayOf, elementRefOf, formatTypeRef, mapElementRef, parseTypeRef } from "../../generator/ir/type-ref.js";

describe("type references (ir/type-ref.ts)", () => {
  it("parses the string grammar into its kinds", () => {
    expect(parseTypeRef("void")).toEqual({ kind: "void" });
    expect(parseTypeRef("anyType")).toEqual({ kind: "any" });
    expect(parseTypeRef("long")).toEqual({ kind: "primitive", name: "long" });
    expect(parseTypeRef("User")).toEqual({ kind: "named", name: "User" });
    expect(parseTypeRef("int[][]")).toEqual({ kind: "array", item: { kind: "array", item: { kind: "primitive", name: "int" } } });
  });

  it("formats every reference back to the string it was parsed from", () => {
    for (const ref of ["void", "anyType", "int", "guid", "base64Binary", "User", "User[]", "string[][]", "anyType[]", "Get-Thing[]"]) expect(formatTypeRef(parseTypeRef(ref))).toBe(ref);
  });

  it("takes arrays apart and puts them together", () => {
    expect(arrayItemOf("User[][]")).toBe("User[]");
    expect(arrayItemOf("User")).toBeNull();
    expect(arrayOf("int[]")).toBe("int[][]");
    expect(elementRefOf("User[][]")).toBe("User");
    expect(elementRefOf("int")).toBe("int");
    expect(mapElementRef("A[][]", (name) => `${name}x`)).toBe("Ax[][]");
    expect(mapElementRef("A", (name) => `${name}x`)).toBe("Ax");
  });
});
