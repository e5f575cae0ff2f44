/** Namespace URIs the WSDL parser matches on; prefixes differ per file, URIs do not. */
export const WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
export const SOAP11_NS = "http://schemas.xmlsoap.org/wsdl/soap/";
export const SOAP12_NS = "http://schemas.xmlsoap.org/wsdl/soap12/";
export const XSD_NS = "http://www.w3.org/2001/XMLSchema";
/** WCF's DataContract serialization namespace: guid/char/duration and the appinfo annotations. */
export const SERIALIZATION_NS = "http://schemas.microsoft.com/2003/10/Serialization/";
/** wsaw:Action (WCF) and wsam:Action (WS-Addressing metadata) both name the action. */
export const ADDRESSING_NS = ["http://www.w3.org/2006/05/addressing/wsdl", "http://www.w3.org/2007/05/addressing/metadata"];

/** Serialization simple types that are primitives in the model, not TypeDefs. */
export const SERIALIZATION_PRIMITIVES: ReadonlySet<string> = new Set(["guid", "char", "duration"]);

export function isSoapNamespace(namespace: string): boolean {
  return namespace === SOAP11_NS || namespace === SOAP12_NS;
}
