/**
 * What the entity parsers hand to the model: the REST entity half of the WebAPI
 * (`GET/POST/PUT/PATCH/DELETE /api/v1/<Entity>…`), from the entity OpenAPI files and the
 * older-generation entity pages. Plain JSON, one value per file.
 *
 * Type references use the model's vocabulary (model/types.ts) with one parse-stage addition:
 * a dictionary (`object` with `additionalProperties`) is written `V{}` (`string{}`,
 * `FieldProperty{}`), because the parser cannot know which named dictionary of a version
 * carries it; the model resolves it per version.
 */
import type { SourceRef } from "./types.js";
import { isSafeName } from "./names.js";

/** "Calls the Contact agent service GetContactEntity". */
export interface AgentOperationRef {
  agent: string;
  operation: string;
}

export interface EntityParamInput {
  name: string;
  type: string;
  required: boolean;
  /** Allowed values of an inline string enum (`$mode`: Slim, Wide, Full). */
  values?: string[];
  doc: string;
}

/** How a request body travels: JSON, a JSON Patch document, or multipart form fields. */
export type EntityBodyEncoding = "json" | "json-patch" | "form-data";

export interface EntityBodyInput {
  encoding: EntityBodyEncoding;
  /** The JSON value's type; for json-patch the carrier being patched ("" when the page does not say). */
  type: string;
  required: boolean;
  /** The source also offers JSON Merge Patch (`application/merge-patch+json`). */
  mergePatch: boolean;
  /** Form fields of a form-data body (`image`: base64Binary). */
  formFields: EntityParamInput[];
  doc: string;
}

export interface EntityResponseInput {
  status: number;
  /** Type of the JSON body; null when the status has none. */
  type: string | null;
  /** Media types of a body that is not JSON (an image); absent otherwise. */
  media?: string[];
  doc: string;
}

export interface EntityOperationInput {
  /** e.g. "v1ContactEntity_GetContactEntity" */
  operationId: string;
  method: string;
  /** e.g. "/api/v1/Contact/{id}" */
  path: string;
  summary: string;
  description: string;
  pathParams: EntityParamInput[];
  query: EntityParamInput[];
  body: EntityBodyInput | null;
  responses: EntityResponseInput[];
  agentOperation: AgentOperationRef | null;
  line: number;
}

/** A component schema of an entity OpenAPI file, fields as model type references. */
export interface OpenApiShape {
  /** e.g. "SuperOffice.WebApi.v1.Carriers.ContactCarriers.ContactEntityWithLinks" */
  fullName: string;
  description: string;
  /** Defined by the WebAPI itself (…WithLinks, OData results), so no WSDL of any version has it. */
  restOnly: boolean;
  fields: EntityParamInput[];
  line: number;
}

export interface ParsedEntityOpenApi {
  source: SourceRef;
  /** Entity name from the paths: the segment after /api/v1/ most of them share ("Contact"). */
  entity: string;
  operations: EntityOperationInput[];
  /** Component schemas by short name ("ContactEntityWithLinks"). */
  schemas: Record<string, OpenApiShape>;
}

export interface ParsedEntityPage {
  source: SourceRef;
  /** From the request line's first segment after /api/v1/. */
  entity: string;
  /** The page uid (`v1ContactEntity_PatchContactEntity`), else the file name. */
  operationId: string;
  operation: EntityOperationInput;
}

/** "Calls the Contact agent service GetContactEntity" and "Calls the {SuperOffice.CRM.Services.IContactAgent} service SaveContactEntity". */
export function agentOperationOf(text: string): AgentOperationRef | null {
  const match = /Calls the (?:\{[\w.]*?\.I(\w+?)Agent\}|(\w+) agent) service (\w+)/.exec(text);
  if (!match) return null;
  return { agent: match[1] ?? match[2] ?? "", operation: match[3] ?? "" };
}

/**
 * An entity endpoint's description without the "Calls the X agent service Y…" line that
 * agentOperationOf reads (the model keeps it as `agentOperation`): the one cleanup of that line,
 * for pages and OpenAPI files alike. Any other "Calls the Archive service…" line says something
 * the model does not, and stays.
 */
export function withoutAgentCall(description: string): string {
  return description.replace(/\s*Calls the (?:\{[\w.]*?\.I\w+?Agent\}|\w+ agent) service \w+[^\n]*/, "").trim();
}

/** The entity an /api/v1/… path belongs to: its first segment ("Contact"), "" for an agent path. */
export function entityOfPath(urlPath: string): string {
  const segment = /^\/api\/v1\/([^/{}?]+)/.exec(urlPath)?.[1] ?? "";
  // The name becomes identifiers, file names and string literals: a name that is not plain is none.
  return segment === "Agents" || !isSafeName(segment) ? "" : segment;
}
