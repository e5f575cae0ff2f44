/**
 * The REST entity endpoints (`GET/POST/PUT/PATCH/DELETE /api/v1/<Entity>…`): path parameters
 * put into the template, query options (the OData-style `$select`, `$filter`, `$orderBy`,
 * `$top`, `$skip` included), JSON, JSON Patch, Merge Patch and form-data bodies, conditional GET
 * (304 → NotModified). Auth, headers, errors, timeouts and limits are RestTransport's (one
 * `exchange`); values are written by the same converter as an agent call's body (`writeJson`)
 * and revived by the same `JsonCodec`.
 */
import { asSuperOfficeError, InvalidRequestError } from "./errors.js";
import { JsonCodec, writeJson } from "./json.js";
import { indexOf, own } from "./descriptors.js";
import { headerValue } from "./headers.js";
import { parseJsonBody, simpleTexts, type RestExchange, type RestRequestOptions, type RestTransport } from "./rest.js";
import type { DerivedPicker, TypeDescriptor, TypeRef } from "./schema.js";
import { fromBase64, toParseError, toRequestError, ValueError, withPath } from "./values.js";

/** Types one entity's endpoints reach. */
export interface EntitySchema {
  /** Entity name, e.g. "Contact". */
  readonly name: string;
  readonly types: Readonly<Record<string, TypeDescriptor>>;
  /** The runtime's `pickDerivedByFields` (json.ts), where the types hold a carrier with derived carriers (as `RestDescriptor.derive`). */
  readonly derive?: DerivedPicker;
}

export interface EndpointDescriptor {
  /** e.g. "v1ContactEntity_GetContactEntity" */
  readonly name: string;
  readonly method: string;
  /** Path template, e.g. "/api/v1/Contact/{id}". */
  readonly path: string;
  /** [name in the template and the request, type]. */
  readonly pathParams: readonly (readonly [name: string, type: TypeRef])[];
  /** [query parameter and request property name, type]. */
  readonly query?: readonly (readonly [name: string, type: TypeRef])[];
  readonly body?: {
    /** Request property holding the body. */
    readonly key: string;
    readonly type: TypeRef;
    readonly encoding: "json" | "json-patch" | "form-data";
    /** An object (not an array of operations) is sent as JSON Merge Patch. */
    readonly merge?: boolean;
  };
  /** Type of the success body; null when there is none. */
  readonly returns: TypeRef | null;
  /** The endpoint answers 304 to If-Modified-Since. */
  readonly notModified?: boolean;
  /**
   * Media types of a success body that is not JSON (an image): sent as Accept, and the body is
   * returned as the text fetch decoded, unparsed. Lossless for text; binary bytes need a byte read
   * the transport does not offer yet.
   */
  readonly accept?: string;
}

export interface EntityCallOptions extends RestRequestOptions {
  /** Sent as If-Modified-Since; an unchanged entity resolves to {@link NotModified}. */
  ifModifiedSince?: Date | string;
  /** Sent as If-Unmodified-Since; a changed entity rejects with HttpError 412. */
  ifUnmodifiedSince?: Date | string;
}

/** What a conditional GET resolves to when the server answers 304 Not Modified. */
export interface NotModified {
  readonly notModified: true;
  /** The Last-Modified header, when sent. */
  readonly lastModified: string | null;
}

/** `T | NotModified` only when the options ask with If-Modified-Since. */
export type Conditional<T, O> = O extends { ifModifiedSince: Date | string } ? T | NotModified : T;

export function isNotModified(value: unknown): value is NotModified {
  return typeof value === "object" && value !== null && (value as { notModified?: unknown }).notModified === true;
}

type FieldName<T> = Extract<keyof T, string>;
type FieldPath<T> = `/${FieldName<T>}` | FieldName<T>;

/**
 * One RFC 6902 operation on a carrier: top-level paths are the carrier's fields (TypeScript checks
 * them and the value's type); deeper paths (`/Emails/0/Value`) are checked only at their first step.
 * The WebAPI supports add, replace, remove and test, and matches paths case-insensitively.
 */
export type JsonPatchOperation<T> =
  | { [K in FieldName<T>]: { op: "add" | "replace" | "test"; path: `/${K}` | K; value: T[K] | null } }[FieldName<T>]
  | { op: "add" | "replace" | "test"; path: `/${FieldName<T>}/${string}`; value: unknown }
  | { op: "remove"; path: FieldPath<T> | `/${FieldName<T>}/${string}` };

/** RFC 7396: the fields to change; null removes a value. */
export type MergePatch<T> = { [K in keyof T]?: T[K] | null };

/** A form-data file: bytes, a Blob, or a base64 string. */
export type FormFile = Blob | Uint8Array | ArrayBuffer | string;

const CONTENT_TYPES = {
  json: "application/json; charset=utf-8",
  "json-patch": "application/json-patch+json; charset=utf-8",
  merge: "application/merge-patch+json; charset=utf-8",
} as const;

