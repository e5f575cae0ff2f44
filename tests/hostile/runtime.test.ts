/**
 * The generated clients' runtime against a hostile server and hostile values: what
 * tests/runtime does not cover yet. Already covered there, and not repeated here:
 * - soap-transport.test.ts: HTML page / empty body in a non-2xx (HttpError), empty 200,
 *   truncated envelope, HTML in a 200, DOCTYPE in a 200 and plain text (ResponseParseError),
 *   a fault without detail and a fault in a 200, a 3 MB response, abort and timeout, and the
 *   ticket / application token echoed by the server (fault, HTML, parse and schema errors);
 * - rest.test.ts: invalid JSON and HTML in a 200, mistyped values, `__proto__` /
 *   `constructor` / `prototype` keys in a carrier, a dictionary and the top-level object, and
 *   every credential (bearer, Basic password and its base64, ticket, app token) echoed back;
 * - xml-parse.test.ts: escaping and parsing `<&>"']]>` and control characters, any string
 *   through escape + parse (property), DOCTYPE and nesting limits, an element named __proto__.
 * Here: the exact messages, the 500 variants, a DOCTYPE in a fault, multi-MB single values and
 * error bodies, strings through a whole SOAP and REST call (writer → server → reader), pollution
 * through arrays, dictionaries and untyped values on both transports, and credentials in
 * `String(error)`, `util.inspect`, JSON, the cause chain of a NetworkError, and console output.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  HttpError,
  InvalidRequestError,
  NetworkError,
  ResponseParseError,
  RestTransport,
  SoapFaultError,
  SoapTransport,
  SuperOfficeError,
  TimeoutError,
  type AgentSchema,
  type OperationDescriptor,
  type RestAuth,
} from "../../templates/runtime/index.js";
import { errorText, fakeFetch, hangingFetch, type Reply, rejection } from "../runtime/fake-fetch.js";
import { CreateExternalUser, GetUser, GetUserFromPersonId, NS, SaveUntrustedCredentialsForAssociate, SyntheticValues, UserAgent, ValidateUser } from "../runtime/fixtures.js";

const BASE = "https://sod.superoffice.com/Cust12345";
const URL_SOAP = `${BASE}/Remote/Services88/User.svc`;
const TICKET = "7T:c2VjcmV0LXRpY2tldA==";
const APP_TOKEN = "apptoken-9f3b2c71";
const BEARER = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.sig-hostile";
const PASSWORD = "hunter2-P@ss";
const BASIC = Buffer.from(`ann:${PASSWORD}`, "utf8").toString("base64");

const envelope = (inner: string): string => `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${inner}</s:Body></s:Envelope>`;

function soap(reply: Reply | ((body: string) => Reply)) {
  const { fetch, requests } = fakeFetch((request) => (typeof reply === "function" ? reply(request.init.body ?? "") : reply));
  return { t: new SoapTransport({ baseUrl: BASE, ticket: TICKET, applicationToken: APP_TOKEN, fetch }), requests };
}

function rest(reply: Reply | ((body: string) => Reply), auth: RestAuth = { scheme: "Bearer", token: BEARER }) {
  const { fetch, requests } = fakeFetch((request) => (typeof reply === "function" ? reply(request.init.body ?? "") : reply));
  return { t: new RestTransport({ baseUrl: BASE, auth, applicationToken: APP_TOKEN, fetch }), requests };
}

describe("SOAP: a hostile server", () => {
  const html = "<!DOCTYPE html>\n<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1><hr></body></html>";

  it("an HTML error page in a 200 is a ResponseParseError that says it is HTML, with its title", async () => {
    const error = await rejection(soap({ status: 200, body: html }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe("Response is an HTML page, not a SOAP envelope (title: Runtime Error)");
    expect((error as ResponseParseError).status).toBe(200);
    const bare = await rejection(soap({ status: 200, body: "<html><body>Please log in</body></html>" }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(bare.message).toBe("Response is an HTML page, not a SOAP envelope");
  });

  it("an HTML error page in a 500 is an HttpError with status, body and URL", async () => {
    const error = (await rejection(soap({ status: 500, statusText: "Internal Server Error", body: html }).t.call(UserAgent, GetUser, { UserId: 1 }))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe(`HTTP 500 Internal Server Error from ${URL_SOAP}`);
    expect([error.status, error.statusText, error.body, error.url]).toEqual([500, "Internal Server Error", html, URL_SOAP]);
  });

  it("a truncated envelope: ResponseParseError in a 200 naming the mismatch, HttpError in a 500", async () => {
    const cut = envelope(`<GetUserResponse xmlns="${NS}"><Response><Name>ann</Name></Response></GetUserResponse>`);
    const in200 = await rejection(soap({ body: cut.slice(0, cut.indexOf("</Response>")) }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(in200).toBeInstanceOf(ResponseParseError);
    expect(in200.message).toMatch(/^Response is not well-formed XML: /);
    const fault = envelope("<s:Fault><faultcode>s:Server</faultcode><faultstring>Boom</faultstring></s:Fault>");
    const in500 = (await rejection(soap({ status: 500, statusText: "Internal Server Error", body: fault.slice(0, 90) }).t.call(UserAgent, GetUser, { UserId: 1 }))) as HttpError;
    expect(in500).toBeInstanceOf(HttpError);
    expect(in500.body).toBe(fault.slice(0, 90));
  });

  it("an empty 200, an envelope without the response element, and one with an empty Body", async () => {
    const cases: [string, string][] = [
      ["", "Response body is empty"],
      ["  \n ", "Response body is empty"],
      [envelope(`<OtherResponse xmlns="${NS}"/>`), "Response body has no <GetUserResponse> element (found <OtherResponse>)"],
      [envelope(""), "Response body has no <GetUserResponse> element (empty Body)"],
      ['<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>', "Response is not a SOAP 1.1 envelope (root is a SOAP 1.2 envelope)"],
    ];
    for (const [body, message] of cases) {
      const error = await rejection(soap({ body }).t.call(UserAgent, GetUser, { UserId: 1 }));
      expect(error, JSON.stringify(body)).toBeInstanceOf(ResponseParseError);
      expect(error.message).toBe(message);
    }
  });

  it("faults without detail, without fault string, without anything", async () => {
    const cases: [string, string, string, string][] = [
      ["<faultcode>s:Server</faultcode><faultstring>Boom</faultstring>", "SOAP fault s:Server: Boom", "s:Server", "Boom"],
      ["<faultcode>s:Server</faultcode>", "SOAP fault s:Server: (no fault string)", "s:Server", ""],
      ["", "SOAP fault (no code): (no fault string)", "", ""],
    ];
    for (const [inner, message, faultCode, faultString] of cases) {
      const error = (await rejection(soap({ status: 500, body: envelope(`<s:Fault>${inner}</s:Fault>`) }).t.call(UserAgent, GetUser, { UserId: 1 }))) as SoapFaultError;
      expect(error).toBeInstanceOf(SoapFaultError);
      expect([error.message, error.faultCode, error.faultString, error.exceptionInfo, error.status]).toEqual([message, faultCode, faultString, undefined, 500]);
    }
  });

  it("a DOCTYPE is never read: ResponseParseError in a 200, HttpError (not a fault with an expanded entity) in a 500", async () => {
    const bomb = '<!DOCTYPE s:Envelope [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const in200 = await rejection(soap({ body: `${bomb}${envelope(`<GetUserResponse xmlns="${NS}"><Response><Name>&c;</Name></Response></GetUserResponse>`)}` }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(in200).toBeInstanceOf(ResponseParseError);
    expect(in200.message).toBe("Response is not well-formed XML: DOCTYPE declarations are not accepted (entities are never expanded)");
    const body = `${bomb}${envelope("<s:Fault><faultcode>s:Server</faultcode><faultstring>&c;</faultstring></s:Fault>")}`;
    const in500 = (await rejection(soap({ status: 500, statusText: "Internal Server Error", body }).t.call(UserAgent, GetUser, { UserId: 1 }))) as HttpError;
    expect(in500).toBeInstanceOf(HttpError);
    expect(in500.body).toBe(body);
    expect(errorText(in500)).not.toContain("aaaaaaaaaaaaaaaaaaaa");
  });

  it("huge answers: an 8 MB string value resolves whole; a 5 MB error page and a 5 MB fault string reject promptly", async () => {
    const big = "x<&>".repeat(2_000_000);
    const escaped = big.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const started = performance.now();
    const user = (await soap({ body: envelope(`<GetUserResponse xmlns="${NS}"><Response><Name>${escaped}</Name></Response></GetUserResponse>`) }).t.call(UserAgent, GetUser, { UserId: 1 })) as { Name: string };
    expect(user.Name).toBe(big);
    const page = `<html><body>${"<p>error</p>".repeat(400_000)}</body></html>`;
    expect(await rejection(soap({ status: 503, body: page }).t.call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(HttpError);
    const fault = (await rejection(soap({ status: 500, body: envelope(`<s:Fault><faultcode>s:Server</faultcode><faultstring>${"why?".repeat(1_250_000)}</faultstring></s:Fault>`) }).t.call(UserAgent, GetUser, { UserId: 1 }))) as SoapFaultError;
    expect(fault.faultString).toHaveLength(5_000_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("elements nested 100,000 deep are refused (bounded recursion), not a stack overflow", async () => {
    const error = await rejection(soap({ body: envelope(`<GetUserResponse xmlns="${NS}"><Response>${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</Response></GetUserResponse>`) }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe("Response is not well-formed XML: elements nested deeper than 256");
  });
});

// ---------------------------------------------------------------- strings through a whole call

/** A string operation of our own: one string parameter, a string response. */
const EchoAgent: AgentSchema = { name: "Echo", ns: NS, endpoint: "Remote/Services88/Echo.svc", types: {}, responseHeaders: [] };
const Echo: OperationDescriptor = {
  name: "Echo",
  soapAction: `${NS}/Echo/Echo`,
  request: "Echo",
  response: "EchoResponse",
  params: [["Text", "string", 3]],
  returns: "string",
  rest: { method: "POST", path: "/api/v1/Agents/Echo/Echo" },
};

