/**
 * Side by side with SuperOffice's own TypeScript client, `@superoffice/webapi` (devDependency,
 * used only here): the same User agent calls with the same arguments through both clients
 * against one loopback server, then the two recorded requests are compared.
 *
 * Compared: method; path; query (names case-insensitively, values as text); the body after
 * normalisation (below); the Authorization and Accept headers.
 *
 * Normalisation, i.e. the differences found, each explained:
 * 1. Property names: the official client's request objects and carriers are camelCase
 *    (`associateId`), ours are the wire names (`AssociateId`). The WebAPI's Json.NET binding is
 *    case-insensitive, so names are compared case-insensitively.
 * 2. Query names: the official DeleteUser sends `?UserId=` (its other getters `?userId=`); we send
 *    the OpenAPI's `userId`. ASP.NET binds query names case-insensitively.
 * 3. dateTime: the official client lets axios JSON.stringify a Date ("2024-01-02T03:04:05.000Z");
 *    we write "2024-01-02T03:04:05Z" (milliseconds only when non-zero). Compared as instants.
 * 4. Flags enums: the official client's [Flags] enums are numeric TypeScript enums, sent as a
 *    number (UserName|Active = 9); we send Json.NET's [Flags] text "UserName, Active". Json.NET's
 *    StringEnumConverter reads both; compared as the number (names mapped by the official
 *    client's own enum values, the WSDL carries none for xs:list enums).
 * 5. User.ExecuteUserCommand: both send the REST name `ActionResult` (the WSDL calls the
 *    parameter CommandActionResult; the model's bodyRenames makes our client send the REST name).
 * 6. No parameters in the body (GetUser, CreateDefaultUser, …): the official client posts the
 *    JSON text `null` (axios.post(url, null) with its default JSON Content-Type); ours sends no
 *    body at all. Both mean "no value" to the WebAPI; compared as the same.
 *    Content-Type: the official client sends `application/json` on every call (axios default),
 *    ours `application/json; charset=utf-8` and only with a body; not compared.
 * 7. Responses (checked on GetUser's page sample): the official client converts to camelCase
 *    carriers, absent arrays to [], absent values to undefined; ours keeps the wire names and
 *    leaves absent properties out. dateTimes are Dates in both; a timestamp without an offset is
 *    read as UTC by ours and as local time by the official `new Date(text)` (the sample's carry
 *    offsets, so they agree here).
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import type * as Official from "@superoffice/webapi" with { "resolution-mode": "require" };
import { beforeAll, describe, expect, it } from "vitest";
import type { ServicesModel } from "../../generator/ir/types.js";
import { pageSamples } from "../support/rest-samples.js";
import { hasCorpus, restUserDir } from "../corpus.js";
import { agentOf, restCorpusSuite, methodOf, ModelTypes, nonNullSample, type GeneratedCorpus, type RecordedRequest, type Reply } from "../support/rest-e2e.js";

// The package's ESM build uses extensionless relative imports Node cannot load; its CommonJS build works.
const webapi = createRequire(import.meta.url)("@superoffice/webapi") as typeof Official;

const USER = { username: "ann", password: "s3cret-pw" };
const DAY = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
const LATER = new Date(Date.UTC(2025, 5, 6, 7, 8, 9, 250));

/** A User carrier in wire names (PascalCase); `camel` gives the official client's shape. */
const USER_CARRIER = {
  AssociateId: 829,
  Name: "ANN",
  Rank: 3,
  Tooltip: "tip",
  LicenseOwners: [{ Name: "lic", Description: "d", RestrictedModuleLicenses: [], UnrestrictedModuleLicenses: [] }],
  Role: { Id: 1, Value: "Admin", Tooltip: "t" },
  UserGroup: null,
  OtherGroups: [{ Value: "g", Tooltip: "t", Id: 4, Rank: 1, Deleted: false }],
  Person: null,
  Deleted: false,
  Lastlogin: DAY,
  Lastlogout: LATER,
  EjUserId: 7,
  RequestSignature: "sig",
  Type: "InternalAssociate",
  IsPersonRetired: false,
  IsOnTravel: true,
  Credentials: [{ Type: null, Value: "v", DisplayValue: "dv" }],
  UserName: "ann",
  TicketCategories: [],
  NickName: "Ann",
  WaitingForApproval: false,
  ExtraFields: { ExtraFields1: "x" },
  CustomFields: { CustomFields1: "y" },
  PostSaveCommands: [],
};

