/** The small print that says where a doc came from when it is not the operation's own SOAP page. */
import type { DocProvenance } from "../../ir/types.js";
import { printable } from "../../diagnostics.js";
import { escapeMarkdown } from "../escape.js";
import { code } from "./markdown.js";

const ORIGIN_TEXT: Record<DocProvenance["origin"], string> = {
  "soap-page": "the SOAP reference page",
  "rest-page": "the REST reference page",
  openapi: "the OpenAPI file",
  "previous-version": "an earlier version",
};

function inherited(source: DocProvenance | null): source is DocProvenance {
  return source !== null && source.origin !== "soap-page";
}

function originText(source: DocProvenance): string {
  return source.origin === "previous-version" ? `the ${source.version ?? "earlier version"} reference` : ORIGIN_TEXT[source.origin];
}

/** `<sub>Description from the REST reference page (`path:line`).</sub>`, or "" for SOAP-page docs. */
export function provenanceNote(subject: string, source: DocProvenance | null): string {
  if (!inherited(source)) return "";
  // The path is the input's as named on disk, shown as code (a paragraph's, not a table cell's): markup in it is text, a line break an escape.
  return `<sub>${subject} from ${originText(source)} (${code(`${printable(source.path)}:${source.line}`)}).</sub>`;
}

/** The compact form for table cells. */
function provenanceTag(source: DocProvenance | null): string {
  if (!inherited(source)) return "";
  const short = source.origin === "rest-page" ? "REST page" : source.origin === "openapi" ? "OpenAPI" : (source.version ?? "earlier version");
  return ` <sub>(from ${short})</sub>`;
}

export function docCell(doc: string, source: DocProvenance | null): string {
  return doc.trim() === "" ? "" : `${escapeMarkdown(doc, "cell")}${provenanceTag(source)}`;
}
