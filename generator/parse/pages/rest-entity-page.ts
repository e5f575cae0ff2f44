/**
 * Older-generation REST entity pages (`v1ContactEntity_GetContactEntity.md`): `# GET Contact/{id}`,
 * a ```http request line, a path-part table, query, body and response tables, and
 * "Calls the Contact agent service GetContactEntity". Page types are the page's words
 * (`int32`, `bool`, `date-time`); they are mapped to the model's vocabulary here.
 */
import { basename } from "node:path";
import type { DiagnosticSink } from "../../diagnostics.js";
import { agentOperationOf, entityOfPath, withoutAgentCall, type EntityBodyInput, type EntityParamInput, type EntityResponseInput, type ParsedEntityPage } from "../entity-types.js";
import type { ParseResult, RestPageParam } from "../types.js";
import { plainOf } from "./page-blocks.js";
import { cleanProse } from "./prose.js";
import { firstTable, readBody, readRestPageLayout, sectionTable, tableParams, type RestLayout, type Section } from "./rest-layout.js";
import { ownKeysOnly } from "../../util/records.js";
import { runParser } from "./source.js";

export function parseRestEntityPage(text: string, path: string): ParseResult<ParsedEntityPage> {
  return runParser(path, (sink) => readRestPageLayout(text, path, sink, "GET /api/v1/Contact/{id}", (layout, into) => readEntityPage(layout, text, path, into)));
}

function readEntityPage(layout: RestLayout, text: string, path: string, sink: DiagnosticSink): ParsedEntityPage | null {
  const { requestLine, method, urlPath, sections } = layout;
  const entity = entityOfPath(urlPath);
  if (!entity) {
    sink.error(requestLine, "rest.not-an-entity-path", `"${urlPath}" is not an /api/v1/<Entity>/… path.`);
    return null;
  }
  const prose = sections[0].blocks.filter((block) => block.kind !== "table" && block.kind !== "code");
  const description = cleanProse(prose.map((block) => block.source).join("\n\n"));
  const uid = /^uid:\s*(\S+)\s*$/m.exec(text.slice(0, 2048))?.[1];
  const operationId = uid ?? basename(path).replace(/\.md$/i, "");
  const pathTable = sections[0].blocks.find((block) => block.kind === "table" && /path part/i.test(block.table.header.map(plainOf).join("")));
  const pathParams = pathTable?.kind === "table" ? tableParams(pathTable.table).map((param) => pageParam(param, true)) : [];
  const query = sectionTable(sections, "Query String Parameters").map((param) => pageParam(param, param.required));
  return {
    source: { path, line: requestLine },
    entity,
    operationId,
    operation: {
      operationId,
      method,
      path: urlPath,
      summary: "",
      description: withoutAgentCall(description),
      pathParams,
      query,
      body: pageBody(method, sections, sink),
      responses: pageResponses(sections, layout.responseType),
      agentOperation: agentOperationOf(description),
      line: requestLine,
    },
  };
}

/** "**Required**" in a path-part row comes at the end of the description. */
function pageParam(param: RestPageParam, required: boolean): EntityParamInput {
  const doc = param.doc.replace(/\s*\*\*Required\*\*\s*$/, "");
  return { name: param.name, type: pageType(param.type), required: required || doc !== param.doc, doc };
}

/** "Request Body: entity" with a carrier table, "Request Body: changes string" with op/path/value rows (JSON Patch). */
function pageBody(method: string, sections: Section[], sink: DiagnosticSink): EntityBodyInput | null {
  const { bodyKind, bodyProperties } = readBody(sections, sink);
  if (bodyKind === "none") return null;
  const section = sections.find((candidate) => candidate.title.startsWith("Request Body"));
  const text = section ? section.blocks.filter((block) => block.kind !== "table").map((block) => block.source).join("\n") : "";
  const names = bodyProperties.map((property) => property.name.toLowerCase()).sort().join(",");
  const isPatch = names === "op,path,value" || (method === "PATCH" && /JSON-?Patch/i.test(text));
  const [, , declared] = /^Request Body:?\s*(\S+)(?:\s+(\S+))?/.exec(section?.title ?? "") ?? [];
  return {
    encoding: isPatch ? "json-patch" : /\bbinary\b/.test(declared ?? "") ? "form-data" : "json",
    // The carrier a patch applies to, or a JSON body's type, is not on these pages: the model takes it from a sibling endpoint.
    type: isPatch || declared === undefined ? "" : pageType(declared),
    required: true,
    mergePatch: isPatch && /merge[- ]patch/i.test(text),
    formFields: [],
    doc: cleanProse(text),
  };
}

function pageResponses(sections: Section[], responseType: string | null): EntityResponseInput[] {
  const section = sections.find((candidate) => /^Response\b/.test(candidate.title));
  const table = section ? firstTable(section.blocks) : undefined;
  const responses: EntityResponseInput[] = [];
  for (const row of table?.rows ?? []) {
    const status = Number(row.cells[0] ? plainOf(row.cells[0]) : "");
    if (!Number.isInteger(status)) continue;
    const doc = row.cells[1] ? cleanProse(plainOf(row.cells[1])) : "";
    const ok = status >= 200 && status < 300 && status !== 204;
    responses.push({ status, type: ok && responseType ? pageType(responseType) : null, doc });
  }
  return responses;
}

/** Page type words → model references; anything else is taken as a type name ("ContactEntityWithLinks"). */
const PAGE_TYPES: Readonly<Record<string, string>> = Object.assign(ownKeysOnly<string>(), {
  int32: "int", integer: "int", int: "int", int64: "long", long: "long", string: "string", bool: "boolean", boolean: "boolean",
  "date-time": "dateTime", datetime: "dateTime", double: "double", number: "double", float: "float", byte: "base64Binary",
  binary: "base64Binary", object: "anyType", array: "anyType[]",
});

function pageType(word: string): string {
  const bare = word.trim();
  return PAGE_TYPES[bare.toLowerCase()] ?? (/^[A-Za-z_]\w*$/.test(bare) ? bare : "anyType");
}
