/**
 * The REST entity half of the model (`ServicesModel.entities`, CONTRACTS §3): every
 * `GET/POST/PUT/PATCH/DELETE /api/v1/<Entity>…` endpoint with its typed path and query
 * parameters, body and responses in the version's types.
 */
import type { DocProvenance, OperationSource } from "./types.js";

export interface Entity {
  /** First path segment after /api/v1/, e.g. "Contact", "List". */
  name: string;
  doc: string;
  docSource: DocProvenance | null;
  /** Sorted by name. */
  endpoints: EntityEndpoint[];
  /** OpenAPI files and pages the endpoints were read from, sorted. */
  sources: string[];
}

export interface EntityEndpoint {
  /** Unique within the entity: the operationId without its `v1ContactEntity_` prefix ("GetContactEntity"). */
  name: string;
  /** e.g. "v1ContactEntity_GetContactEntity" */
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | string;
  /** Path template, e.g. "/api/v1/Contact/{id}". */
  path: string;
  /** In template order. */
  pathParams: EntityParam[];
  /** Query parameters, the OData-style ones (`$select`, `$filter`, `$orderBy`, `$top`, `$skip`, …) included. */
  query: EntityParam[];
  body: EntityBody | null;
  /** Every status the sources name, ascending. */
  responses: EntityResponse[];
  /** The success response's type ("void" when it has none): what a call resolves to. */
  returns: string;
  /** The agent operation the WebAPI calls ("Calls the Contact agent service GetContactEntity"), when a source says. */
  agentOperation: { agent: string; operation: string } | null;
  doc: string;
  docSource: DocProvenance | null;
  /** Where method and path were taken from. */
  origin: "openapi" | "rest-page";
  sources: OperationSource[];
}

export interface EntityParam {
  name: string;
  /** A type reference of the version (int, string, dateTime, an enum…). */
  type: string;
  required: boolean;
  /** Allowed values of an inline string enum (`$mode`: Slim, Wide, Full); absent otherwise. */
  values?: string[];
  doc: string;
  docSource: DocProvenance | null;
}

export interface EntityBody {
  /** JSON; a JSON Patch document (RFC 6902) applied to `type`; or multipart form fields. */
  encoding: "json" | "json-patch" | "form-data";
  /** The JSON value's type, the patched carrier for json-patch, "" for form-data. */
  type: string;
  required: boolean;
  /** JSON Merge Patch (RFC 7396) of `type` is accepted too. */
  mergePatch: boolean;
  /** Form fields of a form-data body. */
  formFields: EntityParam[];
  doc: string;
}

export interface EntityResponse {
  status: number;
  /** Type of the JSON body; null when the status carries none. */
  type: string | null;
  /** Media types of a body that is not JSON (`image/png`, …); absent for JSON. */
  contentTypes?: string[];
  doc: string;
}
