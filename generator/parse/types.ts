/**
 * What each parser hands to the model builder: plain, JSON-serialisable data,
 * one value per input file. Parsers never see the model or the templates.
 *
 * Type references are strings in the model's vocabulary (see ir/type-ref.ts):
 * XSD primitives by local name (`int`, `string`, `dateTime`, `guid`, `char`,
 * `duration`, `anyType`…), named schema types by their local name, arrays with
 * a `[]` suffix (`ArrayOfX` → `X[]`, `ArrayOfint` → `int[]`).
 */
import type { Diagnostic } from "../diagnostics.js";

export interface ParseResult<T> {
  /** null when the file could not be understood at all. */
  value: T | null;
  diagnostics: Diagnostic[];
}

/** Where a fact was found: the file and 1-based line. */
export interface SourceRef {
  path: string;
  line: number;
}

// ---------------------------------------------------------------- WSDL

export interface ParsedWsdl {
  source: SourceRef;
  /** e.g. "http://www.superoffice.net/ws/crm/NetServer/Services88" */
  targetNamespace: string;
  /** e.g. "Services88", from the target namespace. */
  version: string;
  /** Agent name, from the portType (e.g. "User", "SoPrincipal"). */
  agent: string;
  /** soap:address location, e.g. "https://…/Remote/Services88/User.svc"; "" when absent. */
  address: string;
  /** Every named type of every schema in the WSDL, arrays included (kind "array"). */
  types: SchemaType[];
  /** Operations in portType order. */
  operations: WsdlOperation[];
}

/** A named schema type as the WSDL states it: no docs, no provenance (the model stage adds those). */
export type SchemaType = SchemaCarrier | SchemaEnum | SchemaDictionary | SchemaArray;

interface SchemaTypeBase {
  name: string;
  /** Schema namespace the type (and, for carriers, its elements) lives in. */
  namespace: string;
}

export interface SchemaCarrier extends SchemaTypeBase {
  kind: "carrier";
  /** Base type from complexContent/extension, or null. */
  base: string | null;
  /** Own sequence elements in order. */
  fields: SchemaField[];
}

export interface SchemaField {
  name: string;
  type: string;
  /** minOccurs="0" */
  optional: boolean;
  nillable: boolean;
}

export interface SchemaEnum extends SchemaTypeBase {
  kind: "enum";
  /** An `xs:list` of an enumeration. */
  flags: boolean;
  /** The ActualType annotation's name, e.g. "short"; "int" when absent. */
  underlying: string;
  /** `value` from the EnumerationValue annotation; null when absent. */
  values: { name: string; value: number | null }[];
}

export interface SchemaDictionary extends SchemaTypeBase {
  kind: "dictionary";
  entryElement: string;
  keyType: string;
  valueType: string;
  /** nillable="true" on the entry's Value element. */
  valueNillable: boolean;
}

export interface SchemaArray extends SchemaTypeBase {
  kind: "array";
  /** The type reference of the whole array, `X[]`: how others refer to it. */
  name: string;
  itemType: string;
  itemElement: string;
  /** nillable="true" on the item element (WCF's default for carriers and strings). */
  itemNillable: boolean;
}

export interface WsdlOperation {
  name: string;
  /** From the SOAP binding's soap:operation; falls back to the portType wsaw:Action. */
  soapAction: string;
  /** Qualified request body element (local name + namespace). */
  requestElement: QualifiedName;
  responseElement: QualifiedName;
  /** Children of the request wrapper element, in sequence order. */
  params: WsdlElement[];
  /** The response wrapper's "Response" child (its first child if none is so named); null for void. */
  response: WsdlElement | null;
  /** Every child of the response wrapper in order: more than `response` when WCF out parameters ride along (SoPrincipal's Authenticate*). */
  results: WsdlElement[];
  /** soap:header parts of the binding input, in order (element names, e.g. "ApplicationToken"). */
  requestHeaders: WsdlHeader[];
  /** soap:header parts of the binding output (ExceptionInfo, ExtraInfo, Succeeded, TimeZone). */
  responseHeaders: WsdlHeader[];
  line: number;
}

