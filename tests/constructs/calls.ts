/**
 * One call per construct with the generated client over loopback (tests/support/rest-e2e.ts's
 * server on 127.0.0.1): what the client sends for the construct and what it makes of the answer.
 * SOAP answers are written here as WCF writes them; the request checks read the recorded text.
 */
import { expect } from "vitest";
import type { Loopback, RecordedRequest, Reply } from "../support/rest-e2e.js";

type Method = (request?: object, options?: object) => Promise<unknown>;
/** The agent of a generated client, typed loosely (it is imported at run time). */
export type AgentClient = Record<string, Method>;

export interface CallContext {
  server: Loopback;
  /** The agent property of the version's SoapClient (ticket, application token and time zone set). */
  soap(agent: string): AgentClient;
  /** The agent property of the version's RestClient (SoTicket auth). */
  rest(agent: string): AgentClient;
  /** `rest.entities.<entity>` of the version's RestClient. */
  entity(entity: string): AgentClient;
  XSI_TYPE: symbol;
}

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const ns = (version: string): string => `http://www.superoffice.net/ws/crm/NetServer/${version}`;

/** A SOAP 1.1 answer whose body holds `inner`. */
function soapReply(inner: string): Reply {
  return { status: 200, body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${inner}</s:Body></s:Envelope>`, headers: { "Content-Type": "text/xml; charset=utf-8" } };
}

const json = (value: unknown): Reply => ({ status: 200, body: JSON.stringify(value) });

/** The request headers of a recorded SOAP request, by element name. */
function soapHeaders(request: RecordedRequest): string[] {
  const header = /<s:Header>([\s\S]*?)<\/s:Header>/.exec(request.body)?.[1] ?? "";
  return ["ApplicationToken", "Credentials", "TimeZone"].filter((name) => new RegExp(`<(\\w+:)?${name}[\\s>/]`).test(header));
}

/** Calls `call` with the server answering `reply`, and returns the one request it sent with the call's value. */
async function exchange(server: Loopback, reply: Reply, call: () => Promise<unknown>): Promise<{ request: RecordedRequest; value: unknown }> {
  server.reply = () => reply;
  const from = server.requests.length;
  const value = await call();
  return { request: server.only(from), value };
}

export const CALLS: Readonly<Record<string, (context: CallContext) => Promise<void>>> = {
  async inheritance({ server, soap }) {
    const answer = soapReply(`<GetMeetingResponse xmlns="${ns("Services01")}"><Response><TableRight>r</TableRight><ActivityId>4</ActivityId><Title>Plan</Title><Location>Oslo</Location><StartsAt>2025-05-01T09:00:00</StartsAt></Response></GetMeetingResponse>`);
    const { value } = await exchange(server, answer, () => soap("inheritance").getMeeting!({ MeetingId: 4 }));
    // Fields of every base, in chain order, land on the one object.
    expect(value).toEqual({ TableRight: "r", ActivityId: 4, Title: "Plan", Location: "Oslo", StartsAt: new Date("2025-05-01T09:00:00Z") });
  },

  async "derived-carriers"({ server, soap, rest, XSI_TYPE }) {
    const step = { [XSI_TYPE]: "StepSendEmail", StepId: 1, Name: "mail", Subject: "Hi", HighPriority: true };
    const answer = soapReply(`<AddStepResponse xmlns="${ns("Services02")}"><Response xmlns:i="${XSI}" xmlns:a="${ns("Services02")}" i:type="a:StepWaitUntil"><StepId>2</StepId><Minutes>5</Minutes><Until>2025-05-01T09:00:00Z</Until></Response></AddStepResponse>`);
    const sent = await exchange(server, answer, () => soap("derived").addStep!({ WorkflowId: 9, Step: step }));
    expect(sent.request.body).toMatch(/<Step [^>]*:type="\w+:StepSendEmail"[^>]*><StepId>1<\/StepId><Name>mail<\/Name><Subject>Hi<\/Subject><HighPriority>true<\/HighPriority><\/Step>/);
    const value = sent.value as Record<string | symbol, unknown>;
    expect(value[XSI_TYPE]).toBe("StepWaitUntil");
    expect(value).toEqual({ StepId: 2, Minutes: 5, Until: new Date("2025-05-01T09:00:00Z") });

    // Over REST the derived fields go in the body, and a derived carrier in a response is told by its fields.
    const restSent = await exchange(server, json({ StepId: 2 }), () => rest("derived").addStep!({ WorkflowId: 9, Step: step }));
    expect(JSON.parse(restSent.request.body)).toEqual({ WorkflowId: 9, Step: { StepId: 1, Name: "mail", Subject: "Hi", HighPriority: true } });
    const listed = await exchange(server, json([{ StepId: 3, Subject: "x", HighPriority: false }, { StepId: 4, Minutes: 1 }, { StepId: 5 }]), () => rest("derived").getSteps!({ WorkflowId: 9 }));
    expect((listed.value as Record<symbol, unknown>[]).map((item) => item[XSI_TYPE])).toEqual(["StepSendEmail", "StepWait", undefined]);
  },

  async enums({ server, rest }) {
    // A name only the OpenAPI file lists, and one neither lists, arrive as they are.
    expect((await exchange(server, json("Archived"), () => rest("enums").getStatus!({ ProjectId: 1 }))).value).toBe("Archived");
    expect((await exchange(server, json("Retired"), () => rest("enums").getStatus!({ ProjectId: 1 }))).value).toBe("Retired");
    const sent = await exchange(server, { status: 204 }, () => rest("enums").setPriority!({ ProjectId: 1, Priority: "High" }));
    expect(JSON.parse(sent.request.body)).toEqual({ ProjectId: 1, Priority: "High" });
  },

  async flags({ server, soap, rest }) {
    const answer = soapReply(`<SetRightsResponse xmlns="${ns("Services04")}"><Response><Mask>Select Insert</Mask><Reason i:nil="true" xmlns:i="${XSI}" /></Response></SetRightsResponse>`);
    const sent = await exchange(server, answer, () => soap("flags").setRights!({ TableName: "contact", Rights: ["Update", "Delete"] }));
    expect(sent.request.body).toContain("<Rights>Update Delete</Rights>");
    expect(sent.value).toEqual({ Mask: ["Select", "Insert"], Reason: null });
    const restSent = await exchange(server, json("Select, Update"), () => rest("flags").getRights!({ TableName: "contact" }));
    expect(restSent.value).toEqual(["Select", "Update"]);
  },

  async dictionaries({ server, soap }) {
    const answer = soapReply(`<GetCountsResponse xmlns="${ns("Services05")}"><Response xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><a:KeyValueOfstringint><a:Key>open</a:Key><a:Value>3</a:Value></a:KeyValueOfstringint><a:KeyValueOfstringint><a:Key>closed</a:Key><a:Value>0</a:Value></a:KeyValueOfstringint></Response></GetCountsResponse>`);
    const sent = await exchange(server, answer, () => soap("dictionaries").getCounts!({ Names: { open: 1 } }));
    expect(sent.request.body).toMatch(/<(\w+:)?KeyValueOfstringint[^>]*><(\w+:)?Key>open<\/(\w+:)?Key><(\w+:)?Value>1<\/(\w+:)?Value><\/(\w+:)?KeyValueOfstringint>/);
    expect(sent.value).toEqual({ open: 3, closed: 0 });
    // The entry's Value is an xs:int that is not nillable (the type says `number`): a nil one is refused.
    const nil = soapReply(`<GetCountsResponse xmlns="${ns("Services05")}"><Response xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:i="${XSI}"><a:KeyValueOfstringint><a:Key>x</a:Key><a:Value i:nil="true" /></a:KeyValueOfstringint></Response></GetCountsResponse>`);
    server.reply = () => nil;
    await expect(soap("dictionaries").getCounts!({ Names: null })).rejects.toMatchObject({ name: "ResponseParseError" });
  },

  async arrays({ server, soap }) {
    const arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    const answer = soapReply(`<GetTagsResponse xmlns="${ns("Services06")}"><Response xmlns:a="${arrays}"><a:ArrayOfstring><a:string>red</a:string><a:string>blue</a:string></a:ArrayOfstring><a:ArrayOfstring /></Response></GetTagsResponse>`);
    const sent = await exchange(server, answer, () => soap("arrays").getTags!({ Ids: [1, 2] }));
    expect(sent.request.body).toMatch(/<Ids><(\w+:)?int[^>]*>1<\/(\w+:)?int><(\w+:)?int[^>]*>2<\/(\w+:)?int><\/Ids>/);
    expect(sent.value).toEqual([["red", "blue"], []]);
  },

  async nillable({ server, soap }) {
    const arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    const answer = soapReply(`<GetNoteResponse xmlns="${ns("Services07")}"><Response xmlns:i="${XSI}" xmlns:a="${arrays}"><NoteId>1</NoteId><Text i:nil="true" /><EditedAt i:nil="true" /><Scores><a:int>5</a:int></Scores><Labels><a:string>x</a:string><a:string /></Labels></Response></GetNoteResponse>`);
    const { value } = await exchange(server, answer, () => soap("nillable").getNote!({ NoteId: 1 }));
    expect(value).toEqual({ NoteId: 1, Text: null, EditedAt: null, Scores: [5], Labels: ["x", ""] });
    // Arrays are X[] and hold no null: a nil item the WSDL allows (Labels: string items) is left out…
    const nilLabel = soapReply(`<GetNoteResponse xmlns="${ns("Services07")}"><Response xmlns:i="${XSI}" xmlns:a="${arrays}"><Labels><a:string>x</a:string><a:string i:nil="true" /></Labels></Response></GetNoteResponse>`);
    expect((await exchange(server, nilLabel, () => soap("nillable").getNote!({ NoteId: 1 }))).value).toMatchObject({ Labels: ["x"] });
    // …and one it does not allow (Scores: int items) is refused.
    const nilScore = soapReply(`<GetNoteResponse xmlns="${ns("Services07")}"><Response xmlns:i="${XSI}" xmlns:a="${arrays}"><Scores><a:int i:nil="true" /></Scores></Response></GetNoteResponse>`);
    server.reply = () => nilScore;
    await expect(soap("nillable").getNote!({ NoteId: 1 })).rejects.toMatchObject({ name: "ResponseParseError" });
  },

  async "multi-part"({ server, soap }) {
    const answer = soapReply(`<AuthenticateResponse xmlns="${ns("Services08")}"><Response><AssociateId>7</AssociateId><Associate>ann</Associate></Response><Credentials><Ticket>7T:abc==</Ticket></Credentials><AuthenticationSucceeded>true</AuthenticationSucceeded></AuthenticateResponse>`);
    const sent = await exchange(server, answer, () => soap("multiPart").authenticate!({ UserName: "ann", Password: "pw" }));
    expect(sent.value).toEqual({ Response: { AssociateId: 7, Associate: "ann" }, Credentials: { Ticket: "7T:abc==" }, AuthenticationSucceeded: true });
    const split = await exchange(server, soapReply(`<SplitResponse xmlns="${ns("Services08")}"><Head>a</Head><Rest>b c</Rest></SplitResponse>`), () => soap("multiPart").split!({ Text: "a b c" }));
    expect(split.value).toEqual({ Head: "a", Rest: "b c" });
  },

  async streams({ server, soap, rest }) {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);
    const raw = await exchange(server, { status: 200, body: bytes, headers: { "Content-Type": "application/pdf" } }, () => rest("streams").getBlobStream!({ BlobId: 1 }));
    expect(raw.request.headers.accept).toBe("application/octet-stream, application/pdf");
    expect(Buffer.from(raw.value as Uint8Array).equals(bytes)).toBe(true);
    const base64 = Buffer.from(bytes).toString("base64");
    const decoded = await exchange(server, soapReply(`<GetBlobStreamResponse xmlns="${ns("Services09")}"><Response>${base64}</Response></GetBlobStreamResponse>`), () => soap("streams").getBlobStream!({ BlobId: 1 }));
    expect(Buffer.from(decoded.value as Uint8Array).equals(bytes)).toBe(true);
    // Uploads take the base64 text both transports send.
    const uploaded = await exchange(server, { status: 204 }, () => rest("streams").setBlobStream!({ BlobId: 1, Stream: base64 }));
    expect(JSON.parse(uploaded.request.body)).toEqual({ BlobId: 1, Stream: base64 });
    const soapUpload = await exchange(server, soapReply(`<SetBlobStreamResponse xmlns="${ns("Services09")}" />`), () => soap("streams").setBlobStream!({ BlobId: 1, Stream: base64 }));
    expect(soapUpload.request.body).toContain(`<Stream>${base64}</Stream>`);
    // The parameter's TSDoc says bytes are accepted too, and the runtime sends them as the same text;
    // its type (`string | null`) refuses them, hence the cast: a generator bug this fixture shows.
    const asBytes = await exchange(server, { status: 204 }, () => rest("streams").setBlobStream!({ BlobId: 1, Stream: bytes as unknown as string }));
    expect(JSON.parse(asBytes.request.body)).toEqual({ BlobId: 1, Stream: base64 });
  },

  async "reserved-names"({ server, rest, soap }) {
    const sent = await exchange(server, json("class"), () => rest("reserved").then_!({ constructor: "x" }));
    expect(sent.request.url).toBe("/api/v1/Agents/Reserved/then");
    expect(JSON.parse(sent.request.body)).toEqual({ constructor: "x" });
    expect(sent.value).toBe("class");
    const answer = soapReply(`<deleteResponse xmlns="${ns("Services10")}"><Response><message>gone</message><Get-Field>2</Get-Field></Response></deleteResponse>`);
    const deleted = await exchange(server, answer, () => soap("reserved").delete!({ default: 1, new: { then: "t", constructor: 3, ["__proto__"]: "p" } }));
    expect(deleted.request.body).toContain("<new><then>t</then><constructor>3</constructor><__proto__>p</__proto__></new>");
    expect(deleted.value).toEqual({ message: "gone", "Get-Field": 2 });
    const second = await exchange(server, { status: 204 }, () => rest("reserved").get_Item_2!({ Id: 2 }));
    expect([second.request.url, JSON.parse(second.request.body)]).toEqual(["/api/v1/Agents/Reserved/Get_Item", { Id: 2 }]);
  },

  async headers({ server, soap }) {
    const token = (op: string, inner = "") => soapReply(`<${op}Response xmlns="${ns("Services11")}">${inner}</${op}Response>`);
    const login = await exchange(server, token("Login", "<Response>ok</Response>"), () => soap("headers").login!({ UserName: "ann" }));
    expect(soapHeaders(login.request)).toEqual(["ApplicationToken"]);
    const time = await exchange(server, token("GetTime", "<Response>2025-05-01T09:00:00Z</Response>"), () => soap("headers").getTime!());
    expect(soapHeaders(time.request)).toEqual(["ApplicationToken", "Credentials", "TimeZone"]);
    const ping = await exchange(server, token("Ping"), () => soap("headers").ping!());
    expect(soapHeaders(ping.request)).toEqual([]);
  },

  async "no-params-void"({ server, soap, rest }) {
    const reset = await exchange(server, soapReply(`<ResetResponse xmlns="${ns("Services12")}" />`), () => soap("empty").reset!());
    expect(reset.request.body).toMatch(/<s:Body><Reset xmlns="[^"]+Services12" ?\/><\/s:Body>/);
    expect(reset.value).toBeUndefined();
    const restReset = await exchange(server, { status: 204 }, () => rest("empty").reset!());
    expect([restReset.request.method, restReset.request.url, restReset.value]).toEqual(["POST", "/api/v1/Agents/Empty/Reset", undefined]);
  },

  async "rest-params"({ server, rest }) {
    const item = { ItemId: 7, Name: "wheel", Updated: "2025-05-01T09:00:00Z" };
    const got = await exchange(server, json(item), () => rest("restParams").getItem!({ ItemId: 7 }));
    expect([got.request.url, got.request.body]).toEqual(["/api/v1/Agents/RestParams/GetItem?itemId=7", ""]);
    expect(got.value).toEqual({ ...item, Updated: new Date(item.Updated) });
    const renamed = await exchange(server, json(true), () => rest("restParams").renameItem!({ ItemId: 7, Name: "tyre" }));
    expect([renamed.request.url, JSON.parse(renamed.request.body)]).toEqual(["/api/v1/Agents/RestParams/RenameItem?itemId=7", { Name: "tyre" }]);
    const deleted = await exchange(server, { status: 204 }, () => rest("restParams").deleteItems!({ ItemIds: [1, 2] }));
    expect(JSON.parse(deleted.request.body)).toEqual([1, 2]);
    const saved = await exchange(server, json(item), () => rest("restParams").saveItemEntity!({ ItemEntity: { ItemId: 7, Name: "wheel" } }));
    expect(JSON.parse(saved.request.body)).toEqual({ ItemId: 7, Name: "wheel" });
  },

  async "version-diff"({ server, soap }) {
    // The newer version's shape: the added parameter is sent, the return is nillable now.
    const answer = soapReply(`<GetThingResponse xmlns="${ns("Services87")}"><Response><ItemId>1</ItemId><Size>9007199254740993</Size><Mode>Read Write</Mode></Response></GetThingResponse>`);
    const sent = await exchange(server, answer, () => soap("changes").getThing!({ ThingId: 1, Culture: "nb" }));
    expect(sent.request.body).toContain("<ThingId>1</ThingId><Culture>nb</Culture>");
    // A long beyond 2^53 arrives as its exact decimal string, though Thing.Size is typed `number`: a
    // generator bug this fixture shows (the README promises the declared type and the value agree).
    expect(sent.value).toEqual({ ItemId: 1, Size: "9007199254740993", Mode: ["Read", "Write"] });
  },

  async "entity-openapi"({ server, entity }) {
    const widget = { WidgetId: 7, Name: "w", Registered: "2025-05-01T09:00:00Z", Kind: "Large", _Links: { Self: "/api/v1/Widget/7" } };
    const got = await exchange(server, json(widget), () => entity("widget").getWidgetEntity!({ id: 7, $select: ["Name", "Kind"] }));
    expect([got.request.method, decodeURIComponent(got.request.url)]).toEqual(["GET", "/api/v1/Widget/7?$select=Name,Kind"]);
    expect(got.value).toEqual({ ...widget, Registered: new Date(widget.Registered) });
    const deleted = await exchange(server, { status: 204 }, () => entity("widget").deleteWidgetEntity!({ id: 7 }));
    expect([deleted.request.method, deleted.request.url, deleted.value]).toEqual(["DELETE", "/api/v1/Widget/7", undefined]);
  },
};
