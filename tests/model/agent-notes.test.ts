import { describe, expect, it } from "vitest";
import { liftAgentNotes } from "../../generator/model/agent-notes.js";
import { operation, restPage } from "../fixtures/models.js";

const NOTE = "**Online Restricted:** The User agent is not available in Online by default.";

function documented(name: string, doc: string) {
  return { ...operation("Services88", { name, params: [], returns: "void" }), doc, docSource: restPage(`${name}.md`, 3) };
}

describe("liftAgentNotes", () => {
  it("moves a labelled paragraph every documented operation repeats into the agent's doc", () => {
    const notes = liftAgentNotes([documented("A", `Does A.\n\n${NOTE}`), documented("B", `${NOTE}\n\nDoes B.`), { ...operation("Services88", { name: "C", params: [], returns: "void" }), doc: "", docSource: null }]);
    expect(notes.doc).toBe(NOTE);
    expect(notes.docSource).toEqual(restPage("A.md", 3));
    expect(notes.operations.map((op) => op.doc)).toEqual(["Does A.", "Does B.", ""]);
  });

  it("leaves a note alone that not every operation repeats, and plain shared prose", () => {
    const operations = [documented("A", `Does A.\n\n${NOTE}`), documented("B", "Does B."), documented("C", "Shared.\n\nMore"), documented("D", "Shared.")];
    expect(liftAgentNotes(operations.slice(0, 2))).toEqual({ doc: "", docSource: null, operations: operations.slice(0, 2) });
    expect(liftAgentNotes(operations.slice(2)).doc).toBe("");
  });

  it("drops the provenance of an operation whose only doc was the note", () => {
    const notes = liftAgentNotes([documented("A", NOTE), documented("B", `${NOTE}\n\nDoes B.`)]);
    expect(notes.operations.map((op) => [op.doc, op.docSource])).toEqual([["", null], ["Does B.", restPage("B.md", 3)]]);
  });
});
