/** `docs/<Version>/types.md`: carriers, enums and dictionaries, one section each. */
import { compareStrings } from "../../util/order.js";
import { escapeMarkdown } from "../escape.js";
import { kindOf } from "../kinds/index.js";
import { render } from "../render.js";
import { link } from "./markdown.js";
import { provenanceNote } from "./provenance.js";
import type { Documented, TypesLayout, VersionIndex } from "./version-index.js";

export interface FieldRow {
  name: string;
  type: string;
  doc: string;
}

/** A type's section on the types page; its kind's module (kinds/) fills facts, fields and values. */
export interface TypeDocsView {
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

function typeView(type: Documented, index: VersionIndex): TypeDocsView {
  const view: TypeDocsView = {
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
  kindOf(type).docs(type, view, index);
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
