import { describe, expect, it } from "vitest";
import { agentNames, lowerCamel, memberName, methodName, requestTypeName, resultTypeName, typeName } from "../generator/emit/naming.js";
import { typeLookup } from "../generator/emit/ts/ts-types.js";
import type { Agent } from "../generator/ir/types.js";
import { services88 } from "./fixtures/models.js";

describe("naming", () => {
  it("lower-camel-cases agent and operation names as CONTRACTS §4 says", () => {
    expect(lowerCamel("User")).toBe("user");
    expect(lowerCamel("BLOB")).toBe("blob");
    expect(lowerCamel("CRMScript")).toBe("crmScript");
    expect(lowerCamel("EMail")).toBe("eMail");
    expect(lowerCamel("MDO")).toBe("mdo");
    expect(lowerCamel("SoPrincipal")).toBe("soPrincipal");
    expect(lowerCamel("SetExternalUserInfo")).toBe("setExternalUserInfo");
    expect(lowerCamel("GetMDOList")).toBe("getMDOList");
  });
  it("keeps reserved words and runtime names compilable", () => {
    expect(memberName("Delete")).toBe("delete");
    expect(memberName("Default")).toBe("default");
    expect(memberName("Constructor")).toBe("constructor_");
    expect(memberName("Then")).toBe("then_");
    expect(typeName("Promise")).toBe("Promise_");
    expect(typeName("Date")).toBe("Date_");
    expect(typeName("User")).toBe("User");
  });
});

describe("names built from a schema name", () => {
  const model = services88();
  const types = typeLookup(model);
  const agentNamed = (name: string): Agent => ({ ...model.agents[0]!, name });
  const op = model.agents[0]!.operations[0]!;

  it("carry no clash escape of the part: only the whole name is checked", () => {
    for (const global of ["Headers", "Promise", "String", "Record"]) {
      const names = agentNames(agentNamed(global), types);
      expect(names.interfaceName).toBe(`${global}Agent`);
      expect(names.className).toBe(`${global}AgentClient`);
      expect(requestTypeName(agentNamed(global), op, types)).toBe(`${global}${op.name}Request`);
    }
  });

  it("tell apart operations that sanitise alike in methods, request and result types alike", () => {
    const operations = ["Get-User", "Get_User"].map((name) => ({ ...op, name }));
    const agent = { ...agentNamed("Foo"), operations };
    expect(operations.map((operation) => methodName(agent, operation))).toEqual(["get_User", "get_User_2"]);
    expect(operations.map((operation) => requestTypeName(agent, operation, types))).toEqual(["FooGet_UserRequest", "FooGet_User_2Request"]);
    expect(operations.map((operation) => resultTypeName(agent, operation, types))).toEqual(["FooGet_UserResult", "FooGet_User_2Result"]);
  });

  it("still step aside when the whole name is a schema type's", () => {
    const taken = services88();
    taken.types.push({ kind: "enum", name: "HeadersAgent", namespace: "ns", doc: "", docSource: null, definedBy: [], flags: false, underlying: "int", values: [] });
    expect(agentNames(agentNamed("Headers"), typeLookup(taken)).interfaceName).toBe("HeadersAgent_");
  });
});
