import { SoapClient } from "./soap-client.js";
import { RestClient } from "./rest-client.js";
export * from "./types.js";
export * from "./agents/user.js";
import { SuperOfficeError, SoapFaultError, HttpError, ResponseParseError } from "../runtime/index.js";
export {
  HttpError,
  ResponseParseError,
  RestClient,
  SoapClient,
  SoapFaultError,
  SuperOfficeError
};