const CREDENTIALS = { ValidFrom: DAY, ValidTo: LATER, Comment: "c", SecretValue: "s", PublicValue: "p", IsActive: true };

const ROLE_ENTITY = {
  RoleId: 3,
  Name: "Role",
  Tooltip: "t",
  RoleType: "Employee",
  Deleted: 0,
  Rank: 1,
  Created: DAY,
  UseCategories: 1,
  CreatedBy: null,
  Updated: LATER,
  UpdatedBy: null,
  DataRights: null,
};

/** Keys with a lower-case first letter, except inside dictionaries (ExtraFields, CustomFields). */
function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key[0].toLowerCase() + key.slice(1), key.endsWith("Fields") ? item : camel(item)]),
  );
}

type OfficialAgent = InstanceType<typeof webapi.UserAgent>;

interface Case {
  /** Our operation (wire name) and request. */
  op: string;
  request?: Record<string, unknown>;
  /** The same call through the official client. */
  official: (agent: OfficialAgent) => Promise<unknown>;
}

const flags = webapi.ExternalUserInfoModification;

const CASES: Case[] = [
  { op: "GetUser", request: { UserId: 384 }, official: (a) => a.getUserAsync(384) },
  { op: "DeleteUser", request: { UserId: 739 }, official: (a) => a.deleteUserAsync(739) },
  { op: "GetRole", request: { RoleId: 274 }, official: (a) => a.getRoleAsync(274) },
  { op: "GetRoleEntity", request: { RoleEntityId: 5 }, official: (a) => a.getRoleEntityAsync(5) },
  { op: "GetUserGroup", request: { UserGroupId: 608 }, official: (a) => a.getUserGroupAsync(608) },
  { op: "GetUserInfo", request: { UserInfoId: 12 }, official: (a) => a.getUserInfoAsync(12) },
  { op: "GetServiceAuth", request: { ServiceAuthId: 2 }, official: (a) => a.getServiceAuthAsync(2) },
  { op: "DeleteServiceAuth", request: { ServiceAuthId: 2 }, official: (a) => a.deleteServiceAuthAsync(2) },
  { op: "CreateDefaultUser", official: (a) => a.createDefaultUserAsync() },
  { op: "CreateDefaultRoleEntity", official: (a) => a.createDefaultRoleEntityAsync() },
  { op: "CreateDefaultUntrustedCredentials", official: (a) => a.createDefaultUntrustedCredentialsAsync() },
  { op: "GetCredentialTypes", official: (a) => a.getCredentialTypesAsync() },
  { op: "GetUserInfoList", request: { UserInfoIds: [1, 2, 3] }, official: (a) => a.getUserInfoListAsync([1, 2, 3]) },
  { op: "GetUserGroupList", request: { UserGroupIds: [4, 5] }, official: (a) => a.getUserGroupListAsync([4, 5]) },
  { op: "SaveUser", request: { User: USER_CARRIER }, official: (a) => a.saveUserAsync(camel(USER_CARRIER) as Official.User) },
  { op: "SaveRoleEntity", request: { RoleEntity: ROLE_ENTITY }, official: (a) => a.saveRoleEntityAsync(camel(ROLE_ENTITY) as Official.RoleEntity) },
  { op: "ValidateUser", request: { User: USER_CARRIER }, official: (a) => a.validateUserAsync(camel(USER_CARRIER) as Official.User) },
  {
    op: "SetExternalUserInfo",
    request: { AssociateId: 36, UserName: "ext", Password: "pw", IsActive: true, RoleId: 378, ExternalUserInfoModification: ["UserName", "Active"] },
    official: (a) => a.setExternalUserInfoAsync(36, "ext", "pw", true, 378, flags.UserName | flags.Active),
  },
  {
    op: "CreateExternalUser",
    request: { PersonId: 740, UserName: "Stamm", Password: "quaerat", RoleId: 737, IsActive: true },
    official: (a) => a.createExternalUserAsync(740, "Stamm", "quaerat", 737, true),
  },
  { op: "DeleteExternalUser", request: { AssociateId: 360 }, official: (a) => a.deleteExternalUserAsync(360) },
  { op: "ChangePassword", request: { AssociateId: 616, OldPassword: "old", NewPassword: "new" }, official: (a) => a.changePasswordAsync(616, "old", "new") },
  { op: "CanChangePassword", request: { AssociateId: 412 }, official: (a) => a.canChangePasswordAsync(412) },
  { op: "SetPassword", request: { AssociateId: 5, Password: "pw" }, official: (a) => a.setPasswordAsync(5, "pw") },
  { op: "GetAllRoles", request: { RoleType: "Anonymous" }, official: (a) => a.getAllRolesAsync(webapi.RoleType.Anonymous) },
  { op: "GetAllUserGroups", request: { IncludeDeleted: false }, official: (a) => a.getAllUserGroupsAsync(false) },
  { op: "GetUserFromName", request: { UserName: "ann" }, official: (a) => a.getUserFromNameAsync("ann") },
  { op: "MakeRetired", request: { AssociateId: 5, Retired: true }, official: (a) => a.makeRetiredAsync(5, true) },
  { op: "GetAccessToken", request: { AppToken: "app", IncludeCsSession: true }, official: (a) => a.getAccessTokenAsync("app", true) },
  { op: "SetFunctionalRights", request: { RoleId: 247, FunctionalRightIds: [388, 724] }, official: (a) => a.setFunctionalRightsAsync(247, [388, 724]) },
  { op: "GetDataRights", request: { RoleId: 433, TableName: "contact" }, official: (a) => a.getDataRightsAsync(433, "contact") },
  {
    op: "IsPasswordValidWithReason",
    request: { AssociateId: 1, Type: "InternalAssociate", PersonId: 2, Password: "pw" },
    official: (a) => a.isPasswordValidWithReasonAsync(1, webapi.UserType.InternalAssociate, 2, "pw"),
  },
  {
    op: "SaveUntrustedCredentialsForAssociate",
    request: { AssociateId: 112, Type: "imap", Credentials: CREDENTIALS },
    official: (a) => a.saveUntrustedCredentialsForAssociateAsync(112, "imap", camel(CREDENTIALS) as Official.UntrustedCredentials),
  },
  { op: "GetUntrustedCredentialsForAssociate", request: { AssociateId: 112, Type: "imap" }, official: (a) => a.getUntrustedCredentialsForAssociateAsync(112, "imap") },
  {
    op: "RemoveUntrustedCredentialsForAssociate",
    request: { AssociateId: 112, Type: "imap", PublicValue: "p" },
    official: (a) => a.removeUntrustedCredentialsForAssociateAsync(112, "imap", "p"),
  },
  {
    op: "ExecuteUserCommand",
    request: { CommandName: "cmd", CommandActionResult: "Cancel", User: null },
    official: (a) => a.ExecuteUserCommandAsync({ commandName: "cmd", actionResult: webapi.CommandActionResult.Cancel, user: null as unknown as Official.User }),
  },
];

