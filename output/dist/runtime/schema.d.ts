import type { Resolved, ResolvedCarrier, SchemaIndex } from "./descriptors.js";
import type { HttpResult } from "./http.js";
import type { XmlWriter } from "./xml-write.js";
import type { XmlElement } from "./xml-parse.js";
/**
 * Compact type descriptors that generated code hands to the runtime, so
 * serialisation logic lives here once instead of being repeated per operation.
 *
 * A type reference is a string: a key of `AgentSchema.types` (a carrier, enum, array or
 * dictionary, or an XSD primitive by local name, "int", "string", "dateTime", "guid", …, whose
 * entry is the runtime's codec of it: `int: INT`), "anyType", or an array reference ending in
 * "[]" (a key of `types` describing the array's wire shape, or, where that is left out, an array
 * of a carrier of `types` whose items are that carrier's elements, in its namespace, nil ones
 * left out).
 */
export type TypeRef = string;
/** Bit flags of a field: may be null (xsi:nil) / may be left out (minOccurs 0). */
export declare const NILLABLE = 1;
export declare const OPTIONAL = 2;
/**
 * Both flags. Generated descriptors use it rather than `NILLABLE | OPTIONAL`: a bundler cannot
 * tell that an operator on imported values has no side effects, and would keep every descriptor.
 */
export declare const NILLABLE_OPTIONAL: number;
/** [wire name, type, NILLABLE | OPTIONAL] in schema sequence order. */
export type FieldDescriptor = readonly [name: string, type: TypeRef, flags?: number];
/**
 * A carrier's fields written as one text, as the generator prints them: the fields in schema
 * sequence order, separated by spaces, each `Name:type`, with `!` after the name when it may not
 * be left out (not OPTIONAL; WCF makes nearly every field optional, so that is the default) and
 * `?` after the type when it may be nil (NILLABLE, as a C# nullable type), and `Name` alone for
 * an optional nillable string (the commonest field, so `Name` is `Name:string?`):
 * `"AssociateId:int Name Person:Person? Roles!:Role[]"` is
 * `[["AssociateId", "int", OPTIONAL], ["Name", "string", NILLABLE_OPTIONAL], ["Person", "Person", NILLABLE_OPTIONAL], ["Roles", "Role[]"]]`.
 * Wire names and type references hold no space, colon, `!` or `?`, so the text is unambiguous;
 * `carrierFields` (descriptors.ts) reads it.
 */
export type FieldsText = string;
export type TypeDescriptor = CarrierDescriptor | EnumDescriptor | ArrayDescriptor | DictionaryDescriptor | PrimitiveDescriptor;
/**
 * How the runtime converts one XSD primitive (values.ts: XML_INT, JSON_DATE_TIME, …; `XSD_TYPES`
 * has them all by type name). A types record names the codec of each primitive its types use, so a
 * bundle carries those and no table of every primitive. A codec converts for one transport (the
 * XML pair or the JSON pair, `XmlPrimitive` / `JsonPrimitive`), so a bundle carries no conversion of
 * the other, or for both (`XSD_TYPES`, for records written by hand). Each transport's generated
 * records name its own codecs, so each transport calls its pair as present: a codec of the other
 * transport in its record is a descriptor bug, and a TypeError. Each conversion takes the type's
 * name for its messages and throws ValueError (never quoting the value).
 */
