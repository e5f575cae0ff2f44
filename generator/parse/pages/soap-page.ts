/**
 * SOAP operation pages in markdown (Services86 and Services88 generations):
 * identity from the page's own words, prose and parameter docs from the
 * `## <Op>` section, example envelopes from the `## <Op> Request/Response`
 * fences.
 *
 * Pages are split by lines first; remark only sees the `## <Op>` section,
 * and only when it holds more than boilerplate. A full remark parse of the
 * 1,519 Services88 pages takes seconds, almost all of it spent on the XML.
 */
import type { List, RootContent } from "mdast";
import type { DiagnosticSink } from "../../diagnostics.js";
import type { LineDoc, ParsedSoapPage, ParseResult, SoapPageReading } from "../types.js";
import { childrenSource, nodeSource, parseFrontMatter, parseMarkdown, plainText, reportUnclosedFences, scanMarkdownLines, splitFrontMatter, startLine } from "./markdown.js";
import type { FencedBlock, LineHeading } from "./markdown.js";
import { cleanProse, isInlineLabelHeading } from "./prose.js";
import { isSoapBoilerplate, returnsText, splitParamDoc } from "./soap-boilerplate.js";
import { identityFromEndpoint, identityFromRequestEnvelope, identityFromTitle, resolveIdentity } from "./soap-identity.js";
import type { IdentityClue } from "./soap-identity.js";
import { ownKeysOnly } from "../../util/records.js";
import { runParser } from "./source.js";

export function parseSoapPage(text: string, path: string): ParseResult<SoapPageReading> {
  return runParser(path, (sink) => readSoapPage(text.split("\n"), path, sink));
}

const EXAMPLE_HEADING = /^(\w+) (Request|Response)$/;
const ENDPOINT = /Remote\/Services\d+\/\w+\.svc/;

function readSoapPage(lines: string[], path: string, sink: DiagnosticSink): SoapPageReading | null {
  const frontMatterBlock = splitFrontMatter(lines);
  const frontMatter = frontMatterBlock ? parseFrontMatter(frontMatterBlock.yaml, frontMatterBlock.line, sink) : {};
  const { headings, fences } = scanMarkdownLines(lines, frontMatterBlock?.end ?? 0);
  reportUnclosedFences(fences, sink);
  const examples = fences.filter((fence) => fence.heading !== null && EXAMPLE_HEADING.test(fence.heading.text));

  const titleLine = frontMatterBlock ? lines.slice(0, frontMatterBlock.end).findIndex((line) => /^title\s*:/i.test(line)) + 1 : 0;
  const clues = identityClues(lines, headings, { title: frontMatter.title, line: titleLine }, examples);
  const resolved = resolveIdentity(clues, sink);
  if (resolved.identity === null) {
    const isOverview = examples.length === 0 && resolved.missing.length === 1 && resolved.missing[0] === "operation";
    if (isOverview) {
      sink.info(0, "page.not-an-operation", "Agent overview page, not an operation page; skipped.");
    } else {
      sink.error(headings[0]?.line ?? 0, "page.no-operation", `The page does not say which ${resolved.missing.join(", ")} it documents.`);
    }
    return null;
  }

  const { version, agent, operation } = resolved.identity;
  const sectionStart = headings.findIndex((heading) => heading.depth === 2 && heading.text.trim() === operation);
  const docs = sectionStart >= 0 ? readOperationSection(sectionLines(lines, headings, sectionStart), headings[sectionStart].line, sink) : EMPTY_DOCS;
  return {
    source: { path, line: sectionStart >= 0 ? headings[sectionStart].line : (headings[0]?.line ?? 1) },
    version,
    agent,
    operation,
    ...docs,
    requestExample: exampleText(examples, `${operation} Request`),
    responseExample: exampleText(examples, `${operation} Response`),
  };
}

