/**
 * SOAP 1.1 envelopes (basicHttpBinding, document/literal): building a request and reading a
 * response or fault. Pure functions, no I/O — the transport in soap.ts does the HTTP.
 */
import { callTypes, setSafe } from "./descriptors.js";
import type { SoapExceptionInfo } from "./errors.js";
import { ResponseParseError } from "./errors.js";
import { requestElementOf, responseElementOf, type SoapOperationDescriptor, type SoapSchema, type TypeRecord, type TypeRef } from "./schema.js";
import { toParseError, toRequestError, ValueError, withPath, XML_INT, XML_STRING } from "./values.js";
import { escapeAttr, escapeText } from "./xml-escape.js";
import { childNamed, namespaceOf, parseXmlDocument, XmlSyntaxError, type XmlElement } from "./xml-parse.js";
import { notNillable, XmlReader } from "./xml-read.js";
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
  const wrapper = requestElementOf(op);
  const inAgentNs = ` xmlns="${escapeAttr(schema.ns)}"`;
  // Only the headers the binding declares: a server may reject (or log) one it does not expect.
  const declared = op.headers ?? schema.requestHeaders;
  const headerElement = <T>(name: string, value: T | undefined, content: (value: T) => string): string =>
    declared === undefined || declared.includes(name) ? element(name, value, content, inAgentNs) : "";
  let header: string;
  try {
    // The parameters in order, each an element in the agent namespace.
    for (const [name, type, flags] of op.params) {
      withPath(name, () => writer.writeElement(undefined, name, type, flags ?? 0, (request as Readonly<Record<string, unknown>> | undefined)?.[name]));
    }
    header =
      headerElement("ApplicationToken", headers.applicationToken, escapeText) +
      headerElement("Credentials", headers.ticket, (ticket) => element("Ticket", ticket, escapeText)) +
      headerElement("TimeZone", headers.timeZone, (zone) =>
        element("SoTimeZoneId", zone.SoTimeZoneId, (id) => withPath("timeZone", () => XML_INT.write(id, "SoTimeZoneId"))) +
        element("SoTimeZoneLocationCode", zone.SoTimeZoneLocationCode ?? undefined, escapeText),
      );
  } catch (error) {
    throw toRequestError(error);
  }
  return (
    `<s:Envelope xmlns:s="${SOAP_ENV_NS}"${writer.declarations}>` +
    (header === "" ? "" : `<s:Header>${header}</s:Header>`) +
    `<s:Body><${wrapper}${inAgentNs}${writer.out === "" ? "/>" : `>${writer.out}</${wrapper}>`}</s:Body></s:Envelope>`
  );
}

/**
 * The request headers the envelope writes, in the order it writes them (from `SoapRequestHeaders`):
 * a binding that declares all of them may leave `requestHeaders` out, as the generated ones do.
 */
export const SOAP_REQUEST_HEADERS: readonly string[] = ["ApplicationToken", "Credentials", "TimeZone"];

/** `<name attributes>content</name>` of a value that is set, nothing of one that is not (undefined). */
function element<T>(name: string, value: T | undefined, content: (value: T) => string, attributes = ""): string {
  return value === undefined ? "" : `<${name}${attributes}>${content(value)}</${name}>`;
}

/**
 * Reads a response envelope: the unwrapped `Response` value (undefined for void operations,
 * null when the element is absent or nil) or the fault, plus the response headers.
 * Throws ResponseParseError when the text is not a SOAP 1.1 envelope of the operation.
 */
