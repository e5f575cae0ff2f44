/**
 * The REST pages' samples through the generated client, over real loopback HTTP.
 *
 * For every User agent REST page of the corpus with a Sample request/response, the generated
 * RestClient method is called with the sample's values turned into the typed request (by the
 * model's types, independently of the runtime: dateTime strings → Date, flags strings → arrays
 * of names split on /,\s*\/, carriers, arrays and dictionaries walked by their fields; a
 * whole-body parameter (Save…Entity carrier, id array) gets the whole sample body; query
 * parameters take their values from the page's example request line, `GetUser?userId=384`).
 * The loopback server checks that the body sent equals the sample body, and answers with the
 * sample response, which must come back typed.
 *
 * Normalisation of the bodies before the deep-equal (both sides, by the model's types):
 * - dateTime: compared as instants at millisecond precision. The samples write WCF's local
 *   time with offset and 7 fraction digits ("2006-07-08T03:24:48.5341362+02:00"); the client
 *   sends UTC with milliseconds ("2006-07-08T01:24:48.534Z"), the same instant truncated to ms.
 * - flags: compared as sets of names. The runtime writes Json.NET's [Flags] form "A, B"; the
 *   samples write one name ("Active"), which is the same text for one flag.
 * - query parameter names: compared case-insensitively (ASP.NET binds them so); the DeleteUser
 *   page writes `?UserId=739` where the OpenAPI (and our client) says `userId`.
 * - a sample request without a body for an operation whose whole body is one parameter
 *   (GetUserInfoList's id array): nothing is passed, and the client sends `[]` (`{}` for a carrier):
 *   the OpenAPI files require that body and type it as an array or object, never null.
 * Everything else must be equal as JSON, property for property.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Operation, ServicesModel } from "../../generator/ir/types.js";
import { parseRestPage } from "../../generator/parse/pages/rest-page.js";
import type { ParsedRestPage } from "../../generator/parse/types.js";
import { hasCorpus, restUserDir } from "../corpus.js";
import { pageSamples, type PageSamples } from "../support/rest-samples.js";
import { agentOf, restCorpusSuite, methodOf, ModelTypes, type GeneratedCorpus } from "../support/rest-e2e.js";

interface SamplePage {
  file: string;
  page: ParsedRestPage;
  samples: PageSamples;
  /** Query values of the page's example request line (`?userId=384`), `$select` left out. */
  query: [string, string][];
}

function readPages(): SamplePage[] {
  const files = readdirSync(restUserDir).filter((name) => name.endsWith(".md") && name !== "index.md").sort();
  const pages: SamplePage[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(restUserDir, file), "utf8");
    const { value: page } = parseRestPage(text, file);
    const samples = pageSamples(text);
    if (!page || (!samples.request && !samples.response)) continue;
    const example = new RegExp(`^POST ${page.path.replace(/\//g, "\\/")}\\?(?!\\$select)(\\S+)$`, "m").exec(text);
    const query = example ? [...new URLSearchParams(example[1])].filter(([name]) => name !== "$select") : [];
    pages.push({ file, page, samples, query });
  }
  return pages;
}

// ---------------------------------------------------------------- typed values, by the model

/** Whole instant of a WCF/ISO timestamp at millisecond precision; no zone → UTC (what NetServer means). */
function instant(text: string): number {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$/.exec(text);
  if (!m) throw new Error(`not a dateTime: ${text}`);
  return Date.parse(`${m[1]}.${(m[2] ?? "").padEnd(3, "0").slice(0, 3)}${m[3] ?? "Z"}`);
}

/** The sample's JSON as the typed value a caller passes (and a call resolves to). */
function typed(types: ModelTypes, value: unknown, type: string): unknown {
  if (value === null || value === undefined) return value;
  if (type.endsWith("[]")) return Array.isArray(value) ? value.map((item) => typed(types, item, type.slice(0, -2))) : value;
  const def = types.get(type);
  if (def === undefined) return type === "dateTime" && typeof value === "string" ? new Date(instant(value)) : value;
  switch (def.kind) {
    case "enum":
      return def.flags && typeof value === "string" ? value.split(/,\s*/).filter(Boolean) : value;
    case "array":
      return Array.isArray(value) ? value.map((item) => typed(types, item, def.itemType)) : value;
    case "dictionary":
      return mapObject(value, () => def.valueType, types);
    case "carrier": {
      const fields = new Map(types.fields(def).map((field) => [field.name, field.type]));
      return mapObject(value, (key) => fields.get(key), types);
    }
  }
}

