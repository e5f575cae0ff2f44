/**
 * SOAP transport: POSTs an envelope to `${baseUrl}/${schema.endpoint}` and turns the answer
 * into the unwrapped response value or one of the runtime's errors.
 */
import { HttpError, redact, redactDeep, ResponseParseError, safeUrl, SoapFaultError } from "./errors.js";
import { defaultFetch, send, type CallOptions, type FetchLike } from "./http.js";
import type { AgentSchema, OperationDescriptor } from "./schema.js";
import {
  buildSoapRequest,
  readSoapResponse,
  type SoapRequestHeaders,
  type SoapResponseHeaders,
  type SoapResult,
  type SoapTimeZone,
} from "./soap-envelope.js";

export interface SoapClientOptions {
  /** e.g. "https://sod.superoffice.com/Cust12345"; the agent's endpoint path is appended. */
  baseUrl: string;
  /** Sent in the Credentials header. */
  ticket?: string;
  /** Sent in the ApplicationToken header. */
  applicationToken?: string;
  /** Sent in the TimeZone header. */
  timeZone?: SoapTimeZone;
  /** Defaults to globalThis.fetch. */
  fetch?: FetchLike;
  /** Timeout of every call in milliseconds (none by default). */
  timeoutMs?: number;
}

export interface SoapCallOptions extends CallOptions {
  /** Receives the response headers (ExceptionInfo, ExtraInfo, Succeeded, TimeZone) of every parsed envelope, faults included. */
  onResponseHeaders?: (headers: SoapResponseHeaders) => void;
}

export class SoapTransport {
  readonly baseUrl: string;
  readonly #fetch: FetchLike;
  readonly #headers: SoapRequestHeaders;
  readonly #secrets: readonly string[];
  readonly #timeoutMs: number | undefined;

  constructor(options: SoapClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#fetch = options.fetch ?? defaultFetch();
    this.#timeoutMs = options.timeoutMs;
    const headers: SoapRequestHeaders = {};
    if (options.applicationToken !== undefined) headers.applicationToken = options.applicationToken;
    if (options.ticket !== undefined) headers.ticket = options.ticket;
    if (options.timeZone !== undefined) headers.timeZone = options.timeZone;
    this.#headers = headers;
    this.#secrets = [options.ticket, options.applicationToken].filter((s): s is string => typeof s === "string" && s !== "");
  }

  /** Calls one operation; resolves to the unwrapped `Response` value (undefined for void). */
  async call(
    schema: AgentSchema,
    op: OperationDescriptor,
    request: object | undefined,
    options?: SoapCallOptions,
  ): Promise<unknown> {
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
          Accept: "text/xml",
        },
        body: envelope,
      },
      options,
      this.#timeoutMs,
      this.#secrets,
    );
    const ok = response.status >= 200 && response.status < 300;
    let result: SoapResult;
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
        ...(fault.faultActor !== undefined ? { faultActor: redact(fault.faultActor, this.#secrets) } : {}),
        ...(fault.exceptionInfo !== undefined ? { exceptionInfo: redactDeep(fault.exceptionInfo, this.#secrets) } : {}),
      });
    }
    if (!ok) throw this.httpError(url, response.status, response.statusText, response.body);
    return result.value;
  }

  private httpError(url: string, status: number, statusText: string, body: string): HttpError {
    return new HttpError({ status, statusText: redact(statusText, this.#secrets), body: redact(body, this.#secrets), url: safeUrl(url) });
  }
}

/** A 2xx HTML page where an envelope was expected (a login page, a proxy's error page): say so, with its title. */
function htmlPage(body: string): string | undefined {
  if (!/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(body)) return undefined;
  const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, " ").trim();
  return `Response is an HTML page, not a SOAP envelope${title ? ` (title: ${title})` : ""}`;
}