export function readSoapResponse(schema: SoapSchema, op: SoapOperationDescriptor, xml: string, status = 200): SoapResult {
  const failure = (message: string): ResponseParseError => new ResponseParseError(message, { status });
  if (xml.trim() === "") throw failure("Response body is empty");
  let root: XmlElement;
  try {
    root = parseXmlDocument(xml);
  } catch (error) {
    throw error instanceof XmlSyntaxError ? failure(`Response is not well-formed XML: ${error.message}`) : error;
  }
  const ns = namespaceOf(root);
  if (root.local !== "Envelope" || ns !== SOAP_ENV_NS) {
    throw failure(`Response is not a SOAP 1.1 envelope (root is ${ns === SOAP12_ENV_NS ? "a SOAP 1.2 envelope" : `<${root.name}>`})`);
  }
  const body = childNamed(root, "Body", SOAP_ENV_NS);
  if (body === undefined) throw failure("SOAP envelope has no Body");
  const types = callTypes(schema, op);
  const reader = new XmlReader(types, op.readAny);
  // Headers are read by the schema's types (generated descriptors keep the header types there, once, not in every
  // operation), with the built-in SoExceptionInfo descriptors behind them.
  const headerReader = new XmlReader(headerTypes(schema.types ?? types), op.readAny);
  const fault = childNamed(body, "Fault", SOAP_ENV_NS);
  const header = childNamed(root, "Header", SOAP_ENV_NS);
  const headers: SoapResponseHeaders = {};
  // The type of the ExceptionInfo header, which a fault's detail may hold too.
  let infoType: TypeRef | undefined;
  for (const [name, type] of schema.responseHeaders) {
    if (name === "ExceptionInfo") infoType ??= type;
    const el = header && childNamed(header, name);
    if (el === undefined) continue;
    try {
      setSafe(headers, name, headerReader.read(el, type));
    } catch (error) {
      // A fault stays a fault when its headers are not what the schema says: those that can be read are kept.
      if (fault !== undefined && error instanceof ValueError) continue;
      throw toParseError(error, `Header.${name}`, status);
    }
  }
  if (fault !== undefined) {
    const text = (name: string): string | undefined => childNamed(fault, name)?.text.trim();
    const soapFault: SoapFault = { faultCode: text("faultcode") ?? "", faultString: text("faultstring") ?? "" };
    const actor = text("faultactor");
    if (actor !== undefined) soapFault.faultActor = actor;
    const info = headers.ExceptionInfo ?? exceptionOfDetail(headerReader, infoType, childNamed(fault, "detail"));
    if (info !== undefined && info !== null) soapFault.exceptionInfo = info;
    return { kind: "fault", fault: soapFault, headers };
  }
  const wrapperName = responseElementOf(op);
  const wrapper = childNamed(body, wrapperName);
  if (wrapper === undefined) {
    const found = body.children?.[0];
    throw failure(`Response body has no <${wrapperName}> element (${found === undefined ? "empty Body" : `found <${found.local}>`})`);
  }
  const read = (element: XmlElement, type: TypeRef, where: string): unknown => {
    try {
      return reader.read(element, type);
    } catch (error) {
      throw toParseError(error, where, status);
    }
  };
  let value: unknown; // undefined: a void operation
  if (op.results !== undefined) {
    // WCF out parameters: the wrapper is the value, a carrier of all its parts.
    value = read(wrapper, op.results, wrapperName);
  } else if (op.returns !== null) {
    // The value is the `Response` element — or, when there is none, the wrapper's only child: the
    // WSDL names the part otherwise in a few operations (SoPrincipal.GetSystemInfo answers in
    // `SystemInfo`), and the model takes that part as the return value (parse/wsdl/operations.ts).
    const response = childNamed(wrapper, "Response") ?? (wrapper.children?.length === 1 ? wrapper.children[0] : undefined);
    value = response === undefined ? null : read(response, op.returns, `${wrapperName}.Response`);
    if (value === null && op.returnsNonNull === true) {
      throw toParseError(notNillable(response === undefined && "no Response element", op.returns), wrapperName, status);
    }
    // A stream operation answers its bytes base64-encoded over SOAP; the call resolves to the bytes.
    if (op.decodeBytes !== undefined && typeof value === "string") value = op.decodeBytes(value);
  }
  return { kind: "result", value, headers };
}

/**
 * Descriptors of SoExceptionInfo for fault details when the schema declares no ExceptionInfo
 * header, and behind the header types of every schema: the generator leaves copies of them out.
 */
export const BUILTIN_TYPES: TypeRecord = {
  SoExceptionInfo: {
    fields: "Message StackTrace FriendlyText ExceptionType Source InnerException:SoExceptionInfo? Parameters:SoExceptionInfoParameters?",
  },
  SoExceptionInfoParameters: { kind: "dictionary", entry: "SoExceptionInfoParametersKeyValuePair", key: "string", value: "string" },
  string: XML_STRING,
};
const withBuiltins = new WeakMap<TypeRecord, TypeRecord>();

/** A record's types with BUILTIN_TYPES behind them: one per record, so its resolved descriptors stay cached (descriptors.ts). */
function headerTypes(types: TypeRecord): TypeRecord {
  let merged = withBuiltins.get(types);
  if (merged === undefined) withBuiltins.set(types, (merged = { ...BUILTIN_TYPES, ...types }));
  return merged;
}

/**
 * The exception a fault's detail describes: NetServer's SoExceptionInfo (read as the schema's
 * ExceptionInfo header, else as SoExceptionInfo, which `reader`'s types have built in), else WCF's ExceptionDetail.
 */
function exceptionOfDetail(reader: XmlReader, declared: TypeRef | undefined, detail: XmlElement | undefined): SoapExceptionInfo | undefined {
  if (detail === undefined) return undefined;
  const info = childNamed(detail, "SoExceptionInfo") ?? childNamed(detail, "ExceptionInfo");
  if (info === undefined) {
    const wcf = childNamed(detail, "ExceptionDetail");
    return wcf && fromExceptionDetail(wcf);
  }
  try {
    const value = reader.read(info, declared ?? "SoExceptionInfo");
    if (value !== null && typeof value === "object") return value as SoapExceptionInfo;
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
  }
  return undefined;
}

/** WCF's includeExceptionDetailInFaults shape (System.ServiceModel.ExceptionDetail). */
function fromExceptionDetail(el: XmlElement, depth = 0): SoapExceptionInfo {
  const info: SoapExceptionInfo = {};
  for (const name of ["Message", "StackTrace", "Type"] as const) {
    const text = childNamed(el, name)?.text;
    if (text !== undefined) info[name === "Type" ? "ExceptionType" : name] = text;
  }
  const inner = childNamed(el, "InnerException");
  if (inner?.children && depth < 32) info.InnerException = fromExceptionDetail(inner, depth + 1);
  return info;
}
