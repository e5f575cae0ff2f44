/** View model of `<version>/types.ts`: every carrier, enum and dictionary of the version. */
import type { ServicesModel, TypeDef } from "../model/types.js";
import { propertyKey, typeName } from "./naming.js";
import { tsdoc } from "./tsdoc.js";
import { docWithFormat, tsValueType, type TypeLookup } from "./ts-types.js";

export interface TypesView {
  version: string;
  declarations: DeclarationView[];
}

export interface DeclarationView {
  doc: string[];
  /** Exactly one of these is set, so the template only picks a shape. */
  carrier?: { name: string; extendsClause: string; fields: { doc: string[]; signature: string }[] };
  union?: { name: string; members: string; valuesName: string; valuesDoc: string[]; values: string };
  record?: { name: string; valueType: string };
}

export function typesView(model: ServicesModel, types: TypeLookup): TypesView {
  const declarations = model.types.filter((type) => type.kind !== "array").map((type) => declaration(type, types));
  return { version: model.version, declarations };
}

function declaration(type: Exclude<TypeDef, { kind: "array" }>, types: TypeLookup): DeclarationView {
  const name = typeName(type.name);
  switch (type.kind) {
    case "carrier":
      return {
        doc: tsdoc(type.doc || `The ${type.name} carrier.`),
        carrier: {
          name,
          extendsClause: type.base ? ` extends ${typeName(type.base)}` : "",
          fields: type.fields.map((field) => ({
            doc: tsdoc(docWithFormat(field.doc, field.type)),
            signature: `${propertyKey(field.name)}${field.optional ? "?" : ""}: ${tsValueType(field.type, field.nillable, types)};`,
          })),
        },
      };
    case "enum": {
      const literals = type.values.map((value) => JSON.stringify(value.name));
      const numbering = type.values.some((value) => value.value !== null)
        ? `Values: ${type.values.map((value) => (value.value === null ? value.name : `${value.name} = ${value.value}`)).join(", ")}.`
        : "";
      const kind = type.flags ? "Flags: a set of these names (an array in TypeScript, space-separated in XML)." : "";
      return {
        doc: tsdoc([type.doc, kind, numbering].filter(Boolean).join("\n\n") || `The ${type.name} enumeration.`),
        union: {
          name,
          members: literals.length ? literals.join(" | ") : "never",
          valuesName: `${name}Values`,
          valuesDoc: tsdoc(`Every value of {@link ${name}}, in schema order.`),
          values: literals.join(", "),
        },
      };
    }
    case "dictionary":
      return {
        doc: tsdoc(type.doc || `The ${type.name} dictionary (${type.entryElement} entries on the wire).`),
        record: { name, valueType: tsValueType(type.valueType, true, types) },
      };
  }
}
