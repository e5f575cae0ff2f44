/**
 * A carrier's fields as one text (`FieldsText`, schema.ts), the form generated descriptors use
 * because it bundles smaller: it means exactly the tuples it stands for, in every flag
 * combination, so the runtime writes and reads a carrier alike whichever form describes it; and
 * the generator falls back to tuples where a name or type could not be told apart in the text.
 */
import { describe, expect, it } from "vitest";
import { typeDescriptor } from "../../generator/emit/ts/wire.js";
import type { CarrierType, Member } from "../../generator/ir/types.js";
import { carrierFields, NILLABLE, NILLABLE_OPTIONAL, OPTIONAL, XSD_TYPES, type FieldDescriptor, type TypeDescriptor } from "../../templates/runtime/index.js";
import { JsonCodec } from "../../templates/runtime/json.js";
import { parseXmlDocument } from "../../templates/runtime/xml-parse.js";
import { XmlReader } from "../../templates/runtime/xml-read.js";
import { writeXmlTree, XmlWriter } from "../../templates/runtime/xml-write.js";

const NS = "urn:fields";
const TUPLES: readonly FieldDescriptor[] = [
  ["Id", "int", 0],
  ["Count", "long", OPTIONAL],
  ["Label", "string", NILLABLE],
  ["Note", "string", NILLABLE_OPTIONAL],
  ["Tags", "string[]", NILLABLE_OPTIONAL],
  ["Child", "Item", NILLABLE_OPTIONAL],
];
const TEXT = "Id!:int Count:long Label!:string? Note:string? Tags:string[]? Child:Item?";

/** The same schema with `Item`'s fields in the given form. */
function schema(fields: readonly FieldDescriptor[] | string): Record<string, TypeDescriptor> {
  return {
    Item: { kind: "carrier", ns: NS, fields },
    "string[]": { kind: "array", ns: NS, item: "string" },
    ...XSD_TYPES,
  };
}

describe("FieldsText", () => {
  it("reads as the tuples it stands for, every flag combination, in order", () => {
    expect(carrierFields({ kind: "carrier", ns: NS, fields: TEXT })).toEqual(TUPLES);
    expect(carrierFields({ kind: "carrier", ns: NS, fields: "" })).toEqual([]);
    // Tuples are given back as they are.
    expect(carrierFields({ kind: "carrier", ns: NS, fields: TUPLES })).toBe(TUPLES);
  });

  it("reads `Name` alone as an optional nillable string (`Name!` a required one), and descriptors without a kind as carriers", () => {
    expect(carrierFields({ ns: NS, fields: "Id!:int Note Label!:string? Code!" })).toEqual([
      ["Id", "int", 0],
      ["Note", "string", NILLABLE_OPTIONAL],
      ["Label", "string", NILLABLE],
      ["Code", "string", NILLABLE],
    ]);
  });

  it("refuses a field it cannot read (a generator bug, not a server's)", () => {
    for (const text of ["Id:int :int", "Id?:int", "Id:int:long", "Id!!:int", "Id:int!", "Id:int??"]) {
      expect(() => carrierFields({ kind: "carrier", ns: NS, fields: text }), text).toThrow(/is not written as Name!:type\?/);
    }
  });

  it("writes and reads XML alike in both forms: order, nil rules, array items without an element name", () => {
    const value = { Tags: ["a", "b"], Note: null, Label: null, Id: 7, Count: 9007199254740993n, Child: { Id: 1, Label: "x" } };
    const write = (types: Record<string, TypeDescriptor>): string => {
      const writer = new XmlWriter(types, NS, writeXmlTree);
      writer.writeElement(NS, "Item", "Item", 0, value);
      return writer.out;
    };
    const xml = write(schema(TUPLES));
    expect(write(schema(TEXT))).toBe(xml);
    // The array's element defaults to its item type's name.
    expect(xml).toContain("<Tags><string>a</string><string>b</string></Tags>");
    const root = () => parseXmlDocument(xml.replace("<Item", `<Item xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"`));
    expect(new XmlReader(schema(TEXT)).read(root(), "Item")).toEqual(new XmlReader(schema(TUPLES)).read(root(), "Item"));
  });

  it("revives JSON alike in both forms, refusing null where the text says the field is not nillable", () => {
    const body = () => ({ Id: 1, Count: "9007199254740993", Label: null, Note: null, Tags: ["a"], Child: null });
    expect(new JsonCodec(schema(TEXT)).revive(body(), "Item")).toEqual(new JsonCodec(schema(TUPLES)).revive(body(), "Item"));
    for (const types of [schema(TEXT), schema(TUPLES)]) {
      expect(() => new JsonCodec(types).revive({ ...body(), Id: null }, "Item")).toThrow(/null where int is not nillable/);
      expect(() => new JsonCodec(types).revive({ ...body(), Count: null }, "Item")).toThrow(/null where long is not nillable/);
    }
  });
});

describe("the generator's fields", () => {
  const member = (name: string, type: string, optional: boolean, nillable: boolean): Member => ({ name, type, optional, nillable, doc: "", docSource: null });
  const carrier = (fields: Member[]): CarrierType => ({ kind: "carrier", name: "Item", namespace: NS, doc: "", docSource: null, definedBy: [], base: null, fields });
  /** The printed descriptor, evaluated with the runtime's flags in scope. */
  const evaluate = (printed: string): TypeDescriptor =>
    new Function("ns", "NILLABLE", "OPTIONAL", `return (${printed});`)(NS, NILLABLE, OPTIONAL) as TypeDescriptor;

  it("prints the text form, which reads back as the model's fields", () => {
    const fields = [member("Id", "int", false, false), member("Count", "long", true, false), member("Label", "string", false, true), member("Note", "string", true, true)];
    const printed = typeDescriptor(carrier(fields), () => "ns");
    // A nillable string is its name alone (with `!` when it is required).
    expect(printed).toContain(`fields: "Id!:int Count:long Label! Note"`);
    const described = evaluate(printed);
    expect("fields" in described && carrierFields(described)).toEqual([["Id", "int", 0], ["Count", "long", OPTIONAL], ["Label", "string", NILLABLE], ["Note", "string", NILLABLE | OPTIONAL]]);
  });

  it("prints tuples where a name or type holds a space, a colon, an exclamation or a question mark", () => {
    for (const name of ["odata:context", "Two words", "Why?", "Now!"]) {
      const fields = [member(name, "string", true, true), member("Id", "int", false, false)];
      const described = evaluate(typeDescriptor(carrier(fields), () => "ns"));
      expect("fields" in described && typeof described.fields, name).toBe("object");
      expect("fields" in described && carrierFields(described), name).toEqual([[name, "string", NILLABLE | OPTIONAL], ["Id", "int"]]);
    }
  });
});
