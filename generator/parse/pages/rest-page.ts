/**
 * REST agent operation pages, both generations: the older one (`int32`/`bool`,
 * no samples) and the newer one (`Integer`/`Boolean`, Sample request/response
 * blocks, and a "Response body" table even on 204 responses).
 */
import { basename } from "node:path";
import { agentPathOf, quoted } from "../names.js";
import type { Code, Heading, Nodes, Root, RootContent, Table } from "mdast";
import type { DiagnosticSink } from "../../diagnostics.js";
import type { HttpSample, ParsedRestPage, ParseResult, RestPageParam } from "../types.js";
import { childrenSource, frontMatterOf, nodeSource, parseMarkdown, plainText, reportUnclosedFences, scanMarkdownLines, splitFrontMatter, startLine } from "./markdown.js";
import type { FencedBlock, LineHeading } from "./markdown.js";
import { cleanProse, isInlineLabelHeading } from "./prose.js";
import { ownKeysOnly } from "../../util/records.js";
import { runParser } from "./source.js";

export function parseRestPage(text: string, path: string): ParseResult<ParsedRestPage> {
  return runParser(path, (sink) => readRestPage(text, path, sink));
}

function readRestPage(text: string, path: string, sink: DiagnosticSink): ParsedRestPage | null {
  const layout = readRestLayout(text, path, sink, "POST /api/v1/Agents/User/GetUser");
  if (!layout) return null;
  const { requestBlock, method, urlPath, sections, markdown, fences } = layout;
  // Only a plain agent path can become the client's URL; any other page documents nothing.
  const agentPath = agentPathOf(urlPath);
  if (!agentPath) sink.warning(startLine(requestBlock), "rest.not-an-agent-path", `${quoted(urlPath)} is not an /api/v1/Agents/<Agent>/<Operation> path.`);
  const sampleRequest = sample(fences, "Sample request");
  const sampleResponse = sample(fences, "Sample response");
  return {
    source: { path, line: startLine(requestBlock) },
    agent: agentPath?.agent ?? "",
    operation: agentPath?.operation ?? urlPath.slice(urlPath.lastIndexOf("/") + 1),
    method,
    path: urlPath,
    description: cleanProse(sections[0].nodes.map((node) => nodeSource(node, markdown)).join("\n\n")),
    generation: sampleRequest || sampleResponse ? "new" : "old",
    queryParams: sectionTable(sections, "Query String Parameters", markdown).filter((param) => param.name !== "$select"),
    ...readBody(sections, markdown, sink),
    responseType: layout.responseType,
    sampleRequest,
    sampleResponse,
  };
}

/** What agent and entity REST pages share: the request line, the sections after it, the response type. */
export interface RestLayout {
  requestBlock: Code;
  method: string;
  /** Without the query string. */
  urlPath: string;
  sections: Section[];
  /** The page up to its samples (what remark parsed; node offsets point into it). */
  markdown: string;
  fences: FencedBlock[];
  responseType: string | null;
}

/** Reads a REST page's layout; null (with a diagnostic) for an overview page or a page without a request line. */
export function readRestLayout(text: string, path: string, sink: DiagnosticSink, example: string): RestLayout | null {
  const lines = text.split("\n");
  const { headings, fences } = scanMarkdownLines(lines, splitFrontMatter(lines)?.end ?? 0);
  reportUnclosedFences(fences, sink);
  // The response body table and the samples (long JSON) are only needed by lines; remark stops before them.
  const responseBody = headings.find((heading) => RESPONSE_BODY_HEADING.test(heading.text));
  const tail = headings.find((heading) => heading === responseBody || SAMPLE_HEADING.test(heading.text));
  const markdown = tail ? lines.slice(0, tail.line - 1).join("\n") : text;
  const root = parseMarkdown(markdown);
  frontMatterOf(root, sink);

  const requestIndex = root.children.findIndex((node) => node.type === "code" && node.lang === "http");
  const requestBlock = root.children[requestIndex];
  const request = requestBlock?.type === "code" ? /^([A-Z]+)\s+([^\s?]+)/.exec(requestBlock.value.trim()) : null;
  if (basename(path) === "index.md" || (requestBlock && !request)) {
    sink.info(0, "page.not-an-operation", "Overview page, not an operation page; skipped.");
    return null;
  }
  if (!request || requestBlock?.type !== "code") {
    sink.error(0, "rest.no-request-line", `The page has no \`\`\`http block with a request line such as "${example}".`);
    return null;
  }
  const sections = splitSections(root, requestIndex + 1, markdown);
  return { requestBlock, method: request[1], urlPath: request[2], sections, markdown, fences, responseType: readResponseType(sections, responseBody, sink) };
}

export interface Section {
  /** Heading text; "" for the description before the first section. */
  title: string;
  heading: Heading | null;
  nodes: RootContent[];
}

/**
 * Splits the page after the request block at its headings. A labelled
 * heading inside the prose (`## Online Restricted: ## …`) is prose, not a section.
 */
