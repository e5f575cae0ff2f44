/**
 * The operation model: one JSON-serialisable value per Services version.
 * It *is* `ir/<Version>.json` (CONTRACTS §3); emitters read nothing else.
 *
 * Type references (`Member.type`, `Operation.returns`, …) are strings:
 * XSD primitives by local name (`int`, `string`, `boolean`, `dateTime`, `long`,
 * `double`, `base64Binary`, `guid`, `char`, `duration`, `anyType`, …), named
 * carriers, enums and dictionaries by name, arrays with a `[]` suffix
 * (`ArrayOfX` → `X[]`). `void` only as an operation's return.
 */
import type { Entity } from "./entity-types.js";

export type * from "./entity-types.js";

/** Where a piece of documentation was taken from. */
export type DocOrigin = "soap-page" | "rest-page" | "openapi" | "previous-version";

export interface DocProvenance {
  origin: DocOrigin;
  /** Input file the text came from (cwd-relative, forward slashes). */
  path: string;
  line: number;
  /** Set when origin is "previous-version", e.g. "Services86". */
  version?: string;
}

export interface ServicesModel {
  version: string;
  /** Target namespace shared by the version's agents. */
  namespace: string;
  agents: Agent[];
  /** Carriers, enums, dictionaries and arrays shared by all agents; sorted by name. */
  types: TypeDef[];
  /**
   * The REST entity half of the WebAPI (`GET/POST/PUT/PATCH/DELETE /api/v1/<Entity>…`), sorted by
   * name; absent when the inputs describe no entity. See entities.ts beside this file.
   */
  entities?: Entity[];
}

export interface Agent {
  name: string;
  namespace: string;
  /** Service path relative to the base URL, e.g. "Remote/Services88/User.svc". */
  endpoint: string;
  doc: string;
  docSource: DocProvenance | null;
  /** SOAP headers the binding declares for any of the agent's operations, each once (see `Operation.requestHeaders`). */
  requestHeaders: Header[];
  responseHeaders: Header[];
  /** Sorted by name. */
  operations: Operation[];
  /** WSDL file(s) the agent was read from. */
  sources: string[];
}

export interface Header {
  /** Element name on the wire, e.g. "Credentials". */
  name: string;
  /** Its type, e.g. "SoCredentials". */
  type: string;
}

export interface Operation {
  name: string;
  soapAction: string;
  rest: RestEndpoint;
  params: Member[];
  /** "void" or a type reference. */
  returns: string;
  returnsNillable: boolean;
  doc: string;
  docSource: DocProvenance | null;
  returnsDoc: string;
  returnsDocSource: DocProvenance | null;
  /**
   * Every part of the response, in order, when it carries more than the Response
   * value (WCF out parameters: SoPrincipal's Authenticate* return the ticket in
   * Credentials); [] otherwise. When set, a call resolves to an object of these parts.
   */
  results: Member[];
  /**
   * Element names of the request headers the binding declares for this operation, in order
   * (SoPrincipal's operations declare only ApplicationToken); the client sends no others.
   */
  requestHeaders: string[];
  /** Request/response wrapper element names in the agent namespace. */
  requestElement: string;
  responseElement: string;
  /** Every input that describes this operation (WSDL, SOAP page, REST page, OpenAPI). */
  sources: OperationSource[];
}

export interface OperationSource {
  kind: "wsdl" | "soap-page" | "rest-page" | "openapi";
  path: string;
  line: number;
}

export interface RestEndpoint {
  method: string;
  /** e.g. "/api/v1/Agents/User/GetUser" */
  path: string;
  /** Parameters the REST API takes in the query string instead of the body. */
  query: RestQueryParam[];
  /** Body property names in order (wire names, PascalCase). */
  body: string[];
  /**
   * Set when the REST body is one parameter's value rather than an object of
   * parameters: a carrier (Save…Entity operations; `body` lists its fields) or a
   * bare value such as an id array (`body` is empty).
   */
  bodyParam: string | null;
  /**
   * Body properties the REST API names differently from the WSDL parameter they carry
   * (User.ExecuteUserCommand: the body's `ActionResult` is the WSDL's `CommandActionResult`).
   * Present only when there is one.
   */
  bodyRenames?: RestBodyRename[];
  /**
   * Set when the REST API answers with raw bytes (the OpenAPI file's binary media types, sent as
   * `Accept`) and the WSDL returns base64Binary: the call resolves to a Uint8Array over either
   * transport. Present only then.
   */
  binaryResponse?: string[];
  /** Where method and path were taken from. */
  origin: "openapi" | "rest-page" | "convention";
}