/** Calls one entity endpoint; resolves to the revived body, undefined for 204, or NotModified for 304. */
export async function callEntity(transport: RestTransport, schema: EntitySchema, endpoint: EndpointDescriptor, request: object | undefined, options?: EntityCallOptions): Promise<unknown> {
  const codec = new JsonCodec(schema.types, schema.derive);
  const record = (request ?? {}) as Record<string, unknown>;
  const build = (): RestExchange => {
    let target: string;
    let body: { text: string | FormData; contentType: string } | undefined;
    try {
      target = fillPath(schema, endpoint, record) + queryString(schema, endpoint, record);
      body = endpoint.body ? encodeBody(schema, endpoint.body, own(record, endpoint.body.key)) : undefined;
    } catch (error) {
      // As an agent call's: what JSON.stringify refuses (a bigint inside an anyType or an unknown property) is no raw TypeError.
      throw asSuperOfficeError(toRequestError(error), (message) => new InvalidRequestError(`request cannot be written: ${message}`));
    }
    const headers: Record<string, string> = {};
    if (options?.ifModifiedSince !== undefined) headers["If-Modified-Since"] = httpDate(options.ifModifiedSince, "ifModifiedSince");
    if (options?.ifUnmodifiedSince !== undefined) headers["If-Unmodified-Since"] = httpDate(options.ifUnmodifiedSince, "ifUnmodifiedSince");
    if (endpoint.accept !== undefined) headers.Accept = endpoint.accept;
    return {
      agent: schema.name,
      operation: endpoint.name,
      method: endpoint.method,
      pathAndQuery: target,
      headers,
      contentType: body?.contentType ?? CONTENT_TYPES.json,
      ...(body ? { body: body.text } : {}),
      // A binary answer (an image) is its bytes.
      ...(endpoint.accept !== undefined ? { reading: "bytes" as const } : {}),
      ...(endpoint.notModified ? { alsoAccept: [304] } : {}),
    };
  };
  return transport.exchange(build, request, options, (response) => {
    if (response.status === 304) return { notModified: true, lastModified: response.headers.get("Last-Modified") } satisfies NotModified;
    if (endpoint.accept !== undefined) return response.status === 204 ? undefined : (response.bytes ?? new TextEncoder().encode(response.body));
    if (response.status === 204 || response.body.trim() === "" || endpoint.returns === null) return undefined;
    const parsed = parseJsonBody(response);
    try {
      return codec.revive(parsed, endpoint.returns);
    } catch (error) {
      throw toParseError(error, endpoint.name, response.status);
    }
  });
}

function fillPath(schema: EntitySchema, endpoint: EndpointDescriptor, record: Record<string, unknown>): string {
  let path = endpoint.path;
  for (const [name, type] of endpoint.pathParams) {
    const value = own(record, name);
    if (value === undefined || value === null) throw invalid(`the path parameter ${name} is required`, [name]);
    const [text = ""] = namedTexts(schema, type, value, name);
    if (text === "") throw invalid(`the path parameter ${name} is empty`, [name]);
    // A URL parser takes "." and ".." (however escaped) for steps up the path: the call, credentials and all, would reach another endpoint.
    if (text === "." || text === "..") throw invalid(`the path parameter ${name} cannot be "${text}"`, [name]);
    path = path.replace(`{${name}}`, encodeURIComponent(text));
  }
  return path;
}

