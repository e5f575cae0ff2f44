/**
 * Headers and failures of the generated REST client over real loopback HTTP (the runtime's
 * unit tests cover the same with a fake fetch; here it is the generated client, the real
 * `fetch` and a real server): Authorization in the three schemes, SO-AppToken, Accept, the
 * optional language/culture/time-zone headers, the `$select` call option, non-2xx answers as
 * HttpError with the SuperOffice error body's message, 2xx answers that are not what the model
 * says as ResponseParseError, and no credential in any error's message or stack.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { hasCorpus } from "../corpus.js";
import { agentOf, restCorpusSuite, methodOf, type GeneratedCorpus } from "../support/rest-e2e.js";

const TICKET = "7T:e2e-ticket-8d1f";
const TOKEN = "e2e-bearer-token-51c2";
const APP_TOKEN = "e2e-app-token-77aa";
const USERNAME = "ann";
const PASSWORD = "pässwörd-ÆØÅ";
const BASIC = Buffer.from(`${USERNAME}:${PASSWORD}`, "utf8").toString("base64");

describe.skipIf(!hasCorpus)("REST client headers and failures (loopback)", () => {
  const suite = restCorpusSuite("rest-headers");
  const { server } = suite;
  let corpus: GeneratedCorpus;
  beforeAll(() => ({ corpus } = suite.env));

  const client = (options: Record<string, unknown> = {}) => new corpus.services88.RestClient({ baseUrl: server.baseUrl, ...options });
  const call = (options: Record<string, unknown>, op: string, request?: object, callOptions?: object) =>
    methodOf(agentOf(client(options), "User"), op)(request, callOptions);
  const sent = async (options: Record<string, unknown>, op: string, request?: object, callOptions?: object) => {
    server.reply = () => ({ status: 204 });
    const from = server.requests.length;
    await call(options, op, request, callOptions);
    return server.only(from);
  };

  it("sends Authorization in each scheme, SO-AppToken and Accept: application/json", async () => {
    const basic = await sent({ auth: { scheme: "Basic", username: USERNAME, password: PASSWORD }, applicationToken: APP_TOKEN }, "DeleteUser", { UserId: 1 });
    expect(basic.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(Buffer.from(basic.headers.authorization!.slice(6), "base64").toString("utf8")).toBe(`${USERNAME}:${PASSWORD}`);
    expect(basic.headers["so-apptoken"]).toBe(APP_TOKEN);
    expect(basic.headers.accept).toBe("application/json");

    expect((await sent({ auth: { scheme: "SoTicket", ticket: TICKET } }, "DeleteUser", { UserId: 1 })).headers.authorization).toBe(`SOTicket ${TICKET}`);
    expect((await sent({ auth: { scheme: "Bearer", token: TOKEN } }, "DeleteUser", { UserId: 1 })).headers.authorization).toBe(`Bearer ${TOKEN}`);

    const anonymous = await sent({}, "DeleteUser", { UserId: 1 });
    expect(anonymous.headers.authorization).toBeUndefined();
    expect(anonymous.headers["so-apptoken"]).toBeUndefined();
  });

  it("sends Accept-Language, SO-Language, SO-Culture, SO-TimeZone only when set, call options over client options", async () => {
    const none = await sent({}, "GetUserFromName", { UserName: "ann" });
    for (const name of ["so-language", "so-culture", "so-timezone"]) expect(none.headers[name]).toBeUndefined();
    // Node's fetch (undici) adds "Accept-Language: *" to a request that has none.
    expect(none.headers["accept-language"] ?? "*").toBe("*");
    expect(none.headers["content-type"]).toBe("application/json; charset=utf-8");

    const options = { acceptLanguage: "fr,de", language: "sv", culture: "nb", timeZone: "UTC" };
    const set = await sent(options, "GetUserFromName", { UserName: "ann" });
    expect([set.headers["accept-language"], set.headers["so-language"], set.headers["so-culture"], set.headers["so-timezone"]]).toEqual(["fr,de", "sv", "nb", "UTC"]);

    const overridden = await sent(options, "GetUserFromName", { UserName: "ann" }, { language: "en", culture: "en", timeZone: "FR" });
    expect([overridden.headers["accept-language"], overridden.headers["so-language"], overridden.headers["so-culture"], overridden.headers["so-timezone"]]).toEqual(["fr,de", "en", "en", "FR"]);
  });

  it("sends $select from the call option, beside the query parameters", async () => {
    const listed = await sent({}, "GetUser", { UserId: 384 }, { select: ["Name", "Department"] });
    const url = new URL(listed.url, server.baseUrl);
    expect(url.pathname).toBe("/api/v1/Agents/User/GetUser");
    expect([...url.searchParams]).toEqual([["userId", "384"], ["$select", "Name,Department"]]);
    const text = new URL((await sent({}, "GetUserFromName", { UserName: "x" }, { select: "Name" })).url, server.baseUrl);
    expect(text.searchParams.get("$select")).toBe("Name");
    expect(new URL((await sent({}, "GetUser", { UserId: 1 })).url, server.baseUrl).searchParams.has("$select")).toBe(false);
  });

  it("rejects a non-2xx answer with HttpError: status and the SuperOffice error message; no credential anywhere", async () => {
    const options = { auth: { scheme: "Basic", username: USERNAME, password: PASSWORD }, applicationToken: APP_TOKEN };
    // The server's error echoes every credential it was sent, as a careless server might.
    server.reply = (request) => ({
      status: 500,
      body: JSON.stringify({
        Error: true,
        ErrorType: "SoException",
        Message: `User 12 not found (auth ${request.headers.authorization}, app ${request.headers["so-apptoken"]}, user ${USERNAME}:${PASSWORD}, pw ${PASSWORD})`,
        ErrorSource: "NetServer",
      }),
    });
    const error = await call(options, "GetUser", { UserId: 12 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(corpus.services88.HttpError);
    const http = error as InstanceType<typeof corpus.services88.HttpError>;
    expect(http.status).toBe(500);
    expect(http.message).toContain("User 12 not found");
    expect(http.errorBody?.ErrorType).toBe("SoException");
    const everything = [http.message, http.stack ?? "", http.body, JSON.stringify(http.errorBody), String(http)].join("\n");
    for (const secret of [APP_TOKEN, PASSWORD, `${USERNAME}:${PASSWORD}`, BASIC]) expect(everything, secret).not.toContain(secret);

    // Ticket and bearer token too, with an HTML page instead of JSON.
    for (const auth of [{ scheme: "SoTicket", ticket: TICKET }, { scheme: "Bearer", token: TOKEN }]) {
      server.reply = (request) => ({ status: 401, body: `<html>Unauthorized: ${request.headers.authorization}</html>`, headers: { "Content-Type": "text/html" } });
      const e = (await call({ auth }, "DeleteUser", { UserId: 1 }).catch((x: unknown) => x)) as InstanceType<typeof corpus.services88.HttpError>;
      expect(e).toBeInstanceOf(corpus.services88.HttpError);
      expect(e.status).toBe(401);
      expect(e.errorBody).toBeUndefined();
      const secret = auth.scheme === "Bearer" ? TOKEN : TICKET;
      expect(e.body).toContain("Unauthorized");
      expect([e.message, e.stack ?? "", e.body, String(e)].join("\n"), secret).not.toContain(secret);
    }

    server.reply = () => ({ status: 404 });
    const notFound = (await call({}, "DeleteUser", { UserId: 1 }).catch((x: unknown) => x)) as InstanceType<typeof corpus.services88.HttpError>;
    expect(notFound).toBeInstanceOf(corpus.services88.HttpError);
    expect(notFound.status).toBe(404);
  });

  it("rejects a 2xx answer that is not what the model says with ResponseParseError", async () => {
    server.reply = () => ({ status: 200, body: "{ not json" });
    await expect(call({ auth: { scheme: "Bearer", token: TOKEN } }, "GetUser", { UserId: 1 })).rejects.toBeInstanceOf(corpus.services88.ResponseParseError);
    server.reply = () => ({ status: 200, body: JSON.stringify({ AssociateId: 1, Lastlogin: "not a date" }) });
    const error = (await call({ auth: { scheme: "Bearer", token: TOKEN } }, "GetUser", { UserId: 1 }).catch((x: unknown) => x)) as Error;
    expect(error).toBeInstanceOf(corpus.services88.ResponseParseError);
    expect(error.message).toContain("Lastlogin");
    expect(`${error.message}\n${error.stack}`).not.toContain(TOKEN);
  });
});