export interface PrimitiveDescriptor {
	readonly kind: "primitive";
	/** The value of an XML text (SOAP responses). */
	readonly read?: (text: string, type: string) => unknown;
	/** The XML text of a request value (SOAP requests). */
	readonly write?: (value: unknown, type: string) => string;
	/** The value of a parsed JSON value (REST responses). */
	readonly revive?: (value: unknown, type: string) => unknown;
	/** The JSON value of a request value (REST bodies). */
	readonly json?: (value: unknown, type: string) => unknown;
}
/** A codec of SOAP's: the XML pair. */
export type XmlPrimitive = PrimitiveDescriptor & Required<Pick<PrimitiveDescriptor, "read" | "write">>;
/** A codec of REST's: the JSON pair. */
export type JsonPrimitive = PrimitiveDescriptor & Required<Pick<PrimitiveDescriptor, "revive" | "json">>;
export interface CarrierDescriptor {
	/** May be left out: a descriptor without a kind is a carrier (generated ones leave it out). */
	readonly kind?: "carrier";
	/** Namespace of the carrier's child elements. Left out where it is the agent's (`SoapSchema.ns`, the XML writer's default), as the generated descriptors leave it; only the XML writer reads it. */
	readonly ns?: string;
	/** Base carrier: its fields come first on the wire. */
	readonly base?: TypeRef;
	/**
	 * Carriers derived directly from this one (WCF known types): a value declared as this
	 * carrier may be one of them, named by `xsi:type` in XML and told by its fields in JSON.
	 */
	readonly derived?: readonly TypeRef[];
	/** As tuples (hand-written descriptors) or as one text (generated ones, shorter in a bundle). */
	readonly fields: readonly FieldDescriptor[] | FieldsText;
}
export interface EnumDescriptor {
	readonly kind: "enum";
	/** `xs:list` flags: an array of names, space-separated in XML. */
	readonly flags?: boolean;
	/** Flags: the name the REST API gives the empty set (`Unknown`, `None`), when its OpenAPI file lists one. */
	readonly empty?: string;
}
/** The descriptors of enums that are not flags, and of flags without a name for the empty set: one object each that every descriptor shares. */
export declare const ENUM: EnumDescriptor;
export declare const FLAGS: EnumDescriptor;
export interface ArrayDescriptor {
	readonly kind: "array";
	/** Namespace of the item elements (Serialization Arrays namespace for ArrayOfint/ArrayOfstring). Left out where it is the agent's (`SoapSchema.ns`, the XML writer's default), as the generated descriptors leave it; only the XML writer reads it. */
	readonly ns?: string;
	readonly item: TypeRef;
	/** Item element name, e.g. "int", "string", "CustomCommand"; absent when it is the item type's name. */
	readonly element?: string;
	/**
	 * Set where the schema's items are not nillable (ArrayOfint…): a nil item is a ResponseParseError.
	 * Elsewhere a nil item is left out, since an array is `X[]` and holds no null.
	 */
	readonly itemsNotNil?: true;
}
export interface DictionaryDescriptor {
	readonly kind: "dictionary";
	/** Namespace of the entries and their Key and Value. Left out where it is the agent's (`SoapSchema.ns`, the XML writer's default), as the generated descriptors leave it; only the XML writer reads it. */
	readonly ns?: string;
	/** Entry element, e.g. "StringKeyValuePair"; it holds Key and Value elements. */
	readonly entry: string;
	readonly key: TypeRef;
	readonly value: TypeRef;
	/** Set where the entry's Value is not nillable (ArrayOfKeyValueOfstringint): a nil or missing value is a ResponseParseError. */
	readonly valueNotNil?: true;
}
/** Type descriptors by name: what the references of an agent or an operation resolve against. */
export type TypeRecord = Readonly<Record<string, TypeDescriptor>>;
/** Everything the runtime needs to put one agent on the wire. */
export interface AgentSchema {
	/** Agent name, e.g. "User". */
	readonly name: string;
	/** Target namespace of requests, responses and headers. */
	readonly ns: string;
	/** Service path below the base URL, e.g. "Remote/Services88/User.svc". */
	readonly endpoint: string;
	/** Types reachable from this agent's operations and headers. */
	readonly types: TypeRecord;
	/**
	 * Request headers the binding declares (element names: ApplicationToken, Credentials,
	 * TimeZone); no other is sent. Absent: every header the client has (`SOAP_REQUEST_HEADERS`,
	 * which the generated bindings leave out where they declare them all, as nearly all do).
	 */
	readonly requestHeaders?: readonly string[];
	/** Response headers the binding declares: [element name, type]. */
	readonly responseHeaders: readonly (readonly [name: string, type: TypeRef])[];
}
export interface OperationDescriptor {
	readonly name: string;
	/**
	 * The SOAPAction header; absent: `${schema.ns}/${schema.name}/${name}`, as NetServer names its
	 * operations (an empty one is sent empty; `soapActionOf`). The generated descriptors give this
	 * and the wrapper elements only where they differ from what the runtime takes when they are absent.
	 */
	readonly soapAction?: string;
	/** Request wrapper element; absent: the operation's `name` (`requestElementOf`). */
	readonly request?: string;
	/** Response wrapper element; absent: `${name}Response` (`responseElementOf`; SoPrincipal.AuthenticateGeneric's is `AuthenticateResponse`). */
	readonly response?: string;
	readonly params: readonly FieldDescriptor[];
	/** Type of the `Response` element; null for void. */
	readonly returns: TypeRef | null;
	/** Set when the `Response` element is not nillable: an absent or nil value is a ResponseParseError, never `null`. */
	readonly returnsNonNull?: boolean;
	/**
	 * The value is bytes (a stream: BLOB.GetBlobStream): the call resolves to a Uint8Array, decoded
	 * from base64 over SOAP (`decodeBytes`), read raw over REST (`rest.accept`, `rest.readBytes`).
	 */
	readonly bytes?: boolean;
	/**
	 * Set when the response carries more than `Response` (WCF out parameters): a
	 * carrier of `types` describing every part, read from the wrapper (SOAP) or the
	 * JSON object (REST); the call then resolves to that object.
	 */
	readonly results?: TypeRef;
	/** Request headers this operation's binding declares, when they differ from `AgentSchema.requestHeaders`. */
	readonly headers?: readonly string[];
	/**
	 * The runtime's `writeXmlTree`, where a parameter is a carrier, array, dictionary, anyType or
	 * flags (SOAP: plain enums and primitives the envelope writes itself): named here rather than
	 * called by the transport, so a call with simple parameters bundles none of it. Such a parameter
	 * of a descriptor without it is a TypeError (a descriptor bug).
	 */
	readonly write?: XmlTreeWrite;
	/**
	 * The runtime's `readAnyType` (xml-read.ts), where the value the operation answers holds an
	 * anyType (SOAP): named here rather than called by the reader, so a call that reads none
	 * bundles neither it nor the table of every primitive it reads an `xsi:type="x:int"` by. An
	 * anyType value read without it is a TypeError (a descriptor bug).
	 */
	readonly readAny?: AnyTypeRead;
	/**
	 * The runtime's `fromBase64` (values.ts), where the operation answers bytes (`bytes`, SOAP): the
	 * envelope decodes the answer by it, so other calls bundle no base64 decoder. The generated
	 * descriptors name it wherever they say `bytes`; without it the answer stays its base64 text.
	 */
	readonly decodeBytes?: (text: string) => Uint8Array;
	readonly rest: RestDescriptor;
	/**
	 * The types this operation's parameters and results reach (bases and derived carriers
	 * included). When set, the call resolves by these instead of the schema's `types` (over REST,
	 * `rest.types` comes first): the generated descriptors give each operation its own record, so
	 * a bundler keeps only the types of the operations an app calls.
	 */
	readonly types?: TypeRecord;
}
/**
 * An agent schema whose operations may carry their own `types` (generated descriptors). Response
 * headers are read by the schema's `types` when it has them, else by the operation's.
 */
