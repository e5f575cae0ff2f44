import { HttpError, redact, redactDeep, ResponseParseError, safeUrl, SoapFaultError } from "./errors.js";
import { defaultFetch, send } from "./http.js";
import {
  buildSoapRequest,
  readSoapResponse
} from "./soap-envelope.js";
class SoapTransport {
  baseUrl;
  #fetch;
  #headers;
  #secrets;
  #timeoutMs;
  constructor(options) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#fetch = options.fetch ?? defaultFetch();
    this.#timeoutMs = options.timeoutMs;
    const headers = {};
    if (options.applicationToken !== void 0) headers.applicationToken = options.applicationToken;
    if (options.ticket !== void 0) headers.ticket = options.ticket;
    if (options.timeZone !== void 0) headers.timeZone = options.timeZone;
    this.#headers = headers;
    this.#secrets = [options.ticket, options.applicationToken].filter((s) => typeof s === "string" && s !== "");
  }
  /** Calls one operation; resolves to the unwrapped `Response` value (undefined for void). */
  async call(schema, op, request, options) {
    const envelope = buildSoapRequest(schema, op, request, this.#headers);
    const url = `${this.baseUrl}/${schema.endpoint.replace(/^\/+/, "")}`;
    const response = await send(
      this.#fetch,
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "text/xml; charset=utf-8",
          SOAPAction: `"${op.soapAction}"`,
          Accept: "text/xml"
        },
        body: envelope
      },
      options,
      this.#timeoutMs,
      this.#secrets
    );
    const ok = response.status >= 200 && response.status < 300;
    let result;
    try {
      result = readSoapResponse(schema, op, response.body, response.status);
    } catch (error) {
      if (!ok && error instanceof ResponseParseError) throw this.httpError(url, response.status, response.statusText, response.body);
      if (error instanceof ResponseParseError) throw new ResponseParseError(redact(htmlPage(response.body) ?? error.message, this.#secrets), { status: response.status, cause: error.cause });
      throw error;
    }
    options?.onResponseHeaders?.(result.headers);
    if (result.kind === "fault") {
      const { fault } = result;
      throw new SoapFaultError({
        status: response.status,
        faultCode: redact(fault.faultCode, this.#secrets),
        faultString: redact(fault.faultString, this.#secrets),
        ...fault.faultActor !== void 0 ? { faultActor: redact(fault.faultActor, this.#secrets) } : {},
        ...fault.exceptionInfo !== void 0 ? { exceptionInfo: redactDeep(fault.exceptionInfo, this.#secrets) } : {}
      });
    }
    if (!ok) throw this.httpError(url, response.status, response.statusText, response.body);
    return result.value;
  }
  httpError(url, status, statusText, body) {
    return new HttpError({ status, statusText: redact(statusText, this.#secrets), body: redact(body, this.#secrets), url: safeUrl(url) });
  }
}
function htmlPage(body) {
  if (!/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(body)) return void 0;
  const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, " ").trim();
  return `Response is an HTML page, not a SOAP envelope${title ? ` (title: ${title})` : ""}`;
}
export {
  SoapTransport
};
