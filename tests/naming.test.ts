import { describe, expect, it } from "vitest";
import { lowerCamel, memberName, typeName } from "../generator/emit/naming.js";

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
