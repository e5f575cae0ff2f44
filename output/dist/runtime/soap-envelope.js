import { callTypes, setSafe } from "./descriptors.js";
import { ResponseParseError } from "./errors.js";
import { fromBase64, toParseError, toRequestError, ValueError } from "./values.js";
import { escapeAttr, escapeText } from "./xml-escape.js";
import { childNamed, namespaceOf, parseXmlDocument, XmlSyntaxError } from "./xml-parse.js";
import { XmlReader } from "./xml-read.js";
import { XmlWriter } from "./xml-write.js";
const SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP12_ENV_NS = "http://www.w3.org/2003/05/soap-envelope";
function buildSoapRequest(schema, op, request, headers = {}) {
  const writer = new XmlWriter(callTypes(schema, op), schema.ns);
  try {
    writer.writeParams(op.params, request);
  } catch (error) {
    throw toRequestError(error);
  }
  const ns = escapeAttr(schema.ns);
  const declared = op.headers ?? schema.requestHeaders;
  const sends = (name) => declared === void 0 || declared.includes(name);
  let header = "";
  if (headers.applicationToken !== void 0 && sends("ApplicationToken")) {
    header += `<ApplicationToken xmlns="${ns}">${escapeText(headers.applicationToken)}</ApplicationToken>`;
  }
  if (headers.ticket !== void 0 && sends("Credentials")) {
    header += `<Credentials xmlns="${ns}"><Ticket>${escapeText(headers.ticket)}</Ticket></Credentials>`;
  }
  const tz = headers.timeZone;
  if (tz !== void 0 && sends("TimeZone")) {
    header += `<TimeZone xmlns="${ns}">`;
    if (tz.SoTimeZoneId !== void 0) header += `<SoTimeZoneId>${String(Math.trunc(tz.SoTimeZoneId))}</SoTimeZoneId>`;
    if (tz.SoTimeZoneLocationCode !== void 0 && tz.SoTimeZoneLocationCode !== null) {
      header += `<SoTimeZoneLocationCode>${escapeText(tz.SoTimeZoneLocationCode)}</SoTimeZoneLocationCode>`;
    }
    header += "</TimeZone>";
  }
  const body = writer.out === "" ? `<${op.request} xmlns="${ns}"/>` : `<${op.request} xmlns="${ns}">${writer.out}</${op.request}>`;
  return `<s:Envelope xmlns:s="${SOAP_ENV_NS}"${writer.declarations()}>` + (header === "" ? "" : `<s:Header>${header}</s:Header>`) + `<s:Body>${body}</s:Body></s:Envelope>`;
}
function readSoapResponse(schema, op, xml, status = 200) {
  if (xml.trim() === "") throw new ResponseParseError("Response body is empty", { status });
  let root;
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
  if (body === void 0) throw new ResponseParseError("SOAP envelope has no Body", { status });
  const types = callTypes(schema, op);
  const reader = new XmlReader(types);
  const headerReader = schema.types === void 0 || schema.types === types ? reader : new XmlReader(schema.types);
  const fault = childNamed(body, "Fault", SOAP_ENV_NS);
  const headers = readHeaders(schema, headerReader, childNamed(root, "Header", SOAP_ENV_NS), status, fault !== void 0);
  if (fault !== void 0) return { kind: "fault", fault: readFault(schema, headerReader, fault, headers), headers };
  const wrapper = childNamed(body, op.response);
  if (wrapper === void 0) {
    const found = body.children?.[0];
    throw new ResponseParseError(
      `Response body has no <${op.response}> element${found !== void 0 ? ` (found <${found.local}>)` : " (empty Body)"}`,
      { status }
    );
  }
  if (op.results !== void 0) {
    try {
      return { kind: "result", value: reader.read(wrapper, op.results), headers };
    } catch (error) {
      throw toParseError(error, op.response, status);
    }
  }
  if (op.returns === null) return { kind: "result", value: void 0, headers };
  const response = childNamed(wrapper, "Response") ?? (wrapper.children?.length === 1 ? wrapper.children[0] : void 0);
  let value = null;
  try {
    if (response !== void 0) value = reader.read(response, op.returns);
  } catch (error) {
    throw toParseError(error, `${op.response}.Response`, status);
  }
  if (value === null && op.returnsNonNull === true) {
    throw new ResponseParseError(`Response does not match the schema: ${response === void 0 ? "no Response element" : "xsi:nil"} where ${op.returns} is not nillable in ${op.response}`, { status });
  }
  return { kind: "result", value: op.bytes === true && typeof value === "string" ? fromBase64(value) : value, headers };
}
function readHeaders(schema, reader, header, status, lenient) {
  const out = {};
  if (header === void 0 || header.children === null) return out;
  for (const [name, type] of schema.responseHeaders) {
    const el = childNamed(header, name);
    if (el === void 0) continue;
    try {
      setSafe(out, name, reader.read(el, type));
    } catch (error) {
      if (lenient && error instanceof ValueError) continue;
      throw toParseError(error, `Header.${name}`, status);
    }
  }
  return out;
}
const BUILTIN_TYPES = {
  SoExceptionInfo: {
    kind: "carrier",
    ns: "",
    fields: "Message?:string? StackTrace?:string? FriendlyText?:string? ExceptionType?:string? Source?:string? InnerException?:SoExceptionInfo? Parameters?:SoExceptionInfoParameters?"
  },
  SoExceptionInfoParameters: { kind: "dictionary", ns: "", entry: "SoExceptionInfoParametersKeyValuePair", key: "string", value: "string" }
};
const builtinReader = new XmlReader(BUILTIN_TYPES);
function readFault(schema, reader, fault, headers) {
  const text = (name) => childNamed(fault, name)?.text.trim();
  const out = { faultCode: text("faultcode") ?? "", faultString: text("faultstring") ?? "" };
  const actor = text("faultactor");
  if (actor !== void 0) out.faultActor = actor;
  const fromHeader = headers.ExceptionInfo;
  if (fromHeader !== void 0 && fromHeader !== null) {
    out.exceptionInfo = fromHeader;
    return out;
  }
  const detail = childNamed(fault, "detail");
  if (detail === void 0) return out;
  const info = childNamed(detail, "SoExceptionInfo") ?? childNamed(detail, "ExceptionInfo");
  if (info !== void 0) {
    const declared = schema.responseHeaders.find(([name]) => name === "ExceptionInfo")?.[1];
    try {
      const value = declared !== void 0 ? reader.read(info, declared) : builtinReader.read(info, "SoExceptionInfo");
      if (value !== null && typeof value === "object") out.exceptionInfo = value;
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
    }
    return out;
  }
  const wcf = childNamed(detail, "ExceptionDetail");
  if (wcf !== void 0) out.exceptionInfo = fromExceptionDetail(wcf, 0);
  return out;
}
function fromExceptionDetail(el, depth) {
  const info = {};
  const message = childNamed(el, "Message")?.text;
  if (message !== void 0) info.Message = message;
  const stack = childNamed(el, "StackTrace")?.text;
  if (stack !== void 0) info.StackTrace = stack;
  const type = childNamed(el, "Type")?.text;
  if (type !== void 0) info.ExceptionType = type;
  const inner = childNamed(el, "InnerException");
  if (inner !== void 0 && inner.children !== null && depth < 32) info.InnerException = fromExceptionDetail(inner, depth + 1);
  return info;
}
export {
  SOAP_ENV_NS,
  buildSoapRequest,
  readSoapResponse
};
