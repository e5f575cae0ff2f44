/**
 * JSON sample values from the MODEL for the entity endpoint tests, in two shapes: `value` (what a
 * caller passes to or gets back from the generated client: Dates, flag arrays) and `wire` (the
 * JSON the REST API sends: ISO strings, "A, B" flags). Distinct values (a counter), one field of
 * each kind per carrier, structured fields to a small depth.
 */
import type { ServicesModel, TypeDef } from "../../generator/ir/types.js";
import { inheritedFields, typesByName } from "./model-types.js";
import { primitiveOf } from "../../templates/runtime/primitives.js";

export interface JsonSample {
  value: unknown;
  wire: unknown;
}

const MAX_DEPTH = 2;

export class JsonSamples {
  private readonly types: Map<string, TypeDef>;
  private n = 0;

  constructor(model: ServicesModel) {
    this.types = typesByName(model);
  }

  sample(type: string, depth = 0): JsonSample {
    if (type.endsWith("[]")) {
      const item = this.sample(type.slice(0, -2), depth + 1);
      return { value: [item.value], wire: [item.wire] };
    }
    const def = this.types.get(type);
    if (def === undefined) return this.primitive(type);
    switch (def.kind) {
      case "enum": {
        const names = def.values.map((v) => v.name);
        if (!def.flags) return same(names[0] ?? "");
        // One flag: the OpenAPI files list flag enums as single names, so "A, B" would not validate against them.
        const picked = names.slice(names.length > 1 ? 1 : 0, names.length > 1 ? 2 : 1);
        return { value: picked, wire: picked.join(", ") };
      }
      case "array":
        return this.sample(`${def.itemType}[]`, depth);
      case "dictionary": {
        const item = this.sample(def.valueType, depth + 1);
        return { value: { k1: item.value }, wire: { k1: item.wire } };
      }
      case "carrier": {
        const value: Record<string, unknown> = {};
        const wire: Record<string, unknown> = {};
        const kinds = new Set<string>();
        for (const field of inheritedFields(this.types, def.name)) {
          const fieldDef = this.types.get(field.type.replace(/\[\]$/, ""));
          const kind = `${fieldDef === undefined ? field.type : fieldDef.kind === "enum" ? (fieldDef.flags ? "flags" : "enum") : fieldDef.kind}${field.type.endsWith("[]") ? "[]" : ""}`;
          const structured = field.type.endsWith("[]") || (fieldDef !== undefined && fieldDef.kind !== "enum");
          if (kinds.has(kind) || (structured && depth >= MAX_DEPTH)) continue;
          kinds.add(kind);
          const s = this.sample(field.type, depth + 1);
          value[field.name] = s.value;
          wire[field.name] = s.wire;
        }
        return { value, wire };
      }
    }
  }

  /** By the shared primitive table, so a sample has the type the client declares (and the range of its XSD type). */
  private primitive(type: string): JsonSample {
    const n = ++this.n;
    switch (primitiveOf(type)?.kind) {
      case "int":
      case "long":
        if (type === "negativeInteger" || type === "nonPositiveInteger") return same(-1 - (n % 1000));
        return same(type === "byte" || type === "unsignedByte" ? n % 100 : 1000 + (n % 30000));
      case "double":
      case "decimal":
        return same(n + 0.5);
      case "boolean":
        return same(n % 2 === 0);
      case "dateTime": {
        const date = new Date(Date.UTC(2025, 3, 3, 11, 13, n % 60));
        return { value: date, wire: date.toISOString().replace(/\.000Z$/, "Z") };
      }
      case "base64":
        return same(Buffer.from(`bytes ${n}`).toString("base64"));
      default:
        return same(type === "guid" ? `0f8fad5b-d9cb-469f-a165-${String(n).padStart(12, "0")}` : `s${n} ø&=?/`);
    }
  }
}

function same(value: unknown): JsonSample {
  return { value, wire: value };
}
