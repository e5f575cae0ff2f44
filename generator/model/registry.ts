/**
 * Carriers, enums, dictionaries and arrays of one version, deduplicated across
 * agents: every agent's WSDL repeats Carrier, TableRight, … — one type, many copies.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { ParsedWsdl } from "../parse/types.js";
import { compareStrings } from "../util/order.js";
import { quotedFile } from "./shown-paths.js";
import type { TypeDef } from "./types.js";

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
        byName.set(type.name, { type: { ...type, definedBy: [wsdl.agent] }, shape, path: wsdl.source.path });
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

/** The wire-relevant part of a type: docs and provenance do not make two definitions different. */
function shapeOf(type: TypeDef): string {
  const { doc: _doc, docSource: _docSource, definedBy: _definedBy, ...shape } = type;
  return JSON.stringify(shape);
}
