/**
 * Request values that fill EVERY field (to a small depth) with a value valid for its XSD type,
 * from the model: for schema validation of whole requests, where sample-values.ts (one field of
 * each kind, in node-soap's shapes) would leave most fields untested. A carrier that others
 * derive from is given as one of its derived carriers (named by XSI_TYPE), in turn.
 */
import type { CarrierType, ServicesModel, TypeDef } from "../../generator/ir/types.js";
import { inheritedFields, typesByName } from "./model-types.js";

const MAX_DEPTH = 3;

/** Valid lexical values (as JavaScript values the runtime writes) of the XSD primitives. */
const PRIMITIVES: Record<string, (n: number) => unknown> = {
  int: (n) => 1000 + n, long: (n) => 9007199254740993n + BigInt(n), short: (n) => -n, byte: (n) => -(n % 128),
  unsignedByte: (n) => n % 256, unsignedShort: (n) => n % 65536, unsignedInt: (n) => 4000000000 + n, unsignedLong: (n) => `1844674407370955${n % 1000}`,
  integer: (n) => n, char: (n) => 65 + (n % 26),
  double: (n) => n + 0.25, float: (n) => n + 0.5, decimal: (n) => 1e-7 * n,
  boolean: (n) => n % 2 === 0,
  dateTime: (n) => new Date(Date.UTC(2025, 3, 3, 11, 13, n % 60, n % 2 ? 120 : 0)),
  base64Binary: (n) => new Uint8Array([n % 256, 0, 255]),
  guid: (n) => `0f8fad5b-d9cb-469f-a165-${String(n).padStart(12, "0")}`,
  duration: (n) => `PT${n}H30M`,
  anyType: (n) => `any ${n}`,
  string: (n) => `s${n} <&>"']]> ø😀\r\n`,
};

export class WireValues {
  private readonly types: Map<string, TypeDef>;
  private n = 0;
  /** Round-robin position per polymorphic carrier, so every derived carrier is used. */
  private readonly turn = new Map<string, number>();

  constructor(
    model: ServicesModel,
    private readonly xsiType: symbol,
  ) {
    this.types = typesByName(model);
  }

  value(ref: string, depth = 0): unknown {
    if (ref.endsWith("[]")) return depth >= MAX_DEPTH ? [] : [this.value(ref.slice(0, -2), depth + 1)];
    const def = this.types.get(ref);
    const n = ++this.n;
    if (def === undefined) return (PRIMITIVES[ref] ?? PRIMITIVES.string!)(n);
    switch (def.kind) {
      case "enum":
        return def.flags ? def.values.slice(0, 2).map((value) => value.name) : (def.values[n % def.values.length]?.name ?? "");
      case "array":
        return this.value(`${def.itemType}[]`, depth);
      case "dictionary": {
        const key = this.value(def.keyType, depth + 1);
        return { [key instanceof Date ? key.toISOString() : String(key)]: this.value(def.valueType, depth + 1) };
      }
      case "carrier":
        return this.carrier(this.concrete(def), depth);
    }
  }

  /** The carrier itself or, when others derive from it, the next of its descendants. */
  private concrete(def: CarrierType): CarrierType {
    if (!def.derived?.length) return def;
    const family = [def.name, ...this.descendants(def)];
    const at = this.turn.get(def.name) ?? 1;
    this.turn.set(def.name, at + 1);
    return this.types.get(family[at % family.length]!) as CarrierType;
  }

  private descendants(def: CarrierType): string[] {
    return (def.derived ?? []).flatMap((name) => {
      const sub = this.types.get(name);
      return sub?.kind === "carrier" ? [name, ...this.descendants(sub)] : [];
    });
  }

  private carrier(def: CarrierType, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (def.base !== null && this.isPolymorphicMember(def)) Object.defineProperty(out, this.xsiType, { value: def.name, enumerable: false });
    for (const field of inheritedFields(this.types, def.name)) {
      const structured = this.types.get(field.type.replace(/\[\]$/, ""))?.kind;
      if (depth >= MAX_DEPTH && structured !== undefined && structured !== "enum") continue;
      out[field.name] = this.value(field.type, depth + 1);
    }
    return out;
  }

  private isPolymorphicMember(def: CarrierType): boolean {
    const base = def.base === null ? undefined : this.types.get(def.base);
    return base?.kind === "carrier" && (base.derived ?? []).includes(def.name);
  }
}
