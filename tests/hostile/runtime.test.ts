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
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthError,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  MAX_ATTEMPTS,
  RedirectError,
  ResponseTooLargeError,
  type FetchInit,
  type FetchLike,
  type FetchResponseLike,
  type Hooks,
  type ResponseInfo,
  type RestClientOptions,
  type SoapClientOptions,
  HttpError,
  InvalidRequestError,
  NetworkError,
  ResponseParseError,
  RestTransport,
  SoapFaultError,
  SoapTransport,
  SuperOfficeError,
  TimeoutError,
  writeJsonBody,
  XSD_TYPES,
  type AgentSchema,
  type OperationDescriptor,
  type RestAuth,
} from "../../templates/runtime/index.js";
import { fromBase64, JSON_DECIMAL, XML_DECIMAL, XML_DOUBLE } from "../../templates/runtime/values.js";
import { startServer, type HostileServer } from "./hostile-server.js";
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

  it("huge answers: an 8 MB string value resolves whole; a 5 MB error page and a 5 MB fault string reject with their typed errors", async () => {
    const big = "x<&>".repeat(2_000_000);
    const escaped = big.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const user = (await soap({ body: envelope(`<GetUserResponse xmlns="${NS}"><Response><Name>${escaped}</Name></Response></GetUserResponse>`) }).t.call(UserAgent, GetUser, { UserId: 1 })) as { Name: string };
    expect(user.Name).toBe(big);
    const page = `<html><body>${"<p>error</p>".repeat(400_000)}</body></html>`;
    expect(await rejection(soap({ status: 503, body: page }).t.call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(HttpError);
    const fault = (await rejection(soap({ status: 500, body: envelope(`<s:Fault><faultcode>s:Server</faultcode><faultstring>${"why?".repeat(1_250_000)}</faultstring></s:Fault>`) }).t.call(UserAgent, GetUser, { UserId: 1 }))) as SoapFaultError;
    expect(fault.faultString).toHaveLength(5_000_000);
  });

  it("elements nested 100,000 deep are refused (bounded recursion), not a stack overflow", async () => {
    const error = await rejection(soap({ body: envelope(`<GetUserResponse xmlns="${NS}"><Response>${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</Response></GetUserResponse>`) }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe("Response is not well-formed XML: elements nested deeper than 256");
  });
});

// ---------------------------------------------------------------- strings through a whole call

/** A one-off agent of our own, its types beside every primitive. */
function testAgent(name: string, types: AgentSchema["types"]): AgentSchema {
  return { name, ns: NS, endpoint: `Remote/Services88/${name}.svc`, types: { ...types, ...XSD_TYPES }, responseHeaders: [] };
}

/** An operation of such an agent: elements, action and path named after it; void and without parameters unless told. */
function testOperation(agent: AgentSchema, name: string, fields: Partial<OperationDescriptor> = {}): OperationDescriptor {
  return { name, soapAction: `${NS}/${agent.name}/${name}`, request: name, response: `${name}Response`, params: [], returns: null, rest: { method: "POST", path: `/api/v1/Agents/${agent.name}/${name}`, write: writeJsonBody }, ...fields };
}

/** A string operation of our own: one string parameter, a string response. */
const EchoAgent: AgentSchema = { name: "Echo", ns: NS, endpoint: "Remote/Services88/Echo.svc", types: XSD_TYPES, responseHeaders: [] };
const Echo: OperationDescriptor = {
  name: "Echo",
  soapAction: `${NS}/Echo/Echo`,
  request: "Echo",
  response: "EchoResponse",
  params: [["Text", "string", 3]],
  returns: "string",
  rest: { method: "POST", path: "/api/v1/Agents/Echo/Echo", write: writeJsonBody },
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
    const ProtoAgent = testAgent("Proto", { Odd: { kind: "carrier", ns: NS, fields: [["__proto__", "Odd", 3], ["Name", "string", 3]] } });
    const GetOdd = testOperation(ProtoAgent, "GetOdd", { returns: "Odd" });
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

  it("the parser's reason and an unknown charset never quote a secret cut short (which redaction could not find)", async () => {
    // JSON.parse quotes the first 10 characters of the text; a charset label used to be cut at 40.
    const json = await rejection(rest({ status: 200, body: `${BEARER} is no JSON` }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(json.message).toBe("Response is not valid JSON: Unexpected token");
    expectHidden(json, [BEARER.slice(0, 10), BEARER.slice(0, 5)], "invalid JSON");
    const longTicket = `${TICKET}${"x".repeat(40)}`;
    const { fetch } = fakeFetch(() => ({ status: 200, headers: { "Content-Type": `text/xml; charset=${longTicket}` }, body: "<x/>" }));
    const charset = await rejection(new SoapTransport({ baseUrl: BASE, ticket: longTicket, fetch }).call(UserAgent, GetUser, { UserId: 1 }));
    expect(charset.message).toBe("Response charset is not supported");
    expectHidden(charset, [TICKET], "charset");
  });
});

// ================================================================ issue #10 (runtime) and #13 (client ergonomics)

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

/** Every way an error can be shown or logged. */
function everyView(error: Error): string {
  const record = error as unknown as Record<string, unknown>;
  return [error.message, error.stack, String(error), inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), errorText(error), JSON.stringify(record.body), JSON.stringify(record.errorBody), JSON.stringify(record.exceptionInfo)].join("\n");
}

function expectNone(error: Error, forms: readonly string[], what: string): void {
  expect(error, what).toBeInstanceOf(SuperOfficeError);
  const text = everyView(error);
  for (const form of forms) expect(text.includes(form), `${what}: ${JSON.stringify(form)} shows in\n${text.slice(0, 1500)}`).toBe(false);
}

/** A fetch answering with a real `Response` (a body stream of bytes), recording each init. */
function responseFetch(make: (url: string, init: FetchInit) => Response | Promise<Response>): { fetch: FetchLike; inits: FetchInit[] } {
  const inits: FetchInit[] = [];
  return { inits, fetch: async (url, init) => (inits.push(init), make(url, init)) };
}

const soapAt = (baseUrl: string, extra: Partial<SoapClientOptions> = {}) => new SoapTransport({ baseUrl, ticket: TICKET, applicationToken: APP_TOKEN, ...extra });
const restAt = (baseUrl: string, extra: Partial<RestClientOptions> = {}) => new RestTransport({ baseUrl, auth: { scheme: "Bearer", token: BEARER }, applicationToken: APP_TOKEN, ...extra });
const userEnvelope = envelope(`<GetUserResponse xmlns="${NS}"><Response><AssociateId>7</AssociateId><Name>tenant</Name></Response></GetUserResponse>`);

describe("redirects are never followed", () => {
  let tenant: HostileServer;
  let evil: HostileServer;
  beforeAll(async () => {
    evil = await startServer((_request, res) => void res.writeHead(200, { "content-type": "text/xml" }).end(envelope(`<GetUserResponse xmlns="${NS}"><Response><Name>evil</Name></Response></GetUserResponse>`)));
    tenant = await startServer((request, res) => {
      const status = Number(/status=(\d+)/.exec(request.url)?.[1] ?? 302);
      const to = request.url.includes("same") ? `${tenant.origin}/elsewhere` : `http://user:pw@127.0.0.1:${new URL(evil.origin).port}/steal?ticket=${encodeURIComponent(TICKET)}&x=1#frag`;
      res.writeHead(status, { location: to, "content-type": "text/plain" }).end("moved");
    });
  });
  afterAll(async () => {
    await tenant.close();
    await evil.close();
  });

  it("a 301/302/303/307/308 to another origin (or the same one) is a RedirectError naming status and a cleaned target; nothing reaches the target (SOAP and REST, real fetch)", async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const soapError = (await rejection(soapAt(`${tenant.origin}/p/status=${status}`).call(UserAgent, GetUser, { UserId: 1 }))) as RedirectError;
      expect(soapError, String(status)).toBeInstanceOf(RedirectError);
      expect([soapError.status, soapError.location]).toEqual([status, `${evil.origin}/steal?ticket=***&x=***`]);
      expect(soapError.message).toContain(`HTTP ${status} redirect to ${evil.origin}/steal?ticket=***&x=***`);
      expectNone(soapError, [TICKET, encodeURIComponent(TICKET), "user:pw", "frag", "evil"], `SOAP ${status}`);
      const restError = await rejection(restAt(`${tenant.origin}/p/status=${status}`).call(UserAgent, GetUser, { UserId: 1 }));
      expect(restError).toBeInstanceOf(RedirectError);
    }
    const same = await rejection(soapAt(`${tenant.origin}/same`).call(UserAgent, GetUser, { UserId: 1 }));
    expect(same).toBeInstanceOf(RedirectError);
    expect((same as RedirectError).location).toBe(`${tenant.origin}/elsewhere`);
    expect(evil.received).toEqual([]);
    expect(tenant.received.filter((r) => r.url.includes("elsewhere"))).toEqual([]);
  });

  it("a fetch that ignores redirect: 'manual' (followed, or an opaque redirect) never yields the other origin's data", async () => {
    let read = 0;
    const followed: FetchLike = async (_url, init) => {
      expect(init.redirect).toBe("manual");
      return { status: 200, statusText: "OK", headers: new Headers(), redirected: true, url: "https://evil.example/x", text: async () => (read++, userEnvelope) };
    };
    const moved: FetchLike = async () => ({ status: 200, statusText: "OK", headers: new Headers(), url: "https://evil.example/Remote/Services88/User.svc", text: async () => (read++, userEnvelope) });
    const opaque: FetchLike = async () => ({ status: 0, statusText: "", headers: new Headers(), type: "opaqueredirect", text: async () => (read++, "") });
    for (const fetch of [followed, moved, opaque]) {
      expect(await rejection(new SoapTransport({ baseUrl: BASE, ticket: TICKET, fetch }).call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(RedirectError);
      expect(await rejection(new RestTransport({ baseUrl: BASE, fetch }).call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(RedirectError);
    }
    expect(read).toBe(0);
  });
});

describe("secrets never leave in errors, however the server spells them", () => {
  const ticket = "7T:ab+cd/ef==";
  const password = `p&s<"x+y`;
  /** Every spelling a server may echo a secret in. */
  function spellings(secret: string): string[] {
    const json = JSON.stringify(secret).slice(1, -1);
    const xml = secret.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
    return [
      secret,
      json,
      json.replace(/\//g, "\\/"),
      [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
      [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join(""),
      xml,
      [...secret].map((c) => `&#${c.charCodeAt(0)};`).join(""),
      [...secret].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join(""),
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%[\dA-F]{2}/g, (hex) => hex.toLowerCase()),
      // Escaped twice and three times: JSON in JSON (in JSON), XML in XML, a URL encoded again.
      [...secret].map((c) => `\\\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
      JSON.stringify(JSON.stringify(secret)).slice(3, -3),
      JSON.stringify(JSON.stringify(JSON.stringify(secret))).slice(7, -7),
      [...secret].map((c) => `&amp;amp;#${c.charCodeAt(0)};`).join(""),
      encodeURIComponent(encodeURIComponent(encodeURIComponent(secret))),
      [...secret].map((c) => `&amp;#${c.charCodeAt(0)};`).join(""),
      encodeURIComponent(encodeURIComponent(secret)),
    ];
  }
  /** A text that carries `forms`, escaped for where it goes (XML text) so the document stays well-formed. */
  const asXmlText = (forms: readonly string[]) => forms.map((f) => f.replace(/&(?!#|amp;|lt;|quot;)/g, "&amp;").replace(/</g, "&lt;")).join(" | ");

  it("SOAP: ticket, app token and a request's Password echoed JSON-, XML- and URL-escaped in a fault, its headers and its detail", async () => {
    const forms = [...spellings(ticket), ...spellings(APP_TOKEN), ...spellings(password)];
    for (const form of forms) {
      const said = asXmlText([form]);
      const { fetch } = fakeFetch(() => ({
        status: 500,
        body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><ExceptionInfo xmlns="${NS}"><Message>${said}</Message></ExceptionInfo></s:Header><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Bad login ${said}</faultstring></s:Fault></s:Body></s:Envelope>`,
      }));
      const t = new SoapTransport({ baseUrl: BASE, ticket, applicationToken: APP_TOKEN, fetch });
      const error = await rejection(t.call(UserAgent, CreateExternalUser, { PersonId: 1, UserName: "ann", Password: password, RoleId: 1, IsActive: true }));
      expect(error).toBeInstanceOf(SoapFaultError);
      expectNone(error, [ticket, APP_TOKEN, password, form], `form ${form}`);
    }
  });

  it("REST: short secrets (3 characters), Basic credentials and their base64, and secret-named request values, echoed in body, errorBody, status text and a schema error", async () => {
    const short = "pw1";
    const basic = Buffer.from(`ann:${short}`).toString("base64");
    const secrets = [short, `ann:${short}`, basic, APP_TOKEN, "Sesame-42", "tok-77"];
    const forms = secrets.flatMap(spellings);
    const said = forms.join(" ~ ");
    const replies: Reply[] = [
      { status: 401, statusText: `Denied ${short}`, body: JSON.stringify({ Error: true, Message: said, InnerException: { Message: said, Deeper: [said] } }) },
      { status: 500, body: said },
      { status: 200, body: JSON.stringify({ Lastlogin: short }) },
      { status: 200, body: JSON.stringify({ Lastlogin: "Sesame-42" }) },
    ];
    for (const reply of replies) {
      const { fetch } = fakeFetch(() => reply);
      const t = new RestTransport({ baseUrl: BASE, auth: { scheme: "Basic", username: "ann", password: short }, applicationToken: APP_TOKEN, fetch });
      const error = await rejection(t.call(UserAgent, GetUser, { UserId: 1, Credentials: { Comment: "c", Value: "Sesame-42" }, ApiToken: "tok-77" }));
      expectNone(error, forms, `${reply.status} ${reply.body?.slice(0, 40) ?? ""}`);
    }
  });

  it("a network error quoting the credentials escaped keeps its cause, redacted", async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError(`fetch failed for ${JSON.stringify(BEARER).replace(/\./g, "\\u002E")}`, { cause: new Error(`socket ${encodeURIComponent(APP_TOKEN)}`) }));
    const error = await rejection(restAt(BASE, { fetch }).call(UserAgent, GetUser, { UserId: 1 }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error.cause as Error).name).toBe("TypeError");
    expectNone(error, [BEARER, BEARER.replace(/\./g, "\\u002E"), APP_TOKEN], "network");
  });
});

describe("bounded responses and timeouts", () => {
  let server: HostileServer;
  let endlessClosed: Promise<number>;
  let resolveEndless: (chunks: number) => void = () => undefined;
  const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
  beforeAll(async () => {
    endlessClosed = new Promise((resolve) => (resolveEndless = resolve));
    server = await startServer((request, res) => {
      if (request.url.startsWith("/bomb")) return void res.writeHead(200, { "content-type": "text/xml", "content-encoding": "gzip" }).end(bomb);
      if (request.url.startsWith("/declared")) return void res.writeHead(200, { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) }).write("[");
      if (request.url.startsWith("/small")) return void res.writeHead(200, { "content-type": "text/xml" }).end(userEnvelope);
      // Endless: 64 KiB chunks until the client goes away (at most 4096, so the loop is bounded).
      res.writeHead(200, { "content-type": "text/xml" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (!res.destroyed && sent < 4096) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => resolveEndless(sent));
      pump();
    });
  });
  afterAll(() => server.close());

  it("a gzip bomb, an endless body and an oversized Content-Length fail with ResponseTooLargeError (client and per-call limit, counted after decompression)", async () => {
    const bombed = await rejection(new SoapTransport({ baseUrl: `${server.origin}/bomb`, maxResponseBytes: 1024 * 1024 }).call(UserAgent, GetUser, { UserId: 1 }));
    expect(bombed).toBeInstanceOf(ResponseTooLargeError);
    expect((bombed as ResponseTooLargeError).limitBytes).toBe(1024 * 1024);
    const perCall = await rejection(new RestTransport({ baseUrl: `${server.origin}/bomb` }).call(UserAgent, GetUser, { UserId: 1 }, { maxResponseBytes: 4096 }));
    expect(perCall).toBeInstanceOf(ResponseTooLargeError);
    const endless = await rejection(new SoapTransport({ baseUrl: `${server.origin}/endless`, maxResponseBytes: 2 * 1024 * 1024 }).call(UserAgent, GetUser, { UserId: 1 }));
    expect(endless).toBeInstanceOf(ResponseTooLargeError);
    expect(await endlessClosed).toBeLessThan(4096);
    expect(await rejection(new RestTransport({ baseUrl: `${server.origin}/declared`, maxResponseBytes: 1024 * 1024 }).call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(ResponseTooLargeError);
    // Under the limit everything is as before; the default limit is 64 MiB.
    expect(await new SoapTransport({ baseUrl: `${server.origin}/small`, maxResponseBytes: 4096 }).call(UserAgent, GetUser, { UserId: 1 })).toMatchObject({ Name: "tenant" });
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(64 * 1024 * 1024);
    for (const bad of [0, -1, Number.NaN]) {
      expect(() => new SoapTransport({ baseUrl: BASE, fetch: fakeFetch(() => ({})).fetch, maxResponseBytes: bad })).toThrow(InvalidRequestError);
    }
  });

  it("timeouts: 120 s by default; past 2^31-1 ms clamped (never 1 ms); negative or NaN refused with a typed error", async () => {
    vi.useFakeTimers();
    try {
      let settled: unknown;
      void new SoapTransport({ baseUrl: BASE, fetch: hangingFetch().fetch }).call(UserAgent, GetUser, { UserId: 1 }).catch((error: unknown) => (settled = error));
      await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
      expect(settled).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBeInstanceOf(TimeoutError);
    } finally {
      vi.useRealTimers();
    }
    // A fetch that answers after a few real milliseconds: a timer that fired at once would win.
    const slow: FetchLike = () => new Promise((resolve) => setTimeout(() => resolve(new Response(userEnvelope, { headers: { "content-type": "text/xml" } })), 30));
    for (const timeoutMs of [2 ** 31, 2 ** 53, Number.POSITIVE_INFINITY, Number.MAX_VALUE]) {
      expect(await new SoapTransport({ baseUrl: BASE, fetch: slow, timeoutMs }).call(UserAgent, GetUser, { UserId: 1 }), String(timeoutMs)).toMatchObject({ Name: "tenant" });
      expect(await new SoapTransport({ baseUrl: BASE, fetch: slow }).call(UserAgent, GetUser, { UserId: 1 }, { timeoutMs }), String(timeoutMs)).toMatchObject({ Name: "tenant" });
    }
    for (const timeoutMs of [-1, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expect(() => new SoapTransport({ baseUrl: BASE, fetch: slow, timeoutMs })).toThrow(InvalidRequestError);
      expect(await rejection(new RestTransport({ baseUrl: BASE, fetch: slow }).call(UserAgent, GetUser, { UserId: 1 }, { timeoutMs }))).toBeInstanceOf(InvalidRequestError);
    }
  });
});

describe("every failure is a typed error", () => {
  const NodeAgent = testAgent("Nodes", { Node: { kind: "carrier", ns: NS, fields: [["Name", "string", 3], ["Next", "Node", 3]] } });
  const SaveNode = testOperation(NodeAgent, "SaveNode", { params: [["Node", "Node", 3]] });

  it("a cyclic request (SOAP and REST) is an InvalidRequestError and nothing is sent", async () => {
    const node: Record<string, unknown> = { Name: "a" };
    node.Next = { Name: "b", Next: node };
    const { t, requests } = soap({ body: "" });
    const soapError = await rejection(t.call(NodeAgent, SaveNode, { Node: node }));
    expect(soapError).toBeInstanceOf(InvalidRequestError);
    expect(soapError.message).toMatch(/^request is cyclic/);
    const r = rest({ body: "" });
    expect(await rejection(r.t.call(NodeAgent, SaveNode, { Node: node }))).toBeInstanceOf(InvalidRequestError);
    const loose: Record<string, unknown> = { Extra: {} };
    (loose.Extra as Record<string, unknown>).self = loose;
    expect(await rejection(r.t.call(NodeAgent, SaveNode, loose))).toBeInstanceOf(InvalidRequestError);
    // A request whose getter throws is one that cannot be read: typed too.
    const hostile = Object.defineProperty({}, "Node", { enumerable: true, get: () => { throw new RangeError("no"); } });
    expect(await rejection(t.call(NodeAgent, SaveNode, hostile))).toBeInstanceOf(InvalidRequestError);
    expect(await rejection(r.t.call(NodeAgent, SaveNode, hostile))).toBeInstanceOf(InvalidRequestError);
    expect([requests.length, r.requests.length]).toEqual([0, 0]);
  });

  it("JSON nested 100,000 deep is a ResponseParseError (2xx) or an HttpError that still serialises (error body)", async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    const parsed = await rejection(rest({ body: deep }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(parsed).toBeInstanceOf(ResponseParseError);
    expect(parsed.message).toBe("Response JSON is nested deeper than 256");
    const array = await rejection(rest({ body: `${"[".repeat(100_000)}${"]".repeat(100_000)}` }).t.call(UserAgent, GetUserFromPersonId, { PersonId: 1 }));
    expect(array).toBeInstanceOf(ResponseParseError);
    const http = (await rejection(rest({ status: 500, body: deep }).t.call(UserAgent, GetUser, { UserId: 1 }))) as HttpError;
    expect(http).toBeInstanceOf(HttpError);
    expect(http.errorBody).toBeUndefined();
    expect(() => JSON.stringify(http)).not.toThrow();
  });

  it("a fault whose headers do not fit the schema is still a SoapFaultError", async () => {
    const body = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><Succeeded xmlns="${NS}">perhaps</Succeeded><ExceptionInfo xmlns="${NS}"><InnerException><Parameters>x</Parameters></InnerException><Message>bad</Message><StackTrace><x/></StackTrace></ExceptionInfo></s:Header><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Boom</faultstring></s:Fault></s:Body></s:Envelope>`;
    for (const status of [500, 200]) {
      const error = (await rejection(soap({ status, body }).t.call(UserAgent, GetUser, { UserId: 1 }))) as SoapFaultError;
      expect(error, String(status)).toBeInstanceOf(SoapFaultError);
      expect([error.faultCode, error.faultString]).toEqual(["s:Server", "Boom"]);
    }
  });

  it("fetch throwing synchronously, resolving to nothing, or a body failing mid-way is a NetworkError", async () => {
    const fetches: FetchLike[] = [
      () => {
        throw new TypeError("boom");
      },
      async () => null as unknown as FetchResponseLike,
      async () => new Response(new ReadableStream({ pull: (c) => c.error(new Error("reset")) })),
    ];
    for (const fetch of fetches) {
      expect(await rejection(new SoapTransport({ baseUrl: BASE, fetch }).call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(NetworkError);
      expect(await rejection(new RestTransport({ baseUrl: BASE, fetch }).call(UserAgent, GetUser, { UserId: 1 }))).toBeInstanceOf(NetworkError);
    }
  });
});

describe("values are what the type says", () => {
  const ValueAgent = testAgent("Values", {
    Numbers: {
      kind: "carrier",
      ns: NS,
      fields: [
        ["Byte", "byte", 2], ["UByte", "unsignedByte", 2], ["Short", "short", 2], ["UShort", "unsignedShort", 2],
        ["Int", "int", 2], ["UInt", "unsignedInt", 2], ["Long", "long", 2], ["ULong", "unsignedLong", 2],
        ["When", "dateTime", 2], ["Name", "string", 3], ["Flag", "boolean", 2],
      ],
    },
  });
  const GetNumbers = testOperation(ValueAgent, "GetNumbers", { returns: "Numbers" });
  const soapValue = (inner: string) => soap({ body: envelope(`<GetNumbersResponse xmlns="${NS}" xmlns:i="${XSI}"><Response>${inner}</Response></GetNumbersResponse>`) }).t.call(ValueAgent, GetNumbers, {});
  const restValue = (json: string) => rest({ body: json }).t.call(ValueAgent, GetNumbers, {});

  const outOfRange: [string, string][] = [
    ["Byte", "128"], ["Byte", "-129"], ["UByte", "-1"], ["UByte", "256"], ["Short", "32768"], ["Short", "-32769"], ["UShort", "65536"],
    ["Int", "2147483648"], ["Int", "-2147483649"], ["UInt", "-1"], ["UInt", "4294967296"], ["Long", "9223372036854775808"],
    ["Long", "-9223372036854775809"], ["ULong", "-1"], ["ULong", "18446744073709551616"],
  ];
  const impossibleDates = ["2025-02-29T00:00:00", "2024-02-30T00:00:00", "2025-04-31T00:00:00", "2025-13-01T00:00:00", "2025-00-10T00:00:00", "2025-01-01T24:30:00", "2025-01-01T23:60:00", "2025-01-01T00:00:60", "2025-01-01T00:00:00+99:99", "2025-01-01T00:00:00+14:01", "2025-01-01T00:00:00-10:60"];

  it("SOAP: out-of-range integers, non-integers, impossible dates and xsi:nil on a non-nillable field are ResponseParseErrors; the edges are fine", async () => {
    for (const [field, text] of [...outOfRange, ["Int", "1.5"], ["Int", "1e3"], ["Short", ""]] as const) {
      expect(await rejection(soapValue(`<${field}>${text}</${field}>`)), `${field} ${text}`).toBeInstanceOf(ResponseParseError);
    }
    for (const date of impossibleDates) expect(await rejection(soapValue(`<When>${date}</When>`)), date).toBeInstanceOf(ResponseParseError);
    const nil = await rejection(soapValue(`<Int i:nil="true"/>`));
    expect(nil).toBeInstanceOf(ResponseParseError);
    expect(nil.message).toBe("Response does not match the schema: xsi:nil where int is not nillable at GetNumbersResponse.Response.Int");
    expect(await soapValue(`<Byte>-128</Byte><UByte>255</UByte><UInt>4294967295</UInt><Long>-9223372036854775808</Long><ULong>18446744073709551615</ULong><Name i:nil="true"/><When>2024-02-29T24:00:00</When>`)).toEqual({
      Byte: -128, UByte: 255, UInt: 4294967295, Long: "-9223372036854775808", ULong: "18446744073709551615", Name: null, When: new Date("2024-03-01T00:00:00Z"),
    });
    expect(await soapValue(`<When>2025-01-01T00:00:00+14:00</When>`)).toEqual({ When: new Date("2024-12-31T10:00:00Z") });
  });

  it("REST: the same, plus numbers where strings are declared, strings where numbers or booleans are, and null on a non-nillable field", async () => {
    // Past 2^53 a JSON number is rounded by JSON.parse itself; the 64-bit edges are checked as strings.
    for (const [field, text] of outOfRange) {
      const json = field.endsWith("Long") ? `{"${field}":"${text}"}` : `{"${field}":${text}}`;
      expect(await rejection(restValue(json)), json).toBeInstanceOf(ResponseParseError);
    }
    for (const json of [`{"Int":1.5}`, `{"Int":"abc"}`, `{"Int":true}`, `{"Name":5}`, `{"Flag":"yes"}`, `{"Int":null}`, `{"When":null}`, `{"Int":{}}`]) {
      expect(await rejection(restValue(json)), json).toBeInstanceOf(ResponseParseError);
    }
    for (const date of impossibleDates) expect(await rejection(restValue(JSON.stringify({ When: date }))), date).toBeInstanceOf(ResponseParseError);
    expect(await restValue(`{"Byte":-128,"UInt":4294967295,"Long":"9007199254740993","Name":null,"Int":"12"}`)).toEqual({ Byte: -128, UInt: 4294967295, Long: "9007199254740993", Name: null, Int: 12 });
  });

  it("REST: an enum or flags value is a name (flags one \"A, B\" text); a number, boolean, object or array is a ResponseParseError; a name the schema lacks passes", async () => {
    const EnumAgent = testAgent("Enums", {
      Moods: { kind: "carrier", ns: NS, fields: [["Mood", "Mood", 2], ["Rights", "Rights", 2]] },
      Mood: { kind: "enum" },
      Rights: { kind: "enum", flags: true },
    });
    const GetMoods = testOperation(EnumAgent, "GetMoods", { returns: "Moods" });
    const restMoods = (json: string) => rest({ body: json }).t.call(EnumAgent, GetMoods, {});
    expect(await restMoods(`{"Mood":"Calm","Rights":"Read, Write"}`)).toEqual({ Mood: "Calm", Rights: ["Read", "Write"] });
    expect(await restMoods(`{"Mood":"Unheard","Rights":""}`)).toEqual({ Mood: "Unheard", Rights: [] });
    for (const json of [`{"Mood":3}`, `{"Mood":true}`, `{"Mood":{"a":1}}`, `{"Mood":["Calm"]}`, `{"Rights":5}`, `{"Rights":{"x":1}}`, `{"Rights":["Read",7,null]}`]) {
      const error = await rejection(restMoods(json));
      expect(error, json).toBeInstanceOf(ResponseParseError);
      expect(error.message, json).toMatch(/^Response does not match the schema: .* is not a valid (Mood|Rights) at GetMoods\.(Mood|Rights)$/);
    }
  });

  it("an array is X[] and never holds null: a nil or null item is a ResponseParseError where the schema's items are not nillable (ArrayOfint), and left out where they are (ArrayOfstring), over SOAP and REST", async () => {
    const ArraysAgent = testAgent("Arrays", {
      Lists: { kind: "carrier", ns: NS, fields: [["Ids", "int[]", 3], ["Names", "string[]", 3]] },
      "int[]": { kind: "array", ns: ARRAYS, item: "int", element: "int", itemsNotNil: true },
      "string[]": { kind: "array", ns: ARRAYS, item: "string", element: "string" },
    });
    const GetLists = testOperation(ArraysAgent, "GetLists", { returns: "Lists" });
    const soapLists = (inner: string) => soap({ body: envelope(`<GetListsResponse xmlns="${NS}" xmlns:i="${XSI}" xmlns:a="${ARRAYS}"><Response>${inner}</Response></GetListsResponse>`) }).t.call(ArraysAgent, GetLists, {});
    const restLists = (json: string) => rest({ body: json }).t.call(ArraysAgent, GetLists, {});
    const nil = await rejection(soapLists(`<Ids><a:int>1</a:int><a:int i:nil="true"/></Ids>`));
    expect(nil).toBeInstanceOf(ResponseParseError);
    expect(nil.message).toBe("Response does not match the schema: xsi:nil where an item of int[] is not nillable at GetListsResponse.Response.Ids.1");
    expect(await rejection(restLists(`{"Ids":[1,null]}`))).toBeInstanceOf(ResponseParseError);
    expect(await soapLists(`<Ids><a:int>1</a:int></Ids><Names><a:string>x</a:string><a:string i:nil="true"/><a:string>y</a:string></Names>`)).toEqual({ Ids: [1], Names: ["x", "y"] });
    expect(await restLists(`{"Ids":[1],"Names":["x",null,"y"]}`)).toEqual({ Ids: [1], Names: ["x", "y"] });
    expect(await soapLists(`<Ids><a:int>1</a:int></Ids><Names><a:string>x</a:string><a:string></a:string></Names>`)).toEqual({ Ids: [1], Names: ["x", ""] });
    expect(await restLists(`{"Ids":[1],"Names":["x",""]}`)).toEqual({ Ids: [1], Names: ["x", ""] });
  });

  it("a Response that is not nillable (returnsNonNull) is never null: absent, nil, an empty body or JSON null is a ResponseParseError", async () => {
    const Count = testOperation(ValueAgent, "Count", { returns: "int", returnsNonNull: true });
    for (const inner of [`<CountResponse xmlns="${NS}"/>`, `<CountResponse xmlns="${NS}" xmlns:i="${XSI}"><Response i:nil="true"/></CountResponse>`]) {
      expect(await rejection(soap({ body: envelope(inner) }).t.call(ValueAgent, Count, {})), inner).toBeInstanceOf(ResponseParseError);
    }
    for (const reply of [{ body: "" }, { body: "null" }, { status: 204 }]) expect(await rejection(rest(reply).t.call(ValueAgent, Count, {})), JSON.stringify(reply)).toBeInstanceOf(ResponseParseError);
    expect(await soap({ body: envelope(`<CountResponse xmlns="${NS}"><Response>3</Response></CountResponse>`) }).t.call(ValueAgent, Count, {})).toBe(3);
    expect(await rest({ body: "3" }).t.call(ValueAgent, Count, {})).toBe(3);
  });

  it("the response charset is honoured (ISO-8859-1, windows-1252, UTF-16 by BOM or label, the XML declaration); an unknown one is a ResponseParseError", async () => {
    const name = "Søren Ærø €";
    const xml = (text: string) => envelope(`<GetNumbersResponse xmlns="${NS}"><Response><Name>${text}</Name></Response></GetNumbersResponse>`);
    const latin1 = Buffer.from(xml("Søren Ærø "), "latin1");
    const cases: [string, Uint8Array, string | undefined, string][] = [
      ["iso-8859-1", latin1, "text/xml; charset=ISO-8859-1", "Søren Ærø "],
      ["windows-1252", Buffer.concat([Buffer.from(xml("Søren Ærø \u0080").replace("\u0080", "§"), "latin1")]).map((b) => (b === 0xa7 ? 0x80 : b)), 'text/xml; charset="windows-1252"', name],
      ["utf-16le bom", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml(name), "utf16le")]), "text/xml", name],
      ["utf-16 label", Buffer.from(xml(name), "utf16le"), "text/xml; charset=utf-16le", name],
      ["xml declaration", Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${xml("Søren Ærø ")}`, "latin1"), "text/xml", "Søren Ærø "],
    ];
    for (const [what, bytes, type, expected] of cases) {
      const { fetch } = responseFetch(() => new Response(Buffer.from(bytes), { headers: type === undefined ? {} : { "content-type": type } }));
      expect(await new SoapTransport({ baseUrl: BASE, fetch }).call(ValueAgent, GetNumbers, {}), what).toEqual({ Name: expected });
    }
    const json = responseFetch(() => new Response(Buffer.from(JSON.stringify({ Name: "Søren" }), "latin1"), { headers: { "content-type": "application/json; charset=iso-8859-1" } }));
    expect(await new RestTransport({ baseUrl: BASE, fetch: json.fetch }).call(ValueAgent, GetNumbers, {})).toEqual({ Name: "Søren" });
    const unknown = responseFetch(() => new Response(latin1, { headers: { "content-type": "text/xml; charset=x-klingon" } }));
    const error = await rejection(new SoapTransport({ baseUrl: BASE, fetch: unknown.fetch }).call(ValueAgent, GetNumbers, {}));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe('Response charset "x-klingon" is not supported');
  });
});

describe("client ergonomics (#13): extra headers, auth providers, hooks, the response on success", () => {
  let server: HostileServer;
  let failures = 0;
  beforeAll(async () => {
    server = await startServer((request, res) => {
      if (request.url.includes("flaky") && failures-- > 0) return void res.writeHead(503).end("busy");
      const json = request.url.includes("/api/");
      res.writeHead(200, { "content-type": json ? "application/json" : "text/xml", "x-request-id": "r-1" }).end(json ? `{"AssociateId":7,"Name":"tenant"}` : userEnvelope);
    });
  });
  afterAll(() => server.close());
  const last = () => server.received[server.received.length - 1]!;

  it("credentials and the application token with CR, LF or NUL, and a baseUrl with a query or fragment, are InvalidRequestErrors; nothing is sent", async () => {
    const before = server.received.length;
    const refused = (make: () => unknown, at: string): void => {
      let error: unknown;
      try {
        make();
      } catch (caught) {
        error = caught;
      }
      expect(error, at).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).path, at).toEqual([at]);
    };
    refused(() => restAt(server.origin, { auth: { scheme: "Bearer", token: "t\r\nX-Injected: 1" } }), "auth");
    refused(() => restAt(server.origin, { auth: { scheme: "SoTicket", ticket: "7T:a\nb" } }), "auth");
    refused(() => restAt(server.origin, { applicationToken: "app\u0000" }), "applicationToken");
    for (const baseUrl of [`${server.origin}/Cust1?tenant=1`, `${server.origin}/Cust1#top`]) {
      refused(() => restAt(baseUrl), "baseUrl");
      refused(() => soapAt(baseUrl), "baseUrl");
    }
    const provided = await rejection(restAt(server.origin, { auth: () => ({ scheme: "Bearer", token: "t\rX: 1" }) }).call(UserAgent, GetUser, { UserId: 1 }));
    expect(provided).toBeInstanceOf(InvalidRequestError);
    expect(server.received.length).toBe(before);
  });

  it("an abort while the auth provider or a hook is pending rejects with the signal's reason at once", async () => {
    const reason = new Error("stopped");
    const aborting = (): AbortSignal => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(reason), 20);
      return controller.signal;
    };
    const never = () => new Promise<never>(() => undefined);
    const calls = [
      restAt(server.origin, { auth: never }).call(UserAgent, GetUser, { UserId: 1 }, { signal: aborting() }),
      soapAt(server.origin, { ticket: never }).call(UserAgent, GetUser, { UserId: 1 }, { signal: aborting() }),
      restAt(server.origin, { hooks: { onRequest: never } }).call(UserAgent, GetUser, { UserId: 1 }, { signal: aborting() }),
      restAt(server.origin, { hooks: { onResponse: never } }).call(UserAgent, GetUser, { UserId: 1 }, { signal: aborting() }),
    ];
    for (const call of calls) expect(await rejection(call)).toBe(reason);
    // Aborted while a hook asks for a retry: the reason, not the answer that was to be retried.
    const controller = new AbortController();
    const retried = restAt(`${server.origin}/flaky`, {
      hooks: {
        onResponse: (response) => {
          controller.abort(reason);
          return response.status === 503 ? "retry" : undefined;
        },
      },
    });
    failures = 1;
    expect(await rejection(retried.call(UserAgent, GetUser, { UserId: 1 }, { signal: controller.signal }))).toBe(reason);
    failures = 0;
  });

  it("per-call headers are sent and replace the client's; credential and framing headers cannot be given; no header injection", async () => {
    const t = restAt(server.origin, { headers: { "X-Client": "c", "X-Trace": "client" } });
    await t.call(UserAgent, GetUser, { UserId: 1 }, { headers: { "x-trace": "call", "X-Call": "1" } });
    expect([last().headers["x-client"], last().headers["x-trace"], last().headers["x-call"], last().headers.authorization]).toEqual(["c", "call", "1", `Bearer ${BEARER}`]);
    const before = server.received.length;
    const refused: Record<string, string>[] = [{ Authorization: "Bearer forged" }, { "so-apptoken": "x" }, { SOAPAction: "x" }, { "Content-Type": "text/plain" }, { Cookie: "a=b" }, { "X-Bad": "a\r\nInjected: 1" }, { "Bad Name": "x" }];
    for (const headers of refused) {
      expect(await rejection(t.call(UserAgent, GetUser, { UserId: 1 }, { headers })), JSON.stringify(headers)).toBeInstanceOf(InvalidRequestError);
      expect(await rejection(soapAt(server.origin).call(UserAgent, GetUser, { UserId: 1 }, { headers })), JSON.stringify(headers)).toBeInstanceOf(InvalidRequestError);
    }
    expect(server.received.length).toBe(before);
  });

  it("auth as a provider, sync or async, called per request (REST Authorization, SOAP ticket); what it returns is redacted; a failing provider is an AuthError", async () => {
    let n = 0;
    const t = new RestTransport({ baseUrl: server.origin, auth: async () => ({ scheme: "Bearer", token: `token-${++n}` }) });
    await t.call(UserAgent, GetUser, { UserId: 1 });
    expect(last().headers.authorization).toBe("Bearer token-1");
    await t.call(UserAgent, GetUser, { UserId: 1 });
    expect(last().headers.authorization).toBe("Bearer token-2");
    const s = new SoapTransport({ baseUrl: server.origin, ticket: () => `7T:fresh-${++n}` });
    await s.call(UserAgent, GetUser, { UserId: 1 });
    expect(last().body).toContain("<Ticket>7T:fresh-3</Ticket>");
    const echo = new RestTransport({ baseUrl: BASE, auth: () => ({ scheme: "Basic", username: "ann", password: "fresh-pw" }), fetch: fakeFetch(() => ({ status: 401, body: "bad fresh-pw" })).fetch });
    expectNone(await rejection(echo.call(UserAgent, GetUser, { UserId: 1 })), ["fresh-pw"], "provider secret");
    const failing = new RestTransport({ baseUrl: server.origin, auth: () => Promise.reject(new Error("refresh failed")) });
    const error = await rejection(failing.call(UserAgent, GetUser, { UserId: 1 }));
    expect(error).toBeInstanceOf(AuthError);
    expect((error.cause as Error).message).toBe("refresh failed");
  });

  it("hooks see each attempt with credentials masked, can add headers and retry (bounded); onResponse gives status and headers while the call resolves to the value", async () => {
    const seen: string[] = [];
    failures = 2;
    const hooks: Hooks = {
      onRequest: (request) => {
        seen.push(`${request.operation}#${request.attempt} ${request.headers.Authorization ?? "-"} ${request.body?.includes(TICKET) ? "ticket!" : "ok"}`);
        request.setHeader("traceparent", `00-${request.attempt}`);
        expect(() => request.setHeader("Authorization", "x")).toThrow(InvalidRequestError);
      },
      onResponse: (response) => (response.status === 503 ? "retry" : undefined),
    };
    let status: ResponseInfo | undefined;
    const value = await restAt(`${server.origin}/flaky`, { hooks }).call(UserAgent, GetUser, { UserId: 1 }, { onResponse: (response) => (status = response) });
    expect(value).toEqual({ AssociateId: 7, Name: "tenant" });
    expect(seen).toEqual(["GetUser#1 Bearer *** ok", "GetUser#2 Bearer *** ok", "GetUser#3 Bearer *** ok"]);
    expect(last().headers.traceparent).toBe("00-3");
    expect([status?.status, status?.headers.get("x-request-id")]).toEqual([200, "r-1"]);
    const soapSeen: string[] = [];
    await soapAt(server.origin, { hooks: { onRequest: (request) => void soapSeen.push(request.body?.includes(TICKET) ? "ticket!" : (request.body ?? "")) } }).call(UserAgent, GetUser, { UserId: 1 }, { onResponse: (response) => (status = response) });
    expect(soapSeen[0]).toContain("<Ticket>***</Ticket>");
    expect(status?.headers.get("x-request-id")).toBe("r-1");
    // A hook that always retries stops at MAX_ATTEMPTS; onError retries network failures.
    failures = 1000;
    let attempts = 0;
    const stubborn = await rejection(restAt(`${server.origin}/flaky`, { hooks: { onRequest: () => void attempts++, onResponse: () => "retry" } }).call(UserAgent, GetUser, { UserId: 1 }));
    expect([stubborn instanceof HttpError, attempts]).toEqual([true, MAX_ATTEMPTS]);
    failures = 0;
    let calls = 0;
    const flakyFetch: FetchLike = async (url, init) => (++calls === 1 ? Promise.reject(new TypeError("reset")) : globalThis.fetch(url, init));
    expect(await restAt(server.origin, { fetch: flakyFetch, hooks: { onError: (error) => (error instanceof NetworkError ? "retry" : undefined) } }).call(UserAgent, GetUser, { UserId: 1 })).toEqual({ AssociateId: 7, Name: "tenant" });
  });
});

describe("what a hostile server sends cannot stall the client or slip a secret past redaction", () => {
  // Each input would take minutes where a pattern scanned it once per character (as each did: a
  // run of 64,000 took 4 to 6 s), so the test's time limit catches a quadratic scan; linear, they take milliseconds.
  it("runs built against backtracking patterns are read in linear time: backslashes through redaction, `<title` in an HTML page, base64 padding, digits as a double or decimal", async () => {
    const backslashes = "\\".repeat(400_000);
    const http = (await rejection(rest({ status: 500, body: backslashes }).t.call(UserAgent, GetUser, { UserId: 1 }))) as HttpError;
    expect([http.name, http.body.length]).toEqual(["HttpError", 400_000]);
    const page = await rejection(soap({ status: 200, body: `<html ${"<title".repeat(70_000)}` }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(page.message).toBe("Response is an HTML page, not a SOAP envelope");
    expect(() => fromBase64(`${"=".repeat(400_000)}A`)).toThrow("text is not valid base64");
    expect(fromBase64(`QUJD${"=".repeat(400_000)}`)).toEqual(new Uint8Array([65, 66, 67]));
    const digits = `${"1".repeat(200_000)}x`;
    expect(() => XML_DOUBLE.read(digits, "double")).toThrow("text is not a valid double");
    expect(() => XML_DECIMAL.read(digits, "decimal")).toThrow("text is not a valid decimal");
    expect(() => JSON_DECIMAL.revive(digits, "decimal")).toThrow("string is not a valid decimal");
    expect(XML_DOUBLE.read("12.5e3", "double")).toBe(12500);
  });

  it("a secret nested as deep as a response may go (JSON and XML up to 256) is redacted at every depth: errorBody, JSON.stringify, exceptionInfo", async () => {
    let json = JSON.stringify({ Message: `bad token ${BEARER}` });
    for (let i = 0; i < 250; i++) json = `{"Inner":${json}}`;
    expectNone(await rejection(rest({ status: 401, body: json }).t.call(UserAgent, GetUser, { UserId: 1 })), [BEARER], "REST 401, 251 deep");
    let info = `<Message>ticket ${TICKET}</Message>`;
    for (let i = 0; i < 120; i++) info = `<Message>m</Message><InnerException>${info}</InnerException>`;
    const fault = `<s:Fault><faultcode>s:Server</faultcode><faultstring>f</faultstring><detail><SoExceptionInfo xmlns="${NS}">${info}</SoExceptionInfo></detail></s:Fault>`;
    const error = await rejection(soap({ status: 500, body: envelope(fault) }).t.call(UserAgent, GetUser, { UserId: 1 }));
    expect(error).toBeInstanceOf(SoapFaultError);
    expectNone(error, [TICKET], "SOAP fault, 121 deep");
  });

  it("a secret-named request value is redacted however the request holds it: a getter of a class, a property not enumerable", async () => {
    class Request {
      PersonId = 1;
      UserName = "ann";
      get Password(): string {
        return "Getter5ecret";
      }
    }
    const hidden = Object.defineProperty({ PersonId: 1, UserName: "ann" }, "Password", { value: "NonEnum5ecret", enumerable: false });
    for (const [request, secret] of [[new Request(), "Getter5ecret"], [hidden, "NonEnum5ecret"]] as const) {
      const echo = (body: string): Reply => ({ status: 500, body: envelope(`<s:Fault><faultcode>s:Client</faultcode><faultstring>bad password ${/<Password>([^<]*)/.exec(body)?.[1] ?? "(none)"}</faultstring></s:Fault>`) });
      const { t, requests } = soap(echo);
      const error = await rejection(t.call(UserAgent, CreateExternalUser, request));
      expect(requests[0]?.init.body).toContain(`<Password>${secret}</Password>`);
      expectNone(error, [secret], `SOAP ${secret}`);
      const restError = await rejection(rest((body) => ({ status: 400, body: `rejected ${body}` })).t.call(UserAgent, CreateExternalUser, request));
      expectNone(restError, [secret], `REST ${secret}`);
    }
  });

  it("user info in baseUrl without a password (a key as the user name) is a secret too", async () => {
    const key = "apiKeySecret2";
    const fetch: FetchLike = (url) => Promise.reject(new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url}`));
    expectNone(await rejection(new RestTransport({ baseUrl: `https://${key}@sod.superoffice.com/Cust1`, fetch }).call(UserAgent, GetUser, { UserId: 1 })), [key], "REST");
    expectNone(await rejection(new SoapTransport({ baseUrl: `https://${key}@sod.superoffice.com/Cust1`, fetch }).call(UserAgent, GetUser, { UserId: 1 })), [key], "SOAP");
  });

  it("a broken envelope is told by offsets, never by a piece of it (a ticket written into it unescaped is cut where redaction cannot find it)", async () => {
    for (const broken of ["Tr0ub<dor4x", "Tr0ub&dor4x;x", "Tr0ub&#dor4x;", "<a dor4x></a>", "<a dor4x=1></a>", "<a></dor4x>", "<dor4x>"]) {
      const error = await rejection(soap({ status: 200, body: envelope(`<GetUserResponse xmlns="${NS}"><Response>${broken}</Response></GetUserResponse>`) }).t.call(UserAgent, GetUser, { UserId: 1 }));
      expect(error, broken).toBeInstanceOf(ResponseParseError);
      expect(error.message, broken).toMatch(/^Response is not well-formed XML: /);
      expect(everyView(error), broken).not.toContain("dor4x");
    }
  });

  it("the SOAP TimeZone header's SoTimeZoneId is an int like every other: NaN, 1.7, 3e9 or a text that is no integer is an InvalidRequestError, nothing sent", async () => {
    for (const SoTimeZoneId of [NaN, 1.7, 3e9, 1e21, "12abc"]) {
      const { fetch, requests } = fakeFetch(() => ({ status: 200, body: userEnvelope }));
      const t = new SoapTransport({ baseUrl: BASE, timeZone: { SoTimeZoneId: SoTimeZoneId as number }, fetch });
      const error = await rejection(t.call(UserAgent, GetUser, { UserId: 1 }));
      expect(error, String(SoTimeZoneId)).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).path).toEqual(["timeZone"]);
      expect(error.message).toMatch(/SoTimeZoneId/);
      expect(requests).toHaveLength(0);
    }
    const { fetch, requests } = fakeFetch(() => ({ status: 200, body: userEnvelope }));
    await new SoapTransport({ baseUrl: BASE, timeZone: { SoTimeZoneId: 12 }, fetch }).call(UserAgent, GetUser, { UserId: 1 });
    expect(requests[0]?.init.body).toContain("<SoTimeZoneId>12</SoTimeZoneId>");
  });
});

describe("an error the runtime redacts may be hostile itself", () => {
  it("a fetch error with a getter that throws (quoting the token) is a redacted NetworkError, the getter masked", async () => {
    const fetch: FetchLike = async () => {
      const error = new Error("x");
      Object.defineProperty(error, "boom", { enumerable: true, get: () => { throw new Error(`getter ${BEARER}`); } });
      throw error;
    };
    const error = await rejection(new RestTransport({ baseUrl: BASE, auth: { scheme: "Bearer", token: BEARER }, fetch }).call(UserAgent, GetUser, { UserId: 1 }));
    expect(error).toBeInstanceOf(NetworkError);
    expectNone(error, [BEARER], "REST");
    expect((error.cause as Record<string, unknown>).boom).toBe("***");
    const soapFetch: FetchLike = async () => {
      const failure = new Error("x");
      Object.defineProperty(failure, "boom", { enumerable: true, get: () => { throw new Error(`getter ${TICKET}`); } });
      throw failure;
    };
    const soapError = await rejection(new SoapTransport({ baseUrl: BASE, ticket: TICKET, fetch: soapFetch }).call(UserAgent, GetUser, { UserId: 1 }));
    expect(soapError).toBeInstanceOf(NetworkError);
    expectNone(soapError, [TICKET], "SOAP");
  });
});
