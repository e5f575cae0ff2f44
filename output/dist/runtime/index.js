import { NILLABLE, NILLABLE_OPTIONAL, OPTIONAL } from "./schema.js";
import {
  AuthError,
  HttpError,
  InvalidRequestError,
  NetworkError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  SoapFaultError,
  SuperOfficeError,
  TimeoutError
} from "./errors.js";
import { MAX_ATTEMPTS } from "./http.js";
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, MAX_NESTING, MAX_TIMEOUT_MS } from "./limits.js";
import { SoapTransport } from "./soap.js";
import { buildSoapRequest, readSoapResponse, SOAP_ENV_NS } from "./soap-envelope.js";
import { RestTransport } from "./rest.js";
import { callEntity, isNotModified } from "./rest-entity.js";
import { carrierFields, XSI_TYPE } from "./descriptors.js";
import { ARRAYS_NS } from "./xml-write.js";
export {
  ARRAYS_NS,
  AuthError,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  HttpError,
  InvalidRequestError,
  MAX_ATTEMPTS,
  MAX_NESTING,
  MAX_TIMEOUT_MS,
  NILLABLE,
  NILLABLE_OPTIONAL,
  NetworkError,
  OPTIONAL,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  RestTransport,
  SOAP_ENV_NS,
  SoapFaultError,
  SoapTransport,
  SuperOfficeError,
  TimeoutError,
  XSI_TYPE,
  buildSoapRequest,
  callEntity,
  carrierFields,
  isNotModified,
  readSoapResponse
};