function mapObject(value: unknown, typeOf: (key: string) => string | undefined, types: ModelTypes): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const type = typeOf(key);
      return [key, type === undefined ? item : typed(types, item, type)];
    }),
  );
}

/** A JSON body in comparable form: dateTimes as instants, flags as sorted names (see the header comment). */
function normalised(types: ModelTypes, value: unknown, type: string): unknown {
  const value2 = typed(types, value, type);
  return JSON.parse(
    JSON.stringify(value2, function (this: Record<string, unknown>, key: string, item: unknown) {
      const raw = this[key];
      if (raw instanceof Date) return `instant:${raw.getTime()}`;
      return item;
    }),
  ) as unknown;
}

/** Flags arrays sorted, so "A, B" and "B, A" compare equal. */
function sortFlags(types: ModelTypes, value: unknown, type: string): unknown {
  if (value === null || value === undefined) return value;
  if (type.endsWith("[]")) return Array.isArray(value) ? value.map((item) => sortFlags(types, item, type.slice(0, -2))) : value;
  const def = types.get(type);
  if (def === undefined) return value;
  if (def.kind === "enum") return Array.isArray(value) ? [...(value as string[])].sort() : value;
  if (def.kind === "array") return Array.isArray(value) ? value.map((item) => sortFlags(types, item, def.itemType)) : value;
  if (typeof value !== "object" || Array.isArray(value)) return value;
  const fields = def.kind === "carrier" ? new Map(types.fields(def).map((field) => [field.name, field.type])) : undefined;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const itemType = def.kind === "dictionary" ? def.valueType : fields?.get(key);
      return [key, itemType === undefined ? item : sortFlags(types, item, itemType)];
    }),
  );
}

/** The body's type for normalisation: the whole-body parameter's type, else a carrier-like map of the parameters by REST name. */
function comparableBody(types: ModelTypes, op: Operation, body: unknown): unknown {
  if (op.rest.bodyParam !== null) {
    const type = op.params.find((p) => p.name === op.rest.bodyParam)?.type ?? "anyType";
    return sortFlags(types, normalised(types, body, type), type);
  }
  const renamed = new Map((op.rest.bodyRenames ?? []).map((r) => [r.name, r.param]));
  const typeOf = (key: string): string | undefined => op.params.find((p) => p.name === (renamed.get(key) ?? key))?.type;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, item]) => {
      const type = typeOf(key);
      return [key, type === undefined ? item : sortFlags(types, normalised(types, item, type), type)];
    }),
  );
}

const pages = hasCorpus ? readPages() : [];
const BASIC = { username: "tje0", password: "Tje0" }; // what the samples' "Authorization: Basic dGplMDpUamUw" encodes

