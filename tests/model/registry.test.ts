/** Carriers repeated across agents' WSDLs are one type; a name defined two ways is a diagnostic naming both files. */
import { describe, expect, it } from "vitest";
import { mergeTypes } from "../../generator/model/registry.js";
import { shownToUsers } from "../../generator/model/shown-paths.js";
import type { CarrierType } from "../../generator/ir/types.js";
import type { ParsedWsdl, SchemaCarrier, SchemaType } from "../../generator/parse/types.js";

const carrier = (fields: string[]): SchemaCarrier => ({
  kind: "carrier",
  name: "TableRight",
  namespace: "http://www.superoffice.net/ws/crm/NetServer/Services88",
  base: null,
  fields: fields.map((name) => ({ name, type: "string", optional: true, nillable: true })),
});

const wsdl = (agent: string, type: SchemaType): ParsedWsdl => ({
  source: { path: `docs/Services88-${agent}.md`, line: 11 },
  targetNamespace: type.namespace,
  version: "Services88",
  agent,
  address: "",
  types: [type],
  operations: [],
});

describe("mergeTypes", () => {
  it("turns parsed schema types into IR types: undocumented, defined by the agent, a dictionary's value nillability kept", () => {
    const dictionary = (valueNillable: boolean): SchemaType => ({ kind: "dictionary", name: `D${valueNillable}`, namespace: "ns", entryElement: "E", keyType: "string", valueType: "int", valueNillable });
    const { types } = mergeTypes([{ ...wsdl("User", carrier(["Mask"])), types: [carrier(["Mask"]), dictionary(false), dictionary(true)] }]);
    expect(types).toEqual([
      { kind: "dictionary", name: "Dfalse", namespace: "ns", doc: "", docSource: null, definedBy: ["User"], entryElement: "E", keyType: "string", valueType: "int", valueNillable: false },
      { kind: "dictionary", name: "Dtrue", namespace: "ns", doc: "", docSource: null, definedBy: ["User"], entryElement: "E", keyType: "string", valueType: "int", valueNillable: true },
      { ...carrier(["Mask"]), doc: "", docSource: null, definedBy: ["User"], fields: [{ name: "Mask", type: "string", optional: true, nillable: true, doc: "", docSource: null }] },
    ]);
  });

  it("keeps one copy of a type every agent repeats, defined by all of them", () => {
    const { types, diagnostics } = mergeTypes([wsdl("Contact", carrier(["Mask", "Reason"])), wsdl("User", carrier(["Mask", "Reason"]))]);
    expect(diagnostics).toEqual([]);
    expect(types).toHaveLength(1);
    expect(types[0]?.definedBy).toEqual(["Contact", "User"]);
  });

  it("reports a type defined differently in two WSDLs, naming both files (as the user knows them), and keeps the first", () => {
    const { types, diagnostics } = mergeTypes([wsdl("Contact", carrier(["Mask", "Reason"])), wsdl("User", carrier(["Mask"]))]);
    const files = ["Contact", "User"].map((agent) => ({ path: `../from/cwd/docs/Services88-${agent}.md`, source: `docs/Services88-${agent}.md`, value: null, diagnostics: [] }));
    expect(shownToUsers(diagnostics, files)).toEqual([
      {
        path: "../from/cwd/docs/Services88-User.md",
        line: 11,
        severity: "warning",
        code: "model.type-conflict",
        message: "The type TableRight is defined differently here and in ../from/cwd/docs/Services88-Contact.md; the definition from ../from/cwd/docs/Services88-Contact.md is used.",
      },
    ]);
    expect((types[0] as CarrierType).fields.map((field) => field.name)).toEqual(["Mask", "Reason"]);
    expect(types[0]?.definedBy).toEqual(["Contact"]);
  });
});
