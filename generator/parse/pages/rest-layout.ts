/**
 * What REST agent and entity pages share: the ```http request line, the sections after it (with
 * their tables), the response type. Read by lines where the page allows it (page-blocks.ts), by
 * remark otherwise; both give the same blocks, so everything below reads either.
 */
import { basename } from "node:path";
import { DiagnosticSink } from "../../diagnostics.js";
import type { ParsedRestPage, RestPageParam } from "../types.js";
import { frontMatterOf, parseFrontMatter, parseMarkdown, reportUnclosedFences, scanMarkdownLines, splitFrontMatter, type LineHeading } from "./markdown.js";
import { blocksOfRoot, NeedsMarkdown, plainOf, readBlocks, type PageBlock, type PageTable } from "./page-blocks.js";
import { cleanProse, isInlineLabelHeading } from "./prose.js";

export interface RestLayout {
  /** Line of the ```http request block. */
  requestLine: number;
  method: string;
  /** Without the query string. */
  urlPath: string;
  sections: Section[];
  responseType: string | null;
  /** The page has a "Sample request" or "Sample response" block (the newer generation). */
  hasSamples: boolean;
}

export interface Section {
  /** Heading text; "" for the description before the first section. */
  title: string;
  /** Line of the heading; 0 for the description. */
  line: number;
  blocks: PageBlock[];
}

/**
 * Reads a REST page's layout and hands it to `read`; null (with a diagnostic) for an overview page
 * or a page without a request line. The response body table and the samples (long JSON) are only
 * needed by lines, so the blocks stop before them.
 */
export function readRestPageLayout<T>(text: string, path: string, sink: DiagnosticSink, example: string, read: (layout: RestLayout, sink: DiagnosticSink) => T | null): T | null {
  const lines = text.split("\n");
  const frontMatter = splitFrontMatter(lines);
  const { headings, fences } = scanMarkdownLines(lines, frontMatter?.end ?? 0);
  reportUnclosedFences(fences, sink);
  const responseBody = headings.find((heading) => RESPONSE_BODY_HEADING.test(heading.text));
  const tail = headings.find((heading) => heading === responseBody || SAMPLE_HEADING.test(heading.text));
  const end = tail ? tail.line - 1 : lines.length;
  const hasSamples = fences.some((fence) => SAMPLE_HEADING.test(fence.heading?.text ?? ""));
  const finish = (blocks: PageBlock[], into: DiagnosticSink): T | null => {
    const layout = layoutOf(blocks, path, into, example, responseBody, hasSamples);
    return layout ? read(layout, into) : null;
  };

  const exactFrontMatter = frontMatter === null ? lines[0]?.trim() !== "---" : lines[0] === "---" && lines[frontMatter.end - 1] === "---";
  const scanned = exactFrontMatter ? readBlocks(lines, frontMatter?.end ?? 0, end) : null;
  if (scanned) {
    const trial = new DiagnosticSink(path);
    try {
      if (frontMatter) parseFrontMatter(frontMatter.yaml, frontMatter.line, trial);
      const value = finish(scanned, trial);
      sink.items.push(...trial.items);
      return value;
    } catch (error) {
      if (!(error instanceof NeedsMarkdown)) throw error;
    }
  }
  const markdown = tail ? lines.slice(0, end).join("\n") : text;
  const root = parseMarkdown(markdown);
  frontMatterOf(root, sink);
  return finish(blocksOfRoot(root, markdown), sink);
}

function layoutOf(blocks: PageBlock[], path: string, sink: DiagnosticSink, example: string, responseBody: LineHeading | undefined, hasSamples: boolean): RestLayout | null {
  const requestIndex = blocks.findIndex((block) => block.kind === "code" && block.lang === "http");
  const requestBlock = blocks[requestIndex];
  const request = requestBlock?.kind === "code" ? /^([A-Z]+)\s+([^\s?]+)/.exec(requestBlock.value.trim()) : null;
  if (basename(path) === "index.md" || (requestBlock && !request)) {
    sink.info(0, "page.not-an-operation", "Overview page, not an operation page; skipped.");
    return null;
  }
  if (!request || !requestBlock) {
    sink.error(0, "rest.no-request-line", `The page has no \`\`\`http block with a request line such as "${example}".`);
    return null;
  }
  const sections = splitSections(blocks.slice(requestIndex + 1));
  return { requestLine: requestBlock.line, method: request[1], urlPath: request[2], sections, responseType: readResponseType(sections, responseBody, sink), hasSamples };
}

