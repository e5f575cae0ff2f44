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
import { indexOf, setSafe, XSI_TYPE, type Resolved, type ResolvedCarrier, type SchemaIndex } from "./descriptors.js";
import type { TypeDescriptor, TypeRef } from "./schema.js";
import { addPath, describe, formatDateTime, formatFlagsJson, parseDateTime, parseFlagsJson, toBase64, ValueError } from "./values.js";

export class JsonCodec {
  private readonly index: SchemaIndex;

  constructor(types: Readonly<Record<string, TypeDescriptor>>) {
    this.index = indexOf(types);
  }

  /** A JSON-ready copy of a request value. Throws ValueError (with a path). */
  toJson(value: unknown, type: TypeRef): unknown {
    if (value === undefined || value === null) return value;
    const resolved = this.index.resolve(type);
    switch (resolved.kind) {
      case "primitive":
        return primitiveToJson(resolved.prim, value, type);
      case "enum":
        return resolved.flags ? formatFlagsJson(value, type, resolved.empty) : value;
      case "carrier": {
        if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
          throw new ValueError(`expected an object for ${type}, got ${describe(value)}`);
        }
        const record = value as Record<string, unknown>;
        // A derived carrier named by XSI_TYPE (set by the SOAP reader or by hand) converts by its own fields.
        const derived = (value as { [XSI_TYPE]?: unknown })[XSI_TYPE];
        const carrier = (typeof derived === "string" ? this.index.derivedCarrier(derived, resolved) : undefined) ?? resolved;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(record)) {
          const field = carrier.byName.get(key);
          try {
            setSafe(out, key, field === undefined ? record[key] : this.toJson(record[key], field.type));
          } catch (error) {
            throw addPath(error, key);
          }
        }
        return out;
      }
      case "array": {
        if (!Array.isArray(value)) throw new ValueError(`expected an array for ${type}, got ${describe(value)}`);
        return value.map((item: unknown, i) => {
          try {
            return this.toJson(item, resolved.item);
          } catch (error) {
            throw addPath(error, String(i));
          }
        });
      }
      case "dictionary": {
        const out: Record<string, unknown> = {};
        const entries =
          value instanceof Map
            ? [...(value as Map<unknown, unknown>)].map(([k, v]) => [String(k), v] as const)
            : typeof value === "object" && !Array.isArray(value)
              ? Object.entries(value as Record<string, unknown>)
              : undefined;
        if (entries === undefined) throw new ValueError(`expected an object (record) for ${type}, got ${describe(value)}`);
        for (const [key, item] of entries) {
          try {
            setSafe(out, key, this.toJson(item, resolved.value));
          } catch (error) {
            throw addPath(error, key);
          }
        }
        return out;
      }
      case "anyType":
        return value instanceof Date ? formatDateTime(value) : typeof value === "bigint" ? bigintToJson(value) : value;
    }
  }

  /** Revives a parsed JSON value in place (returns the value, replaced for primitives). */
  revive(value: unknown, type: TypeRef): unknown {
    if (value === null || value === undefined) return value;
    const resolved = this.index.resolve(type);
    return this.reviveResolved(value, resolved);
  }

  private reviveResolved(value: unknown, resolved: Resolved): unknown {
    switch (resolved.kind) {
      case "primitive":
        if (typeof value !== "string") return value;
        if (resolved.prim === "dateTime") {
          const date = parseDateTime(value.trim());
          if (date === undefined) throw new ValueError(`"${value.length > 40 ? "…" : value}" is not a valid dateTime`);
          return date;
        }
        if (resolved.prim === "long" && /^-?\d+$/.test(value)) {
          const n = Number(value);
          return Number.isSafeInteger(n) ? n : value;
        }
        return value;
      case "enum":
        return resolved.flags && typeof value === "string" ? parseFlagsJson(value) : value;
      case "carrier": {
        if (typeof value !== "object" || Array.isArray(value)) return value;
        const record = value as Record<string, unknown>;
        const carrier = this.derivedByFields(record, resolved);
        if (carrier !== resolved) Object.defineProperty(record, XSI_TYPE, { value: carrier.name, enumerable: false, writable: true, configurable: true });
        for (const field of carrier.fields) {
          if (!Object.prototype.hasOwnProperty.call(record, field.name)) continue;
          const current = record[field.name];
          if (current === null || current === undefined) continue;
          try {
            const next = this.revive(current, field.type);
            if (next !== current) setSafe(record, field.name, next);
          } catch (error) {
            throw addPath(error, field.name);
          }
        }
        return record;
      }
      case "array": {
        if (!Array.isArray(value)) return value;
        for (let i = 0; i < value.length; i++) {
          try {
            value[i] = this.revive(value[i], resolved.item);
          } catch (error) {
            throw addPath(error, String(i));
          }
        }
        return value;
      }
      case "dictionary": {
        if (typeof value !== "object" || Array.isArray(value)) return value;
        const record = value as Record<string, unknown>;
        for (const key of Object.keys(record)) {
          const current = record[key];
          try {
            const next = this.revive(current, resolved.value);
            if (next !== current) setSafe(record, key, next);
          } catch (error) {
            throw addPath(error, key);
          }
        }
        return record;
      }
      case "anyType":
        return value;
    }
  }
  /**
   * JSON names no type, so a carrier derived from the declared one is told by its fields: the
   * derived carrier most of whose own fields the object has (Json.NET writes every property of
   * the runtime type), then the same one level down. Ties and no match keep the declared one.
   */
  private derivedByFields(record: Record<string, unknown>, declared: ResolvedCarrier): ResolvedCarrier {
    let carrier = declared;
    for (let depth = 0; carrier.derived.length > 0 && depth <= 32; depth++) {
      let best: ResolvedCarrier | undefined;
      let bestScore = 0;
      let tie = false;
      for (const name of carrier.derived) {
        const candidate = this.index.carrier(name);
        if (candidate === undefined) continue;
        let score = 0;
        for (let i = candidate.ownFrom; i < candidate.fields.length; i++) if (Object.prototype.hasOwnProperty.call(record, candidate.fields[i]!.name)) score++;
        if (score > bestScore) [best, bestScore, tie] = [candidate, score, false];
        else if (score === bestScore && score > 0) tie = true;
      }
      if (best === undefined || tie) break;
      carrier = best;
    }
    return carrier;
  }
}

function primitiveToJson(prim: string, value: unknown, type: string): unknown {
  switch (prim) {
    case "dateTime":
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new ValueError(`invalid Date for ${type}`);
        return formatDateTime(value);
      }
      return value;
    case "int":
    case "long":
    case "double":
    case "decimal":
      return typeof value === "bigint" ? bigintToJson(value) : value;
    case "base64":
      if (value instanceof Uint8Array) return toBase64(value);
      if (value instanceof ArrayBuffer) return toBase64(new Uint8Array(value));
      return value;
    default:
      return value;
  }
}

function bigintToJson(value: bigint): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value.toString();
}
