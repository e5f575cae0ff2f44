/** View model of `<version>/types.ts`: every carrier, enum and dictionary of the version. */
import type { CarrierType, EnumType, ServicesModel, TypeDef } from "../../ir/types.js";
import { descendants, isDerivedMember } from "./derived.js";
import { derivedUnionName, propertyKey, typeName } from "../naming.js";
import { tsdoc } from "./tsdoc.js";
import { docWithFormat, enumNames, tsValueType, type TypeLookup } from "./ts-types.js";

const q = (text: string): string => JSON.stringify(text);

export interface TypesView {
  version: string;
  /** Import lines (the runtime's XSI_TYPE, when a carrier has derived carriers). */
  imports: string[];
  declarations: DeclarationView[];
}

export interface DeclarationView {
  doc: string[];
  /** Exactly one of these is set, so the template only picks a shape. */
  carrier?: {
    name: string;
    extendsClause: string;
    fields: { doc: string[]; signature: string }[];
    /** `AnyX`: the carrier or one derived from it, for carriers others derive from. */
    family?: { doc: string[]; name: string; members: string };
  };
  union?: { name: string; members: string; valuesName: string; valuesDoc: string[]; values: string };
  record?: { name: string; valueType: string };
}

export function typesView(model: ServicesModel, types: TypeLookup): TypesView {
  const declarations = model.types.filter((type) => type.kind !== "array").map((type) => declaration(type, types));
  const polymorphic = model.types.some((type) => type.kind === "carrier" && type.derived);
  return { version: model.version, imports: polymorphic ? ['import type { XSI_TYPE } from "../runtime/index.js";'] : [], declarations };
}

/** `AnyX = (X & { readonly [XSI_TYPE]?: "X" }) | Derived1 | …`, narrowed by `value[XSI_TYPE]`. */
function familyView(type: CarrierType, types: TypeLookup): NonNullable<NonNullable<DeclarationView["carrier"]>["family"]> {
  const derived = descendants(type, types);
  const name = derivedUnionName(type.name, types);
  const self = `(${typeName(type.name)} & { readonly [XSI_TYPE]?: ${q(type.name)} })`;
  return {
    name,
    members: [self, ...derived.map((sub) => typeName(sub))].join(" | "),
    doc: tsdoc(
      [
        `A ${type.name} or a carrier derived from it (WCF known types): ${derived.map((sub) => `{@link ${typeName(sub)}}`).join(", ")}.`,
        `Switch on \`value[XSI_TYPE]\` (XSI_TYPE from the runtime) to narrow: over SOAP it is the response's \`xsi:type\`, over REST the derived carrier whose fields the JSON has; a plain ${type.name} has none. To send a derived carrier, set it: \`{ [XSI_TYPE]: ${q(derived[0] ?? type.name)}, … }\`.`,
      ].join("\n\n"),
    ),
  };
}

/** Where the names come from, when the WSDL and the OpenAPI files do not list the same ones. */
function enumProvenance(type: EnumType): string {
  const wsdl = type.values.map((value) => value.name);
  const rest = type.restValues ?? [];
  const onlyWsdl = type.restValues ? wsdl.filter((name) => !rest.includes(name)) : [];
  const onlyRest = rest.filter((name) => !wsdl.includes(name));
  const where = type.restValuesSource ? ` (${type.restValuesSource.path})` : "";
  return [
    onlyRest.length ? `Only the REST API's OpenAPI file${where} lists ${onlyRest.map((name) => `\`${name}\``).join(", ")}.` : "",
    onlyWsdl.length ? `Only the WSDL lists ${onlyWsdl.map((name) => `\`${name}\``).join(", ")}.` : "",
    "A name the server sends that is not listed here arrives unchanged, as its string.",
  ]
    .filter(Boolean)
    .join(" ");
}

function declaration(type: Exclude<TypeDef, { kind: "array" }>, types: TypeLookup): DeclarationView {
  const name = typeName(type.name);
  switch (type.kind) {
    case "carrier": {
      const fields = type.fields.map((field) => ({
        doc: tsdoc(docWithFormat(field.doc, field.type)),
        signature: `${propertyKey(field.name)}${field.optional ? "?" : ""}: ${tsValueType(field.type, field.nillable, types)};`,
      }));
      const derivedFrom = isDerivedMember(type, types) ? type.base : null;
      const own = [type.name, ...descendants(type, types)];
      const discriminant = derivedFrom
        ? [{ doc: tsdoc(`Names this carrier (or one derived from it) in place of its base ${derivedFrom}: set it to send one; SOAP sends it as \`xsi:type\`.`), signature: `readonly [XSI_TYPE]: ${own.map(q).join(" | ")};` }]
        : [];
      const doc = [type.doc || `The ${type.name} carrier.`, derivedFrom ? `Derived from ${derivedFrom} (a WCF known type): it travels wherever a ${derivedFrom} is declared.` : ""];
      return {
        doc: tsdoc(doc.filter(Boolean).join("\n\n")),
        carrier: {
          name,
          extendsClause: type.base ? ` extends ${typeName(type.base)}` : "",
          fields: [...discriminant, ...fields],
          ...(type.derived ? { family: familyView(type, types) } : {}),
        },
      };
    }
    case "enum": {
      const names = enumNames(type);
      const literals = names.map((value) => JSON.stringify(value));
      const numbering = type.values.some((value) => value.value !== null)
        ? `Values: ${type.values.map((value) => (value.value === null ? value.name : `${value.name} = ${value.value}`)).join(", ")}.`
        : "";
      const kind = type.flags ? "Flags: a set of these names (an array in TypeScript, space-separated in XML)." : "";
      return {
        doc: tsdoc([type.doc, kind, numbering, enumProvenance(type)].filter(Boolean).join("\n\n")),
        union: {
          name,
          members: literals.length ? literals.join(" | ") : "never",
          valuesName: `${name}Values`,
          valuesDoc: tsdoc(`Every value of {@link ${name}}, in schema order${names.length > type.values.length ? ", then those only the OpenAPI file lists" : ""}.`),
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
