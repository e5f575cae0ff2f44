/** Carriers: an interface (and, for one others derive from, the `AnyX` family union), a fields table. */
import type { CarrierType } from "../../ir/types.js";
import { code, codeCell, link } from "../docs/markdown.js";
import { docCell } from "../docs/provenance.js";
import { typeCell } from "../docs/values.js";
import { derivedUnionName, typeName } from "../naming.js";
import { descendants, isDerivedMember } from "../ts/derived.js";
import { literal, printInterface, printTypeAlias, together, union, type PropertySpec } from "../ts/print.js";
import { docWithFormat, tsValueType, type TypeLookup } from "../ts/ts-types.js";
import { typeDescriptor } from "../ts/wire.js";
import type { KindModule } from "./index.js";

export const carrierKind: KindModule<CarrierType> = {
  declaration(type, types) {
    const derivedFrom = isDerivedMember(type, types) ? type.base : null;
    const discriminant: PropertySpec[] = derivedFrom
      ? [{ doc: `Names this carrier (or one derived from it) in place of its base ${derivedFrom}: set it to send one; SOAP sends it as \`xsi:type\`.`, name: "XSI_TYPE", computed: true, readonly: true, type: union([type.name, ...descendants(type, types)].map(literal)) }]
      : [];
    const fields = type.fields.map((field): PropertySpec => ({ doc: docWithFormat(field.doc, field.type), name: field.name, optional: field.optional, type: tsValueType(field.type, field.nillable, types) }));
    const doc = [type.doc || `The ${type.name} carrier.`, derivedFrom ? `Derived from ${derivedFrom} (a WCF known type): it travels wherever a ${derivedFrom} is declared.` : ""];
    const carrier = printInterface({ doc: doc.filter(Boolean).join("\n\n"), name: typeName(type.name), extends: type.base ? typeName(type.base) : null, properties: [...discriminant, ...fields] });
    return type.derived ? together(carrier, family(type, types)) : carrier;
  },

  descriptor: typeDescriptor,

  docs(type, view, index) {
    view.isCarrier = true;
    if (type.base !== null) {
      const anchor = index.typeAnchors.get(type.base);
      view.facts.push(`Extends ${anchor === undefined ? code(typeName(type.base)) : link(code(typeName(type.base)), `#${anchor}`)}.`);
    }
    view.fields = type.fields.map((f) => ({
      name: codeCell(`${f.name}${f.optional ? "?" : ""}`),
      type: typeCell(f.type, f.nillable, index, ""),
      doc: docCell(f.doc, f.docSource),
    }));
    view.hasFields = view.fields.length > 0;
    if (!view.hasFields) view.facts.push("No fields of its own.");
    if (type.derived) {
      const derived = type.derived.map((name) => {
        const anchor = index.typeAnchors.get(name);
        return anchor === undefined ? code(typeName(name)) : link(code(typeName(name)), `#${anchor}`);
      });
      view.facts.push(
        `Carriers derived from it (WCF known types) travel where it is declared: ${derived.join(", ")}. TypeScript refers to it as ${code(derivedUnionName(type.name, index.types))}; switch on ${code("value[XSI_TYPE]")} to narrow (SOAP: the ${code("xsi:type")}; REST: the derived carrier whose fields the JSON has), and set it to send a derived one.`,
      );
    }
  },

  example(type) {
    return `{ /* ${typeName(type.name)} */ }`;
  },
};

/** `AnyX = (X & { readonly [XSI_TYPE]?: "X" }) | Derived1 | …`, narrowed by `value[XSI_TYPE]`. */
function family(type: CarrierType, types: TypeLookup): string {
  const derived = descendants(type, types);
  const self = `(${typeName(type.name)} & { readonly [XSI_TYPE]?: ${literal(type.name)} })`;
  const doc = [
    `A ${type.name} or a carrier derived from it (WCF known types): ${derived.map((sub) => `{@link ${typeName(sub)}}`).join(", ")}.`,
    `Switch on \`value[XSI_TYPE]\` (XSI_TYPE from the runtime) to narrow: over SOAP it is the response's \`xsi:type\`, over REST the derived carrier whose fields the JSON has; a plain ${type.name} has none. To send a derived carrier, set it: \`{ [XSI_TYPE]: ${literal(derived[0] ?? type.name)}, … }\`.`,
  ].join("\n\n");
  return printTypeAlias(doc, derivedUnionName(type.name, types), union([self, ...derived.map((sub) => typeName(sub))]));
}
