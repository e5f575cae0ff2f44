/**
 * Carriers, enums, dictionaries and arrays of one version, deduplicated across
 * agents: every agent's WSDL repeats Carrier, TableRight, … — one type, many copies.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { ParsedWsdl, SchemaType } from "../parse/types.js";
import { compareStrings } from "../util/order.js";
import { quotedFile } from "./shown-paths.js";
import type { TypeDef } from "../ir/types.js";

export interface TypeRegistry {
  types: TypeDef[];
  diagnostics: Diagnostic[];
}

/** `wsdls` must come in a stable order (by agent): the first definition of a name wins. */
export function mergeTypes(wsdls: readonly ParsedWsdl[]): TypeRegistry {
  const byName = new Map<string, { type: TypeDef; shape: string; path: string }>();
  const diagnostics: Diagnostic[] = [];
  for (const wsdl of wsdls) {
    for (const type of wsdl.types) {
      const shape = shapeOf(type);
      const known = byName.get(type.name);
      if (!known) {
        byName.set(type.name, { type: toTypeDef(type, wsdl.agent), shape, path: wsdl.source.path });
        continue;
      }
      if (known.shape === shape) {
        if (!known.type.definedBy.includes(wsdl.agent)) known.type.definedBy.push(wsdl.agent);
        continue;
      }
      diagnostics.push({
        path: wsdl.source.path,
        line: wsdl.source.line,
        severity: "warning",
        code: "model.type-conflict",
        message: `The type ${type.name} is defined differently here and in ${quotedFile(known.path)}; the definition from ${quotedFile(known.path)} is used.`,
      });
    }
  }
  const types = [...byName.values()].map(({ type }) => ({ ...type, definedBy: [...type.definedBy].sort() }));
  return { types: types.sort((a, b) => compareStrings(a.name, b.name)), diagnostics };
}

/** What the schema says of a type is its wire shape: docs and provenance (added later) do not make two definitions different. */
function shapeOf(type: SchemaType): string {
  return JSON.stringify(type);
}

/** The IR's TypeDef for a parsed schema type, undocumented (documentType adds docs), defined by `agent` so far. */
function toTypeDef(type: SchemaType, agent: string): TypeDef {
  const common = { namespace: type.namespace, doc: "", docSource: null, definedBy: [agent] };
  switch (type.kind) {
    case "carrier":
      return { name: type.name, kind: type.kind, ...common, base: type.base, fields: type.fields.map((field) => ({ ...field, doc: "", docSource: null })) };
    case "enum":
      return { name: type.name, kind: type.kind, ...common, flags: type.flags, underlying: type.underlying, values: type.values };
    case "dictionary":
      return { name: type.name, kind: type.kind, ...common, entryElement: type.entryElement, keyType: type.keyType, valueType: type.valueType, valueNillable: type.valueNillable };
    case "array":
      return { name: type.name, kind: type.kind, ...common, itemType: type.itemType, itemElement: type.itemElement, itemNillable: type.itemNillable };
  }
}
