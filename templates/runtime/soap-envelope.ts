/**
 * SOAP 1.1 envelopes (basicHttpBinding, document/literal): building a request and reading a
 * response or fault. Pure functions, no I/O — the transport in soap.ts does the HTTP.
 */
import { callTypes, setSafe } from "./descriptors.js";
import type { SoapExceptionInfo } from "./errors.js";
import { ResponseParseError } from "./errors.js";
import type { SoapOperationDescriptor, SoapSchema, TypeDescriptor } from "./schema.js";
import { fromBase64, toParseError, toRequestError, ValueError, XML_STRING } from "./values.js";
import { escapeAttr, escapeText } from "./xml-escape.js";
import { childNamed, namespaceOf, parseXmlDocument, XmlSyntaxError, type XmlElement } from "./xml-parse.js";
import { XmlReader } from "./xml-read.js";
import { XmlWriter } from "./xml-write.js";

export const SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP12_ENV_NS = "http://www.w3.org/2003/05/soap-envelope";

/** The `TimeZone` request header. */
export interface SoapTimeZone {
  SoTimeZoneId?: number;
  SoTimeZoneLocationCode?: string | null;
}

/** Request headers; each is sent only when set. */
export interface SoapRequestHeaders {
  applicationToken?: string;
  ticket?: string;
  timeZone?: SoapTimeZone;
}

/** Response headers, read with the types `schema.responseHeaders` gives. */
export interface SoapResponseHeaders {
  ExceptionInfo?: SoapExceptionInfo | null;
  ExtraInfo?: Record<string, string | null> | null;
  Succeeded?: boolean;
  TimeZone?: SoapTimeZone | null;
  [header: string]: unknown;
}

export interface SoapFault {
  faultCode: string;
  faultString: string;
  faultActor?: string;
  exceptionInfo?: SoapExceptionInfo;
}

export type SoapResult =
  | { readonly kind: "result"; readonly value: unknown; readonly headers: SoapResponseHeaders }
  | { readonly kind: "fault"; readonly fault: SoapFault; readonly headers: SoapResponseHeaders };

/** Builds the request envelope. Throws InvalidRequestError when a value does not fit the schema. */
export function buildSoapRequest(
  schema: SoapSchema,
  op: SoapOperationDescriptor,
  request: object | undefined,
  headers: SoapRequestHeaders = {},
): string {
  const writer = new XmlWriter(callTypes(schema, op), schema.ns, op.write);
  try {
    writer.writeParams(op.params, request);
  } catch (error) {
    throw toRequestError(error);
  }
  const ns = escapeAttr(schema.ns);
  // Only the headers the binding declares: a server may reject (or log) one it does not expect.
  const declared = op.headers ?? schema.requestHeaders;
  const sends = (name: string): boolean => declared === undefined || declared.includes(name);
  // A header element in the agent namespace.
  const element = (name: string, content: string): string => `<${name} xmlns="${ns}">${content}</${name}>`;
  let header = "";
  if (headers.applicationToken !== undefined && sends("ApplicationToken")) header += element("ApplicationToken", escapeText(headers.applicationToken));
  if (headers.ticket !== undefined && sends("Credentials")) header += element("Credentials", `<Ticket>${escapeText(headers.ticket)}</Ticket>`);
  const tz = headers.timeZone;
  if (tz !== undefined && sends("TimeZone")) {
    let zone = "";
    if (tz.SoTimeZoneId !== undefined) zone += `<SoTimeZoneId>${String(Math.trunc(tz.SoTimeZoneId))}</SoTimeZoneId>`;
    if (tz.SoTimeZoneLocationCode !== undefined && tz.SoTimeZoneLocationCode !== null) {
      zone += `<SoTimeZoneLocationCode>${escapeText(tz.SoTimeZoneLocationCode)}</SoTimeZoneLocationCode>`;
    }
    header += element("TimeZone", zone);
  }
  const body = writer.out === "" ? `<${op.request} xmlns="${ns}"/>` : element(op.request, writer.out);
  return (
    `<s:Envelope xmlns:s="${SOAP_ENV_NS}"${writer.declarations()}>` +
    (header === "" ? "" : `<s:Header>${header}</s:Header>`) +
    `<s:Body>${body}</s:Body></s:Envelope>`
  );
}

/**
 * Reads a response envelope: the unwrapped `Response` value (undefined for void operations,
 * null when the element is absent or nil) or the fault, plus the response headers.
 * Throws ResponseParseError when the text is not a SOAP 1.1 envelope of the operation.
 */
