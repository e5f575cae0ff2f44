/** Issue 2, done when: the default run (input/) covers every seed. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ServicesModel } from "../../generator/ir/types.js";
import { repoRoot } from "../corpus.js";
import { buildFrom, type InMemoryRun } from "../support/pipeline.js";

const find = (model: ServicesModel | undefined, name: string) => model?.agents.find((agent) => agent.name === "User")?.operations.find((operation) => operation.name === name);

describe("the model of input/", () => {
  let run: InMemoryRun;
  let v86: ServicesModel | undefined;
  let v88: ServicesModel | undefined;
  beforeAll(async () => {
    run = await buildFrom(["input"]);
    v86 = run.models.find((model) => model.version === "Services86");
    v88 = run.models.find((model) => model.version === "Services88");
  });

  it("has both versions and all four seed operations", () => {
    expect(run.models.map((model) => model.version)).toEqual(["Services86", "Services88"]);
    expect(find(v86, "CreateExternalUser")).toBeDefined();
    expect(find(v86, "SetPassword")).toBeDefined();
    expect(find(v88, "SetExternalUserInfo")).toBeDefined();
    expect(find(v88, "SaveUntrustedCredentialsForAssociate")).toBeDefined();
  });

  it("takes the Services86 CreateExternalUser doc and parameter docs from seed 001", () => {
    const operation = find(v86, "CreateExternalUser");
    expect(operation?.doc).toMatch(/^Creates an associate of type external user\./);
    expect(operation?.docSource).toMatchObject({ origin: "soap-page", path: "input/seeds/001_0182cecb279bd4a6.txt" });
    expect(operation?.returns).toBe("int");
    expect(operation?.returnsDoc).toBe("Returns the created associateId.");
    expect(Object.fromEntries(operation?.params.map((param) => [param.name, param.doc]) ?? [])).toEqual({
      PersonId: "The personId to create an external user for.",
      UserName: "Login username.",
      Password: "Login password.",
      RoleId: "Id of role for the external user. The role must be a role of type external users.",
      IsActive: "Set isActive to true to enable the external user to log in.",
    });
  });

  it("points each parameter doc at its own line of the page, not at the operation's heading", () => {
    const operation = find(v86, "CreateExternalUser");
    const lines = readFileSync(path.join(repoRoot, "input/seeds/001_0182cecb279bd4a6.txt"), "utf8").split("\n");
    for (const param of operation?.params ?? []) {
      const line = lines.findIndex((text) => text.toLowerCase().includes(`**${param.name.toLowerCase()}:**`)) + 1;
      expect(line, param.name).toBeGreaterThan(0);
      expect(param.docSource, param.name).toEqual({ origin: "soap-page", path: "input/seeds/001_0182cecb279bd4a6.txt", line });
    }
    expect(new Set(operation?.params.map((param) => param.docSource?.line)).size).toBe(operation?.params.length);
  });

  it("merges the Services88 SetExternalUserInfo doc in from the REST page (seed 002)", () => {
    const operation = find(v88, "SetExternalUserInfo");
    expect(operation?.doc).toMatch(/^Modifies an external user\./);
    expect(operation?.docSource).toMatchObject({ origin: "rest-page", path: "input/seeds/002_4ba421d35adb619a.txt" });
    expect(operation?.rest).toMatchObject({ method: "POST", path: "/api/v1/Agents/User/SetExternalUserInfo", origin: "rest-page" });
    expect(operation?.params.find((param) => param.name === "ExternalUserInfoModification")?.type).toBe("ExternalUserInfoModification");
  });

  it("inherits Services86 page docs into Services88 where Services88 has no page", () => {
    const operation = find(v88, "CreateExternalUser");
    expect(operation?.doc).toMatch(/^Creates an associate of type external user\./);
    expect(operation?.docSource).toMatchObject({ origin: "previous-version", version: "Services86" });
    expect(operation?.params.find((param) => param.name === "UserName")?.docSource?.origin).toBe("previous-version");
  });

  it("reads the plain-text dump (seed 004) as the SaveUntrustedCredentialsForAssociate page", () => {
    const operation = find(v88, "SaveUntrustedCredentialsForAssociate");
    expect(operation?.sources.map((source) => source.kind)).toEqual(["wsdl", "soap-page"]);
    expect(operation?.sources[1]?.path).toBe("input/seeds/004_e4d41bc45c853810.txt");
  });

  it("has no errors", () => {
    expect(run.allDiagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