function splitSections(root: Root, from: number, text: string): Section[] {
  const sections: Section[] = [{ title: "", heading: null, nodes: [] }];
  for (const node of root.children.slice(from)) {
    if (node.type === "heading" && !isInlineLabelHeading(nodeSource(node, text))) {
      sections.push({ title: plainText(node).trim(), heading: node, nodes: [] });
    } else {
      sections[sections.length - 1].nodes.push(node);
    }
  }
  return sections;
}

export function firstOfType<T extends Nodes["type"]>(nodes: RootContent[], type: T): Extract<RootContent, { type: T }> | undefined {
  return nodes.find((node): node is Extract<RootContent, { type: T }> => node.type === type);
}

export function sectionTable(sections: Section[], title: string, text: string): RestPageParam[] {
  const section = sections.find((candidate) => candidate.title === title);
  const table = section ? firstOfType(section.nodes, "table") : undefined;
  return table ? tableParams(table, text) : [];
}

/** Rows of a `| Name | Type | Description |` table; "**Required**" at the start of a description marks a required parameter. */
export function tableParams(table: Table, text: string): RestPageParam[] {
  const [header, ...rows] = table.children;
  const columns = header.children.map((cell) => plainText(cell).trim().toLowerCase());
  const nameColumn = columns.findIndex((title) => title.endsWith("name") || title === "path part");
  const typeColumn = columns.indexOf("type");
  const docColumn = columns.indexOf("description");
  return rows.map((row) => {
    const cell = (column: number): Nodes | undefined => (column >= 0 ? row.children[column] : undefined);
    const nameCell = cell(nameColumn);
    const typeCell = cell(typeColumn);
    const docCell = cell(docColumn);
    const doc = docCell ? childrenSource(docCell, text).trim() : "";
    const required = /^\*\*Required\*\*/.test(doc);
    return {
      name: nameCell ? plainText(nameCell).trim() : "",
      type: typeCell ? plainText(typeCell).trim() : "",
      doc: cleanProse(doc.replace(/^\*\*Required\*\*\s*/, "")),
      required,
      line: startLine(row),
    };
  });
}

/** "## Request Body: request" with a property table; a body that is a bare value (an id array) has none. */
export function readBody(sections: Section[], text: string, sink: DiagnosticSink): Pick<ParsedRestPage, "bodyKind" | "bodyProperties"> {
  const body = sections.find((section) => section.title.startsWith("Request Body"));
  if (!body) return { bodyKind: "none", bodyProperties: [] };
  const table = firstOfType(body.nodes, "table");
  if (!table) {
    const name = body.title.replace(/^Request Body:?\s*/, "");
    sink.info(body.heading ? startLine(body.heading) : 0, "rest.body-without-table", `The request body "${name}" has no property table; it is sent as a bare value.`);
    return { bodyKind: "value", bodyProperties: [] };
  }
  return { bodyKind: "object", bodyProperties: tableParams(table, text) };
}

const RESPONSE_BODY_HEADING = /^Response body:/i;

/**
 * "### Response body: X". Newer pages print one even for 204 No Content
 * (usually TimeZoneData, a leftover of the page generator); that one is dropped.
 */
function readResponseType(sections: Section[], bodyHeading: LineHeading | undefined, sink: DiagnosticSink): string | null {
  const responseType = bodyHeading?.text.replace(RESPONSE_BODY_HEADING, "").trim() || null;
  const statusTable = sections.filter((section) => /^Response\b/.test(section.title)).map((section) => firstOfType(section.nodes, "table")).find(Boolean);
  const statuses = statusTable ? statusTable.children.slice(1).map((row) => (row.children[0] ? plainText(row.children[0]).trim() : "")) : [];
  if (responseType !== null && bodyHeading && statuses.length > 0 && statuses.every((status) => status === "204")) {
    sink.info(bodyHeading.line, "rest.stray-response-body", `Ignored "Response body: ${responseType}": the operation answers 204 No Content.`);
    return null;
  }
  return responseType;
}

const SAMPLE_HEADING = /^Sample (?:request|response)$/i;

function sample(fences: FencedBlock[], title: string): HttpSample | null {
  const fence = fences.find((candidate) => candidate.heading?.text.toLowerCase() === title.toLowerCase());
  return fence ? parseHttpSample(fence.text) : null;
}

/** Start line, headers up to the first blank line, then the body. */
function parseHttpSample(block: string): HttpSample {
  const lines = block.replace(/^\s*\n/, "").split("\n");
  const headers: Record<string, string> = ownKeysOnly();
  let index = 1;
  for (; index < lines.length && lines[index].trim() !== ""; index++) {
    const header = /^([^:\s]+)\s*:\s*(.*)$/.exec(lines[index].trim());
    if (header) headers[header[1]] = headers[header[1]] ? `${headers[header[1]]}, ${header[2]}` : header[2];
  }
  return { startLine: (lines[0] ?? "").trim(), headers, body: lines.slice(index + 1).join("\n").trim() };
}
