/**
 * The one printer of TypeScript declarations for `<version>/types.ts`: interfaces, type aliases,
 * unions and const arrays built from typed parts, so property names are quoted where they are no
 * identifier and doc comments go through tsdoc.ts (escaped by escapeTsdoc). Templates receive
 * the finished text. (No ts-morph here: it costs seconds per run; the tests use it to check.)
 */
import { propertyKey } from "../naming.js";
import { tsdoc } from "./tsdoc.js";

export interface PropertySpec {
  doc: string;
  /** A member name, quoted when it is no identifier; with `computed`, an in-scope identifier used as `[name]`. */
  name: string;
  computed?: boolean;
  readonly?: boolean;
  optional?: boolean;
  type: string;
}

export interface InterfaceSpec {
  doc: string;
  name: string;
  extends: string | null;
  properties: PropertySpec[];
}

/** A declaration's lines with its doc comment above; `indent` spaces before each. */
function documented(doc: string, lines: string[], indent = ""): string[] {
  return [...tsdoc(doc), ...lines].map((line) => indent + line);
}

function property(spec: PropertySpec): string {
  const key = spec.computed ? `[${spec.name}]` : propertyKey(spec.name);
  return `${spec.readonly ? "readonly " : ""}${key}${spec.optional ? "?" : ""}: ${spec.type};`;
}

export function printInterface(spec: InterfaceSpec): string {
  const head = `export interface ${spec.name}${spec.extends === null ? "" : ` extends ${spec.extends}`} {`;
  return [...documented(spec.doc, [head]), ...spec.properties.flatMap((member) => documented(member.doc, [property(member)], "  ")), "}"].join("\n");
}

export function printTypeAlias(doc: string, name: string, type: string): string {
  return documented(doc, [`export type ${name} = ${type};`]).join("\n");
}

export function printConstArray(doc: string, name: string, items: string[]): string {
  return documented(doc, [`export const ${name} = [${items.join(", ")}] as const;`]).join("\n");
}

/** `A | B`; `never` for no member. */
export function union(members: string[]): string {
  return members.length ? members.join(" | ") : "never";
}

/** A string literal type or value. */
export function literal(text: string): string {
  return JSON.stringify(text);
}

/** Declarations that belong together (an interface and its family union), a blank line apart. */
export function together(...declarations: string[]): string {
  return declarations.join("\n\n");
}
