/**
 * Hand-written WCF-style WSDLs for the hostile tests: the same shape as NetServer's
 * (request/response wrapper elements, Credentials/ApplicationToken headers, ExceptionInfo
 * response header, one SOAP 1.1 binding), with whatever names and types a test needs.
 */

export interface OperationSpec {
  name: string;
  /** [element name, type QName] in sequence order; types are written as given ("xs:int", "tns:Thing", "q1:ArrayOfstring"). */
  params?: [string, string][];
  /** Type QName of the `Response` element; omitted for void. */
  returns?: string;
}

export interface WsdlSpec {
  /** "Services90" → namespace http://www.superoffice.net/ws/crm/NetServer/Services90 */
  version: string;
  agent: string;
  operations: OperationSpec[];
  /** Extra xs:complexType / xs:simpleType markup inside the agent's schema. */
  types?: string;
  /** Text inserted right after the XML declaration (a DOCTYPE, say). */
  prolog?: string;
  /** Leave out the SOAP headers (their messages and binding parts): a third of the size, for the size tests. */
  noHeaders?: boolean;
}

export const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

export function namespaceOf(version: string): string {
  return `http://www.superoffice.net/ws/crm/NetServer/${version}`;
}

/** Builds the WSDL in one pass of string pushes (20,000 operations take well under a second). */
export function buildWsdl(spec: WsdlSpec): string {
  const ns = namespaceOf(spec.version);
  const out: string[] = [];
  const push = (line: string): void => {
    out.push(line);
  };
  push(`<?xml version="1.0" encoding="utf-8"?>`);
  if (spec.prolog) push(spec.prolog);
  push(
    `<wsdl:definitions name="Wcf${spec.agent}Service" targetNamespace="${ns}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="${ns}" ` +
      `xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl">`,
  );
  push(`  <wsdl:types>`);
  push(`    <xs:schema elementFormDefault="qualified" targetNamespace="${ns}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:q1="${ARRAYS_NS}">`);
  for (const op of spec.operations) {
    push(`      <xs:element name="${op.name}"><xs:complexType><xs:sequence>`);
    for (const [name, type] of op.params ?? []) push(`        <xs:element minOccurs="0" name="${name}" nillable="true" type="${type}" />`);
    push(`      </xs:sequence></xs:complexType></xs:element>`);
    push(`      <xs:element name="${op.name}Response"><xs:complexType><xs:sequence>`);
    if (op.returns) push(`        <xs:element minOccurs="0" name="Response" nillable="true" type="${op.returns}" />`);
    push(`      </xs:sequence></xs:complexType></xs:element>`);
  }
  push(`      <xs:element name="ApplicationToken" nillable="true" type="xs:string" />`);
  push(`      <xs:complexType name="SoCredentials"><xs:sequence><xs:element minOccurs="0" name="Ticket" nillable="true" type="xs:string" /></xs:sequence></xs:complexType>`);
  push(`      <xs:element name="Credentials" nillable="true" type="tns:SoCredentials" />`);
  push(`      <xs:complexType name="SoExceptionInfo"><xs:sequence>`);
  push(`        <xs:element minOccurs="0" name="Message" nillable="true" type="xs:string" />`);
  push(`        <xs:element minOccurs="0" name="InnerException" nillable="true" type="tns:SoExceptionInfo" />`);
  push(`      </xs:sequence></xs:complexType>`);
  push(`      <xs:element name="ExceptionInfo" nillable="true" type="tns:SoExceptionInfo" />`);
  if (spec.types) push(spec.types);
  push(`    </xs:schema>`);
  push(`    <xs:schema elementFormDefault="qualified" targetNamespace="${ARRAYS_NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema">`);
  push(`      <xs:complexType name="ArrayOfstring"><xs:sequence><xs:element minOccurs="0" maxOccurs="unbounded" name="string" nillable="true" type="xs:string" /></xs:sequence></xs:complexType>`);
  push(`      <xs:complexType name="ArrayOfint"><xs:sequence><xs:element minOccurs="0" maxOccurs="unbounded" name="int" type="xs:int" /></xs:sequence></xs:complexType>`);
  push(`    </xs:schema>`);
  push(`  </wsdl:types>`);
  const headers = spec.noHeaders !== true;
  for (const op of spec.operations) {
    push(`  <wsdl:message name="${op.name}Request"><wsdl:part name="parameters" element="tns:${op.name}" /></wsdl:message>`);
    if (headers) push(`  <wsdl:message name="${op.name}Request_Headers"><wsdl:part name="ApplicationToken" element="tns:ApplicationToken" /><wsdl:part name="Credentials" element="tns:Credentials" /></wsdl:message>`);
    push(`  <wsdl:message name="${op.name}Response"><wsdl:part name="parameters" element="tns:${op.name}Response" /></wsdl:message>`);
    if (headers) push(`  <wsdl:message name="${op.name}Response_Headers"><wsdl:part name="ExceptionInfo" element="tns:ExceptionInfo" /></wsdl:message>`);
  }
  push(`  <wsdl:portType name="${spec.agent}">`);
  for (const op of spec.operations) {
    push(`    <wsdl:operation name="${op.name}">`);
    push(`      <wsdl:input wsaw:Action="${ns}/${spec.agent}/${op.name}" name="${op.name}Request" message="tns:${op.name}Request" />`);
    push(`      <wsdl:output wsaw:Action="${ns}/${spec.agent}/${op.name}Response" name="${op.name}Response" message="tns:${op.name}Response" />`);
    push(`    </wsdl:operation>`);
  }
  push(`  </wsdl:portType>`);
  push(`  <wsdl:binding name="BasicHttpBinding_${spec.agent}" type="tns:${spec.agent}">`);
  push(`    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />`);
  for (const op of spec.operations) {
    push(`    <wsdl:operation name="${op.name}">`);
    push(`      <soap:operation soapAction="${ns}/${spec.agent}/${op.name}" style="document" />`);
    push(`      <wsdl:input name="${op.name}Request">`);
    if (headers) push(`        <soap:header message="tns:${op.name}Request_Headers" part="ApplicationToken" use="literal" />`);
    if (headers) push(`        <soap:header message="tns:${op.name}Request_Headers" part="Credentials" use="literal" />`);
    push(`        <soap:body use="literal" />`);
    push(`      </wsdl:input>`);
    push(`      <wsdl:output name="${op.name}Response">`);
    if (headers) push(`        <soap:header message="tns:${op.name}Response_Headers" part="ExceptionInfo" use="literal" />`);
    push(`        <soap:body use="literal" />`);
    push(`      </wsdl:output>`);
    push(`    </wsdl:operation>`);
  }
  push(`  </wsdl:binding>`);
  push(`  <wsdl:service name="Wcf${spec.agent}Service">`);
  push(`    <wsdl:port name="BasicHttpBinding_${spec.agent}" binding="tns:BasicHttpBinding_${spec.agent}">`);
  push(`      <soap:address location="https://example.invalid/Remote/${spec.version}/${spec.agent}.svc" />`);
  push(`    </wsdl:port>`);
  push(`  </wsdl:service>`);
  push(`</wsdl:definitions>`);
  return `${out.join("\n")}\n`;
}

