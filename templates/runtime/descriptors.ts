/**
 * Resolves the compact descriptors of schema.ts into shapes the readers and writers walk
 * quickly: base fields flattened in wire order, a by-name map per carrier, one cache per
 * `types` record (generated code shares one record across an agent's operations).
 */
import { NILLABLE, OPTIONAL, type ArrayDescriptor, type CarrierDescriptor, type DictionaryDescriptor, type EnumDescriptor, type FieldDescriptor, type PrimitiveDescriptor, type TypeDescriptor, type TypeRecord, type TypeRef } from "./schema.js";
import { defineValue } from "./props.js";

/**
 * Symbol under which a value carries the name of its (derived) carrier type. The reader sets it
 * (non-enumerable) when a response names a derived type with xsi:type; the writer then writes
 * that type's fields and `xsi:type`. Set it yourself to send a derived carrier.
 */
export const XSI_TYPE: unique symbol = Symbol.for("superoffice.runtime.xsiType");

export interface ResolvedField {
  readonly name: string;
  readonly type: TypeRef;
  readonly flags: number;
  /** Namespace of the carrier that declares the field; undefined: the agent's. */
  readonly ns: string | undefined;
}

export type Resolved =
  | ((PrimitiveDescriptor | EnumDescriptor | DictionaryDescriptor) & { readonly name: string })
  /** `element` given: the item type's name where the descriptor leaves it out. */
  | (ArrayDescriptor & { readonly name: string; readonly element: string })
  | { readonly kind: "anyType" }
  | {
      readonly kind: "carrier";
      readonly name: string;
      readonly ns: string | undefined;
      readonly fields: readonly ResolvedField[];
      readonly byName: ReadonlyMap<string, ResolvedField>;
      /** Carriers derived directly from this one (`CarrierDescriptor.derived`). */
      readonly derived: readonly TypeRef[];
      /** Index in `fields` of the first field the carrier declares itself (after its bases'). */
      readonly ownFrom: number;
    };

export type ResolvedCarrier = Extract<Resolved, { kind: "carrier" }>;

export class SchemaIndex {
  readonly #cache = new Map<TypeRef, Resolved>();
  readonly types: Readonly<Record<string, TypeDescriptor>>;

  constructor(types: Readonly<Record<string, TypeDescriptor>>) {
    this.types = types;
  }

  /** Resolves a type reference; throws TypeError for names the schema does not know (a generator bug). */
  resolve(type: TypeRef): Resolved {
    return this.#resolve(type, 0);
  }

  /** `depth`: how many bases down from the carrier first asked for, so a cyclic base chain ends. */
  #resolve(type: TypeRef, depth: number): Resolved {
    let resolved = this.#cache.get(type);
    if (resolved === undefined) this.#cache.set(type, (resolved = this.#build(type, depth)));
    return resolved;
  }

  #build(type: TypeRef, depth: number): Resolved {
    const described = describedType(this.types, type);
    if (described === undefined) {
      if (type === "anyType") return { kind: "anyType" };
      throw new TypeError(`Type "${type}" is not in the agent schema`);
    }
    if (described.kind === "array") return { ...described, name: type, element: described.element ?? described.item };
    if (!isCarrier(described)) return { ...described, name: type };
    if (depth > 32) throw new TypeError(`Carrier "${type}" has a cyclic base chain`);
    // Fields are written base first: the base's, resolved (and cached) on its own, then the carrier's.
    let inherited: readonly ResolvedField[] = [];
    if (described.base !== undefined) {
      const base = this.#resolve(described.base, depth + 1);
      if (base.kind !== "carrier") throw new TypeError(`Base "${described.base}" of "${type}" is not a carrier`);
      inherited = base.fields;
    }
    const fields = [...inherited, ...carrierFields(described).map(([name, fieldType, flags]): ResolvedField => ({ name, type: fieldType, flags: flags ?? 0, ns: described.ns }))];
    const byName = new Map<string, ResolvedField>();
    for (const field of fields) if (!byName.has(field.name)) byName.set(field.name, field);
    return { kind: "carrier", name: type, ns: described.ns, fields, byName, derived: described.derived ?? [], ownFrom: inherited.length };
  }
}

