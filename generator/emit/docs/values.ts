/** Types and values on the docs pages: a type as linked TypeScript, an example value of it, an example call. */
import { arrayItemOf, elementRefOf } from "../../ir/type-ref.js";
import type { Agent, Operation } from "../../ir/types.js";
import { kindOf } from "../kinds/index.js";
import { agentProperty, methodName, objectKey } from "../naming.js";

import { primitiveTsType, tsValueType, type Direction } from "../ts/ts-types.js";
import { codeCell, link } from "./markdown.js";
import type { TypeLinks } from "./version-index.js";
import { ownKeysOnly } from "../../util/records.js";

// Null prototypes: a type named `constructor` or `toString` must not find Object.prototype's members.
const PLACEHOLDERS: Readonly<Record<string, string>> = ownKeysOnly({
  guid: '"00000000-0000-0000-0000-000000000000"',
  duration: '"PT0S"',
  anyURI: '"https://example.com/"',
  base64Binary: '"SGVsbG8="',
  dateTime: 'new Date("2025-01-01T00:00:00Z")',
  date: 'new Date("2025-01-01")',
  anyType: "null",
});

const PLACEHOLDER_BY_TS: Readonly<Record<string, string>> = ownKeysOnly({ number: "0", "number | string": "0", string: '"text"', boolean: "true" });

/** The named carrier/enum/dictionary a reference points at (through arrays), if documented. */
function linkedType(ref: string, index: TypeLinks): string | null {
  const name = elementRefOf(ref);
  const def = index.types.get(name);
  if (def?.kind === "array") return linkedType(def.itemType, index);
  return index.typeAnchors.has(name) ? name : null;
}

/** A type cell: the TypeScript type as code, linked to its section on the types page. */
export function typeCell(ref: string, nillable: boolean, index: TypeLinks, typesHref: string, direction: Direction = "received"): string {
  const text = codeCell(tsValueType(ref, nillable, index.types, direction));
  const target = linkedType(ref, index);
  return target === null ? text : link(text, `${typesHref}#${index.typeAnchors.get(target)!}`);
}

export function placeholder(ref: string, index: TypeLinks): string {
  const item = arrayItemOf(ref);
  if (item !== null) {
    const inner = placeholder(item, index);
    return inner.startsWith("{") || inner.startsWith("[") || inner === "null" ? "[]" : `[${inner}]`;
  }
  const special = PLACEHOLDERS[ref];
  if (special !== undefined) return special;
  const primitive = primitiveTsType(ref);
  if (primitive !== undefined) return PLACEHOLDER_BY_TS[primitive] ?? "null";
  const def = index.types.get(ref);
  if (def === undefined) return "null";
  return kindOf(def).example(def, index);
}

const LINE_LIMIT = 100;

/** `const result = await soap.user.createExternalUser({ … });`, one property a line when long. */
export function example(client: "soap" | "rest", agent: Agent, op: Operation, index: TypeLinks): string {
  const call = `await ${client}.${agentProperty(agent)}.${methodName(agent, op)}`;
  const prefix = op.returns === "void" ? "" : "const result = ";
  if (op.params.length === 0) return `${prefix}${call}();`;
  const props = op.params.map((p) => `${objectKey(p.name)}: ${placeholder(p.type, index)}`);
  const oneLine = `${prefix}${call}({ ${props.join(", ")} });`;
  if (oneLine.length <= LINE_LIMIT) return oneLine;
  return `${prefix}${call}({\n${props.map((p) => `  ${p},`).join("\n")}\n});`;
}