/** A carrier: `<xs:complexType name>` with optional nillable fields of the given type QNames, optionally extending a base. */
export function carrier(name: string, fields: [string, string][], base?: string): string {
  const sequence = `<xs:sequence>${fields.map(([field, type]) => `<xs:element minOccurs="0" name="${field}" nillable="true" type="${type}" />`).join("")}</xs:sequence>`;
  const body = base ? `<xs:complexContent mixed="false"><xs:extension base="${base}">${sequence}</xs:extension></xs:complexContent>` : sequence;
  return `      <xs:complexType name="${name}">${body}</xs:complexType>\n      <xs:element name="${name}" nillable="true" type="tns:${name}" />`;
}

/** `ArrayOf<item>` in the agent namespace (how WCF writes arrays of carriers). */
export function arrayOf(item: string): string {
  return `      <xs:complexType name="ArrayOf${item}"><xs:sequence><xs:element minOccurs="0" maxOccurs="unbounded" name="${item}" nillable="true" type="tns:${item}" /></xs:sequence></xs:complexType>`;
}

/** An enum (`flags` → an xs:list of the restriction, as WCF writes [Flags] enums). */
export function enumType(name: string, values: string[], flags = false): string {
  const restriction = `<xs:restriction base="xs:string">${values.map((value) => `<xs:enumeration value="${value}" />`).join("")}</xs:restriction>`;
  const body = flags ? `<xs:list><xs:simpleType>${restriction}</xs:simpleType></xs:list>` : restriction;
  return `      <xs:simpleType name="${name}">${body}</xs:simpleType>`;
}