describe.skipIf(!hasCorpus)("REST page samples through the generated client (loopback)", () => {
  const suite = restCorpusSuite("rest-samples");
  const { server } = suite;
  let corpus: GeneratedCorpus;
  let model: ServicesModel;
  let types: ModelTypes;
  beforeAll(() => ({ corpus, model, types } = suite.env));
  const results = new Map<string, unknown>();

  it("finds the User pages with samples", () => {
    expect(pages.map((p) => p.page.operation)).toMatchInlineSnapshot(`
      [
        "CanChangePassword",
        "ChangePassword",
        "CreateDefaultUser",
        "CreateExternalUser",
        "DeleteExternalUser",
        "DeleteUser",
        "ExecuteUserCommand",
        "GenerateNewPasswordForExternalUser",
        "GetAccessToken",
        "GetAllRoles",
        "GetAllUserGroups",
        "GetCredentialTypes",
        "GetDataRights",
        "GetRole",
        "GetSupportedChangePasswordTypes",
        "GetUntrustedCredentialsForAssociate",
        "GetUser",
        "GetUserFromName",
        "GetUserGroup",
        "GetUserInfoList",
        "IsPasswordValidWithReason",
        "MakeRetired",
        "RemoveUntrustedCredentialsForAssociate",
        "SaveRoleEntity",
        "SaveUntrustedCredentialsForAssociate",
        "SaveUser",
        "SetExternalUserInfo",
        "SetFunctionalRights",
        "SetPassword",
        "ValidateUser",
      ]
    `);
  });

  it.each(pages.map((p) => [p.page.operation, p] as const))("%s: sends the sample request and reads the sample response", async (_name, { page, samples, query }) => {
    const op = model.agents.find((a) => a.name === page.agent)?.operations.find((o) => o.name === page.operation);
    expect(op, `${page.agent}.${page.operation} in the model`).toBeDefined();
    if (!op) return;

    // The typed request.
    const request: Record<string, unknown> = {};
    const sampleText = samples.request?.body.trim() ?? "";
    const sampleBody: unknown = sampleText === "" ? undefined : JSON.parse(sampleText);
    if (sampleBody !== undefined) {
      if (op.rest.bodyParam !== null) {
        const param = op.params.find((p) => p.name === op.rest.bodyParam);
        request[op.rest.bodyParam] = typed(types, sampleBody, param?.type ?? "anyType");
      } else {
        const renamed = new Map((op.rest.bodyRenames ?? []).map((r) => [r.name, r.param]));
        for (const [key, value] of Object.entries(sampleBody as Record<string, unknown>)) {
          const name = renamed.get(key) ?? key;
          const param = op.params.find((p) => p.name === name);
          expect(param, `sample body property ${key} is a parameter`).toBeDefined();
          request[name] = typed(types, value, param?.type ?? "anyType");
        }
      }
    }
    for (const [name, text] of query) {
      const q = op.rest.query.find((item) => item.name.toLowerCase() === name.toLowerCase());
      expect(q, `query parameter ${name}`).toBeDefined();
      const type = op.params.find((p) => p.name === q?.param)?.type;
      request[q?.param ?? name] = type === "int" ? Number(text) : text;
    }

    // The sample response, served back.
    const response = samples.response;
    const status = response ? Number(/^HTTP\/\S+\s+(\d{3})/.exec(response.startLine)?.[1]) : 204;
    server.reply = () => ({ status, body: response?.body ?? "" });

    const acceptLanguage = samples.request?.headers["Accept-Language"];
    const client = new corpus.services88.RestClient({ baseUrl: server.baseUrl, auth: { scheme: "Basic", ...BASIC }, ...(acceptLanguage ? { acceptLanguage } : {}) });
    const from = server.requests.length;
    const result = await methodOf(agentOf(client, page.agent), page.operation)(request);
    const sent = server.only(from);
    results.set(page.operation, result);

    // Request line, headers of the sample.
    const [sampleMethod, samplePath] = (samples.request?.startLine ?? `${page.method} ${page.path}`).split(/\s+/);
    const url = new URL(sent.url, server.baseUrl);
    expect(sent.method).toBe(sampleMethod);
    expect(url.pathname).toBe(samplePath);
    expect([...url.searchParams].map(([n, v]) => [n.toLowerCase(), v])).toEqual(query.map(([n, v]) => [n.toLowerCase(), v]));
    if (samples.request) {
      expect(sent.headers.authorization).toBe(samples.request.headers.Authorization);
      if (acceptLanguage) expect(sent.headers["accept-language"]).toBe(acceptLanguage);
    }

    // The body.
    if (sampleBody === undefined) {
      expect(sent.body === "" || (op.rest.bodyParam !== null && (sent.body === "[]" || sent.body === "{}")), `body ${sent.body}`).toBe(true);
    } else {
      expect(sent.headers["content-type"]).toMatch(/^application\/json/);
      expect(comparableBody(types, op, JSON.parse(sent.body))).toEqual(comparableBody(types, op, sampleBody));
    }

    // The result: typed as the model says.
    if (status === 204) {
      expect(result).toBeUndefined();
    } else {
      const returns = op.results.length > 0 ? "anyType" : op.returns;
      expect(result).toEqual(typed(types, JSON.parse(response?.body ?? "null"), returns));
    }
  });

  it("resolves dateTimes to Dates, flags to arrays, nested carriers, dictionaries and scalars", () => {
    const user = results.get("GetUser") as Record<string, unknown>;
    expect(user.Lastlogin).toEqual(new Date("2006-10-10T12:28:22.695Z"));
    expect((user.LicenseOwners as Record<string, unknown>[])[0].FieldProperties).toEqual({ fieldName: { FieldRight: null, FieldType: "System.Int32", FieldLength: 897 } });
    const roles = results.get("GetAllRoles") as Record<string, unknown>[];
    expect((roles[0].ChildItems as Record<string, unknown>[])[0].LastChanged).toBeInstanceOf(Date);
    const credentials = results.get("GetUntrustedCredentialsForAssociate") as Record<string, unknown>[];
    expect(credentials[0].ValidFrom).toEqual(new Date("2019-07-14T01:24:48.565Z"));
    expect(results.get("GetDataRights")).toEqual({ 1: "sit", 2: "qui" });
    expect(results.get("CreateExternalUser")).toBe(277);
    expect(results.get("CanChangePassword")).toBe(true);
    expect(results.get("GetSupportedChangePasswordTypes")).toEqual(["velit", "similique"]);
    expect(results.get("DeleteUser")).toBeUndefined();
  });
});
