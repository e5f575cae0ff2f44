/**
 * Agent-wide notes: a labelled paragraph that every documented operation of an agent repeats
 * ("**Online Restricted:** The User agent is not available in Online by default. …", 96 times in
 * Services88 User) says something of the agent, so it becomes the agent's doc, said once, and
 * leaves the operations' docs.
 */
import type { DocProvenance, Operation } from "../ir/types.js";

/** How cleanProse writes a labelled note: "**Label:** text". */
const LABELLED_NOTE = /^\*\*[^*\n]+:\*\*\s/;

export interface AgentNotes {
  doc: string;
  docSource: DocProvenance | null;
  /** The operations with the notes taken out of their docs. */
  operations: Operation[];
}

export function liftAgentNotes(operations: Operation[]): AgentNotes {
  const documented = operations.filter((operation) => operation.doc !== "");
  const first = documented[0];
  if (!first || documented.length < 2) return { doc: "", docSource: null, operations };
  const notes = paragraphs(first.doc).filter((paragraph) => LABELLED_NOTE.test(paragraph) && documented.every((operation) => paragraphs(operation.doc).includes(paragraph)));
  if (notes.length === 0) return { doc: "", docSource: null, operations };
  const withoutNotes = operations.map((operation): Operation => {
    if (operation.doc === "") return operation;
    const doc = paragraphs(operation.doc).filter((paragraph) => !notes.includes(paragraph)).join("\n\n");
    return { ...operation, doc, docSource: doc === "" ? null : operation.docSource };
  });
  return { doc: notes.join("\n\n"), docSource: first.docSource, operations: withoutNotes };
}

function paragraphs(doc: string): string[] {
  return doc.split(/\n[ \t]*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== "");
}
