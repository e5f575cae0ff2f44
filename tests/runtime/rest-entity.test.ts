/**
 * The entity half of the REST runtime (rest-entity.ts) with a scripted fetch: path templates,
 * query options and objects, JSON Patch values written by the carrier's field types, Merge Patch,
 * form data, 304, and the agent transport's errors and secrets.
 */
import { describe, expect, it } from "vitest";
import { callEntity, HttpError, InvalidRequestError, isNotModified, RestTransport, type EndpointDescriptor, type EntitySchema } from "../../templates/runtime/index.js";
import { JSON_DATE_TIME, JSON_INT, JSON_STRING } from "../../templates/runtime/values.js";
import { fakeFetch, type Reply } from "./fake-fetch.js";

const SCHEMA: EntitySchema = {
  name: "Widget",
  types: {
    Widget: { kind: "carrier", ns: "", fields: [["WidgetId", "int"], ["Updated", "dateTime"], ["Mode", "Mode"], ["Tags", "string[]"], ["Kind", "Kind"]] },
    Mode: { kind: "enum", flags: true },
    Kind: { kind: "enum" },
    "string[]": { kind: "array", ns: "", item: "string", element: "" },
    // REST only: the JSON codecs of the primitives the types use.
    dateTime: JSON_DATE_TIME,
    int: JSON_INT,
    string: JSON_STRING,
  },
};

const GET: EndpointDescriptor = { name: "v1Widget_Get", method: "GET", path: "/api/v1/Widget/{widgetId}/Part/{part}", pathParams: [["widgetId", "int"], ["part", "string"]], query: [["$select", "string"], ["ids", "int[]"], ["since", "dateTime"], ["filter", "anyType"], ["levels", "anyType[]"]], returns: "Widget", notModified: true };
const PATCH: EndpointDescriptor = { name: "v1Widget_Patch", method: "PATCH", path: "/api/v1/Widget/{id}", pathParams: [["id", "int"]], body: { key: "body", type: "Widget", encoding: "json-patch", merge: true }, returns: "Widget" };
const UPLOAD: EndpointDescriptor = { name: "v1Widget_Upload", method: "PUT", path: "/api/v1/Widget/{id}/Image", pathParams: [["id", "int"]], body: { key: "body", type: "anyType", encoding: "form-data" }, returns: "int" };

function transport(reply: Reply = { status: 204 }) {
  const { fetch, requests } = fakeFetch(() => reply);
  return { t: new RestTransport({ baseUrl: "https://host/Cust1/", auth: { scheme: "Bearer", token: "secret-token-1" }, fetch }), requests };
}

