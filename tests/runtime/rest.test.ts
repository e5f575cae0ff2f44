import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AuthError,
  HttpError,
  InvalidRequestError,
  ResponseParseError,
  RestTransport,
  TimeoutError,
  XSI_TYPE,
  type RestAuth,
  type RestAuthProvider,
} from "../../templates/runtime/index.js";
import { errorText, fakeFetch, hangingFetch, type Reply, rejection } from "./fake-fetch.js";
import {
  CreateExternalUser,
  GetUser,
  GetUserFromPersonId,
  SaveUntrustedCredentialsForAssociate,
  SetExternalUserInfo,
  SyntheticGetCarrier,
  SyntheticQuery,
  SyntheticValues,
  UserAgent,
} from "./fixtures.js";

const BASE = "https://sod.superoffice.com/Cust12345";
const TOKEN = "eyJhbGciOi.bearer-token.sig";
const PASSWORD = "pa55w0rd!";
const TICKET = "7T:rest-ticket-value";
const APP_TOKEN = "apptoken-rest-123";

function rest(handler: (r: { url: string }) => Reply, auth: RestAuth | RestAuthProvider = { scheme: "Bearer", token: TOKEN }, extra: Record<string, unknown> = {}) {
  const { fetch, requests } = fakeFetch(handler);
  const t = new RestTransport({ baseUrl: `${BASE}/`, auth, applicationToken: APP_TOKEN, fetch, ...extra });
  return { t, requests };
}