export function readSoapResponse(schema: SoapSchema, op: SoapOperationDescriptor, xml: string, status = 200): SoapResult {
  if (xml.trim() === "") throw new ResponseParseError("Response body is empty", { status });
  let root: XmlElement;
  try {
    root = parseXmlDocument(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new ResponseParseError(`Response is not well-formed XML: ${error.message}`, { status });
    throw error;
  }
  const ns = namespaceOf(root);
  if (root.local !== "Envelope" || ns !== SOAP_ENV_NS) {
    const what = ns === SOAP12_ENV_NS ? "a SOAP 1.2 envelope" : `<${root.name}>`;
    throw new ResponseParseError(`Response is not a SOAP 1.1 envelope (root is ${what})`, { status });
  }
  const body = childNamed(root, "Body", SOAP_ENV_NS);
  if (body === undefined) throw new ResponseParseError("SOAP envelope has no Body", { status });
  const types = callTypes(schema, op);
  const reader = new XmlReader(types, op.readAny);
  // Headers are read by the schema's types: generated descriptors keep the header types there, once, not in every operation.
  const headerReader = schema.types === undefined || schema.types === types ? reader : new XmlReader(schema.types);
  const fault = childNamed(body, "Fault", SOAP_ENV_NS);
  // A fault stays a fault when its headers are not what the schema says: those that can be read are kept.
  const headers = readHeaders(schema, headerReader, childNamed(root, "Header", SOAP_ENV_NS), status, fault !== undefined);
  if (fault !== undefined) return { kind: "fault", fault: readFault(schema, headerReader, fault, headers), headers };
  const wrapper = childNamed(body, op.response);
  if (wrapper === undefined) {
    const found = body.children?.[0];
    throw new ResponseParseError(
      `Response body has no <${op.response}> element${found !== undefined ? ` (found <${found.local}>)` : " (empty Body)"}`,
      { status },
    );
  }
  if (op.results !== undefined) {
    try {
      return { kind: "result", value: reader.read(wrapper, op.results), headers };
    } catch (error) {
      throw toParseError(error, op.response, status);
    }
  }
  if (op.returns === null) return { kind: "result", value: undefined, headers };
  // The value is the `Response` element — or, when there is none, the wrapper's only child: the
  // WSDL names the part otherwise in a few operations (SoPrincipal.GetSystemInfo answers in
  // `SystemInfo`), and the model takes that part as the return value (parse/wsdl/operations.ts).
  const response = childNamed(wrapper, "Response") ?? (wrapper.children?.length === 1 ? wrapper.children[0] : undefined);
  let value: unknown = null;
  try {
    if (response !== undefined) value = reader.read(response, op.returns);
  } catch (error) {
    throw toParseError(error, `${op.response}.Response`, status);
  }
  if (value === null && op.returnsNonNull === true) {
    throw new ResponseParseError(`Response does not match the schema: ${response === undefined ? "no Response element" : "xsi:nil"} where ${op.returns} is not nillable in ${op.response}`, { status });
  }
  // A stream operation answers its bytes base64-encoded over SOAP; the call resolves to the bytes.
  return { kind: "result", value: op.bytes === true && typeof value === "string" ? fromBase64(value) : value, headers };
}

function readHeaders(schema: SoapSchema, reader: XmlReader, header: XmlElement | undefined, status: number, lenient: boolean): SoapResponseHeaders {
  const out: SoapResponseHeaders = {};
  if (header === undefined || header.children === null) return out;
  for (const [name, type] of schema.responseHeaders) {
    const el = childNamed(header, name);
    if (el === undefined) continue;
    try {
      setSafe(out, name, reader.read(el, type));
    } catch (error) {
      if (lenient && error instanceof ValueError) continue;
      throw toParseError(error, `Header.${name}`, status);
    }
  }
  return out;
}

/** Descriptor of SoExceptionInfo for fault details when the schema does not carry one. */
const BUILTIN_TYPES: Readonly<Record<string, TypeDescriptor>> = {
  SoExceptionInfo: {
    kind: "carrier",
    ns: "",
    fields: "Message?:string? StackTrace?:string? FriendlyText?:string? ExceptionType?:string? Source?:string? InnerException?:SoExceptionInfo? Parameters?:SoExceptionInfoParameters?",
  },
  SoExceptionInfoParameters: { kind: "dictionary", ns: "", entry: "SoExceptionInfoParametersKeyValuePair", key: "string", value: "string" },
  string: XML_STRING,
};
const builtinReader = new XmlReader(BUILTIN_TYPES);

function readFault(schema: SoapSchema, reader: XmlReader, fault: XmlElement, headers: SoapResponseHeaders): SoapFault {
  const text = (name: string): string | undefined => childNamed(fault, name)?.text.trim();
  const out: SoapFault = { faultCode: text("faultcode") ?? "", faultString: text("faultstring") ?? "" };
  const actor = text("faultactor");
  if (actor !== undefined) out.faultActor = actor;
  const fromHeader = headers.ExceptionInfo;
  if (fromHeader !== undefined && fromHeader !== null) {
    out.exceptionInfo = fromHeader;
    return out;
  }
  const detail = childNamed(fault, "detail");
  if (detail === undefined) return out;
  const info = childNamed(detail, "SoExceptionInfo") ?? childNamed(detail, "ExceptionInfo");
  if (info !== undefined) {
    const declared = schema.responseHeaders.find(([name]) => name === "ExceptionInfo")?.[1];
    try {
      const value = declared !== undefined ? reader.read(info, declared) : builtinReader.read(info, "SoExceptionInfo");
      if (value !== null && typeof value === "object") out.exceptionInfo = value as SoapExceptionInfo;
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
    }
    return out;
  }
  const wcf = childNamed(detail, "ExceptionDetail");
  if (wcf !== undefined) out.exceptionInfo = fromExceptionDetail(wcf, 0);
  return out;
}

/** WCF's includeExceptionDetailInFaults shape (System.ServiceModel.ExceptionDetail). */
function fromExceptionDetail(el: XmlElement, depth: number): SoapExceptionInfo {
  const info: SoapExceptionInfo = {};
  for (const [element, key] of [["Message", "Message"], ["StackTrace", "StackTrace"], ["Type", "ExceptionType"]] as const) {
    const text = childNamed(el, element)?.text;
    if (text !== undefined) info[key] = text;
  }
  const inner = childNamed(el, "InnerException");
  if (inner !== undefined && inner.children !== null && depth < 32) info.InnerException = fromExceptionDetail(inner, depth + 1);
  return info;
}
