/**
 * Generic sample values from the MODEL (ir types, not the generated descriptors), for driving every
 * operation through a generated client against node-soap. Each sample comes in two shapes:
 * - `value`: what a caller passes to / gets back from the generated client (CONTRACTS §4 shapes);
 * - `soap`: the same value in node-soap's object shape, as its server hands a parsed request to a
 *   handler (numbers for int/short/long/double, booleans, Dates, other primitives as strings,
 *   `{ item: [...] }` arrays, `{ Entry: [{ Key, Value }] }` dictionaries, flag lists as one string)
 *   and as it takes a response to serialise (`soapOut`: Dates as ISO strings).
 *
 * Values are distinct (a counter), strings carry markup, arrays and dictionaries have one item,
 * carriers get their first field of each kind (every primitive type, enum, flags, array, dictionary,
 * carrier), structured fields to a small depth.
 */
import { expect } from "vitest";
import type { ServicesModel, TypeDef } from "../../generator/ir/types.js";
import { inheritedFields, typesByName } from "./model-types.js";

export interface Sample {
  value: unknown;
  /** node-soap's parse of what the client sends. */
  soap: unknown;
  /** What node-soap is given to send back. */
  soapOut: unknown;
}

const MAX_DEPTH = 2;

/** Primitives node-soap converts when it parses (everything else stays a string). */
const NODE_SOAP_INTS = new Set(["int", "integer", "short", "long"]);
const NODE_SOAP_NUMBERS = new Set(["double", "float", "decimal"]);

export class SampleMaker {
  private readonly types: Map<string, TypeDef>;
  private n = 0;

  constructor(model: ServicesModel) {
    this.types = typesByName(model);
  }

  /** A sample of `type` (a model type reference). */
  sample(type: string, depth = 0): Sample {
    const def = this.types.get(type);
    if (def === undefined) return this.primitive(type);
    switch (def.kind) {
      case "enum": {
        const names = def.values.map((v) => v.name);
        if (!def.flags) return same(names[0] ?? "");
        const picked = names.length > 2 ? names.slice(1, 3) : names.slice(0, 1);
        return { value: picked, soap: picked.join(" "), soapOut: picked.join(" ") };
      }
      case "array": {
        const item = this.sample(def.itemType, depth + 1);
        return { value: [item.value], soap: { [def.itemElement]: [item.soap] }, soapOut: { [def.itemElement]: [item.soapOut] } };
      }
      case "dictionary": {
        const key = this.primitive(def.keyType);
        const val = this.sample(def.valueType, depth + 1);
        // A record key is a string: the lexical form of the key (a dateTime as the runtime writes it, ms only when non-zero).
        const recordKey = key.value instanceof Date ? key.value.toISOString().replace(/\.000Z$/, "Z") : String(key.value);
        const entry = (k: unknown, v: unknown) => ({ [def.entryElement]: [{ Key: k, Value: v }] });
        return { value: { [recordKey]: val.value }, soap: entry(key.soap, val.soap), soapOut: entry(key.soapOut, val.soapOut) };
      }
      case "carrier": {
        const fields = inheritedFields(this.types, def.name);
        const value: Record<string, unknown> = {};
        const soap: Record<string, unknown> = {};
        const soapOut: Record<string, unknown> = {};
        // One field per kind of value (each primitive type, enum, flags, array, dictionary,
        // carrier), structured ones only above MAX_DEPTH; picked in schema order (base fields
        // first), so the expectation's key order is the wire order.
        const kinds = new Set<string>();
        for (const field of fields) {
          const fieldDef = this.types.get(field.type);
          const kind = fieldDef === undefined ? field.type : fieldDef.kind === "enum" ? (fieldDef.flags ? "flags" : "enum") : fieldDef.kind;
          const structured = fieldDef !== undefined && fieldDef.kind !== "enum";
          if (kinds.has(kind) || (structured && depth >= MAX_DEPTH)) continue;
          kinds.add(kind);
          const s = this.sample(field.type, depth + 1);
          value[field.name] = s.value;
          soap[field.name] = s.soap;
          soapOut[field.name] = s.soapOut;
        }
        return { value, soap, soapOut };
      }
    }
  }

  private primitive(type: string): Sample {
    const n = ++this.n;
    if (NODE_SOAP_INTS.has(type)) return same(type === "short" ? n % 30000 : 1000 + n);
    if (NODE_SOAP_NUMBERS.has(type)) return same(n + 0.5);
    switch (type) {
      case "boolean":
        return same(n % 2 === 0);
      case "dateTime": {
        const date = new Date(Date.UTC(2025, 3, 3, 11, 13, n % 60, n % 3 === 0 ? 250 : 0));
        return { value: date, soap: date, soapOut: date.toISOString() };
      }
      case "byte":
      case "unsignedByte":
      case "unsignedShort":
      case "unsignedInt":
      case "unsignedLong":
        // node-soap leaves these as text when it parses.
        return { value: n, soap: String(n), soapOut: n };
      case "base64Binary":
        return same(Buffer.from(`bytes ${n}`).toString("base64"));
      case "duration":
        return same(`PT${n}H30M`);
      case "guid":
        return same(`0f8fad5b-d9cb-469f-a165-${String(n).padStart(12, "0")}`);
      case "anyType": {
        // anyType: the runtime writes a string with xsi:type xs:string (prefix i for XMLSchema-instance,
        // n1, n2, … for XMLSchema by the order first used: runtime README), which node-soap hands over
        // as attributes + $value; node-soap writes it back bare.
        const text = `s${n} <&>"']]> ø😀`;
        return { value: text, soap: { attributes: { "i:type": expect.stringMatching(/^n\d+:string$/) }, $value: text }, soapOut: text };
      }
      case "string":
      default:
        return same(`s${n} <&>"']]> ø😀`);
    }
  }
}

function same(value: unknown): Sample {
  return { value, soap: value, soapOut: value };
}