describe("RestTransport requests", () => {
  it("POSTs JSON with wire names to baseUrl + path, with auth and app token headers", async () => {
    const { t, requests } = rest(() => ({ body: "123" }));
    const id = await t.call(UserAgent, CreateExternalUser, { PersonId: 12, UserName: "ann", Password: "s3cret", RoleId: 3, IsActive: true });
    expect(id).toBe(123);
    const { url, init } = requests[0]!;
    expect(url).toBe(`${BASE}/api/v1/Agents/User/CreateExternalUser`);
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({
      Accept: "application/json",
      Authorization: `Bearer ${TOKEN}`,
      "SO-AppToken": APP_TOKEN,
      "Content-Type": "application/json; charset=utf-8",
    });
    expect(init.body).toBe(`{"PersonId":12,"UserName":"ann","Password":"s3cret","RoleId":3,"IsActive":true}`);
  });

  it("Basic and SoTicket authorization", async () => {
    const basic = rest(() => ({ status: 204 }), { scheme: "Basic", username: "tjeø", password: PASSWORD });
    await basic.t.call(UserAgent, SetExternalUserInfo, {});
    expect(basic.requests[0]!.init.headers.Authorization).toBe(`Basic ${Buffer.from(`tjeø:${PASSWORD}`, "utf8").toString("base64")}`);
    const ticket = rest(() => ({ status: 204 }), { scheme: "SoTicket", ticket: TICKET });
    await ticket.t.call(UserAgent, SetExternalUserInfo, {});
    expect(ticket.requests[0]!.init.headers.Authorization).toBe(`SOTicket ${TICKET}`);
  });

  it("credentials of no known scheme are an AuthError: from the options at construction, from a provider per call, nothing sent", async () => {
    const unknownScheme = { scheme: "Digest", token: TOKEN } as unknown as RestAuth;
    expect(() => new RestTransport({ baseUrl: BASE, auth: unknownScheme })).toThrow(new AuthError("The auth option holds no Bearer, Basic or SoTicket credentials"));
    for (const answer of [unknownScheme, null, "token"]) {
      const { t, requests } = rest(() => ({ body: "1" }), () => answer as RestAuth);
      const error = await rejection(t.call(UserAgent, GetUser, { UserId: 1 }));
      expect(error).toBeInstanceOf(AuthError);
      expect(error.message).toBe("The auth provider returned no Bearer, Basic or SoTicket credentials");
      expect(requests).toHaveLength(0);
    }
  });

  it("flags as Json.NET's comma-separated string, Dates as ISO, nested carriers and dictionaries converted", async () => {
    const { t, requests } = rest(() => ({ status: 204 }));
    await t.call(UserAgent, SetExternalUserInfo, { AssociateId: 160, ExternalUserInfoModification: ["UserName", "Password"] });
    expect(JSON.parse(requests[0]!.init.body!)).toEqual({ AssociateId: 160, ExternalUserInfoModification: "UserName, Password" });
    await t.call(UserAgent, SaveUntrustedCredentialsForAssociate, {
      AssociateId: 5,
      Type: "t",
      Credentials: {
        TableRight: { Mask: ["Select", "Update"], Reason: "" },
        FieldProperties: { A: { FieldRight: { Mask: [] } } },
        ValidFrom: new Date("2025-04-03T11:13:36Z"),
        ValidTo: null,
        NotInSchema: { keep: new Date(0).toISOString() },
      },
    });
    expect(JSON.parse(requests[1]!.init.body!)).toEqual({
      AssociateId: 5,
      Type: "t",
      Credentials: {
        TableRight: { Mask: "Select, Update", Reason: "" },
        // An empty flag set is never the number 0 (the OpenAPI file says string): left out when the enum has no zero name.
        FieldProperties: { A: { FieldRight: {} } },
        ValidFrom: "2025-04-03T11:13:36Z",
        ValidTo: null,
        NotInSchema: { keep: "1970-01-01T00:00:00.000Z" },
      },
    });
  });

  it("query parameters come out of the body; $select; language, culture and time zone headers", async () => {
    const { t, requests } = rest(() => ({ body: "null" }), undefined, { language: "en", timeZone: "UTC" });
    await t.call(UserAgent, GetUser, { UserId: 384 }, { select: ["Name", "department", "category/id"], culture: "sv" });
    const { url, init } = requests[0]!;
    expect(url).toBe(`${BASE}/api/v1/Agents/User/GetUser?userId=384&$select=Name%2Cdepartment%2Ccategory%2Fid`);
    expect(init.body).toBeUndefined();
    expect(init.headers["Content-Type"]).toBeUndefined();
    expect(init.headers["SO-Language"]).toBe("en");
    expect(init.headers["SO-Culture"]).toBe("sv");
    expect(init.headers["SO-TimeZone"]).toBe("UTC");
    await t.call(UserAgent, SyntheticQuery, { When: new Date("2025-04-03T11:13:36Z"), Ids: [1, 2], Mods: ["UserName", "Role"], Name: "a&b =ø" }, { language: "de" });
    expect(requests[1]!.url).toBe(
      `${BASE}/api/v1/Agents/User/SyntheticQuery?when=2025-04-03T11%3A13%3A36Z&ids=1&ids=2&mods=UserName%2C%20Role&name=a%26b%20%3D%C3%B8`,
    );
    expect(requests[1]!.init.method).toBe("GET");
    expect(requests[1]!.init.headers["SO-Language"]).toBe("de");
  });

  it("reads the options by name, so options given by getters or a prototype count, and later changes to them do not", async () => {
    const { fetch, requests } = fakeFetch(() => ({ body: "null" }));
    class Settings {
      baseUrl = BASE;
      fetch = fetch;
      get language(): string {
        return "en";
      }
      get headers(): Record<string, string> {
        return { "X-Trace": "1" };
      }
    }
    const options = Object.assign(Object.create(new Settings()) as Settings, { culture: "sv" });
    const t = new RestTransport(options);
    options.culture = "de";
    await t.call(UserAgent, GetUser, { UserId: 1 });
    const { headers } = requests[0]!.init;
    expect([headers["SO-Language"], headers["SO-Culture"], headers["X-Trace"]]).toEqual(["en", "sv", "1"]);
  });

  it("a parameter the REST API names differently is sent under the REST name (op.rest.rename)", async () => {
    const { t, requests } = rest(() => ({ body: "{}" }));
    const renamed = { ...SetExternalUserInfo, rest: { ...SetExternalUserInfo.rest, rename: [["Modifications", "ExternalUserInfoModification"]] as const } };
    await t.call(UserAgent, renamed, { AssociateId: 36, ExternalUserInfoModification: ["UserName", "Active"] });
    expect(JSON.parse(requests[0]!.init.body!)).toEqual({ AssociateId: 36, Modifications: "UserName, Active" });
  });

  it("a carrier tagged with a derived XSI_TYPE converts by the derived type's fields", async () => {
    const { t, requests } = rest(() => ({ body: "{}" }));
    const derived = { [XSI_TYPE]: "UntrustedCredentials", TableRight: { Mask: ["Select"] }, ValidFrom: new Date("2025-04-03T11:13:36Z") };
    await t.call(UserAgent, SyntheticGetCarrier, { Carrier: derived });
    expect(JSON.parse(requests[0]!.init.body!)).toEqual({ Carrier: { TableRight: { Mask: "Select" }, ValidFrom: "2025-04-03T11:13:36Z" } });
  });

  it("a value that does not fit is an InvalidRequestError before anything is sent", async () => {
    const { t, requests } = rest(() => ({ body: "1" }));
    const error = await rejection(t.call(UserAgent, SaveUntrustedCredentialsForAssociate, { Credentials: { ValidFrom: new Date(NaN) } }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).path).toEqual(["Credentials", "ValidFrom"]);
    expect(requests).toHaveLength(0);
  });

  it("a query parameter is checked as its type's JSON would be: an int in range, a dateTime a Date or string", async () => {
    const { t, requests } = rest(() => ({ body: "null" }));
    for (const [request, message] of [
      [{ UserId: "384; drop" }, "expected an integer number for int, got string at UserId"],
      [{ UserId: 2 ** 31 }, "integer is out of the range of int at UserId"],
    ] as const) {
      const error = await rejection(t.call(UserAgent, GetUser, request));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toBe(message);
    }
    expect((await rejection(t.call(UserAgent, SyntheticQuery, { When: 5 }))).message).toBe("expected a Date or ISO 8601 string for dateTime, got number at When");
    expect(requests).toHaveLength(0);
    await t.call(UserAgent, GetUser, { UserId: " 0384 " });
    expect(requests[0]!.url).toBe(`${BASE}/api/v1/Agents/User/GetUser?userId=384`);
  });

  it("a body needs the descriptor's JSON writer (rest.write); a query-only call needs none", async () => {
    const { t, requests } = rest(() => ({ body: "null" }));
    const { write: _, ...unwritten } = CreateExternalUser.rest;
    const error = await rejection(t.call(UserAgent, { ...CreateExternalUser, rest: unwritten }, { PersonId: 12 }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(errorText(error)).toContain("names no JSON writer (rest.write)");
    expect(requests).toHaveLength(0);
    expect(GetUser.rest.write).toBeUndefined();
    await t.call(UserAgent, GetUser, { UserId: 1 });
    expect(requests[0]!.url).toBe(`${BASE}/api/v1/Agents/User/GetUser?userId=1`);
  });
});

describe("RestTransport responses", () => {
  it("revives dates and flags inside carriers, arrays and dictionary values; unknown values pass through", async () => {
    const body = JSON.stringify([
      {
        AssociateId: 914,
        Lastlogin: "2025-04-03T11:13:36",
        Lastlogout: "2025-04-03T11:13:36.5+02:00",
        TableRight: { Mask: "Select, Update", Reason: "" },
        FieldProperties: { fieldName: { FieldRight: { Mask: "Read, Write, Nullable", Reason: null }, FieldType: "System.Int32", FieldLength: 897 } },
        LicenseOwners: [{ Name: "x", TableRight: null, RestrictedModuleLicenses: [{ Total: 1, TableRight: { Mask: "Select" } }] }],
        ExtraFields: { a: "2025-01-01T00:00:00" },
        Unknown: { Lastlogin: "2025-04-03T11:13:36" },
      },
    ]);
    const { t } = rest(() => ({ body }));
    const users = (await t.call(UserAgent, GetUserFromPersonId, { PersonId: 1 })) as Record<string, unknown>[];
    expect(users).toEqual([
      {
        AssociateId: 914,
        Lastlogin: new Date("2025-04-03T11:13:36Z"),
        Lastlogout: new Date("2025-04-03T09:13:36.500Z"),
        TableRight: { Mask: ["Select", "Update"], Reason: "" },
        FieldProperties: { fieldName: { FieldRight: { Mask: ["Read", "Write", "Nullable"], Reason: null }, FieldType: "System.Int32", FieldLength: 897 } },
        LicenseOwners: [{ Name: "x", TableRight: null, RestrictedModuleLicenses: [{ Total: 1, TableRight: { Mask: ["Select"] } }] }],
        ExtraFields: { a: "2025-01-01T00:00:00" },
        Unknown: { Lastlogin: "2025-04-03T11:13:36" },
      },
    ]);
  });

  it("204 and empty bodies resolve undefined; `null` resolves null; long strings become numbers when safe", async () => {
    expect(await rest(() => ({ status: 204 })).t.call(UserAgent, SetExternalUserInfo, {})).toBeUndefined();
    expect(await rest(() => ({ status: 200, body: "  " })).t.call(UserAgent, GetUser, { UserId: 1 })).toBeUndefined();
    expect(await rest(() => ({ status: 200, body: "null" })).t.call(UserAgent, GetUser, { UserId: 1 })).toBeNull();
    const v = await rest(() => ({ body: `{"Long":"9007199254740993","Double":1.5,"Any":"x"}` })).t.call(UserAgent, SyntheticValues, {});
    expect(v).toEqual({ Long: "9007199254740993", Double: 1.5, Any: "x" });
    const safe = await rest(() => ({ body: `{"Long":"42"}` })).t.call(UserAgent, SyntheticValues, {});
    expect(safe).toEqual({ Long: 42 });
  });

  it("invalid JSON and mistyped dates are ResponseParseErrors", async () => {
    const bad = await rejection(rest(() => ({ body: "{not json" })).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(bad).toBeInstanceOf(ResponseParseError);
    expect((bad as ResponseParseError).status).toBe(200);
    const html = await rejection(rest(() => ({ body: "<html>login</html>" })).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(html).toBeInstanceOf(ResponseParseError);
    const date = await rejection(rest(() => ({ body: `{"Lastlogin":"yesterday"}` })).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(date).toBeInstanceOf(ResponseParseError);
    expect((date as Error).message).toContain("at GetUser.Lastlogin");
  });

  it("non-2xx is an HttpError with the parsed SuperOffice error body and its message", async () => {
    const errorBody = { Error: true, ErrorType: "SoAccessDeniedException", Message: "Access denied to user 12", ErrorSource: "NetServer" };
    const { t } = rest(() => ({ status: 403, statusText: "Forbidden", body: JSON.stringify(errorBody) }));
    const error = (await rejection(t.call(UserAgent, GetUser, { UserId: 12 }))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(403);
    expect(error.message).toBe("HTTP 403 Forbidden: Access denied to user 12");
    expect(error.errorBody).toEqual(errorBody);
    expect(error.body).toBe(JSON.stringify(errorBody));
    expect(error.url).toBe(`${BASE}/api/v1/Agents/User/GetUser?userId=12`);
    const text = (await rejection(rest(() => ({ status: 500, statusText: "Internal Server Error", body: "oops" })).t.call(UserAgent, GetUser, {}))) as HttpError;
    expect(text.errorBody).toBeUndefined();
    expect(text.body).toBe("oops");
  });

  it("prototype pollution attempts in a response pollute nothing", async () => {
    const body =
      `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},` +
      `"ExtraFields":{"__proto__":"x","constructor":"c","prototype":"p"},` +
      `"FieldProperties":{"__proto__":{"FieldRight":{"Mask":"Read"}}},` +
      `"TableRight":{"__proto__":{"polluted":4},"Mask":"Select"}}`;
    const user = (await rest(() => ({ body })).t.call(UserAgent, GetUser, { UserId: 1 })) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(Object.getPrototypeOf(user)).toBe(Object.prototype);
    expect((user as { polluted?: unknown }).polluted).toBeUndefined();
    const extra = user.ExtraFields as Record<string, unknown>;
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(extra.constructor).toBe("c");
    const fp = user.FieldProperties as Record<string, unknown>;
    expect(Object.getPrototypeOf(fp)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(fp, "__proto__")?.value).toEqual({ FieldRight: { Mask: ["Read"] } });
    expect((user.TableRight as Record<string, unknown>).Mask).toEqual(["Select"]);
    expect(Object.getPrototypeOf(user.TableRight)).toBe(Object.prototype);
    // An object where the dictionary holds strings is not what the schema says.
    const mistyped = `{"ExtraFields":{"__proto__":{"polluted":3}}}`;
    expect(await rejection(rest(() => ({ body: mistyped })).t.call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(ResponseParseError);
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("abort and timeout", async () => {
    const { fetch } = hangingFetch();
    const t = new RestTransport({ baseUrl: BASE, fetch, timeoutMs: 15 });
    expect(await rejection(t.call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = t.call(UserAgent, GetUser, { UserId: 1 }, { signal: controller.signal, timeoutMs: 0 });
    controller.abort(new Error("user cancelled"));
    await expect(pending).rejects.toThrow("user cancelled");
    // A fetch that aborts the call and throws at once (before the race is run) still ends it with the abort's reason, not a NetworkError.
    const aborting = new AbortController();
    const abruptFetch = () => {
      aborting.abort(new Error("user cancelled at once"));
      throw new Error("fetch died");
    };
    const abrupt = new RestTransport({ baseUrl: BASE, fetch: abruptFetch });
    await expect(abrupt.call(UserAgent, GetUser, { UserId: 1 }, { signal: aborting.signal })).rejects.toThrow("user cancelled at once");
  });

  it("never exposes a credential in errors, even when the server echoes them", async () => {
    const basic = Buffer.from(`ann:${PASSWORD}`).toString("base64");
    // Each transport knows (and hides) its own credentials.
    const auths: [RestAuth, string[]][] = [
      [{ scheme: "Bearer", token: TOKEN }, [TOKEN, APP_TOKEN]],
      [{ scheme: "Basic", username: "ann", password: PASSWORD }, [PASSWORD, basic, APP_TOKEN]],
      [{ scheme: "SoTicket", ticket: TICKET }, [TICKET, APP_TOKEN]],
    ];
    const echo = `Bad credentials ${TOKEN} ${PASSWORD} ann:${PASSWORD} ${basic} ${TICKET} ${APP_TOKEN}`;
    for (const [auth, secrets] of auths) {
      for (const reply of [
        { status: 401, statusText: "Unauthorized", body: JSON.stringify({ Error: true, Message: echo, InnerException: { Message: echo } }) },
        { status: 500, body: echo },
        { status: 200, body: `{"Lastlogin": "${echo}"}` },
        { status: 200, body: `{${echo}` },
      ]) {
        const { t } = rest(() => reply, auth);
        const error = await rejection(t.call(UserAgent, GetUser, { UserId: 1 }));
        const text = errorText(error) + inspect(error, { depth: 10, showHidden: true });
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
      const { t } = rest(() => ({ body: "1" }), auth);
      for (const secret of secrets) expect(inspect(t, { depth: 10, showHidden: true })).not.toContain(secret);
    }
  });
});

describe("RestTransport typing", () => {
  it("accepts the platform fetch (Node's undici typing) as its fetch option", () => {
    const t = new RestTransport({ baseUrl: BASE, fetch });
    expect(t.baseUrl).toBe(BASE);
  });
});
