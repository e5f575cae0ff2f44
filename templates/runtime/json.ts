/**
 * Schema-directed JSON for the REST WebAPI.
 *
 * Requests: properties keep their wire names; Dates become ISO strings, flags arrays become
 * "A, B" strings (Json.NET's [Flags] format), Uint8Array base64, bigint a number when safe
 * else a decimal string. Properties the schema does not know are sent as they are.
 *
 * Responses are revived in place: dateTime strings -> Date, flags strings -> arrays of names,
 * unsafe-free long strings -> number, inside carriers, arrays and dictionary values. Values the
 * schema does not describe pass through unchanged. JSON.parse creates `__proto__` keys as
 * plain own properties; the reviver only assigns keys the schema names, and dictionary values
 * are re-set with defineProperty, so no prototype is ever touched.
 */
import { carrierNamed, derivedCarrier, indexOf, own, paramType, setSafe, XSI_TYPE, type ResolvedCarrier, type SchemaIndex } from "./descriptors.js";
import { NILLABLE, type DerivedPicker, type JsonBodyWriter, type TypeDescriptor, type TypeRecord, type TypeRef } from "./schema.js";
import { numberOrDigits, describe, fail, formatDate, formatFlagsJson, invalidJson, parseFlagsJson, withPath } from "./values.js";
import { defineValue } from "./props.js";

export class JsonCodec {
  readonly #index: SchemaIndex;
  readonly #derive: DerivedPicker | undefined;

  /** `derive`: the picker of derived carriers (`pickDerivedByFields`), which descriptors name where a revived type has any. */
  constructor(types: Readonly<Record<string, TypeDescriptor>>, derive?: DerivedPicker) {
    this.#index = indexOf(types);
    this.#derive = derive;
  }

  /** Revives a parsed JSON value in place (returns the value, replaced for primitives). */
  revive(value: unknown, type: TypeRef): unknown {
    if (value === null || value === undefined) return value;
    const resolved = this.#index.resolve(type);
    if (resolved.kind === "primitive") return resolved.revive!(value, resolved.name);
    // A name (REST writes flags as one "A, B" text): a name the schema lacks passes, a number or an object does not.
    if (resolved.kind === "enum") return typeof value !== "string" ? invalidJson(value, resolved.name) : resolved.flags ? parseFlagsJson(value) : value;
    if (resolved.kind === "anyType") return value;
    // An array for an array type, another object for a carrier or a dictionary.
    if (typeof value !== "object" || Array.isArray(value) !== (resolved.kind === "array")) return invalidJson(value, resolved.name);
    if (resolved.kind === "array") {
      // X[] holds no null (as in xml-read.ts): a null item is left out where the schema's items
      // are nillable, and refused where they are not.
      const items = value as unknown[];
      const notNil = resolved.itemsNotNil ? `an item of ${resolved.name}` : undefined;
      let kept = 0;
      for (let i = 0; i < items.length; i++) {
        if (items[i] !== null || notNil !== undefined) items[kept++] = this.#reviveAt(items[i], resolved.item, `${i}`, notNil);
      }
      items.length = kept;
      return items;
    }
    const record = value as Record<string, unknown>;
    if (resolved.kind === "dictionary") {
      const notNil = resolved.valueNotNil ? `a value of ${resolved.name}` : undefined;
      for (const key of Object.keys(record)) this.#reviveProperty(record, key, resolved.value, notNil);
      return record;
    }
    let carrier = resolved;
    if (resolved.derived.length > 0) {
      if (this.#derive === undefined) throw new TypeError(`Carrier "${resolved.name}" needs the descriptor's derive`);
      carrier = this.#derive(this.#index, record, resolved);
    }
    if (carrier !== resolved) defineValue(record, XSI_TYPE, carrier.name, false);
    for (const field of carrier.fields) {
      if (Object.hasOwn(record, field.name)) this.#reviveProperty(record, field.name, field.type, field.flags & NILLABLE ? undefined : field.type);
    }
    return record;
  }

  /** Revives `record[key]` in place (set again only when revival replaced it, so no prototype is touched). */
  #reviveProperty(record: Record<string, unknown>, key: string, type: TypeRef, notNil: string | undefined): void {
    const current = record[key];
    const next = this.#reviveAt(current, type, key, notNil);
    if (next !== current) setSafe(record, key, next);
  }

  /** The revived `value` of `type` at path segment `segment`; a null is refused where `notNil` names what may not be nil. */
  #reviveAt(value: unknown, type: TypeRef, segment: string, notNil: string | undefined): unknown {
    return withPath(segment, () => {
      if (value === null && notNil !== undefined) fail(`null where ${notNil} is not nillable`);
      return this.revive(value, type);
    });
  }
}