/**
 * What XML 1.0 can carry (README "Escaping"): C0 controls other than TAB/LF/CR, U+FFFE/U+FFFF and
 * unpaired surrogates become U+FFFD; everything else, CR and CRLF included, arrives as it was.
 */
function xmlCarried(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const forbidden = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff);
    out += forbidden ? "\uFFFD" : char;
  }
  return out;
}

/** An independent reading of the server side: the text of <Text> decoded by hand (entities and character references). */
function serverSees(requestXml: string): string {
  const raw = /<Text>([\s\S]*?)<\/Text>|<Text\s*\/>/.exec(requestXml);
  if (!raw) throw new Error(`no <Text> in ${requestXml}`);
  return (raw[1] ?? "").replace(/&(lt|gt|amp|quot|apos|#x[\da-fA-F]+|#\d+);/g, (_, name: string) =>
    name[0] === "#" ? String.fromCodePoint(name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[name]!,
  );
}

const hostileString = fc
  .array(
    fc.oneof(
      fc.constantFrom("<", ">", "&", "]]>", '"', "'", "\r", "\n", "\t", "\r\n", "\u0000", "\u0001", "\u000b", "\u001f", "\u007f", "\u0085", "\u2028", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uD83D\uDE00", "&amp;", "&#0;", "<![CDATA[", "<!--", " ", "  ", "ø"),
      fc.string({ unit: "binary", maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("strings with markup and control characters round-trip", () => {
  it("SOAP: exactly, but for the characters XML cannot carry, which arrive as U+FFFD (seed 7, 300 runs)", async () => {
    const fixed = `<a href="x">&amp; ]]> 'q' "dq" \r\n\ttab\r lone CR \u0000\u0008\u000b\uFFFE\uD800 end `;
    expect(xmlCarried(fixed)).toBe(`<a href="x">&amp; ]]> 'q' "dq" \r\n\ttab\r lone CR \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD end `);
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        let seen = "";
        const { t } = soap((body) => {
          seen = serverSees(body);
          const echoed = /<Text>([\s\S]*?)<\/Text>/.exec(body)?.[1] ?? "";
          return { body: envelope(`<EchoResponse xmlns="${NS}"><Response>${echoed}</Response></EchoResponse>`) };
        });
        const back = await t.call(EchoAgent, Echo, { Text: text });
        expect(seen).toBe(xmlCarried(text));
        expect(back).toBe(xmlCarried(text));
      }),
      { seed: 7, numRuns: 300 },
    );
    // The fixed sample once more, for a readable failure.
    const { t } = soap((body) => ({ body: envelope(`<EchoResponse xmlns="${NS}"><Response>${/<Text>([\s\S]*?)<\/Text>/.exec(body)?.[1] ?? ""}</Response></EchoResponse>`) }));
    expect(await t.call(EchoAgent, Echo, { Text: fixed })).toBe(xmlCarried(fixed));
  });

  it("REST: exactly, every character (JSON carries them all) (seed 7, 300 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const { t } = rest((body) => ({ body: JSON.stringify((JSON.parse(body) as { Text: string }).Text) }));
        expect(await t.call(EchoAgent, Echo, { Text: text })).toBe(text);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- prototype pollution

function expectNothingPolluted(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype]) {
    for (const key of ["polluted", "isAdmin", "toJSON"]) expect(Object.getOwnPropertyDescriptor(proto, key), key).toBeUndefined();
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

describe("prototype pollution through responses", () => {
  const attack = `{"__proto__":{"polluted":1,"isAdmin":true},"constructor":{"prototype":{"polluted":2}},"prototype":{"polluted":3}}`;

  it("REST: through an array of carriers, a dictionary result, untyped values and a top-level array", async () => {
    const strings = `{"__proto__":"p","constructor":"c","prototype":"x"}`;
    const list = (await rest({ body: `[${attack},{"AssociateId":1,"Unknown":${attack},"ExtraFields":${strings}}]` }).t.call(UserAgent, GetUserFromPersonId, { PersonId: 1 })) as unknown as Record<string, unknown>[];
    expect(Array.isArray(list)).toBe(true);
    for (const item of list) expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect((list[0] as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    const second = list[1]!;
    expect(Object.getOwnPropertyDescriptor(second.Unknown, "__proto__")?.value).toEqual({ polluted: 1, isAdmin: true });
    expect(Object.getOwnPropertyDescriptor(second.ExtraFields, "__proto__")?.value).toBe("p");
    for (const nested of [second.Unknown, second.ExtraFields] as Record<string, unknown>[]) expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    // Where the schema says a User, an array is not one (nor the attack's objects where ExtraFields holds strings).
    expect(await rejection(rest({ body: `[${attack}]` }).t.call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(ResponseParseError);
    const dictionary = (await rest({ body: strings }).t.call(UserAgent, ValidateUser, { User: null })) as Record<string, unknown>;
    expect(Object.getPrototypeOf(dictionary)).toBe(Object.prototype);
    expect(Object.keys(dictionary).sort()).toEqual(["__proto__", "constructor", "prototype"]);
    const untyped = (await rest({ body: `{"Any":${attack}}` }).t.call(UserAgent, SyntheticValues, {})) as { Any: Record<string, unknown> };
    expect(Object.getPrototypeOf(untyped.Any)).toBe(Object.prototype);
    expect((untyped.Any as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expectNothingPolluted();
  });

  it("a schema field named __proto__ is an own property, never the prototype (SOAP and REST)", async () => {
    const ProtoAgent: AgentSchema = {
      name: "Proto",
      ns: NS,
      endpoint: "Remote/Services88/Proto.svc",
      types: { Odd: { kind: "carrier", ns: NS, fields: [["__proto__", "Odd", 3], ["Name", "string", 3]] } },
      responseHeaders: [],
    };
    const GetOdd: OperationDescriptor = { name: "GetOdd", soapAction: `${NS}/Proto/GetOdd`, request: "GetOdd", response: "GetOddResponse", params: [], returns: "Odd", rest: { method: "POST", path: "/api/v1/Agents/Proto/GetOdd" } };
    const xml = envelope(`<GetOddResponse xmlns="${NS}"><Response><__proto__><Name>inner</Name></__proto__><Name>outer</Name></Response></GetOddResponse>`);
    const json = `{"__proto__":{"Name":"inner","polluted":1},"Name":"outer"}`;
    for (const value of [await soap({ body: xml }).t.call(ProtoAgent, GetOdd, {}), await rest({ body: json }).t.call(ProtoAgent, GetOdd, {})] as Record<string, unknown>[]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(value.Name).toBe("outer");
      expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toMatchObject({ Name: "inner" });
    }
    expectNothingPolluted();
  });

  it("SOAP: dictionary keys __proto__ / constructor / prototype are ordinary keys", async () => {
    const pair = (key: string, value: string) => `<StringKeyValuePair><Key>${key}</Key><Value>${value}</Value></StringKeyValuePair>`;
    const entries = [pair("__proto__", "p"), pair("constructor", "c"), pair("prototype", "x"), pair("toString", "t")].join("");
    const dictionary = (await soap({ body: envelope(`<ValidateUserResponse xmlns="${NS}"><Response>${entries}</Response></ValidateUserResponse>`) }).t.call(UserAgent, ValidateUser, { User: null })) as Record<string, unknown>;
    expect(Object.getPrototypeOf(dictionary)).toBe(Object.prototype);
    expect({ ...dictionary }).toEqual({ ["__proto__"]: "p", constructor: "c", prototype: "x", toString: "t" });
    expect(Object.getOwnPropertyDescriptor(dictionary, "__proto__")?.value).toBe("p");
    expectNothingPolluted();
  });
});

// ---------------------------------------------------------------- credentials

describe("credentials never show in errors or on the console", () => {
  let printed = "";
  const spies: { mockRestore(): void }[] = [];
  beforeEach(() => {
    printed = "";
    const capture = (...items: unknown[]): void => void (printed += `${items.map(String).join(" ")}\n`);
    for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) spies.push(vi.spyOn(console, level).mockImplementation(capture));
    for (const stream of [process.stdout, process.stderr]) spies.push(vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => ((printed += String(chunk)), true)));
  });
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  /** Every way an error gets shown: message, stack, String(), util.inspect (hidden, whole cause chain), JSON, own properties. */
  function shown(error: Error): string {
    return [error.message, error.stack, String(error), inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), errorText(error)].join("\n");
  }

  function expectHidden(error: Error, secrets: readonly string[], what: string): void {
    expect(error, what).toBeInstanceOf(SuperOfficeError);
    const text = shown(error);
    for (const secret of secrets) expect(text.includes(secret), `${what}: ${secret} shows in\n${text.slice(0, 2000)}`).toBe(false);
  }

  const echo = (secrets: readonly string[]) => `Denied: ${secrets.join(" / ")}`;

  it("SOAP (ticket, application token): HTTP, fault, parse, schema, network (cause chain), timeout and invalid-request errors", async () => {
    const secrets = [TICKET, APP_TOKEN];
    const said = echo(secrets);
    const replies: [string, Reply][] = [
      ["http", { status: 401, statusText: `Unauthorized ${TICKET}`, body: `<html><title>${said}</title></html>` }],
      ["html 200", { status: 200, body: `<!DOCTYPE html><html><head><title>${said}</title></head></html>` }],
      ["fault", { status: 500, body: envelope(`<s:Fault><faultcode>s:${APP_TOKEN}</faultcode><faultstring>${said}</faultstring><faultactor>${TICKET}</faultactor><detail><SoExceptionInfo xmlns="${NS}"><Message>${said}</Message><StackTrace>${said}</StackTrace></SoExceptionInfo></detail></s:Fault>`) }],
      ["parse", { status: 200, body: `<x>${said}` }],
      ["schema", { status: 200, body: envelope(`<GetUserResponse xmlns="${NS}"><Response><AssociateId>${TICKET}</AssociateId></Response></GetUserResponse>`) }],
    ];
    for (const [what, reply] of replies) expectHidden(await rejection(soap(reply).t.call(UserAgent, GetUser, { UserId: 1 })), secrets, what);

    const inner = Object.assign(new Error(`connect ECONNREFUSED (ticket ${TICKET})`), { code: "ECONNREFUSED", detail: APP_TOKEN });
    const failing = new SoapTransport({ baseUrl: BASE, ticket: TICKET, applicationToken: APP_TOKEN, fetch: () => Promise.reject(new TypeError(`fetch failed: ${said}`, { cause: inner })) });
    const network = await rejection(failing.call(UserAgent, GetUser, { UserId: 1 }));
    expect(network).toBeInstanceOf(NetworkError);
    expect(network.message).toBe(`Network error calling ${URL_SOAP}: fetch failed: Denied: *** / ***`);
    // The cause chain is kept, redacted: its name, message, code and nested cause still tell what happened.
    const cause = network.cause as Error & { cause: Error & { code?: string } };
    expect([cause.name, cause.message, cause.cause.message, cause.cause.code]).toEqual(["TypeError", "fetch failed: Denied: *** / ***", "connect ECONNREFUSED (ticket ***)", "ECONNREFUSED"]);
    expectHidden(network, secrets, "network");
    // A cause without a secret is the very error fetch threw.
    const plain = new TypeError("fetch failed");
    const clean = new SoapTransport({ baseUrl: BASE, ticket: TICKET, fetch: () => Promise.reject(plain) });
    expect((await rejection(clean.call(UserAgent, GetUser, { UserId: 1 }))).cause).toBe(plain);

    const timeout = await rejection(new SoapTransport({ baseUrl: BASE, ticket: TICKET, applicationToken: APP_TOKEN, fetch: hangingFetch().fetch, timeoutMs: 10 }).call(UserAgent, GetUser, { UserId: 1 }));
    expect(timeout).toBeInstanceOf(TimeoutError);
    expectHidden(timeout, secrets, "timeout");

    // A value that does not fit is reported by place and type, never by value (a password given as the PersonId, say).
    const invalid = await rejection(soap({ body: "" }).t.call(UserAgent, CreateExternalUser, { PersonId: PASSWORD, Password: PASSWORD }));
    expect(invalid).toBeInstanceOf(InvalidRequestError);
    expect(invalid.message).toBe("expected an integer number for int, got string at PersonId");
    expectHidden(invalid, [...secrets, PASSWORD], "invalid request");
    expect(printed).toBe("");
  });

  it("REST (bearer token, Basic password and its base64, SO ticket, application token): the same error kinds", async () => {
    const auths: [RestAuth, string[]][] = [
      [{ scheme: "Bearer", token: BEARER }, [BEARER, APP_TOKEN]],
      [{ scheme: "Basic", username: "ann", password: PASSWORD }, [PASSWORD, BASIC, APP_TOKEN]],
      [{ scheme: "SoTicket", ticket: TICKET }, [TICKET, APP_TOKEN]],
    ];
    for (const [auth, secrets] of auths) {
      const said = echo(secrets);
      const replies: [string, Reply][] = [
        ["http json", { status: 401, statusText: `Unauthorized ${secrets[0]}`, body: JSON.stringify({ Error: true, ErrorType: said, Message: said, InnerException: { Message: said } }) }],
        ["http text", { status: 500, body: said }],
        ["invalid json", { status: 200, body: `{"Name": "${said}` }],
        ["schema", { status: 200, body: JSON.stringify({ Lastlogin: said }) }],
      ];
      for (const [what, reply] of replies) expectHidden(await rejection(rest(reply, auth).t.call(UserAgent, GetUser, { UserId: 1 })), secrets, `${auth.scheme} ${what}`);
      const failing = new RestTransport({ baseUrl: BASE, auth, applicationToken: APP_TOKEN, fetch: () => Promise.reject(new TypeError(`fetch failed: ${said}`, { cause: new Error(`socket: ${said}`) })) });
      expectHidden(await rejection(failing.call(UserAgent, GetUser, { UserId: 1 })), secrets, `${auth.scheme} network`);
      const timeout = new RestTransport({ baseUrl: BASE, auth, applicationToken: APP_TOKEN, fetch: hangingFetch().fetch, timeoutMs: 10 });
      expectHidden(await rejection(timeout.call(UserAgent, GetUser, { UserId: 1 })), secrets, `${auth.scheme} timeout`);
      expect(inspect(rest({ body: "1" }, auth).t, { depth: Infinity, showHidden: true })).not.toMatch(new RegExp(secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")));
    }
    // REST passes primitives through as given; a value that cannot be sent at all is refused by place, never by value.
    const invalid = await rejection(rest({ body: "1" }).t.call(UserAgent, SaveUntrustedCredentialsForAssociate, { Type: PASSWORD, Credentials: { Comment: PASSWORD, ValidFrom: new Date(Number.NaN) } }));
    expect(invalid).toBeInstanceOf(InvalidRequestError);
    expect(invalid.message).toBe("invalid Date for dateTime at Credentials.ValidFrom");
    expectHidden(invalid, [PASSWORD], "invalid request");
    expect(printed).toBe("");
  });

  it("invalid JSON is a ResponseParseError with the parser's reason", async () => {
    const error = (await rejection(rest({ status: 200, body: '{"AssociateId": 1,' }).t.call(UserAgent, GetUser, { UserId: 1 }))) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/^Response is not valid JSON: .+/);
  });
});
