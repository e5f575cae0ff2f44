/** Public API of the runtime that generated SuperOffice clients call. */
export { NILLABLE, NILLABLE_OPTIONAL, OPTIONAL } from "./schema.js";
export { AuthError, HttpError, InvalidRequestError, NetworkError, RedirectError, ResponseParseError, ResponseTooLargeError, SoapFaultError, SuperOfficeError, TimeoutError } from "./errors.js";
export { MAX_ATTEMPTS } from "./http.js";
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, MAX_NESTING, MAX_TIMEOUT_MS } from "./limits.js";
export { SoapTransport } from "./soap.js";
export { buildSoapRequest, readSoapResponse, SOAP_ENV_NS } from "./soap-envelope.js";
export { readBytes, RestTransport } from "./rest.js";
export { callEntity, isNotModified } from "./rest-entity.js";
export { carrierFields, XSI_TYPE } from "./descriptors.js";
export { XSD_TYPES } from "./values.js";
export { readAnyType } from "./xml-read.js";
export { pickDerivedByFields, writeJson, writeJsonBody } from "./json.js";
export { ARRAYS_NS, writeXmlTree } from "./xml-write.js";
