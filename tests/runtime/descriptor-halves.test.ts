/**
 * Descriptors in halves, as the generated ones are: an operation carrying its own `types`
 * resolves by them (the schema has none, or others), SOAP reads response headers by the
 * binding's `types`, and a call that has no types at all is a TypeError (a generator bug).
 */
import { describe, expect, it } from "vitest";
import {
  buildSoapRequest,
  readSoapResponse,
  RestTransport,
  writeJsonBody,
  writeXmlTree,
  type RestOperationDescriptor,
  type SoapOperationDescriptor,
  type SoapSchema,
  type TypeRecord,
  XSD_TYPES,
} from "../../templates/runtime/index.js";
import { fakeFetch } from "./fake-fetch.js";

const ns = "urn:agent";
const types: TypeRecord = { Point: { kind: "carrier", ns, fields: [["X", "int", 2], ["At", "dateTime", 3]] }, ...XSD_TYPES };
const binding: SoapSchema = {
  name: "Points",
  ns,
  endpoint: "Remote/Services88/Points.svc",
  requestHeaders: [],
  responseHeaders: [["Stamp", "Stamp"]],
  // Only the header's type: the operations carry theirs.
  types: { Stamp: { kind: "carrier", ns, fields: [["When", "dateTime", 2]] }, ...XSD_TYPES },
};
const movePoint: SoapOperationDescriptor = {
  name: "MovePoint", soapAction: `${ns}/MovePoint`, request: "MovePoint", response: "MovePointResponse",
  params: [["Point", "Point", 3]], returns: "Point", types, write: writeXmlTree,
};
const movePointRest: RestOperationDescriptor = {
  name: "MovePoint", params: [["Point", "Point", 3]], returns: "Point", types, rest: { method: "POST", path: "/api/v1/Agents/Points/MovePoint", write: writeJsonBody },
};
const envelope = (header: string, body: string) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;

describe("an operation with its own types", () => {
  it("is written and read over SOAP by them, and its headers by the binding's", () => {
    const xml = buildSoapRequest(binding, movePoint, { Point: { X: 1, At: new Date("2025-04-03T11:13:36Z") } });
    expect(xml).toContain(`<MovePoint xmlns="${ns}"><Point><X>1</X><At>2025-04-03T11:13:36Z</At></Point></MovePoint>`);
    const read = readSoapResponse(
      binding,
      movePoint,
      envelope(`<Stamp xmlns="${ns}"><When>2025-01-02T03:04:05</When></Stamp>`, `<MovePointResponse xmlns="${ns}"><Response><X>2</X><At>2025-04-03T11:13:36</At></Response></MovePointResponse>`),
    );
    expect(read).toEqual({ kind: "result", value: { X: 2, At: new Date("2025-04-03T11:13:36Z") }, headers: { Stamp: { When: new Date("2025-01-02T03:04:05Z") } } });
  });

  it("is sent and revived over REST by them, with a schema that is only the agent's name", async () => {
    const { fetch, requests } = fakeFetch(() => ({ body: `{"X":3,"At":"2025-04-03T11:13:36"}`, headers: { "Content-Type": "application/json" } }));
    const rest = new RestTransport({ baseUrl: "https://h", fetch });
    expect(await rest.call({ name: "Points" }, movePointRest, { Point: { X: 1, At: new Date("2025-04-03T11:13:36Z") } })).toEqual({ X: 3, At: new Date("2025-04-03T11:13:36Z") });
    expect(requests[0]?.init.body).toBe(`{"Point":{"X":1,"At":"2025-04-03T11:13:36Z"}}`);
  });

  it("is a TypeError when neither the operation nor the schema has types", () => {
    const { types: _dropped, ...bare } = movePoint;
    const { types: _none, ...noTypes } = binding;
    expect(() => buildSoapRequest(noTypes, bare, { Point: null })).toThrow(TypeError);
  });
});
