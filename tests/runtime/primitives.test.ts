/**
 * Every XSD primitive of the shared table (templates/runtime/primitives.ts) end to end: written
 * to XML and JSON and read back, the value read has the TypeScript type the generator declares
 * for it (the same table), so a declared type and a resolved value cannot differ; and the codec
 * the generator names for it (`XML_INT`, `JSON_INT`) is the one the runtime converts it by.
 */
import { describe, expect, it } from "vitest";
import { primitiveTsType } from "../../generator/emit/ts/ts-types.js";
import { XSD_PRIMITIVES } from "../../templates/runtime/primitives.js";
import { JsonCodec, writeJson } from "../../templates/runtime/json.js";
import * as values from "../../templates/runtime/values.js";
import type { PrimitiveDescriptor } from "../../templates/runtime/schema.js";
import { parseXmlDocument } from "../../templates/runtime/xml-parse.js";
import { XmlReader } from "../../templates/runtime/xml-read.js";
import { writeXmlTree, XmlWriter } from "../../templates/runtime/xml-write.js";

const NS = "urn:test";
const types = values.XSD_TYPES;

/** A value of each kind the runtime writes, as a caller would pass it. */
const SAMPLES: Record<string, unknown> = {
  string: "text", int: 65, long: 9007199254740993n, double: 0.5, decimal: 12.25, boolean: true,
  dateTime: new Date("2025-04-03T11:13:36.120Z"), base64: "AAEC",
};

function tsTypeOf(value: unknown): string {
  if (value instanceof Date) return "Date";
  return typeof value === "bigint" ? "bigint" : typeof value;
}

describe("each XSD primitive: declared TS type = the type the runtime reads", () => {
  for (const [name, primitive] of Object.entries(XSD_PRIMITIVES)) {
    it(name, () => {
      expect(primitiveTsType(name)).toBe(primitive.ts);
      // Within the type's range: the runtime refuses an integer outside it.
      const sample = name === "negativeInteger" || name === "nonPositiveInteger" ? -9007199254740993n : SAMPLES[primitive.kind];
      const writer = new XmlWriter(types, NS, writeXmlTree);
      writer.writeElement(NS, "V", name, 0, sample);
      const root = parseXmlDocument(writer.out.replace("<V", `<V xmlns="${NS}"${writer.declarations}`));
      const read = new XmlReader(types).read(root, name);
      // long beyond safe integers is its exact decimal string, as its note says.
      const expected = primitive.kind === "long" ? "string" : primitive.ts;
      expect(tsTypeOf(read)).toBe(expected);
      const codec = new JsonCodec(types);
      const json = JSON.parse(JSON.stringify(writeJson(types, sample, name))) as unknown;
      const revived = codec.revive(json, name);
      expect(tsTypeOf(revived)).toBe(primitive.kind === "long" ? "string" : primitive.ts);
    });
  }

  it("the codecs the generator names are the runtime's, one per transport", () => {
    const exported = values as unknown as Record<string, PrimitiveDescriptor | undefined>;
    for (const [name, primitive] of Object.entries(XSD_PRIMITIVES)) {
      const xml = exported[`XML_${primitive.codec}`];
      const json = exported[`JSON_${primitive.codec}`];
      const both = types[name] as PrimitiveDescriptor;
      expect(xml?.read, name).toBe(both.read);
      expect(xml?.write, name).toBe(both.write);
      expect(json?.revive, name).toBe(both.revive);
      expect(json?.json, name).toBe(both.json);
      // A codec of one transport carries none of the other's conversions (a bundle of one transport carries none of them).
      expect(Object.keys(json ?? {}).sort(), name).toEqual(["json", "kind", "revive"]);
      expect(Object.keys(xml ?? {}).sort(), name).toEqual(["kind", "read", "write"]);
    }
  });

  it("char is the Serialization schema's xs:int: a number both ways", () => {
    const writer = new XmlWriter(types, NS, writeXmlTree);
    writer.writeElement(NS, "C", "char", 0, 65);
    expect(writer.out).toBe("<C>65</C>");
    expect(new XmlReader(types).read(parseXmlDocument(`<C xmlns="${NS}">65</C>`), "char")).toBe(65);
    expect(primitiveTsType("char")).toBe("number");
  });
});