/** The carrier of that name, if the schema has one (xsi:type lookups, derived carriers): a function, so a bundle that looks none up leaves it out. */
export function carrierNamed(index: SchemaIndex, name: string): ResolvedCarrier | undefined {
  if (!Object.hasOwn(index.types, name)) return undefined;
  const resolved = index.resolve(name);
  return resolved.kind === "carrier" ? resolved : undefined;
}

/**
 * The carrier `name` when it is `declared` or derives from it (a value may travel as it); else
 * undefined. Only the writers ask (a value tagged with XSI_TYPE): a function, so a bundle that
 * writes no carrier leaves it out.
 */
export function derivedCarrier(index: SchemaIndex, name: string, declared: ResolvedCarrier): ResolvedCarrier | undefined {
  const found = carrierNamed(index, name);
  let at: TypeDescriptor | undefined = found === undefined ? undefined : index.types[name];
  for (let depth = 0, current = name; at !== undefined && isCarrier(at) && depth <= 32; depth++) {
    if (current === declared.name) return found;
    if (at.base === undefined) return undefined;
    current = at.base;
    at = own(index.types, current);
  }
  return undefined;
}

/** The descriptor of a named type: its entry in `types`, else for `X[]` of a carrier X the array descriptor the runtime infers (schema.ts). */
export function describedType(types: TypeRecord, type: TypeRef): TypeDescriptor | undefined {
  const described = own(types, type);
  const item = described === undefined && type.endsWith("[]") ? own(types, type.slice(0, -2)) : undefined;
  return item !== undefined && isCarrier(item) ? { kind: "array", ns: item.ns, item: type.slice(0, -2) } : described;
}

/** Whether a descriptor is a carrier's (which may leave its kind out). */
function isCarrier(described: TypeDescriptor): described is CarrierDescriptor {
  return (described.kind ?? "carrier") === "carrier";
}

/** A carrier's own fields as tuples, whether the descriptor gives them so or as text (`FieldsText`). */
export function carrierFields(carrier: CarrierDescriptor): readonly FieldDescriptor[] {
  const { fields } = carrier;
  if (typeof fields !== "string") return fields;
  return fields.split(" ").filter(Boolean).map((text): FieldDescriptor => {
    const parts = FIELD_TEXT.exec(text);
    if (parts === null) throw new TypeError(`Field "${text}" is not written as Name!:type?`);
    // No type: a nillable string, the commonest field.
    return [parts[1]!, parts[3] ?? "string", (parts[3] === undefined || parts[4] ? NILLABLE : 0) | (parts[2] ? 0 : OPTIONAL)];
  });
}

/** `Name!:type?` (FieldsText): the name, `!` when it is required (not OPTIONAL), the type, `?` for NILLABLE. */
const FIELD_TEXT = /^([^:!?]+)(!)?(?::([^:!?]+)(\?)?)?$/;

/** The type of a request parameter; anyType for one the descriptor does not list. */
export function paramType(op: { readonly params: readonly FieldDescriptor[] }, param: string): TypeRef {
  return op.params.find((p) => p[0] === param)?.[1] ?? "anyType";
}

/** The types one call resolves by: the operation's own record when it has one, else the schema's. */
export function callTypes(schema: { readonly types?: TypeRecord }, op: { readonly name: string; readonly types?: TypeRecord }): TypeRecord {
  const types = op.types ?? schema.types;
  if (types === undefined) throw new TypeError(`Operation "${op.name}" has no types, nor has its schema`);
  return types;
}

const indexes = new WeakMap<object, SchemaIndex>();

/** The (cached) index of a `types` record. */
export function indexOf(types: Readonly<Record<string, TypeDescriptor>>): SchemaIndex {
  let index = indexes.get(types);
  if (index === undefined) {
    index = new SchemaIndex(types);
    indexes.set(types, index);
  }
  return index;
}

/** `record[key]` when it is the record's own property, never one of Object.prototype's (`constructor`); else undefined. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets a property without ever invoking the `__proto__` setter. */
export function setSafe(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") defineValue(target, key, value, true);
  else target[key] = value;
}