/** Canonical form of a body value by the model's type: case-insensitive names, instants, flags as numbers. */
function canon(types: ModelTypes, value: unknown, type: string | undefined): unknown {
  if (value === null || value === undefined || type === undefined) return value;
  if (type.endsWith("[]")) return Array.isArray(value) ? value.map((item) => canon(types, item, type.slice(0, -2))) : value;
  if (type === "dateTime") return typeof value === "string" ? `instant:${Date.parse(value)}` : value;
  const def = types.get(type);
  if (def === undefined) return value;
  switch (def.kind) {
    case "enum": {
      if (!def.flags || typeof value !== "string") return value;
      const numbers = (webapi as unknown as Record<string, Record<string, number> | undefined>)[def.name];
      if (numbers === undefined) throw new Error(`the official client has no enum ${def.name}`);
      return value.split(/,\s*/).reduce((sum, name) => sum | (numbers[name] ?? Number.NaN), 0);
    }
    case "array":
      return Array.isArray(value) ? value.map((item) => canon(types, item, def.itemType)) : value;
    case "dictionary":
      if (typeof value !== "object" || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canon(types, item, def.valueType)]));
    case "carrier": {
      if (typeof value !== "object" || Array.isArray(value)) return value;
      const fields = new Map(types.fields(def).map((field) => [field.name.toLowerCase(), field.type]));
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.toLowerCase(), canon(types, item, fields.get(key.toLowerCase()))]));
    }
  }
}

