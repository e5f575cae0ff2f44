/**
 * TypeScript for WCF known types: a carrier with derived carriers (`derived` in the model) is
 * referred to by a union of itself and every descendant, which a caller narrows by the
 * runtime's `XSI_TYPE` symbol (the `xsi:type` on the SOAP wire).
 */
import type { CarrierType, TypeDef } from "../../ir/types.js";
import type { TypeLookup } from "./ts-types.js";

/** Every carrier derived from `type`, at any depth, depth-first in `derived` order. */
export function descendants(type: CarrierType, types: TypeLookup): string[] {
  const out: string[] = [];
  const visit = (names: readonly string[], depth: number): void => {
    for (const name of names) {
      const sub = types.get(name);
      if (depth > 32 || out.includes(name) || sub?.kind !== "carrier") continue;
      out.push(name);
      visit(sub.derived ?? [], depth + 1);
    }
  };
  visit(type.derived ?? [], 0);
  return out;
}

/** True when the carrier derives from a polymorphic one, so it carries a discriminant. */
export function isDerivedMember(type: TypeDef, types: TypeLookup): type is CarrierType {
  if (type.kind !== "carrier" || !type.base) return false;
  const base = types.get(type.base);
  return base?.kind === "carrier" && (base.derived ?? []).includes(type.name);
}
