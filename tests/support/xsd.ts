/**
 * A real XSD validator (libxml2 through xmllint-wasm, no native build) over a WSDL's schemas:
 * each inline xs:schema becomes a file (the WSDL's namespace declarations copied onto it, imports
 * given their schemaLocation), under a minimal SOAP 1.1 envelope schema whose Header and Body take
 * strictly validated elements of those namespaces. Every request of an agent goes in one run.
 */
import { validateXML } from "xmllint-wasm";

export interface XsdFailure {
  /** Index of the document in the batch. */
  document: number;
  message: string;
}

const SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

/** The schema files of a WSDL, keyed by file name, and the envelope schema importing them. */
export function wsdlSchemaFiles(wsdl: string): { root: { fileName: string; contents: string }; preload: { fileName: string; contents: string }[] } {
  const definitions = /<wsdl:definitions\b[^>]*>/.exec(wsdl)?.[0] ?? "";
  const inherited = [...definitions.matchAll(/\sxmlns:(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const);
  const schemas = [...wsdl.matchAll(/<(\w+:)?schema\b[\s\S]*?<\/\1schema>/g)].map((m) => m[0]);
  const files = schemas.map((text, i) => {
    const namespace = /targetNamespace="([^"]*)"/.exec(text)?.[1] ?? "";
    return { fileName: `schema${i}.xsd`, namespace, text };
  });
  const locationOf = new Map(files.map((file) => [file.namespace, file.fileName]));
  const preload = files.map(({ fileName, text }) => {
    const open = /^<[^>]*>/.exec(text)![0];
    const missing = inherited.filter(([prefix]) => !open.includes(`xmlns:${prefix}=`)).map(([prefix, ns]) => ` xmlns:${prefix}="${ns}"`);
    const withScope = open.replace(/\/?>$/, (end) => `${missing.join("")}${end}`) + text.slice(open.length);
    const contents = withScope.replace(/<(\w+:)?import namespace="([^"]*)"\s*\/>/g, (all, prefix: string | undefined, ns: string) =>
      locationOf.has(ns) ? `<${prefix ?? ""}import namespace="${ns}" schemaLocation="${locationOf.get(ns)}"/>` : all,
    );
    return { fileName, contents: `<?xml version="1.0" encoding="utf-8"?>\n${contents}` };
  });
  const imports = files.map((file) => `<xs:import namespace="${file.namespace}" schemaLocation="${file.fileName}"/>`).join("");
  const strictAny = `<xs:complexType><xs:sequence><xs:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>`;
  const root = {
    fileName: "envelope.xsd",
    contents:
      `<?xml version="1.0" encoding="utf-8"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:s="${SOAP_ENV}" targetNamespace="${SOAP_ENV}" elementFormDefault="qualified">${imports}` +
      `<xs:element name="Envelope"><xs:complexType><xs:sequence><xs:element ref="s:Header" minOccurs="0"/><xs:element ref="s:Body"/></xs:sequence></xs:complexType></xs:element>` +
      `<xs:element name="Header">${strictAny}</xs:element><xs:element name="Body">${strictAny}</xs:element></xs:schema>`,
  };
  return { root, preload };
}

/** Validates every document against the WSDL's schemas; resolves to the failures (none: []). */
export async function validateAgainstWsdl(wsdl: string, documents: readonly string[]): Promise<XsdFailure[]> {
  if (documents.length === 0) return [];
  const { root, preload } = wsdlSchemaFiles(wsdl);
  const xml = documents.map((contents, i) => ({ fileName: `request${i}.xml`, contents }));
  const result = await validateXML({ xml, schema: [root], preload, maxMemoryPages: 16384 });
  return result.errors.map((error) => ({ document: Number(/request(\d+)\.xml/.exec(error.loc?.fileName ?? "")?.[1] ?? -1), message: error.message }));
}
