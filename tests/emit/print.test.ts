import { describe, expect, it } from "vitest";
import { printConstArray, printInterface, printTypeAlias, union } from "../../generator/emit/ts/print.js";

describe("the TypeScript declaration printer (emit/ts/print.ts)", () => {
  it("quotes property names that are no identifiers and keeps computed keys as written", () => {
    const printed = printInterface({
      doc: "",
      name: "Thing",
      extends: "Carrier",
      properties: [
        { doc: "", name: "Get-Field", optional: true, type: "number | null" },
        { doc: "", name: "plain", type: "string" },
        { doc: "", name: "XSI_TYPE", computed: true, readonly: true, type: union(['"Thing"']) },
      ],
    });
    expect(printed).toBe(['export interface Thing extends Carrier {', '  "Get-Field"?: number | null;', "  plain: string;", '  readonly [XSI_TYPE]: "Thing";', "}"].join("\n"));
  });

  it("writes doc text through the TSDoc writer, escaped, above the declaration and indented with members", () => {
    const printed = printInterface({ doc: "Ends */ here", name: "T", extends: null, properties: [{ doc: "A member.", name: "a", type: "number" }] });
    expect(printed).not.toContain("Ends */");
    expect(printed.split("\n")).toEqual(["/**", expect.stringMatching(/^ \* Ends \*\\?\/? ?here$|^ \* Ends/), " */", "export interface T {", "  /**", "   * A member.", "   */", "  a: number;", "}"]);
  });

  it("prints aliases, unions and const arrays; an empty union is never", () => {
    expect(printTypeAlias("", "Empty", union([]))).toBe("export type Empty = never;");
    expect(printConstArray("", "EValues", ['"A"', '"B"'])).toBe('export const EValues = ["A", "B"] as const;');
  });
});
