/** Walking a model's types, shared by the tests' sample makers. */
import type { ServicesModel, TypeDef } from "../../generator/ir/types.js";

export function typesByName(model: ServicesModel): Map<string, TypeDef> {
  return new Map(model.types.map((t) => [t.name, t]));
}

/** A carrier's fields with its bases' first (the wire order); [] for anything else. */
export function inheritedFields(types: ReadonlyMap<string, TypeDef>, carrier: string, seen = 0): { name: string; type: string }[] {
  const def = types.get(carrier);
  if (def === undefined || def.kind !== "carrier" || seen > 16) return [];
  return [...(def.base === null ? [] : inheritedFields(types, def.base, seen + 1)), ...def.fields];
}
