import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  HttpError,
  NetworkError,
  ResponseParseError,
  SoapFaultError,
  SoapTransport,
  SuperOfficeError,
  TimeoutError,
  type SoapResponseHeaders,
} from "../../templates/runtime/index.js";
import { errorText, fakeFetch, hangingFetch, rejection } from "./fake-fetch.js";
import { CreateExternalUser, GetUser, GetUserFromPersonId, NS, SetExternalUserInfo, UserAgent } from "./fixtures.js";

const TICKET = "7T:dGhpcyBpcyBhIHRpY2tldA==";
const APP_TOKEN = "apptoken-5f2a9c";
const BASE = "https://sod.superoffice.com/Cust12345";

const ok = (inner: string, header = ""): string =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">${header ? `<s:Header>${header}</s:Header>` : ""}` +
  `<s:Body>${inner}</s:Body></s:Envelope>`;
const faultXml = (faultString: string, detail = "", header = ""): string =>
  ok(`<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang="en-US">${faultString}</faultstring>${detail}</s:Fault>`, header);

function transport(handler: Parameters<typeof fakeFetch>[0], timeoutMs?: number) {
  const { fetch, requests } = fakeFetch(handler);
  const t = new SoapTransport({ baseUrl: `${BASE}/`, ticket: TICKET, applicationToken: APP_TOKEN, fetch, ...(timeoutMs ? { timeoutMs } : {}) });
  return { t, requests };
}

function expectNoSecrets(error: unknown): void {
  const text = errorText(error) + inspect(error, { depth: 10, showHidden: true });
  expect(text).not.toContain(TICKET);
  expect(text).not.toContain(APP_TOKEN);
}