/** In order of trust: the H1, the front matter title, the endpoint line, the request envelope, the example heading. */
function identityClues(lines: string[], headings: LineHeading[], frontMatter: { title: unknown; line: number }, examples: FencedBlock[]): IdentityClue[] {
  const clues: IdentityClue[] = [];
  const h1 = headings.find((heading) => heading.depth === 1);
  if (h1) clues.push({ what: "page title", line: h1.line, found: identityFromTitle(h1.text) });
  if (typeof frontMatter.title === "string") clues.push({ what: "front matter title", line: frontMatter.line, found: identityFromTitle(frontMatter.title) });
  const proseEnd = examples[0]?.line ?? lines.length;
  const endpoint = lines.slice(0, proseEnd).findIndex((line) => ENDPOINT.test(line));
  if (endpoint >= 0) clues.push({ what: "endpoint line", line: endpoint + 1, found: identityFromEndpoint(lines[endpoint]) });
  const request = examples.find((fence) => fence.heading?.text.endsWith(" Request"));
  if (request?.heading) {
    clues.push({ what: "request example", line: request.line, found: identityFromRequestEnvelope(request.text) });
    clues.push({ what: "request example heading", line: request.heading.line, found: { operation: request.heading.text.replace(/ Request$/, "") } });
  }
  return clues;
}

/** Lines under heading `start` up to the next section heading; `## Label: ## …` lines are prose. */
function sectionLines(lines: string[], headings: LineHeading[], start: number): string[] {
  const next = headings.slice(start + 1).find((heading) => heading.depth <= 2 && !isInlineLabelHeading(heading.source));
  return lines.slice(headings[start].line, next ? next.line - 1 : lines.length);
}

type OperationDocs = Pick<ParsedSoapPage, "description" | "paramDocs" | "returnsDoc">;

const EMPTY_DOCS: OperationDocs = { description: "", paramDocs: {}, returnsDoc: "" };

/**
 * Real operation prose is a few KiB; remark reads about 0.5 MB/s, so a section larger than this
 * (a pasted dump, say) is kept as plain text instead of costing the run a minute.
 */
const MAX_MARKDOWN_SECTION = 256 * 1024;

/**
 * The `## <Op>` section holds, in any order: description prose, the
 * `* **param:** text` list, `**Returns:** text`, and boilerplate to drop.
 */
function readOperationSection(section: string[], line: number, sink: DiagnosticSink): OperationDocs {
  if (section.every((text) => text.trim() === "" || isSoapBoilerplate(text))) return EMPTY_DOCS;
  const source = section.join("\n");
  if (source.length > MAX_MARKDOWN_SECTION) {
    sink.warning(line, "page.oversized-prose", `The ${source.length}-character description is too large to read as markdown; it is kept as plain text.`);
    return { ...EMPTY_DOCS, description: cleanProse(source.slice(0, MAX_MARKDOWN_SECTION)) };
  }
  const docs: OperationDocs = { description: "", paramDocs: ownKeysOnly(), returnsDoc: "" };
  const prose: string[] = [];
  for (const node of parseMarkdown(source).children) {
    const raw = nodeSource(node, source);
    const params = node.type === "list" ? paramList(node, source, line) : null;
    const returns = node.type === "paragraph" ? returnsText(raw) : null;
    if (params) Object.assign(docs.paramDocs, params);
    else if (returns !== null) docs.returnsDoc = cleanProse(returns);
    else if (isProse(node) && !isSoapBoilerplate(plainText(node))) prose.push(raw);
  }
  docs.description = cleanProse(prose.join("\n\n"));
  return docs;
}

function isProse(node: RootContent): boolean {
  return node.type !== "definition" && node.type !== "thematicBreak";
}

/** A list whose every item starts `**name:**`; null for any other list. `headingLine`: the file line above the section's first. */
function paramList(list: List, source: string, headingLine: number): Record<string, LineDoc> | null {
  const docs: Record<string, LineDoc> = ownKeysOnly();
  for (const item of list.children) {
    const raw = childrenSource(item, source);
    const entry = raw.startsWith("**") ? splitParamDoc(raw) : null;
    if (!entry) return null;
    docs[entry.name] = { text: cleanProse(entry.doc), line: headingLine + startLine(item) };
  }
  return list.children.length > 0 ? docs : null;
}

function exampleText(examples: FencedBlock[], heading: string): string | null {
  const fence = examples.find((candidate) => candidate.heading?.text === heading);
  return fence ? fence.text.trim() : null;
}
