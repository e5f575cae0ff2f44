/**
 * The Sample request / Sample response blocks of a REST agent page, for tests that replay them.
 * The generator does not read them (nothing it emits depends on them), so they are read here.
 */
import { normaliseText as normaliseSource } from "../../generator/util/text.js";
import { scanMarkdownLines } from "../../generator/parse/pages/markdown.js";

export interface HttpSample {
  /** Request line ("POST /api/…") or status line ("HTTP/1.1 200 OK"). */
  startLine: string;
  headers: Record<string, string>;
  /** Body text, "" when none. */
  body: string;
}

export interface PageSamples {
  request: HttpSample | null;
  response: HttpSample | null;
}

export function pageSamples(text: string): PageSamples {
  const { fences } = scanMarkdownLines(normaliseSource(text).split("\n"));
  const sample = (title: string): HttpSample | null => {
    const fence = fences.find((candidate) => candidate.heading?.text.toLowerCase() === title);
    return fence ? parseHttpSample(fence.text) : null;
  };
  return { request: sample("sample request"), response: sample("sample response") };
}

/** Start line, headers up to the first blank line, then the body. */
function parseHttpSample(block: string): HttpSample {
  const lines = block.replace(/^\s*\n/, "").split("\n");
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  let index = 1;
  for (; index < lines.length && lines[index].trim() !== ""; index++) {
    const header = /^([^:\s]+)\s*:\s*(.*)$/.exec(lines[index].trim());
    if (header) headers[header[1]] = headers[header[1]] ? `${headers[header[1]]}, ${header[2]}` : header[2];
  }
  return { startLine: (lines[0] ?? "").trim(), headers, body: lines.slice(index + 1).join("\n").trim() };
}