/** Splits the blocks after the request block at their headings. A labelled heading inside the prose (`## Online Restricted: ## …`) is prose, not a section. */
function splitSections(blocks: PageBlock[]): Section[] {
  const sections: Section[] = [{ title: "", line: 0, blocks: [] }];
  for (const block of blocks) {
    if (block.kind === "heading" && !isInlineLabelHeading(block.source)) {
      sections.push({ title: plainOf({ source: block.source, text: block.title }), line: block.line, blocks: [] });
    } else {
      sections[sections.length - 1].blocks.push(block);
    }
  }
  return sections;
}

export function firstTable(blocks: readonly PageBlock[]): PageTable | undefined {
  for (const block of blocks) if (block.kind === "table") return block.table;
  return undefined;
}

export function sectionTable(sections: Section[], title: string): RestPageParam[] {
  const section = sections.find((candidate) => candidate.title === title);
  const table = section ? firstTable(section.blocks) : undefined;
  return table ? tableParams(table) : [];
}

/** Rows of a `| Name | Type | Description |` table; "**Required**" at the start of a description marks a required parameter. */
export function tableParams(table: PageTable): RestPageParam[] {
  const columns = table.header.map((cell) => plainOf(cell).toLowerCase());
  const nameColumn = columns.findIndex((title) => title.endsWith("name") || title === "path part");
  const typeColumn = columns.indexOf("type");
  const docColumn = columns.indexOf("description");
  return table.rows.map((row) => {
    const cell = (column: number) => (column >= 0 ? row.cells[column] : undefined);
    const nameCell = cell(nameColumn);
    const typeCell = cell(typeColumn);
    const doc = cell(docColumn)?.source ?? "";
    return {
      name: nameCell ? plainOf(nameCell) : "",
      type: typeCell ? plainOf(typeCell) : "",
      doc: cleanProse(doc.replace(/^\*\*Required\*\*\s*/, "")),
      required: /^\*\*Required\*\*/.test(doc),
      line: row.line,
    };
  });
}

/** "## Request Body: request" with a property table; a body that is a bare value (an id array) has none. */
export function readBody(sections: Section[], sink: DiagnosticSink): Pick<ParsedRestPage, "bodyKind" | "bodyProperties"> {
  const body = sections.find((section) => section.title.startsWith("Request Body"));
  if (!body) return { bodyKind: "none", bodyProperties: [] };
  const table = firstTable(body.blocks);
  if (!table) {
    const name = body.title.replace(/^Request Body:?\s*/, "");
    sink.info(body.line, "rest.body-without-table", `The request body "${name}" has no property table; it is sent as a bare value.`);
    return { bodyKind: "value", bodyProperties: [] };
  }
  return { bodyKind: "object", bodyProperties: tableParams(table) };
}

/** The status table: the first table of the first "Response…" section that has one. */
function statusTable(sections: Section[]): PageTable | undefined {
  return sections.filter((section) => /^Response\b/.test(section.title)).map((section) => firstTable(section.blocks)).find(Boolean);
}

const RESPONSE_BODY_HEADING = /^Response body:/i;
const SAMPLE_HEADING = /^Sample (?:request|response)$/i;

/**
 * "### Response body: X". Newer pages print one even for 204 No Content
 * (usually TimeZoneData, a leftover of the page generator); that one is dropped.
 */
function readResponseType(sections: Section[], bodyHeading: LineHeading | undefined, sink: DiagnosticSink): string | null {
  const responseType = bodyHeading?.text.replace(RESPONSE_BODY_HEADING, "").trim() || null;
  const statuses = statusTable(sections)?.rows.map((row) => (row.cells[0] ? plainOf(row.cells[0]) : "")) ?? [];
  if (responseType !== null && bodyHeading && statuses.length > 0 && statuses.every((status) => status === "204")) {
    sink.info(bodyHeading.line, "rest.stray-response-body", `Ignored "Response body: ${responseType}": the operation answers 204 No Content.`);
    return null;
  }
  return responseType;
}