function queryString(schema: EntitySchema, endpoint: EndpointDescriptor, record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, type] of endpoint.query ?? []) {
    const value = own(record, name);
    if (value === undefined || value === null) continue;
    // An object (an OpenAPI `type: object` query parameter) is exploded into its properties (OpenAPI's default form style).
    // Objects inside an array (an untyped array parameter) become dotted keys under the parameter's name.
    const exploded = isPlainObject(value) ? explode(schema, value, "") : Array.isArray(value) && value.some(isPlainObject) ? explodeValue(schema, name, value) : undefined;
    if (exploded) {
      for (const [key, text] of exploded) parts.push(`${encodeQuery(key)}=${encodeQuery(text)}`);
      continue;
    }
    // A list option such as $select or $orderBy is one comma-separated value; a typed array repeats the parameter.
    const texts = Array.isArray(value) && !type.endsWith("[]") ? [namedTexts(schema, `${type}[]`, value, name).join(",")] : namedTexts(schema, type, value, name);
    for (const text of texts) parts.push(`${encodeQuery(name)}=${encodeQuery(text)}`);
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

/** The texts of the path or query value `name` (rest.ts simpleTexts), with the name on an error's path. */
function namedTexts(schema: EntitySchema, type: TypeRef, value: unknown, name: string): string[] {
  return withPath(name, () => simpleTexts(schema.types, type, value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** [key, text] pairs of an exploded object: nested objects as dotted keys (ASP.NET binding), arrays repeat their key. */
function explode(schema: EntitySchema, value: Record<string, unknown>, prefix: string): [string, string][] {
  return Object.entries(value).flatMap(([key, item]) => explodeValue(schema, `${prefix}${key}`, item));
}

function explodeValue(schema: EntitySchema, name: string, item: unknown): [string, string][] {
  if (item === undefined || item === null) return [];
  if (isPlainObject(item)) return explode(schema, item, `${name}.`);
  if (Array.isArray(item)) return item.flatMap((element: unknown) => explodeValue(schema, name, element));
  return namedTexts(schema, "anyType", item, name).map((text): [string, string] => [name, text]);
}

/** Percent-encoding that leaves `$` and `,` readable (`$select=Name,Department`); both are legal in a query. */
function encodeQuery(text: string): string {
  return encodeURIComponent(text).replace(/%24/g, "$").replace(/%2C/g, ",");
}

function encodeBody(schema: EntitySchema, body: NonNullable<EndpointDescriptor["body"]>, value: unknown): { text: string | FormData; contentType: string } | undefined {
  if (value === undefined) return undefined;
  const wrap = (error: unknown): never => {
    if (error instanceof ValueError) error.path.unshift(body.key);
    throw error;
  };
  try {
    switch (body.encoding) {
      case "form-data":
        return { text: formData(value), contentType: "" };
      case "json-patch":
        if (Array.isArray(value)) return { text: JSON.stringify(value.map((operation: unknown, i) => patchOperation(schema, body.type, operation, i))), contentType: CONTENT_TYPES["json-patch"] };
        if (!body.merge) throw invalid("expected an array of JSON Patch operations", []);
        return { text: JSON.stringify(writeJson(schema.types, value, body.type)), contentType: CONTENT_TYPES.merge };
      case "json":
        return { text: JSON.stringify(writeJson(schema.types, value, body.type) ?? null), contentType: CONTENT_TYPES.json };
    }
  } catch (error) {
    return wrap(error);
  }
}

/** A JSON Patch operation with its value written as the field its path names (Dates as ISO text, flags as "A, B"). */
function patchOperation(schema: EntitySchema, carrier: TypeRef, operation: unknown, index: number): unknown {
  if (typeof operation !== "object" || operation === null) throw invalid("expected a JSON Patch operation", [String(index)]);
  const { op, path, value } = operation as { op?: unknown; path?: unknown; value?: unknown };
  if (typeof op !== "string" || typeof path !== "string") throw invalid("a JSON Patch operation needs op and path strings", [String(index)]);
  const steps = path.replace(/^\//, "").split("/");
  const resolved = carrier === "anyType" ? undefined : indexOf(schema.types).resolve(carrier);
  const wanted = steps[0]?.toLowerCase();
  // The WebAPI matches paths case-insensitively, so the field is found the same way.
  const field = steps.length === 1 && resolved?.kind === "carrier" ? resolved.fields.find((candidate) => candidate.name.toLowerCase() === wanted) : undefined;
  if (!("value" in (operation as object))) return { op, path };
  try {
    return { op, path, value: writeJson(schema.types, value, field ? field.type : "anyType") };
  } catch (error) {
    if (error instanceof ValueError) error.path.unshift(String(index), "value");
    throw error;
  }
}

function formData(value: unknown): FormData {
  if (typeof value !== "object" || value === null) throw invalid("expected an object of form fields", []);
  const form = new FormData();
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    if (typeof Blob !== "undefined" && item instanceof Blob) form.append(name, item, name);
    else if (item instanceof Uint8Array || item instanceof ArrayBuffer) form.append(name, new Blob([copyOf(item)]), name);
    else if (typeof item === "string") form.append(name, new Blob([copyOf(formBytes(item))]), name);
    else throw invalid(`expected bytes, a Blob or a base64 string for the form field ${name}`, [name]);
  }
  return form;
}

function invalid(message: string, path: readonly string[]): ValueError {
  const error = new ValueError(message);
  error.path.push(...path);
  return error;
}

/** The bytes in an ArrayBuffer of their own (a Blob part cannot be a view of a SharedArrayBuffer). */
function copyOf(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const copy = new ArrayBuffer(view.byteLength);
  new Uint8Array(copy).set(view);
  return copy;
}

/** A form field given as base64 text, as bytes; text that is not base64 is a ValueError naming the form. */
function formBytes(text: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch {
    throw invalid("expected base64 text", []);
  }
}

function httpDate(value: Date | string, option: string): string {
  // A string goes as given, but never with CR, LF or NUL (no header injection); anything else but a Date is refused there too.
  if (!(value instanceof Date)) return headerValue(value, [option]);
  if (Number.isNaN(value.getTime())) throw new InvalidRequestError("invalid Date", [option]);
  return value.toUTCString();
}