export type SoapSchema = Omit<AgentSchema, "types"> & {
	readonly types?: TypeRecord;
};
/** What the REST transport reads of an agent schema: the name (hooks, errors) and, when its operations carry none, the types. */
export type RestSchema = Pick<AgentSchema, "name"> & {
	readonly types?: TypeRecord;
};
/** The REST half of an operation: what RestTransport reads, nothing of the SOAP binding. */
export type RestOperationDescriptor = Omit<OperationDescriptor, "soapAction" | "request" | "response" | "headers" | "write" | "readAny" | "decodeBytes">;
/** The SOAP half of an operation: what SoapTransport reads, nothing of the REST path. */
export type SoapOperationDescriptor = Omit<OperationDescriptor, "rest">;
/** An operation's SOAPAction: its descriptor's, else `${schema.ns}/${schema.name}/${name}`, as NetServer names its operations. */
export declare function soapActionOf(schema: Pick<SoapSchema, "ns" | "name">, op: Pick<OperationDescriptor, "name" | "soapAction">): string;
/** An operation's request wrapper element: its descriptor's, else the operation's name. */
export declare function requestElementOf(op: Pick<OperationDescriptor, "name" | "request">): string;
/** An operation's response wrapper element: its descriptor's, else `${name}Response`. */
export declare function responseElementOf(op: Pick<OperationDescriptor, "name" | "response">): string;
/** An operation's HTTP method over REST: its descriptor's, else POST. */
export declare function restMethodOf(op: {
	readonly rest: Pick<RestDescriptor, "method">;
}): string;
/** An operation's path over REST: its descriptor's, else `/api/v1/Agents/${schema.name}/${name}`, as the WebAPI names agent operations. */
export declare function restPathOf(schema: Pick<RestSchema, "name">, op: {
	readonly name: string;
	readonly rest: Pick<RestDescriptor, "path">;
}): string;
export interface RestDescriptor {
	/** Absent: POST, as every agent operation is sent (`restMethodOf`). */
	readonly method?: string;
	/** e.g. "/api/v1/Agents/User/GetUser"; absent: `/api/v1/Agents/${schema.name}/${name}` (`restPathOf`). */
	readonly path?: string;
	/** [query parameter name, request property it takes its value from]. */
	readonly query?: readonly (readonly [name: string, param: string])[];
	/** The request property whose value is the whole JSON body (a Save…Entity carrier, an id array). */
	readonly body?: string;
	/**
	 * [body property name, request property it takes its value from], for the few parameters the
	 * REST API names differently from the WSDL (User.ExecuteUserCommand: ActionResult ← CommandActionResult).
	 */
	readonly rename?: readonly (readonly [name: string, param: string])[];
	/** `Accept` of an operation answering raw bytes (`bytes`): the media types the OpenAPI file lists. */
	readonly accept?: string;
	/**
	 * The runtime's `writeJsonBody`, where the operation sends parameters in the body (`body`, or a
	 * parameter not in the query): named here rather than called by the transport, so a call that
	 * sends none bundles no JSON writer. Such an operation's descriptor without it is a TypeError
	 * (a descriptor bug).
	 */
	readonly write?: JsonBodyWriter;
	/** The runtime's `readBytes` (rest.ts), where the operation answers bytes (`bytes`); without it such an answer is a TypeError. */
	readonly readBytes?: BytesReader;
	/**
	 * The runtime's `pickDerivedByFields` (json.ts), where what the operation answers may hold a
	 * carrier with derived carriers (JSON names no type: they are told by their fields). Reviving
	 * such a carrier without it is a TypeError (a descriptor bug).
	 */
	readonly derive?: DerivedPicker;
	/**
	 * The types the call resolves by over REST, before the operation's own `types` (generated
	 * descriptors: a record naming the JSON codecs, while `types` of the SOAP half names the XML
	 * ones). Here, inside the REST half, so both halves merged into one descriptor (an agent class's
	 * call) still give each transport its own record.
	 */
	readonly types?: TypeRecord;
}
/** The carrier a JSON object declared as `declared` (which has derived carriers) is revived as (json.ts `pickDerivedByFields`). */
export type DerivedPicker = (index: SchemaIndex, record: Readonly<Record<string, unknown>>, declared: ResolvedCarrier) => ResolvedCarrier;
/** Reads a 2xx answer of an operation that answers bytes (rest.ts `readBytes`). */
export type BytesReader = (response: HttpResult, operation: string) => Uint8Array | null;
/** Reads an anyType element, given the XSD type its xsi:type names, if any (xml-read.ts `readAnyType`). */
export type AnyTypeRead = (el: XmlElement, xsdType: string | undefined) => unknown;
/** Writes a value the envelope does not write itself (no primitive) as element `tag` through `writer` (xml-write.ts `writeXmlTree`). */
export type XmlTreeWrite = (writer: XmlWriter, tag: string, resolved: Exclude<Resolved, PrimitiveDescriptor>, value: unknown) => void;
/** The JSON body of a REST call by `types`, from its request and the parameters sent in the query instead (json.ts `writeJsonBody`). */
export type JsonBodyWriter = (types: TypeRecord, op: RestOperationDescriptor, request: Readonly<Record<string, unknown>>, inQuery: ReadonlySet<string>) => unknown;
