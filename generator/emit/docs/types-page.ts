/** `docs/<Version>/types.md`: carriers, enums and dictionaries, one section each. */
import { compareStrings } from "../../model/order.js";
import { derivedUnionName, typeName } from "../naming.js";
import { enumNames } from "../ts/ts-types.js";
import { escapeMarkdown } from "../escape.js";
import { render } from "../render.js";
import { code, codeCell, link } from "./markdown.js";
import { docCell, provenanceNote } from "./provenance.js";
import { typeCell } from "./values.js";
import type { Documented, TypesLayout, VersionIndex } from "./version-index.js";

interface FieldRow {
  name: string;
  type: string;
  doc: string;
}

interface TypeView {
  heading: string;
  doc: string;
  docNote: string;
  facts: string[];
  isCarrier: boolean;
  hasFields: boolean;
  fields: FieldRow[];
  isEnum: boolean;
  hasValues: boolean;
  values: { name: string; value: string; listedBy: string }[];
}

function typeView(type: Documented, index: VersionIndex): TypeView {
  const view: TypeView = {
    heading: type.name,
    doc: escapeMarkdown(type.doc),
    docNote: type.doc.trim() === "" ? "" : provenanceNote("Description", type.docSource),
    facts: [],
    isCarrier: false,
    hasFields: false,
    fields: [],
    isEnum: false,
    hasValues: false,
    values: [],
  };
  switch (type.kind) {
    case "carrier": {
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
      break;
    }
    case "enum": {
      view.isEnum = true;
      view.facts.push(
        type.flags
          ? `Flags: a value is a list of names, ${code(`${typeName(type.name)}[]`)} in TypeScript (space-separated in SOAP, comma-separated in REST).`
          : `One of the names below, a string literal in TypeScript.`,
      );
      view.facts.push(`Underlying numeric type ${code(type.underlying)}.`);
      view.facts.push(`A name the server sends that is not listed below arrives unchanged, as its string.`);
      const numbers = new Map(type.values.map((v) => [v.name, v.value]));
      const rest = type.restValues;
      view.values = enumNames(type).map((name) => {
        const value = numbers.get(name);
        const listedBy = numbers.has(name) ? (rest === undefined || rest.includes(name) ? "WSDL, OpenAPI" : "WSDL") : "OpenAPI";
        return { name: codeCell(name), value: value === undefined || value === null ? "—" : String(value), listedBy: rest === undefined ? "WSDL" : listedBy };
      });
      view.hasValues = view.values.length > 0;
      break;
    }
    case "dictionary": {
      view.facts.push(`A map from ${typeCell(type.keyType, false, index, "")} to ${typeCell(type.valueType, false, index, "")}; on the wire each entry is a ${code(type.entryElement)} element with ${code("Key")} and ${code("Value")}.`);
      break;
    }
  }
  if (type.definedBy.length > 0) view.facts.push(`Defined by ${[...type.definedBy].sort(compareStrings).map((a) => (index.agents.has(a) ? link(a, index.agents.get(a)!.file) : a)).join(", ")}.`);
  return view;
}

export function typesPage(layout: TypesLayout, index: VersionIndex): string {
  return render("docs/types", {
    title: layout.title,
    nav: [link(index.model.version, "README.md"), link("All versions", "../README.md")].join(" · "),
    empty: layout.sections.length === 0,
    sections: layout.sections.map((s) => ({ heading: s.heading, types: s.types.map((t) => typeView(t.type, index)) })),
  });
}
