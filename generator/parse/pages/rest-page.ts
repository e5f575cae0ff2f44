/**
 * REST agent operation pages, both generations: the older one (`int32`/`bool`,
 * no samples) and the newer one (`Integer`/`Boolean`, Sample request/response
 * blocks, and a "Response body" table even on 204 responses).
 */
import { agentPathOf, quoted } from "../names.js";
import type { DiagnosticSink } from "../../diagnostics.js";
import type { ParsedRestPage, ParseResult } from "../types.js";
import { cleanProse } from "./prose.js";
import { readBody, readRestPageLayout, sectionTable, type RestLayout } from "./rest-layout.js";
import { runParser } from "./source.js";

export function parseRestPage(text: string, path: string): ParseResult<ParsedRestPage> {
  return runParser(path, (sink) => readRestPageLayout(text, path, sink, "POST /api/v1/Agents/User/GetUser", (layout, into) => readRestPage(layout, path, into)));
}

function readRestPage(layout: RestLayout, path: string, sink: DiagnosticSink): ParsedRestPage {
  const { requestLine, method, urlPath, sections } = layout;
  // Only a plain agent path can become the client's URL; any other page documents nothing.
  const agentPath = agentPathOf(urlPath);
  if (!agentPath) sink.warning(requestLine, "rest.not-an-agent-path", `${quoted(urlPath)} is not an /api/v1/Agents/<Agent>/<Operation> path.`);
  return {
    source: { path, line: requestLine },
    agent: agentPath?.agent ?? "",
    operation: agentPath?.operation ?? urlPath.slice(urlPath.lastIndexOf("/") + 1),
    method,
    path: urlPath,
    description: cleanProse(sections[0].blocks.map((block) => block.source).join("\n\n")),
    generation: layout.hasSamples ? "new" : "old",
    queryParams: sectionTable(sections, "Query String Parameters").filter((param) => param.name !== "$select"),
    ...readBody(sections, sink),
    responseType: layout.responseType,
  };
}
