import { SoapClient } from "./soap-client.js";
import { RestClient } from "./rest-client.js";
export * from "./types.js";
export * from "./agents/user.js";
import { SuperOfficeError, SoapFaultError, HttpError, ResponseParseError, XSI_TYPE } from "../runtime/index.js";
export {
  HttpError,
  ResponseParseError,
  RestClient,
  SoapClient,
  SoapFaultError,
  SuperOfficeError,
  XSI_TYPE
};
