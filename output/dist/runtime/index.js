import { NILLABLE, OPTIONAL } from "./schema.js";
import {
  HttpError,
  InvalidRequestError,
  NetworkError,
  ResponseParseError,
  SoapFaultError,
  SuperOfficeError,
  TimeoutError
} from "./errors.js";
import { SoapTransport } from "./soap.js";
import { buildSoapRequest, readSoapResponse, SOAP_ENV_NS } from "./soap-envelope.js";
import { RestTransport } from "./rest.js";
import { XSI_TYPE } from "./descriptors.js";
import { ARRAYS_NS } from "./xml-write.js";
export {
  ARRAYS_NS,
  HttpError,
  InvalidRequestError,
  NILLABLE,
  NetworkError,
  OPTIONAL,
  ResponseParseError,
  RestTransport,
  SOAP_ENV_NS,
  SoapFaultError,
  SoapTransport,
  SuperOfficeError,
  TimeoutError,
  XSI_TYPE,
  buildSoapRequest,
  readSoapResponse
};