describe.skipIf(!hasCorpus)("the generated REST client beside @superoffice/webapi (loopback)", () => {
  const suite = restCorpusSuite("rest-official");
  const { server } = suite;
  let corpus: GeneratedCorpus;
  let model: ServicesModel;
  let types: ModelTypes;
  beforeAll(() => ({ corpus, model, types } = suite.env));

  const userOp = (name: string) => {
    const op = model.agents.find((a) => a.name === "User")?.operations.find((o) => o.name === name);
    if (!op) throw new Error(`User.${name} not in the model`);
    return op;
  };

  /** 204 for void, `{}`/`[]`/`null` by the return type: what both clients can read. */
  const replyFor = (name: string): Reply => {
    const op = userOp(name);
    if (op.returns === "void") return { status: 204 };
    if (op.returns.endsWith("[]")) return { status: 200, body: "[]" };
    const sample = nonNullSample(types, op);
    if (sample !== undefined) return { status: 200, body: sample.body };
    const kind = types.get(op.returns)?.kind;
    return { status: 200, body: kind === "carrier" || kind === "dictionary" ? "{}" : "null" };
  };

  /** The body as a canonical value: a whole-body parameter by its type, else the parameters by (REST) name. */
  const canonicalBody = (name: string, request: RecordedRequest): unknown => {
    if (request.body === "" || request.body === "null") return "(no value)";
    const op = userOp(name);
    const body = JSON.parse(request.body) as unknown;
    if (op.rest.bodyParam !== null) return canon(types, body, op.params.find((p) => p.name === op.rest.bodyParam)?.type);
    if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
    const renamed = new Map((op.rest.bodyRenames ?? []).map((r) => [r.name.toLowerCase(), r.param.toLowerCase()]));
    const typeOf = (key: string) => op.params.find((p) => p.name.toLowerCase() === (renamed.get(key) ?? key))?.type;
    return Object.fromEntries(Object.entries(body).map(([key, item]) => [key.toLowerCase(), canon(types, item, typeOf(key.toLowerCase()))]));
  };

  it(`sends the same ${CASES.length} User agent requests as the official client`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    const ours = new corpus.services88.RestClient({ baseUrl: server.baseUrl, auth: { scheme: "Basic", ...USER } });
    const official = new webapi.UserAgent({ baseUrl: `${server.baseUrl}/`, axiosConfig: { auth: USER } });
    const differences: string[] = [];

    for (const c of CASES) {
      server.reply = () => replyFor(c.op);
      let from = server.requests.length;
      await methodOf(agentOf(ours, "User"), c.op)(c.request);
      const mine = server.only(from);
      from = server.requests.length;
      await c.official(official);
      const theirs = server.only(from);

      const differ = (what: string, a: unknown, b: unknown): void => {
        if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${c.op} ${what}: ours ${JSON.stringify(a)}, official ${JSON.stringify(b)}`);
      };
      const mineUrl = new URL(mine.url, server.baseUrl);
      const theirUrl = new URL(theirs.url, server.baseUrl);
      const query = (url: URL) => [...url.searchParams].map(([n, v]) => `${n.toLowerCase()}=${v}`).sort();
      differ("method", mine.method, theirs.method);
      differ("path", mineUrl.pathname, theirUrl.pathname);
      differ("query", query(mineUrl), query(theirUrl));
      differ("body", canonicalBody(c.op, mine), canonicalBody(c.op, theirs));
      differ("Authorization", mine.headers.authorization, theirs.headers.authorization);
      differ("Accept", mine.headers.accept, theirs.headers.accept);
    }
    expect(differences).toEqual([]);
  });

  it("shows the differences it normalises: camelCase, query name case, numeric flags, null body, date text", async () => {
    const ours = new corpus.services88.RestClient({ baseUrl: server.baseUrl });
    const official = new webapi.UserAgent({ baseUrl: `${server.baseUrl}/` });
    server.reply = () => ({ status: 204 });
    const pair = async (ourCall: () => Promise<unknown>, theirCall: () => Promise<unknown>): Promise<[RecordedRequest, RecordedRequest]> => {
      const from = server.requests.length;
      await ourCall();
      await theirCall();
      const [a, b] = server.requests.slice(from);
      return [a, b];
    };
    const user = agentOf(ours, "User");

    const [setOurs, setTheirs] = await pair(
      () => methodOf(user, "SetExternalUserInfo")({ AssociateId: 36, UserName: "ext", Password: "pw", IsActive: true, RoleId: 378, ExternalUserInfoModification: ["UserName", "Active"] }),
      () => official.setExternalUserInfoAsync(36, "ext", "pw", true, 378, flags.UserName | flags.Active),
    );
    expect(JSON.parse(setOurs.body)).toMatchObject({ AssociateId: 36, ExternalUserInfoModification: "UserName, Active" });
    expect(JSON.parse(setTheirs.body)).toMatchObject({ associateId: 36, externalUserInfoModification: 9 });

    const [delOurs, delTheirs] = await pair(
      () => methodOf(user, "DeleteUser")({ UserId: 739 }),
      () => official.deleteUserAsync(739),
    );
    expect(delOurs.url).toBe("/api/v1/Agents/User/DeleteUser?userId=739");
    expect(delTheirs.url).toBe("/api/v1/Agents/User/DeleteUser?UserId=739");

    const [getOurs, getTheirs] = await pair(
      () => methodOf(user, "GetUser")({ UserId: 1 }),
      () => official.getUserAsync(1),
    );
    expect([getOurs.body, getOurs.headers["content-type"]]).toEqual(["", undefined]);
    expect([getTheirs.body, getTheirs.headers["content-type"]]).toEqual(["null", "application/json"]);

    const [credOurs, credTheirs] = await pair(
      () => methodOf(user, "SaveUntrustedCredentialsForAssociate")({ AssociateId: 1, Type: "imap", Credentials: { ValidFrom: DAY } }),
      () => official.saveUntrustedCredentialsForAssociateAsync(1, "imap", { validFrom: DAY } as Official.UntrustedCredentials),
    );
    expect(JSON.parse(credOurs.body)).toEqual({ AssociateId: 1, Type: "imap", Credentials: { ValidFrom: "2024-01-02T03:04:05Z" } });
    expect(JSON.parse(credTheirs.body)).toEqual({ associateId: 1, type: "imap", credentials: { validFrom: "2024-01-02T03:04:05.000Z" } });
  });

  it("reads GetUser's page sample response to the same values as the official client", async () => {
    const file = path.join(restUserDir, "v1UserAgent_GetUser.md");
    const sample = pageSamples(readFileSync(file, "utf8")).response;
    expect(sample).toBeTruthy();
    server.reply = () => ({ status: 200, body: sample?.body ?? "" });
    const ours = (await methodOf(agentOf(new corpus.services88.RestClient({ baseUrl: server.baseUrl }), "User"), "GetUser")({ UserId: 1 })) as Record<string, unknown>;
    const theirs = (await new webapi.UserAgent({ baseUrl: `${server.baseUrl}/` }).getUserAsync(1)) as unknown as Record<string, unknown>;

    // Compared property by property, names case-insensitively, on what the sample sends.
    const lower = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(lower)
        : value instanceof Date || value === null || typeof value !== "object"
          ? value
          : Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k.toLowerCase(), lower(v)]));
    const theirsLower = lower(theirs) as Record<string, unknown>;
    for (const [key, value] of Object.entries(ours)) {
      if (["LicenseOwners", "OtherGroups", "Credentials", "TicketCategories", "PostSaveCommands", "ExtraFields", "CustomFields"].includes(key)) continue;
      expect(theirsLower[key.toLowerCase()], key).toEqual(lower(value));
    }
    expect(ours.Lastlogin).toBeInstanceOf(Date);
    expect((ours.Lastlogin as Date).getTime()).toBe((theirs.lastlogin as Date).getTime());
    expect(theirs.extraFields).toEqual(ours.ExtraFields);
  });
});
