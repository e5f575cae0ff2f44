/**
 * A SOAP page copied as text from the rendered site (seed 004): no front
 * matter, no fences, one rendered block per line, site chrome mixed in, and
 * the example envelopes as bare XML lines after "<Op> Request" / "<Op> Response".
 */
import type { DiagnosticSink } from "../../diagnostics.js";
import type { LineDoc, ParsedSoapPage, ParseResult, SoapPageReading } from "../types.js";
import { cleanProse } from "./prose.js";
import { isSoapBoilerplate, returnsText, splitParamDoc } from "./soap-boilerplate.js";
import { identityFromEndpoint, identityFromRequestEnvelope, identityFromTitle, resolveIdentity } from "./soap-identity.js";
import type { IdentityClue } from "./soap-identity.js";
import { ownKeysOnly } from "../../util/records.js";
import { runParser } from "./source.js";

export function parseSoapTextDump(text: string, path: string): ParseResult<SoapPageReading> {
  return runParser(path, (sink) => readTextDump(text.split("\n"), path, sink));
}

/** Site chrome that the copy picks up: tooltips, reading time, feedback widgets. */
const SITE_CHROME = [/^Some tooltip text!?$/i, /^[•·]?\s*\d+ minutes? to read$/i, /^In this article$/i, /^Was this (?:page|article) helpful\??$/i, /^Feedback$/i];

/** Bulleted lines are the rendered parameter list. */
const BULLET = /^[•·*-]\s+/;

/** The title is the first line that names a version, agent and operation; chrome may come before it. */
const TITLE_SEARCH_LINES = 20;

function readTextDump(lines: string[], path: string, sink: DiagnosticSink): SoapPageReading | null {
  const text = lines.map((line) => line.trim());
  const titleIndex = text.slice(0, TITLE_SEARCH_LINES).findIndex((line) => identityFromTitle(line).operation !== undefined);
  const clues: IdentityClue[] = [];
  if (titleIndex >= 0) clues.push({ what: "page title", line: titleIndex + 1, found: identityFromTitle(text[titleIndex]) });
  const endpointIndex = text.findIndex((line) => identityFromEndpoint(line).agent !== undefined);
  if (endpointIndex >= 0) clues.push({ what: "endpoint line", line: endpointIndex + 1, found: identityFromEndpoint(text[endpointIndex]) });

  const requestMarker = text.findIndex((line) => EXAMPLE_MARKER.test(line) && line.endsWith(" Request"));
  const requestExample = requestMarker >= 0 ? envelopeAfter(text, requestMarker) : null;
  if (requestExample !== null) {
    clues.push({ what: "request example", line: requestMarker + 2, found: identityFromRequestEnvelope(requestExample) });
  }
  const resolved = resolveIdentity(clues, sink);
  if (resolved.identity === null) {
    sink.error(0, "page.no-operation", `The text does not say which ${resolved.missing.join(", ")} it documents.`);
    return null;
  }

  const { version, agent, operation } = resolved.identity;
  const responseMarker = text.indexOf(`${operation} Response`);
  const docsEnd = requestMarker >= 0 ? requestMarker : text.length;
  // The `## <Op>` heading renders as a line holding just the operation name.
  const docsStart = text.findIndex((line, index) => index > titleIndex && index < docsEnd && line === operation);
  const docs = readDocLines(docsStart >= 0 ? text.slice(docsStart + 1, docsEnd) : [], docsStart + 2);
  return {
    source: { path, line: docsStart >= 0 ? docsStart + 1 : Math.max(titleIndex + 1, 1) },
    version,
    agent,
    operation,
    ...docs,
    requestExample,
    responseExample: responseMarker >= 0 ? envelopeAfter(text, responseMarker) : null,
  };
}

/** `firstLine`: the file line of `lines[0]`. */
function readDocLines(lines: string[], firstLine: number): Pick<ParsedSoapPage, "description" | "paramDocs" | "returnsDoc"> {
  const prose: string[] = [];
  const paramDocs: Record<string, LineDoc> = ownKeysOnly();
  let returnsDoc = "";
  for (const [index, line] of lines.entries()) {
    if (line === "" || isSoapBoilerplate(line) || SITE_CHROME.some((pattern) => pattern.test(line))) continue;
    const returns = returnsText(line);
    const param = BULLET.test(line) ? splitParamDoc(line.replace(BULLET, "")) : null;
    if (returns !== null) returnsDoc = cleanProse(returns);
    else if (param) paramDocs[param.name] = { text: cleanProse(param.doc), line: firstLine + index };
    else prose.push(line);
  }
  // Each rendered block became one line, so lines are paragraphs.
  return { description: cleanProse(prose.join("\n\n")), paramDocs, returnsDoc };
}

const EXAMPLE_MARKER = /^\w+ (?:Request|Response)$/;

/** The XML lines after a marker, up to the closing Envelope tag; a truncated envelope stops at the first line that is not XML. */
function envelopeAfter(lines: string[], marker: number): string | null {
  const collected: string[] = [];
  for (const line of lines.slice(marker + 1)) {
    if (collected.length === 0 && line === "") continue;
    if (collected.length === 0 && !line.startsWith("<")) return null;
    // Attribute lines ("xmlns:…=") start with a word character; prose and markers end the envelope.
    if (EXAMPLE_MARKER.test(line) || (line !== "" && !/^(?:<|[\w:-]+=")/.test(line))) break;
    collected.push(line);
    if (/<\/(?:[\w-]+:)?Envelope>$/.test(line)) break;
  }
  return collected.length > 0 ? collected.join("\n").trim() : null;
}
