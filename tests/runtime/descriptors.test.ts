/**
 * How the runtime resolves a carrier's descriptor: its bases' fields first (each base resolved and
 * cached once), its own after them (`ownFrom`), the first field of a name found by name; a base
 * chain that goes round, or a base that is no carrier, is a TypeError (a descriptor bug).
 */
import { describe, expect, it } from "vitest";
import { indexOf } from "../../templates/runtime/descriptors.js";
import { NILLABLE_OPTIONAL, OPTIONAL, type TypeRecord } from "../../templates/runtime/schema.js";
import { XML_INT, XML_STRING } from "../../templates/runtime/values.js";

const types: TypeRecord = {
  Root: { ns: "urn:root", fields: "Id:int Name" },
  Middle: { base: "Root", fields: "Name!:int Extra" },
  Leaf: { base: "Middle", fields: [["Deep", "int", OPTIONAL]] },
  Mode: { kind: "enum" },
  int: XML_INT,
  string: XML_STRING,
};

describe("SchemaIndex", () => {
  it("puts the bases' fields first, in their namespaces, and finds a name's first field", () => {
    const leaf = indexOf(types).resolve("Leaf");
    if (leaf.kind !== "carrier") throw new Error("not a carrier");
    expect(leaf.fields.map((field) => [field.name, field.type, field.flags, field.ns])).toEqual([
      ["Id", "int", OPTIONAL, "urn:root"],
      ["Name", "string", NILLABLE_OPTIONAL, "urn:root"],
      ["Name", "int", 0, undefined],
      ["Extra", "string", NILLABLE_OPTIONAL, undefined],
      ["Deep", "int", OPTIONAL, undefined],
    ]);
    expect(leaf.ownFrom).toBe(4);
    expect(leaf.byName.get("Name")?.ns).toBe("urn:root");
    // The base is resolved once and shared.
    const middle = indexOf(types).resolve("Middle");
    expect(middle.kind === "carrier" && middle.fields).toEqual(leaf.fields.slice(0, 4));
  });

  it("refuses a cyclic base chain and a base that is no carrier", () => {
    const cyclic = indexOf({ Egg: { base: "Hen", fields: "A:int" }, Hen: { base: "Egg", fields: "B:int" }, int: XML_INT });
    expect(() => cyclic.resolve("Egg")).toThrow(/^Carrier "(Egg|Hen)" has a cyclic base chain$/);
    expect(() => indexOf({ ...types, Odd: { base: "Mode", fields: "" } }).resolve("Odd")).toThrow('Base "Mode" of "Odd" is not a carrier');
    expect(() => indexOf({ ...types, Lost: { base: "Nowhere", fields: "" } }).resolve("Lost")).toThrow('Type "Nowhere" is not in the agent schema');
  });
});