describe("entity calls", () => {
  it("fills and encodes the path, writes list, array, date and object query options, revives the answer", async () => {
    const { t, requests } = transport({ status: 200, body: JSON.stringify({ WidgetId: 1, Updated: "2024-01-02T03:04:05Z", Mode: "A, B" }) });
    const result = await callEntity(t, SCHEMA, GET, { widgetId: 7, part: "a/b c", $select: ["Name", "Id"], ids: [1, 2], since: new Date(Date.UTC(2024, 0, 2)), filter: { status: "open", owner: { id: 3 } }, levels: [{ rank: 1 }, {}] });
    expect(requests[0]?.url).toBe("https://host/Cust1/api/v1/Widget/7/Part/a%2Fb%20c?$select=Name,Id&ids=1&ids=2&since=2024-01-02T00%3A00%3A00Z&status=open&owner.id=3&levels.rank=1");
    expect(requests[0]?.init.headers.Authorization).toBe("Bearer secret-token-1");
    expect(result).toEqual({ WidgetId: 1, Updated: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), Mode: ["A", "B"] });
  });

  it("resolves NotModified on 304 when asked with If-Modified-Since", async () => {
    const { t, requests } = transport({ status: 304, headers: { "Last-Modified": "Tue, 02 Jan 2024 00:00:00 GMT" } });
    const result = await callEntity(t, SCHEMA, GET, { widgetId: 1, part: "p" }, { ifModifiedSince: new Date(Date.UTC(2024, 0, 2)) });
    expect(isNotModified(result)).toBe(true);
    expect(requests[0]?.init.headers["If-Modified-Since"]).toBe("Tue, 02 Jan 2024 00:00:00 GMT");
  });

  it("If-Modified-Since / If-Unmodified-Since given as text carry no CR, LF or NUL (no header injection); nor a value that is no text or Date: InvalidRequestError, nothing sent", async () => {
    const { t, requests } = transport({ status: 304 });
    for (const options of [{ ifModifiedSince: "Tue, 02 Jan 2024 00:00:00 GMT\r\nX-Injected: yes" }, { ifUnmodifiedSince: "x\n" }, { ifModifiedSince: 1 as unknown as string }, { ifModifiedSince: new Date(NaN) }]) {
      const error = await callEntity(t, SCHEMA, GET, { widgetId: 1, part: "p" }, options).catch((e: unknown) => e);
      expect(error, JSON.stringify(options)).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).path).toEqual([Object.keys(options)[0]]);
    }
    expect(requests).toHaveLength(0);
  });

  it("writes JSON Patch values by the patched field's type (case-insensitively) and objects as Merge Patch", async () => {
    const { t, requests } = transport();
    await callEntity(t, SCHEMA, PATCH, { id: 3, body: [{ op: "replace", path: "/updated", value: new Date(Date.UTC(2024, 0, 2)) }, { op: "add", path: "Mode", value: ["A", "B"] }, { op: "remove", path: "/Tags" }] });
    expect(requests[0]?.init.headers["Content-Type"]).toBe("application/json-patch+json; charset=utf-8");
    expect(JSON.parse(requests[0]?.init.body ?? "")).toEqual([{ op: "replace", path: "/updated", value: "2024-01-02T00:00:00Z" }, { op: "add", path: "Mode", value: "A, B" }, { op: "remove", path: "/Tags" }]);
    await callEntity(t, SCHEMA, PATCH, { id: 3, body: { Mode: ["B"], Tags: null } });
    expect(requests[1]?.init.headers["Content-Type"]).toBe("application/merge-patch+json; charset=utf-8");
    expect(JSON.parse(requests[1]?.init.body ?? "")).toEqual({ Mode: "B", Tags: null });
  });

  it("sends form fields as multipart FormData", async () => {
    const { t, requests } = transport({ status: 200, body: "42" });
    expect(await callEntity(t, SCHEMA, UPLOAD, { id: 1, body: { image: new Uint8Array([1, 2, 3]) } })).toBe(42);
    const body = requests[0]?.init.body as unknown;
    expect(body).toBeInstanceOf(FormData);
    expect(requests[0]?.init.headers["Content-Type"]).toBeUndefined();
  });

  it("checks path and query values as their type's JSON, as an agent call's query: an int in range, a dateTime a Date or string", async () => {
    const { t, requests } = transport();
    for (const [request, message] of [
      [{ widgetId: "7; drop", part: "p" }, "expected an integer number for int, got string at widgetId"],
      [{ widgetId: 2 ** 31, part: "p" }, "integer is out of the range of int at widgetId"],
      [{ widgetId: 1, part: "p", ids: [1, 1.5] }, "expected an integer number for int, got number at ids"],
      [{ widgetId: 1, part: "p", since: 5 }, "expected a Date or ISO 8601 string for dateTime, got number at since"],
    ] as const) {
      const error = (await callEntity(t, SCHEMA, GET, request).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toBe(message);
    }
    expect(requests).toEqual([]);
    await callEntity(t, SCHEMA, GET, { widgetId: " +07 ", part: "p", ids: ["1", 2n] });
    expect(requests[0]?.url).toBe("https://host/Cust1/api/v1/Widget/7/Part/p?ids=1&ids=2");
  });

  it("a JSON body's plain enum is a name or its number, as SOAP's: InvalidRequestError before sending", async () => {
    const { t, requests } = transport();
    const enumError = (await callEntity(t, SCHEMA, PATCH, { id: 3, body: { Kind: { name: "A" } } }).catch((e: unknown) => e)) as Error;
    expect(enumError).toBeInstanceOf(InvalidRequestError);
    expect(enumError.message).toBe("expected an enum name for Kind, got object at body.Kind");
    expect(requests).toEqual([]);
    await callEntity(t, SCHEMA, PATCH, { id: 3, body: { Kind: "A" } });
    expect(JSON.parse(requests[0]?.init.body ?? "")).toEqual({ Kind: "A" });
  });

  it("an invalid Date as a JSON anyType is an InvalidRequestError (not toISOString's RangeError)", async () => {
    const { t, requests } = transport();
    const dateError = (await callEntity(t, SCHEMA, PATCH, { id: 3, body: [{ op: "add", path: "/Tags/0", value: new Date(NaN) }] }).catch((e: unknown) => e)) as Error;
    expect(dateError).toBeInstanceOf(InvalidRequestError);
    expect(dateError.message).toBe("invalid Date for anyType at body.0.value");
    expect(requests).toEqual([]);
  });

  it("a body JSON cannot carry (a bigint in an anyType or a property the schema does not know) is an InvalidRequestError, as an agent call's", async () => {
    const { t, requests } = transport();
    for (const body of [[{ op: "add", path: "/Tags/0", value: { n: 1n } }], { Kind: "A", Extra: 1n }]) {
      const error = (await callEntity(t, SCHEMA, PATCH, { id: 3, body }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toBe("request cannot be written: Do not know how to serialize a BigInt");
    }
    expect(requests).toEqual([]);
  });

  it('a path parameter "." or ".." (which a URL parser takes for steps up the path, however escaped) is refused before sending', async () => {
    const { t, requests } = transport();
    for (const part of [".", ".."]) {
      const error = await callEntity(t, SCHEMA, GET, { widgetId: 1, part }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).message).toBe(`the path parameter part cannot be "${part}" at part`);
    }
    await callEntity(t, SCHEMA, GET, { widgetId: 1, part: "..." });
    expect(requests.map((request) => request.url)).toEqual(["https://host/Cust1/api/v1/Widget/1/Part/..."]);
  });

  it("rejects a missing path parameter before sending, and a 412 as HttpError without the token", async () => {
    const { t, requests } = transport({ status: 412, statusText: "Precondition Failed", body: '{"Message":"changed; token secret-token-1"}' });
    await expect(callEntity(t, SCHEMA, GET, { part: "p" })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(requests).toEqual([]);
    const error = await callEntity(t, SCHEMA, PATCH, { id: 1, body: [] }, { ifUnmodifiedSince: "Tue, 02 Jan 2024 00:00:00 GMT" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(412);
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain("secret-token-1");
    expect(requests[0]?.init.headers["If-Unmodified-Since"]).toBe("Tue, 02 Jan 2024 00:00:00 GMT");
  });
});