describe("SoapTransport", () => {
  it("POSTs the envelope to baseUrl/endpoint with SOAP 1.1 headers and resolves the Response", async () => {
    const { t, requests } = transport(() => ({ body: ok(`<CreateExternalUserResponse xmlns="${NS}"><Response>77</Response></CreateExternalUserResponse>`) }));
    const id = await t.call(UserAgent, CreateExternalUser, { PersonId: 12, UserName: "ann", Password: "s3cret", RoleId: 3, IsActive: true });
    expect(id).toBe(77);
    expect(requests).toHaveLength(1);
    const { url, init } = requests[0]!;
    expect(url).toBe(`${BASE}/Remote/Services88/User.svc`);
    expect(init.method).toBe("POST");
    expect(init.headers["Content-Type"]).toBe("text/xml; charset=utf-8");
    expect(init.headers.SOAPAction).toBe(`"${NS}/User/CreateExternalUser"`);
    expect(init.body).toContain(`<Ticket>${TICKET}</Ticket>`);
    expect(init.body).toContain(`<ApplicationToken xmlns="${NS}">${APP_TOKEN}</ApplicationToken>`);
  });

  it("a descriptor without soapAction, request and response sends and reads as one that gives NetServer's: <ns>/<agent>/<name>, <name>, <name>Response", async () => {
    const answer = () => ({ body: ok(`<GetUserResponse xmlns="${NS}"><Response xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></GetUserResponse>`) });
    const given = transport(answer);
    const derived = transport(answer);
    const { soapAction: _action, request: _request, response: _response, ...short } = GetUser;
    expect(await given.t.call(UserAgent, GetUser, { UserId: 1 })).toBeNull();
    expect(await derived.t.call(UserAgent, short, { UserId: 1 })).toBeNull();
    expect(derived.requests[0]!.init.headers.SOAPAction).toBe(`"${NS}/User/GetUser"`);
    const wire = ({ url, init }: (typeof given.requests)[number]) => ({ url, headers: init.headers, body: init.body });
    expect(wire(derived.requests[0]!)).toEqual(wire(given.requests[0]!));
    // One that gives them is taken at its word, an empty SOAPAction included.
    const other = transport(() => ({ body: ok(`<Other xmlns="${NS}"/>`) }));
    await other.t.call(UserAgent, { ...short, soapAction: "", request: "Asked", response: "Other", returns: null }, { UserId: 1 });
    expect(other.requests[0]!.init.headers.SOAPAction).toBe('""');
    expect(other.requests[0]!.init.body).toContain(`<s:Body><Asked xmlns="${NS}">`);
  });

  it("void operations resolve undefined; response headers go to onResponseHeaders", async () => {
    const { t } = transport(() => ({
      body: ok(`<SetExternalUserInfoResponse xmlns="${NS}"/>`, `<Succeeded xmlns="${NS}">true</Succeeded><ExtraInfo xmlns="${NS}"><ExtraInfoNameValuePair><Key>k</Key><Value>v</Value></ExtraInfoNameValuePair></ExtraInfo>`),
    }));
    const seen: SoapResponseHeaders[] = [];
    const result = await t.call(UserAgent, SetExternalUserInfo, { AssociateId: 1 }, { onResponseHeaders: (h) => seen.push(h) });
    expect(result).toBeUndefined();
    expect(seen).toEqual([{ Succeeded: true, ExtraInfo: { k: "v" } }]);
  });

  it("a fault in a 500 rejects with SoapFaultError carrying the ExceptionInfo header", async () => {
    const header = `<ExceptionInfo xmlns="${NS}"><Message>Ticket expired</Message><ExceptionType>SoAccessDeniedException</ExceptionType></ExceptionInfo>`;
    const { t } = transport(() => ({ status: 500, statusText: "Internal Server Error", body: faultXml("Access denied", "", header) }));
    const seen: SoapResponseHeaders[] = [];
    const error = await rejection(t.call(UserAgent, GetUser, { UserId: 1 }, { onResponseHeaders: (h) => seen.push(h) }));
    expect(error).toBeInstanceOf(SoapFaultError);
    expect(error).toBeInstanceOf(SuperOfficeError);
    const fault = error as SoapFaultError;
    expect(fault.message).toBe("SOAP fault s:Client: Access denied");
    expect(fault.faultCode).toBe("s:Client");
    expect(fault.faultString).toBe("Access denied");
    expect(fault.status).toBe(500);
    expect(fault.exceptionInfo).toEqual({ Message: "Ticket expired", ExceptionType: "SoAccessDeniedException" });
    expect(fault.name).toBe("SoapFaultError");
    expect(seen).toHaveLength(1);
  });

  it("a fault without detail, and a fault in a 200", async () => {
    const plain = transport(() => ({ status: 500, body: faultXml("Nope") }));
    const e1 = (await rejection(plain.t.call(UserAgent, GetUser, {}))) as SoapFaultError;
    expect(e1).toBeInstanceOf(SoapFaultError);
    expect(e1.exceptionInfo).toBeUndefined();
    const in200 = transport(() => ({ status: 200, body: faultXml("In a 200", `<detail><SoExceptionInfo xmlns="${NS}"><Message>d</Message></SoExceptionInfo></detail>`) }));
    const e2 = (await rejection(in200.t.call(UserAgent, GetUser, {}))) as SoapFaultError;
    expect(e2).toBeInstanceOf(SoapFaultError);
    expect(e2.status).toBe(200);
    expect(e2.exceptionInfo).toEqual({ Message: "d" });
  });

  it("an HTML error page or an empty body with a non-2xx status is an HttpError", async () => {
    const html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>";
    const { t } = transport(() => ({ status: 502, statusText: "Bad Gateway", body: html }));
    const error = (await rejection(t.call(UserAgent, GetUser, {}))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(502);
    expect(error.statusText).toBe("Bad Gateway");
    expect(error.body).toBe(html);
    expect(error.message).toBe(`HTTP 502 Bad Gateway from ${BASE}/Remote/Services88/User.svc`);
    const empty = transport(() => ({ status: 503, statusText: "Service Unavailable", body: "" }));
    expect(await rejection(empty.t.call(UserAgent, GetUser, {}))).toBeInstanceOf(HttpError);
    const notFault = transport(() => ({ status: 500, body: ok(`<GetUserResponse xmlns="${NS}"/>`) }));
    expect(await rejection(notFault.t.call(UserAgent, GetUser, {}))).toBeInstanceOf(HttpError);
  });

  it.each([
    ["an empty 200", ""],
    ["a truncated envelope", ok(`<GetUserResponse xmlns="${NS}"><Response><AssociateId>1</AssociateId></Response></GetUserResponse>`).slice(0, 120)],
    ["an HTML page in a 200", "<html><body>Login</body></html>"],
    ["a DOCTYPE in a 200", `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${ok(`<GetUserResponse xmlns="${NS}"><Response><Name>&e;</Name></Response></GetUserResponse>`)}`],
    ["plain text", "OK"],
  ])("%s is a ResponseParseError", async (_, body) => {
    const { t } = transport(() => ({ status: 200, body }));
    const error = (await rejection(t.call(UserAgent, GetUser, {}))) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.status).toBe(200);
  });

  it("a response of a few MB parses", async () => {
    const users = Array.from({ length: 12000 }, (_, i) => `<User><AssociateId>${i}</AssociateId><Name>User ${i}</Name><Lastlogin>2025-04-03T11:13:36</Lastlogin><Deleted>false</Deleted><ExtraFields><StringKeyValuePair><Key>k</Key><Value>${"v".repeat(200)}</Value></StringKeyValuePair></ExtraFields></User>`);
    const body = ok(`<GetUserFromPersonIdResponse xmlns="${NS}"><Response>${users.join("")}</Response></GetUserFromPersonIdResponse>`);
    expect(body.length).toBeGreaterThan(3_000_000);
    const { t } = transport(() => ({ body }));
    const list = (await t.call(UserAgent, GetUserFromPersonId, { PersonId: 1 })) as { AssociateId: number; Lastlogin: Date }[];
    expect(list).toHaveLength(12000);
    expect(list[11999]!.AssociateId).toBe(11999);
    expect(list[0]!.Lastlogin).toEqual(new Date("2025-04-03T11:13:36Z"));
  });

  it("rejects with the abort reason when the signal aborts (before and during the call)", async () => {
    const pre = new AbortController();
    pre.abort(new Error("stop before"));
    const { t, requests } = transport(() => ({ body: "" }));
    await expect(t.call(UserAgent, GetUser, {}, { signal: pre.signal })).rejects.toThrow("stop before");
    expect(requests).toHaveLength(0);

    const { fetch, signals } = hangingFetch();
    const t2 = new SoapTransport({ baseUrl: BASE, fetch });
    const during = new AbortController();
    const pending = t2.call(UserAgent, GetUser, {}, { signal: during.signal });
    setTimeout(() => during.abort(), 5);
    const error = await rejection(pending);
    expect((error as Error).name).toBe("AbortError");
    expect(signals[0]?.aborted).toBe(true);
  });

  it("rejects with TimeoutError naming the timeout and aborts the fetch; per-call timeout overrides", async () => {
    const { fetch, signals } = hangingFetch();
    const t = new SoapTransport({ baseUrl: BASE, fetch, timeoutMs: 10_000 });
    const error = await rejection(t.call(UserAgent, GetUser, {}, { timeoutMs: 20 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(20);
    expect((error as Error).message).toBe("Request timed out after 20 ms");
    expect(signals[0]?.aborted).toBe(true);
  });

  it("a fetch that ignores its signal still cannot outlive the timeout", async () => {
    const fetch = () => new Promise<never>(() => undefined);
    const t = new SoapTransport({ baseUrl: BASE, fetch, timeoutMs: 15 });
    expect(await rejection(t.call(UserAgent, GetUser, {}))).toBeInstanceOf(TimeoutError);
  });

  it("a failing fetch is a NetworkError with the cause", async () => {
    const t = new SoapTransport({
      baseUrl: BASE,
      ticket: TICKET,
      fetch: () => Promise.reject(new TypeError(`fetch failed for ticket ${TICKET}`)),
    });
    const error = (await rejection(t.call(UserAgent, GetUser, {}))) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(`Network error calling ${BASE}/Remote/Services88/User.svc: fetch failed for ticket ***`);
  });

  it("never exposes the ticket or application token in errors, even when the server echoes them", async () => {
    const echo = `Invalid ticket ${TICKET} for app ${APP_TOKEN}`;
    const header = `<ExceptionInfo xmlns="${NS}"><Message>${echo}</Message><Parameters><SoExceptionInfoParametersKeyValuePair><Key>ticket</Key><Value>${TICKET}</Value></SoExceptionInfoParametersKeyValuePair></Parameters></ExceptionInfo>`;
    const cases: [string, { status: number; body: string; statusText?: string }][] = [
      ["fault", { status: 500, body: faultXml(echo, "", header) }],
      ["html", { status: 401, statusText: `Bad ${TICKET}`, body: `<html><body>${echo}</body></html>` }],
      ["parse", { status: 200, body: `<x>${echo}` }],
      ["schema", { status: 200, body: ok(`<GetUserResponse xmlns="${NS}"><Response><AssociateId>${TICKET}</AssociateId></Response></GetUserResponse>`) }],
    ];
    for (const [, reply] of cases) {
      const { t } = transport(() => reply);
      const error = await rejection(t.call(UserAgent, GetUser, {}));
      expect(error).toBeInstanceOf(SuperOfficeError);
      expectNoSecrets(error);
    }
    const { t } = transport(() => ({ status: 500, body: faultXml(echo, "", header) }));
    const fault = (await rejection(t.call(UserAgent, GetUser, {}))) as SoapFaultError;
    expect(fault.faultString).toBe("Invalid ticket *** for app ***");
    expect(fault.exceptionInfo?.Parameters).toEqual({ ticket: "***" });
    // Nor does logging the transport show them.
    expect(inspect(t, { depth: 10, showHidden: true })).not.toContain(TICKET);
    expect(JSON.stringify(t)).not.toContain(TICKET);
  });
});