export interface QualifiedName {
  name: string;
  namespace: string;
}

export interface WsdlHeader {
  /** Part name, e.g. "Credentials". */
  name: string;
  /** Header element's qualified name and type, e.g. Credentials: SoCredentials. */
  element: QualifiedName;
  type: string;
}

export interface WsdlElement {
  name: string;
  type: string;
  /** minOccurs="0" */
  optional: boolean;
  nillable: boolean;
  line: number;
}

// ---------------------------------------------------------------- SOAP op pages

/** A piece of documentation and the file line it was found on (its provenance). */
export interface LineDoc {
  text: string;
  line: number;
}

export interface ParsedSoapPage {
  source: SourceRef;
  /** "Services88"; from the title, namespace or endpoint, not from the folder. */
  version: string;
  agent: string;
  operation: string;
  /** Prose description, cleaned to plain text with inline code for cref; "" when none. */
  description: string;
  /** Parameter docs keyed by the page's spelling (usually camelCase: "personId"), each with its own line. */
  paramDocs: Record<string, LineDoc>;
  returnsDoc: string;
}

/**
 * A SOAP page as its parser reads it: the docs, and the raw example envelopes when the page has
 * them. The examples are for checking pages against the runtime (tests/e2e/soap-examples.test.ts);
 * the model reads none, so parseFile leaves them out of what it hands on (most of a page's bytes).
 */
export interface SoapPageReading extends ParsedSoapPage {
  requestExample: string | null;
  responseExample: string | null;
}

// ---------------------------------------------------------------- REST op pages

/** A JSON body that is an object of properties, a bare value (an id array, say), or none at all. */
export type BodyKind = "none" | "object" | "value";

export interface ParsedRestPage {
  source: SourceRef;
  agent: string;
  operation: string;
  method: string;
  /** e.g. "/api/v1/Agents/User/SetExternalUserInfo" (no query string). */
  path: string;
  description: string;
  /** "int32/bool, no samples" (older) or "Integer/Boolean with samples" (newer). */
  generation: "old" | "new";
  queryParams: RestPageParam[];
  bodyKind: BodyKind;
  bodyProperties: RestPageParam[];
  /** Name after "Response body:", when present. */
  responseType: string | null;
}

export interface RestPageParam {
  name: string;
  /** As printed on the page: "int32", "Integer", "string", "array"… */
  type: string;
  doc: string;
  required: boolean;
  line: number;
}


// ---------------------------------------------------------------- OpenAPI

export interface ParsedOpenApi {
  source: SourceRef;
  /** Agent name from the paths (/api/v1/Agents/<Agent>/…). */
  agent: string;
  operations: OpenApiOperation[];
  /** Carrier docs keyed by short schema name ("User", "TableRight"). */
  schemas: Record<string, OpenApiSchemaDoc>;
}

export interface OpenApiOperation {
  /** Operation name: the last path segment ("SetExternalUserInfo"). */
  name: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  /** Query parameters other than $select, in order. */
  queryParams: { name: string; required: boolean; doc: string }[];
  bodyKind: BodyKind;
  /** The request body's description ("The ids of the items to delete."); "" when none. */
  bodyDoc: string;
  /** Request body property names in schema order; [] when there is no body or it is a bare value. */
  bodyProperties: { name: string; doc: string; enum?: string[] }[];
  /** The enum names a success response of an enum type lists (Workflow.SetStatusOnWorkflow); [] otherwise. */
  responseEnum: string[];
  /**
   * Media types of a success response that is raw bytes (a string of format binary or byte under
   * a media type other than JSON/XML: BLOB.GetBlobStream's application/octet-stream, image/*),
   * in file order; [] when the response is JSON.
   */
  binaryMediaTypes: string[];
  line: number;
}

export interface OpenApiSchemaDoc {
  description: string;
  fields: Record<string, string>;
  /** Enum names a property lists (an enum or flags field, or an array of them), by property name. */
  enums: Record<string, string[]>;
  /** The line of the schema's name under components/schemas: the provenance of its description and field docs. */
  line: number;
}
