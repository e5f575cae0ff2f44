import { describe, expect, it } from "vitest";
import { DIFFED, diffConsecutive, diffModels, type VersionDiff } from "../../generator/model/diff.js";
import { emitDocs } from "../../generator/emit/docs/index.js";
import type { CarrierType, DictionaryType, EnumType, ServicesModel } from "../../generator/ir/types.js";
import { operation, param, services86, services88 } from "../fixtures/models.js";

function carrierOf(model: ServicesModel, name: string): CarrierType {
  const type = model.types.find((t) => t.name === name);
  if (type?.kind !== "carrier") throw new Error(`no carrier ${name}`);
  return type;
}

function enumOf(model: ServicesModel, name: string): EnumType {
  const type = model.types.find((t) => t.name === name);
  if (type?.kind !== "enum") throw new Error(`no enum ${name}`);
  return type;
}

function opOf(model: ServicesModel, name: string) {
  const op = model.agents[0].operations.find((o) => o.name === name);
  if (op === undefined) throw new Error(`no operation ${name}`);
  return op;
}

function isEmpty(diff: VersionDiff): boolean {
  return Object.values(diff.summary).every((n) => n === 0);
}

describe("diffModels", () => {
  it("lists exactly what Services88 adds to the seed User agent", () => {
    const diff = diffModels(services86(), services88());
    expect(diff.older).toBe("Services86");
    expect(diff.newer).toBe("Services88");
    expect(diff.operations).toEqual({
      added: [
        {
          agent: "User",
          name: "SaveUntrustedCredentialsForAssociate",
          signature: "SaveUntrustedCredentialsForAssociate(AssociateId: int, Type: string, Credentials: UntrustedCredentials): void",
        },
      ],
      removed: [],
      changed: [],
    });
    expect(diff.agents).toEqual({
      added: [],
      removed: [],
      changed: [{ name: "User", requestHeaders: { added: ["TimeZone: SoTimeZone"], removed: [] }, responseHeaders: { added: [], removed: [] } }],
    });
    expect(diff.types.added.map((t) => t.name)).toEqual([
      "Carrier", "EFieldRight", "ETableRight", "FieldProperty", "FieldPropertyDictionary", "FieldRight", "TableRight", "UntrustedCredentials",
    ]);
    expect(diff.types.added.find((t) => t.name === "UntrustedCredentials")).toEqual({
      name: "UntrustedCredentials",
      kind: "carrier",
      description: "carrier UntrustedCredentials extends Carrier (6 fields)",
    });
    // ExternalUserInfoModification exists in both, unchanged: not listed.
    expect(diff.types.removed).toEqual([]);
    expect(diff.types.changed).toEqual([]);
    expect(diff.summary).toEqual({
      agentsAdded: 0, agentsRemoved: 0, agentsChanged: 1,
      operationsAdded: 1, operationsRemoved: 0, operationsChanged: 0,
      typesAdded: 8, typesRemoved: 0, typesChanged: 0,
    });
    expect(diffModels(services88(), services86()).operations.removed.map((o) => o.name)).toEqual(["SaveUntrustedCredentialsForAssociate"]);
  });

  it("reports nothing for a model against itself, nor for doc-only or version-only differences", () => {
    expect(isEmpty(diffModels(services88(), services88()))).toBe(true);
    const newer = services88();
    newer.version = "Services90";
    const agent = newer.agents[0];
    agent.endpoint = "Remote/Services90/User.svc";
    agent.doc = "Now documented.";
    for (const op of agent.operations) {
      op.soapAction = op.soapAction.replace("Services88", "Services90");
      op.doc = `${op.doc} More.`;
      op.rest.origin = "convention";
      for (const p of op.params) p.doc = "changed doc";
    }
    carrierOf(newer, "UntrustedCredentials").fields[0].doc = "Other doc.";
    expect(isEmpty(diffModels(services88(), newer))).toBe(true);
  });

  it("names the old and the new signature when a parameter changes", () => {
    const older = services88();
    const newer = services88();
    opOf(newer, "CreateExternalUser").params[0].type = "long";
    opOf(newer, "SetPassword").params.push(param("Extra", "string"));
    opOf(newer, "SaveUntrustedCredentialsForAssociate").returns = "UntrustedCredentials";
    const diff = diffModels(older, newer);
    expect(diff.operations.added).toEqual([]);
    expect(diff.operations.removed).toEqual([]);
    expect(diff.operations.changed.map((c) => c.name)).toEqual(["CreateExternalUser", "SaveUntrustedCredentialsForAssociate", "SetPassword"]);
    const [create, save, setPassword] = diff.operations.changed;
    expect(create.before).toBe("CreateExternalUser(PersonId: int, UserName: string, Password: string, RoleId: int, IsActive: boolean): int");
    expect(create.after).toBe("CreateExternalUser(PersonId: long, UserName: string, Password: string, RoleId: int, IsActive: boolean): int");
    expect(create.params).toEqual({
      added: [],
      removed: [],
      changed: [{ name: "PersonId", before: { type: "int", optional: false, nillable: false }, after: { type: "long", optional: false, nillable: false } }],
      reordered: false,
    });
    expect(create.returns).toBeNull();
    expect(setPassword.before).toBe("SetPassword(AssociateId: int, Password: string): boolean");
    expect(setPassword.after).toBe("SetPassword(AssociateId: int, Password: string, Extra: string): boolean");
    expect(setPassword.params.added).toEqual([{ name: "Extra", type: "string", optional: false, nillable: true }]);
    expect(save.returns).toEqual({ before: "void", after: "UntrustedCredentials" });
    expect(save.params.changed).toEqual([]);
    expect(diff.summary.operationsChanged).toBe(3);
    expect(diff.types.changed).toEqual([]);
  });

  it("sees removed operations, nillability, reordering, REST and SOAP action changes", () => {
    const older = services88();
    const newer = services88();
    const agent = newer.agents[0];
    agent.operations = agent.operations.filter((o) => o.name !== "SetExternalUserInfo");
    opOf(newer, "SetPassword").params.reverse();
    opOf(newer, "CreateExternalUser").params[1].nillable = false;
    opOf(newer, "CreateExternalUser").returnsNillable = true;
    opOf(newer, "SaveUntrustedCredentialsForAssociate").rest.query.push({ name: "type", param: "Type", required: true });
    opOf(newer, "SaveUntrustedCredentialsForAssociate").soapAction = "urn:other";
    const diff = diffModels(older, newer);
    expect(diff.operations.removed).toEqual([
      { agent: "User", name: "SetExternalUserInfo", signature: expect.stringMatching(/^SetExternalUserInfo\(AssociateId: int, .*ExternalUserInfoModification: ExternalUserInfoModification\): void$/) },
    ]);
    const byName = new Map(diff.operations.changed.map((c) => [c.name, c]));
    expect([...byName.keys()]).toEqual(["CreateExternalUser", "SaveUntrustedCredentialsForAssociate", "SetPassword"]);
    const create = byName.get("CreateExternalUser")!;
    expect(create.before).toBe(create.after);
    expect(create.params.changed).toEqual([
      { name: "UserName", before: { type: "string", optional: false, nillable: true }, after: { type: "string", optional: false, nillable: false } },
    ]);
    expect(create.returns).toEqual({ before: "int", after: "int | null" });
    expect(byName.get("SetPassword")!.params).toEqual({ added: [], removed: [], changed: [], reordered: true });
    const save = byName.get("SaveUntrustedCredentialsForAssociate")!;
    expect(save.rest).toEqual({
      before: "POST /api/v1/Agents/User/SaveUntrustedCredentialsForAssociate",
      after: "POST /api/v1/Agents/User/SaveUntrustedCredentialsForAssociate?type",
    });
    expect(save.soapAction).toEqual({ before: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SaveUntrustedCredentialsForAssociate", after: "urn:other" });
  });

  it("lists the request headers an operation gained or lost, unless the whole agent's changed alike", () => {
    const older = services88();
    const newer = services88();
    newer.version = "Services90";
    // Only the version name in the SOAP actions changes, which the diff ignores.
    for (const op of newer.agents[0].operations) op.soapAction = op.soapAction.replace("Services88", "Services90");
    const ops = newer.agents[0].operations;
    ops.find((o) => o.name === "SetPassword")!.requestHeaders = ["ApplicationToken", "Credentials"];
    ops.find((o) => o.name === "CreateExternalUser")!.requestHeaders = ["ApplicationToken", "Credentials", "TimeZone", "Culture"];
    const diff = diffModels(older, newer);
    expect(diff.operations.changed.map((c) => [c.name, c.requestHeaders])).toEqual([
      ["CreateExternalUser", { added: ["Culture"], removed: [] }],
      ["SetPassword", { added: [], removed: ["TimeZone"] }],
    ]);
    // Every operation and the agent drop TimeZone: the agent's entry says it, no operation repeats it.
    for (const op of ops) op.requestHeaders = ["ApplicationToken", "Credentials"];
    newer.agents[0].requestHeaders = newer.agents[0].requestHeaders.filter((h) => h.name !== "TimeZone");
    const agentWide = diffModels(older, newer);
    expect(agentWide.operations.changed).toEqual([]);
    expect(agentWide.agents.changed).toEqual([{ name: "User", requestHeaders: { added: [], removed: ["TimeZone: SoTimeZone"] }, responseHeaders: { added: [], removed: [] } }]);
  });

  it("lists carrier fields, bases, enum values and dictionary types that changed", () => {
    const older = services88();
    const newer = services88();
    const credentials = carrierOf(newer, "UntrustedCredentials");
    credentials.base = null;
    credentials.fields = credentials.fields.filter((f) => f.name !== "Comment");
    credentials.fields[0].type = "string";
    credentials.fields.push({ name: "Owner", type: "int", optional: true, nillable: false, doc: "", docSource: null });
    const rights = enumOf(newer, "ETableRight");
    rights.values.push({ name: "Restriction", value: 16 });
    rights.values[0].value = 32;
    rights.values = rights.values.filter((v) => v.name !== "Delete");
    enumOf(newer, "ExternalUserInfoModification").flags = false;
    (newer.types.find((t) => t.name === "FieldPropertyDictionary") as DictionaryType).valueType = "string";
    newer.types = newer.types.filter((t) => t.name !== "FieldRight");
    newer.types.push({ name: "Brand", namespace: "ns", doc: "", docSource: null, definedBy: ["User"], kind: "enum", flags: false, underlying: "int", values: [] });
    // Arrays are never listed.
    newer.types.push({ name: "UntrustedCredentials[]", namespace: "ns", doc: "", docSource: null, definedBy: ["User"], kind: "array", itemType: "UntrustedCredentials", itemElement: "UntrustedCredentials", itemNillable: true });

    const diff = diffModels(older, newer);
    expect(diff.operations.changed).toEqual([]);
    expect(diff.types.added).toEqual([{ name: "Brand", kind: "enum", description: "enum Brand (0 values)" }]);
    expect(diff.types.removed).toEqual([{ name: "FieldRight", kind: "carrier", description: "carrier FieldRight (2 fields)" }]);
    expect(diff.types.changed.map((t) => t.name)).toEqual(["ETableRight", "ExternalUserInfoModification", "FieldPropertyDictionary", "UntrustedCredentials"]);
    const [table, external, dictionary, untrusted] = diff.types.changed;
    // Each entry carries exactly its kind's comparisons.
    expect(table).toEqual({
      name: "ETableRight",
      kind: "enum",
      values: { added: [{ name: "Restriction", value: 16 }], removed: [{ name: "Delete", value: 8 }], changed: [{ name: "Select", before: 1, after: 32 }] },
      flags: null,
      underlying: null,
    });
    expect(external).toEqual({ name: "ExternalUserInfoModification", kind: "enum", values: { added: [], removed: [], changed: [] }, flags: { before: "flags", after: "single" }, underlying: null });
    expect(dictionary).toEqual({ name: "FieldPropertyDictionary", kind: "dictionary", keyType: null, valueType: { before: "FieldProperty", after: "string" } });
    expect(untrusted).toEqual({
      name: "UntrustedCredentials",
      kind: "carrier",
      base: { before: "Carrier", after: "(none)" },
      fields: {
        added: [{ name: "Owner", type: "int", optional: true, nillable: false }],
        removed: [{ name: "Comment", type: "string", optional: true, nillable: true }],
        changed: [{ name: "ValidFrom", before: { type: "dateTime", optional: true, nillable: false }, after: { type: "string", optional: true, nillable: false } }],
        reordered: false,
      },
    });
  });

  it("says only that a type changed kind, and from which to which, when it did", () => {
    const older = services88();
    const newer = services88();
    const index = newer.types.findIndex((t) => t.name === "FieldPropertyDictionary");
    newer.types[index] = { name: "FieldPropertyDictionary", namespace: "ns", doc: "", docSource: null, definedBy: ["User"], kind: "enum", flags: false, underlying: "int", values: [] };
    expect(diffModels(older, newer).types.changed).toEqual([{ name: "FieldPropertyDictionary", kind: "retyped", before: "dictionary", after: "enum" }]);
  });

  it("lists added and removed agents once, with their operations, not every operation again", () => {
    const older = services88();
    const newer = services88();
    const contact = structuredClone(newer.agents[0]);
    contact.name = "Contact";
    contact.operations = [operation("Services88", { name: "GetContact", params: [param("ContactId", "int")], returns: "int" })];
    newer.agents = [contact];
    const diff = diffModels(older, newer);
    expect(diff.agents.added).toEqual([{ name: "Contact", operations: ["GetContact"] }]);
    expect(diff.agents.removed).toEqual([
      { name: "User", operations: ["CreateExternalUser", "SaveUntrustedCredentialsForAssociate", "SetExternalUserInfo", "SetPassword"] },
    ]);
    expect(diff.operations).toEqual({ added: [], removed: [], changed: [] });
  });

  it("is deterministic and plain JSON whatever the input order", () => {
    const older = services86();
    const newer = services88();
    const shuffled = services88();
    shuffled.types.reverse();
    shuffled.agents[0].operations.reverse();
    const diff = diffModels(older, newer);
    expect(JSON.stringify(diffModels(older, shuffled))).toBe(JSON.stringify(diff));
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });

  it("diffs consecutive versions in numeric order", () => {
    const s9 = services86();
    s9.version = "Services9";
    const pairs = diffConsecutive([services88(), s9, services86()]);
    expect(pairs.map((p) => `${p.older}->${p.newer}`)).toEqual(["Services9->Services86", "Services86->Services88"]);
    expect(pairs[1].diff).toEqual(diffModels(services86(), services88()));
  });
});

/** Every doc, doc provenance and source list below a value replaced: what DIFFED leaves out. */
function redocumented<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redocumented) as T;
  if (typeof value !== "object" || value === null) return value;
  const replaced: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "doc" || key === "returnsDoc") replaced[key] = `Another text for ${key}.`;
    else if (key === "docSource" || key === "returnsDocSource") replaced[key] = { origin: "openapi", path: "elsewhere.json", line: 7 };
    else if (key === "sources") replaced[key] = [];
    else replaced[key] = redocumented(inner);
  }
  return replaced as T;
}

describe("what a diff reads", () => {
  it("is what DIFFED keeps: docs, their provenance and sources change neither the diff nor its pages", () => {
    const models = [services86(), services88()];
    const changed = models.map(redocumented);
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(models));
    expect(changed.map((model) => model.agents.map((agent) => JSON.stringify(agent, DIFFED.replacer)))).toEqual(models.map((model) => model.agents.map((agent) => JSON.stringify(agent, DIFFED.replacer))));
    expect(diffConsecutive(changed)).toEqual(diffConsecutive(models));
    const pages = (files: Map<string, string>) => [...files].filter(([file]) => file.startsWith("docs/diff-"));
    expect(pages(emitDocs(changed, diffConsecutive(changed)))).toEqual(pages(emitDocs(models, diffConsecutive(models))));
  });
});
