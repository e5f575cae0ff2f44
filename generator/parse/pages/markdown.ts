/**
 * The markdown pipeline shared by the page parsers: unified + remark-parse with
 * front matter and GFM tables, front matter read with `yaml`, and a line
 * scanner for headings and fenced blocks. The scanner exists for speed:
 * remark reads about 1 MB/s, and example envelopes are most of a SOAP page.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { parseDocument } from "yaml";
import type { Nodes, Root } from "mdast";
import type { DiagnosticSink } from "../../diagnostics.js";
import { ownKeysOnly } from "../../util/records.js";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();

/** Parses markdown that starts at line 1 of its file, so node positions are file positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** The node's source text, tags and emphasis included, for prose cleanup. */
export function nodeSource(node: Nodes, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : text.slice(start, end);
}

/** Source from the first to the last child, e.g. a table cell without its pipes. */
export function childrenSource(node: Nodes, text: string): string {
  if (!("children" in node) || node.children.length === 0) return "";
  const start = node.children[0].position?.start.offset;
  const end = node.children[node.children.length - 1].position?.end.offset;
  return start === undefined || end === undefined ? "" : text.slice(start, end);
}

export function plainText(node: Nodes): string {
  if ("value" in node && node.type !== "html" && node.type !== "yaml") return node.value;
  if ("children" in node) return node.children.map((child: Nodes) => plainText(child)).join("");
  return "";
}

/** The YAML between `---` lines at the top of a page, found by lines (no markdown parse needed). */
export function splitFrontMatter(lines: string[]): { yaml: string; line: number; end: number } | null {
  if (lines[0]?.trim() !== "---") return null;
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return close < 0 ? null : { yaml: lines.slice(1, close).join("\n"), line: 1, end: close + 1 };
}

/**
 * Front matter as a map with lower-cased keys (`Generated`/`generated` both
 * occur). Broken YAML is a warning: nothing in a page depends on it alone.
 * `line` is the line of the opening `---`.
 */
export function parseFrontMatter(yaml: string, line: number, sink: DiagnosticSink): Record<string, unknown> {
  const simple = simpleFrontMatter(yaml);
  if (simple) return simple;
  const document = parseDocument(yaml, { prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    sink.warning(line + (error.linePos?.[0].line ?? 0), "page.front-matter", `Front matter is not valid YAML: ${error.message.split("\n")[0]}`);
    return {};
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) return {};
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
}

/** `key: plain scalar` lines, the only form reference pages use. */
const SIMPLE_LINE = /^([A-Za-z_][\w-]*):[ \t]*("[^"\\]*"|[^\s"'[\]{}&*!|>%@`#,][^#]*?|)[ \t]*$/;

/**
 * Front matter made only of `key: plain scalar` lines, read without the YAML parser, which
 * costs more than the rest of a page's parse; anything else returns null and goes to `yaml`.
 */
function simpleFrontMatter(yaml: string): Record<string, unknown> | null {
  const data = ownKeysOnly<unknown>();
  for (const line of yaml.split("\n")) {
    if (line.trim() === "") continue;
    const match = SIMPLE_LINE.exec(line);
    if (!match || match[2].includes(": ")) return null;
    const key = match[1].toLowerCase();
    if (key in data) return null;
    data[key] = scalar(match[2]);
  }
  return data;
}

function scalar(text: string): unknown {
  if (text.startsWith('"')) return text.slice(1, -1);
  if (text === "") return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^(?:null|Null|NULL|~)$/.test(text)) return null;
  if (/^[-+]?\d+$/.test(text)) return Number(text);
  return text;
}

/** Front matter of a page parsed whole by remark (remark-frontmatter gives it as the first node). */
export function frontMatterOf(root: Root, sink: DiagnosticSink): Record<string, unknown> {
  const first = root.children[0];
  return first?.type === "yaml" ? parseFrontMatter(first.value, startLine(first), sink) : {};
}

export interface LineHeading {
  text: string;
  depth: number;
  line: number;
  /** The whole source line, e.g. to tell `## Online Restricted: ## …` from a section. */
  source: string;
}

export interface FencedBlock {
  /** Info string after the fence, e.g. "xml", "http!". */
  info: string;
  /** Line of the opening fence. */
  line: number;
  /** The lines between the fences. */
  text: string;
  /** false when the file ends before the closing fence. */
  closed: boolean;
  /** The last ATX heading above the block, if any. */
  heading: LineHeading | null;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * ATX headings and fenced blocks by lines, CommonMark style (a closing fence
 * repeats the opening character at least as often), from line index `from`.
 */
export function scanMarkdownLines(lines: string[], from = 0): { headings: LineHeading[]; fences: FencedBlock[] } {
  const headings: LineHeading[] = [];
  const fences: FencedBlock[] = [];
  for (let i = from; i < lines.length; i++) {
    // Both start with up to 3 spaces, then `#`, a backtick or `~`: most lines are decided by their first character.
    const first = lines[i][0];
    if (first !== "#" && first !== "`" && first !== "~" && first !== " ") continue;
    const open = FENCE_OPEN.exec(lines[i]);
    if (!open) {
      const title = ATX_HEADING.exec(lines[i]);
      if (title) headings.push({ text: title[2], depth: title[1].length, line: i + 1, source: lines[i] });
      continue;
    }
    const marker = open[1];
    const closing = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end])) end++;
    const heading = headings[headings.length - 1] ?? null;
    fences.push({ info: open[2], line: i + 1, text: lines.slice(i + 1, end).join("\n"), closed: end < lines.length, heading });
    i = end;
  }
  return { headings, fences };
}

export function reportUnclosedFences(blocks: FencedBlock[], sink: DiagnosticSink): void {
  for (const block of blocks.filter((b) => !b.closed)) {
    sink.warning(block.line, "page.unclosed-fence", "Code fence is never closed; its text runs to the end of the file.");
  }
}