/**
 * JSON names no type, so a carrier derived from the declared one is told by its fields: the
 * derived carrier most of whose own fields the object has (Json.NET writes every property of
 * the runtime type), then the same one level down. Ties and no match keep the declared one.
 * Named by the descriptors whose answers may hold a derived carrier (`rest.derive`,
 * `EntitySchema.derive`), so other calls bundle none of it.
 */
export const pickDerivedByFields: DerivedPicker = (index, record, declared) => {
  let carrier = declared;
  for (let depth = 0; carrier.derived.length > 0 && depth <= 32; depth++) {
    // The best-scoring candidate; a tie leaves none, until a higher score.
    let best: ResolvedCarrier | undefined;
    let bestScore = 0;
    for (const name of carrier.derived) {
      const candidate = carrierNamed(index, name);
      if (candidate === undefined) continue;
      let score = 0;
      for (let i = candidate.ownFrom; i < candidate.fields.length; i++) if (Object.hasOwn(record, candidate.fields[i]!.name)) score++;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      } else if (score === bestScore) best = undefined;
    }
    if (best === undefined) break;
    carrier = best;
  }
  return carrier;
};

/** A JSON-ready copy of a request value of `type` (entity bodies, JSON Patch values). Throws ValueError (with a path). */
export function writeJson(types: TypeRecord, value: unknown, type: TypeRef): unknown {
  return toJson(indexOf(types), value, type);
}

/**
 * The JSON body of a REST agent call that sends parameters in it, named by its descriptor
 * (`RestDescriptor.write`) so a call that sends none bundles no writer: the whole-body
 * parameter's value (`rest.body`), or an object of the parameters outside the query under their
 * REST names (`rest.rename`), converted. The OpenAPI files require a whole body and type it as an
 * object (an array for id lists), never as null, so a null or missing one is sent as `{}` (`[]`).
 * Throws ValueError (with a path).
 */
export const writeJsonBody: JsonBodyWriter = (types, op, request, inQuery) => {
  const index = indexOf(types);
  const whole = op.rest.body;
  if (whole !== undefined) {
    const value = own(request, whole);
    const type = paramType(op, whole);
    if (value === undefined || value === null) return index.resolve(type).kind === "array" ? [] : {};
    return withPath(whole, () => toJson(index, value, type));
  }
  const out: Record<string, unknown> = {};
  const renamed = new Map((op.rest.rename ?? []).map(([name, param]) => [param, name]));
  for (const [name, type] of op.params) {
    const value = own(request, name);
    if (inQuery.has(name) || value === undefined) continue;
    setSafe(out, renamed.get(name) ?? name, withPath(name, () => toJson(index, value, type)));
  }
  return out;
};

function toJson(index: SchemaIndex, value: unknown, type: TypeRef): unknown {
  if (value === undefined || value === null) return value;
  const resolved = index.resolve(type);
  switch (resolved.kind) {
    case "primitive":
      return resolved.json!(value, type);
    case "enum":
      if (resolved.flags) return formatFlagsJson(value, type, resolved.empty);
      // A name (or its number), as the XML writer takes it.
      return typeof value === "string" || typeof value === "number" ? value : fail(`expected an enum name for ${type}, got ${describe(value)}`);
    case "carrier": {
      if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
        fail(`expected an object for ${type}, got ${describe(value)}`);
      }
      const record = value as Record<string, unknown>;
      // A derived carrier named by XSI_TYPE (set by the SOAP reader or by hand) converts by its own fields.
      const derived = (value as { [XSI_TYPE]?: unknown })[XSI_TYPE];
      const carrier = (typeof derived === "string" ? derivedCarrier(index, derived, resolved) : undefined) ?? resolved;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record)) {
        const field = carrier.byName.get(key);
        setSafe(out, key, field === undefined ? record[key] : withPath(key, () => toJson(index, record[key], field.type)));
      }
      return out;
    }
    case "array": {
      if (!Array.isArray(value)) fail(`expected an array for ${type}, got ${describe(value)}`);
      return value.map((item: unknown, i) => withPath(`${i}`, () => toJson(index, item, resolved.item)));
    }
    case "dictionary": {
      const out: Record<string, unknown> = {};
      const entries =
        value instanceof Map
          ? [...(value as Map<unknown, unknown>)].map(([k, v]) => [String(k), v] as const)
          : typeof value === "object" && !Array.isArray(value)
            ? Object.entries(value as Record<string, unknown>)
            : undefined;
      if (entries === undefined) fail(`expected an object (record) for ${type}, got ${describe(value)}`);
      for (const [key, item] of entries) setSafe(out, key, withPath(key, () => toJson(index, item, resolved.value)));
      return out;
    }
    case "anyType":
      if (value instanceof Date) return formatDate(value, type);
      if (typeof value === "bigint") return numberOrDigits(value);
      // Json.NET's names, as a typed double sends them (JSON.stringify would send null).
      return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
  }
}
