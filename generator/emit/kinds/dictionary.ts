/** Dictionaries: a `Record<string, V>`, one line on the types page. */
import type { DictionaryType } from "../../ir/types.js";
import { code } from "../docs/markdown.js";
import { typeCell } from "../docs/values.js";
import { typeName } from "../naming.js";
import { tsValueType } from "../ts/ts-types.js";
import { printTypeAlias } from "../ts/print.js";
import { typeDescriptor } from "../ts/wire.js";
import type { KindModule } from "./index.js";

export const dictionaryKind: KindModule<DictionaryType> = {
  declaration(type, types) {
    // A dictionary only the OpenAPI files define has no entry element: it is a JSON object only.
    const doc = type.doc || `The ${type.name} dictionary${type.entryElement ? ` (${type.entryElement} entries on the wire)` : ""}.`;
    return printTypeAlias(doc, typeName(type.name), `Record<string, ${tsValueType(type.valueType, type.valueNillable !== false, types)}>`);
  },

  descriptor: typeDescriptor,

  docs(type, view, index) {
    view.facts.push(`A map from ${typeCell(type.keyType, false, index, "")} to ${typeCell(type.valueType, false, index, "")}; on the wire each entry is a ${code(type.entryElement)} element with ${code("Key")} and ${code("Value")}.`);
  },

  example() {
    return "{}";
  },
};
