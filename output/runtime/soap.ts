/**
 * SOAP transport: POSTs an envelope to `${baseUrl}/${schema.endpoint}` and turns the answer
 * into the unwrapped response value or one of the runtime's errors.
 */
import { xmlDeclCharset } from "./charset.js";
import { askProvider, asSuperOfficeError, AuthError, HttpError, InvalidRequestError, ResponseParseError, safeUrl, SoapFaultError, SuperOfficeError } from "./errors.js";
import { addHeaders } from "./headers.js";
import { baseUrlOf, send, transportSettings, unlessAborted, type CallOptions, type TransportOptions, type TransportSettings } from "./http.js";
import { Redactor, urlSecrets } from "./redact.js";
import { requestSecrets } from "./request-guard.js";
import { soapActionOf, type SoapOperationDescriptor, type SoapSchema } from "./schema.js";
import {
  buildSoapRequest,
  readSoapResponse,
  type SoapRequestHeaders,
  type SoapResponseHeaders,
  type SoapResult,
  type SoapTimeZone,
} from "./soap-envelope.js";

/** Returns the ticket of the next request; called once per call (sync or async), e.g. to refresh it. */
export type TicketProvider = () => string | Promise<string>;

export interface SoapClientOptions extends TransportOptions {
  /** e.g. "https://sod.superoffice.com/Cust12345"; the agent's endpoint path is appended. */
  baseUrl: string;
  /** Sent in the Credentials header: a ticket, or a function returning the current one. */
  ticket?: string | TicketProvider;
  /** Sent in the ApplicationToken header. */
  applicationToken?: string;
  /** Sent in the TimeZone header. */
  timeZone?: SoapTimeZone;
}

export interface SoapCallOptions extends CallOptions {
  /** Receives the response headers (ExceptionInfo, ExtraInfo, Succeeded, TimeZone) of every parsed envelope, faults included. */
  onResponseHeaders?: (headers: SoapResponseHeaders) => void;
}

export class SoapTransport {
  declare readonly baseUrl: string;
  readonly #settings: TransportSettings;
  readonly #headers: SoapRequestHeaders;
  readonly #ticket: TicketProvider | undefined;
  readonly #extraHeaders: Readonly<Record<string, string>> | undefined;
  readonly #redactor: Redactor;

  constructor(options: SoapClientOptions) {
    this.baseUrl = baseUrlOf(options.baseUrl);
    this.#settings = transportSettings(options);
    const { ticket, applicationToken } = options;
    this.#extraHeaders = options.headers;
    // A header left undefined is not sent.
    const fixedTicket = typeof ticket === "string" ? ticket : undefined;
    this.#headers = { applicationToken, ticket: fixedTicket, timeZone: options.timeZone };
    this.#ticket = typeof ticket === "function" ? ticket : undefined;
    this.#redactor = new Redactor([fixedTicket, applicationToken, ...urlSecrets(options.baseUrl)]);
  }

  /** Calls one operation; resolves to the unwrapped `Response` value (undefined for void). */
  async call(
    schema: SoapSchema,
    op: SoapOperationDescriptor,
    request: object | undefined,
    options?: SoapCallOptions,
  ): Promise<unknown> {
    let redactor = this.#redactor;
    try {
      redactor = redactor.with(requestSecrets(request));
      let soapHeaders = this.#headers;
      if (this.#ticket !== undefined) {
        const ticket = await unlessAborted(askProvider(this.#ticket, "ticket"), options?.signal);
        if (typeof ticket !== "string") throw new AuthError("The ticket provider returned no string");
        soapHeaders = { ...soapHeaders, ticket };
      }
      redactor = redactor.with([soapHeaders.ticket]);
      const headers: Record<string, string> = {
        "Content-Type": "text/xml; charset=utf-8",
        SOAPAction: `"${soapActionOf(schema, op)}"`,
        Accept: "text/xml",
      };
      redactor = redactor.with([...addHeaders(headers, this.#extraHeaders), ...addHeaders(headers, options?.headers)]);
      let envelope: string;
      try {
        envelope = buildSoapRequest(schema, op, request, soapHeaders);
      } catch (error) {
        throw asSuperOfficeError(error, (message) => new InvalidRequestError(`request cannot be written: ${message}`));
      }
      const url = `${this.baseUrl}/${schema.endpoint.replace(/^\/+/, "")}`;
      const { status, statusText, body } = await send(this.#settings, { agent: schema.name, operation: op.name, url, method: "POST", headers, body: envelope, reading: xmlDeclCharset }, options, redactor);
      const ok = status >= 200 && status < 300;
      let result: SoapResult | undefined;
      try {
        result = readSoapResponse(schema, op, body, status);
      } catch (error) {
        if (!(error instanceof ResponseParseError)) throw asSuperOfficeError(error, (message) => new ResponseParseError(`Response cannot be read: ${message}`, { status }));
        // What is no envelope of a non-2xx answer (an error page, empty, truncated) is the HttpError below.
        if (ok) throw new ResponseParseError(htmlPage(body) ?? error.message, { status, cause: error.cause });
      }
      if (result !== undefined) {
        options?.onResponseHeaders?.(result.headers);
        if (result.kind === "fault") throw new SoapFaultError({ status, ...result.fault });
      }
      if (!ok) throw new HttpError({ status, statusText, body, url: safeUrl(url) });
      return result?.value;
    } catch (error) {
      throw error instanceof SuperOfficeError ? redactor.error(error) : error;
    }
  }
}

/** A 2xx HTML page where an envelope was expected (a login page, a proxy's error page): say so, with its title. */
function htmlPage(body: string): string | undefined {
  if (!/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(body)) return undefined;
  // Bounded, so a page of "<title<title…" is not scanned to its end from every "<title".
  const title = /<title[^>]{0,200}>([^<]{0,200})<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, " ").trim();
  return `Response is an HTML page, not a SOAP envelope${title ? ` (title: ${title})` : ""}`;
}