export interface RestQueryParam {
  /** Query parameter name, e.g. "userId". */
  name: string;
  /** The operation parameter it carries, e.g. "UserId". */
  param: string;
  required: boolean;
}

export interface RestBodyRename {
  /** Property name in the REST body, e.g. "ActionResult". */
  name: string;
  /** The operation parameter it carries, e.g. "CommandActionResult". */
  param: string;
}

/**
 * A named, typed value inside something else: an operation parameter (`Operation.params`), a part
 * of a multi-part response (`Operation.results`) or a carrier field (`CarrierType.fields`).
 */
export interface Member {
  name: string;
  /** A type reference (see type-ref.ts beside this file). */
  type: string;
  /** minOccurs="0": the element may be left out. */
  optional: boolean;
  /** nillable="true": the element may carry xsi:nil. */
  nillable: boolean;
  doc: string;
  docSource: DocProvenance | null;
}

export type TypeDef = CarrierType | EnumType | DictionaryType | ArrayType;

interface TypeBase {
  name: string;
  /**
   * Set to "openapi" for a shape only the entity OpenAPI files define (`ContactEntityWithLinks`,
   * OData results, or a carrier the version's WSDLs lack); absent for WSDL types.
   */
  origin?: "openapi";
  /** Schema namespace the type (and, for carriers, its elements) lives in. */
  namespace: string;
  doc: string;
  docSource: DocProvenance | null;
  /** Agents whose WSDL defines the type. */
  definedBy: string[];
}

export interface CarrierType extends TypeBase {
  kind: "carrier";
  /** Base carrier from complexContent/extension, or null. */
  base: string | null;
  /** Own fields in sequence order (base fields are not repeated). */
  fields: Member[];
  /**
   * Carriers derived directly from this one (WCF known types), sorted: set when a value is
   * declared as this carrier (or a carrier it derives from) and may arrive as one of these,
   * named by `xsi:type`. Absent otherwise (`Carrier`, the base of nearly all, declared nowhere).
   */
  derived?: string[];
}

export interface EnumType extends TypeBase {
  kind: "enum";
  /** True for `xs:list` flag enums: values travel space-separated (SOAP) or comma-separated (REST). */
  flags: boolean;
  /** Underlying numeric type from the ActualType annotation, e.g. "short"; "int" when absent. */
  underlying: string;
  values: EnumValue[];
  /**
   * The names the OpenAPI files list for properties, parameters or results of this enum, merged
   * in first-seen order, when any does (they may differ from `values`: the REST API lists a flags
   * enum's zero name, `None`/`Unknown`, and combined names such as `All` that the WSDL leaves out).
   */
  restValues?: string[];
  /** The first OpenAPI file that lists them. */
  restValuesSource?: DocProvenance;
}

export interface EnumValue {
  name: string;
  /** From the EnumerationValue annotation; null when the schema leaves it implicit. */
  value: number | null;
}

export interface DictionaryType extends TypeBase {
  kind: "dictionary";
  /** Entry element name, e.g. "StringKeyValuePair". */
  entryElement: string;
  keyType: string;
  valueType: string;
  /**
   * Whether an entry's Value may be xsi:nil (nillable="true" on the WSDL's Value element);
   * absent for a dictionary only the OpenAPI files define, which says nothing (read: nillable).
   */
  valueNillable?: boolean;
}

/** `ArrayOfX`: referenced as `X[]`; kept so writers know the item element and namespace. */
export interface ArrayType extends TypeBase {
  kind: "array";
  itemType: string;
  itemElement: string;
  /**
   * The WSDL lets an item be nil (WCF marks carrier and string items so). The array is still `X[]`:
   * the runtime leaves a nil item out where this is set and refuses it where it is not.
   */
  itemNillable: boolean;
}
