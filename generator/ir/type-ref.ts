/**
 * Type references: in `ir/<Version>.json` they stay strings (CONTRACTS §3: `"int"`, `"User"`,
 * `"User[]"`, `"void"`); code that needs their structure parses them here, once, into a union,
 * and formats them back here. Nothing else reads the `X[]` grammar.
 */
import { primitiveOf } from "../../templates/runtime/primitives.js";

export type TypeRef =
  /** Only as an operation's or endpoint's return: nothing comes back. */
  | { kind: "void" }
  /** `anyType`: any value, sent with the xsi:type of its JavaScript type. */
  | { kind: "any" }
  /** An XSD primitive by local name (`int`, `string`, `dateTime`, `guid`, …), from the runtime's table. */
  | { kind: "primitive"; name: string }
  /** A carrier, enum, dictionary or `ArrayOfX` type of the version, by name. */
  | { kind: "named"; name: string }
  /** `X[]`. */
  | { kind: "array"; item: TypeRef };

const ARRAY_SUFFIX = "[]";

export function parseTypeRef(ref: string): TypeRef {
  if (ref.endsWith(ARRAY_SUFFIX)) return { kind: "array", item: parseTypeRef(ref.slice(0, -ARRAY_SUFFIX.length)) };
  if (ref === "void") return { kind: "void" };
  if (ref === "anyType") return { kind: "any" };
  return primitiveOf(ref) ? { kind: "primitive", name: ref } : { kind: "named", name: ref };
}

export function formatTypeRef(ref: TypeRef): string {
  switch (ref.kind) {
    case "void":
      return "void";
    case "any":
      return "anyType";
    case "primitive":
    case "named":
      return ref.name;
    case "array":
      return `${formatTypeRef(ref.item)}${ARRAY_SUFFIX}`;
  }
}

/** The item reference of an `X[]` reference; null for any other. */
export function arrayItemOf(ref: string): string | null {
  const parsed = parseTypeRef(ref);
  return parsed.kind === "array" ? formatTypeRef(parsed.item) : null;
}

/** `X[]` for `X`. */
export function arrayOf(item: string): string {
  return formatTypeRef({ kind: "array", item: parseTypeRef(item) });
}

/** What a reference is an array (of arrays …) of: `User` for `User[][]`, the reference itself when it is none. */
export function elementRefOf(ref: string): string {
  let parsed = parseTypeRef(ref);
  while (parsed.kind === "array") parsed = parsed.item;
  return formatTypeRef(parsed);
}

/** The reference with what it is an array (of arrays …) of replaced: `mapElementRef("A[]", f)` is `f("A") + "[]"`. */
export function mapElementRef(ref: string, replace: (element: string) => string): string {
  const parsed = parseTypeRef(ref);
  return parsed.kind === "array" ? arrayOf(mapElementRef(formatTypeRef(parsed.item), replace)) : replace(ref);
}
