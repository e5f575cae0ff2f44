/**
 * A page's top-level blocks (headings, fences, tables, other prose) as the REST page parsers read
 * them, from one of two sources that give the same blocks: an exact line scanner for pages made
 * only of what it reads exactly (col-0 ATX headings, fences, pipe tables, plain paragraphs: nearly
 * every generated reference page), and remark for the rest: of a page the scanner refuses, only
 * the pieces it refuses (readBlocks), or the whole page where it cannot be cut safely. remark reads
 * about 0.5 MB/s, the scanner about a hundred times that.
 */
import type { Nodes, Root, RootContent, TableRow as MdTableRow } from "mdast";
import { childrenSource, nodeSource, parseMarkdown, plainText, startLine } from "./markdown.js";

export interface TableCell {
  /** The cell's markdown without its pipes and surrounding blanks. */
  source: string;
  /** Its plain text (markup and escapes resolved); null when only remark can say. */
  text: string | null;
}

export interface TableRow {
  line: number;
  cells: TableCell[];
}

export interface PageTable {
  header: TableCell[];
  rows: TableRow[];
}

export type PageBlock =
  | { kind: "heading"; line: number; source: string; title: string | null }
  | { kind: "code"; line: number; source: string; lang: string | null; value: string }
  | { kind: "table"; line: number; source: string; table: PageTable }
  | { kind: "other"; line: number; source: string };

/** Thrown when a scanned page is asked for plain text only remark can give; the page is then read with remark. */
export class NeedsMarkdown extends Error {}

/** The plain text of a cell or heading title; throws NeedsMarkdown when the scanner could not read it exactly. */
export function plainOf(item: TableCell): string {
  if (item.text === null) throw new NeedsMarkdown("markup in a table cell");
  return item.text;
}

// ---------------------------------------------------------------- remark

/** The blocks of a remark tree over `text`, which starts after line `lineOffset` of its file (0: at line 1). */
export function blocksOfRoot(root: Root, text: string, lineOffset = 0): PageBlock[] {
  return root.children.map((node) => blockOfNode(node, text, lineOffset));
}

function blockOfNode(node: RootContent, text: string, lineOffset: number): PageBlock {
  const line = startLine(node) + lineOffset;
  const source = nodeSource(node, text);
  if (node.type === "heading") return { kind: "heading", line, source, title: plainText(node).trim() };
  if (node.type === "code") return { kind: "code", line, source, lang: node.lang ?? null, value: node.value };
  if (node.type !== "table") return { kind: "other", line, source };
  const [header, ...rows] = node.children;
  return { kind: "table", line, source, table: { header: cellsOf(header, text), rows: rows.map((row) => ({ line: startLine(row) + lineOffset, cells: cellsOf(row, text) })) } };
}

function cellsOf(row: MdTableRow, text: string): TableCell[] {
  return row.children.map((cell: Nodes) => ({ source: childrenSource(cell, text).trim(), text: plainText(cell).trim() }));
}

// ---------------------------------------------------------------- line scanner

const BLANK = /^[ \t]*$/;
const ATX = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** A fence the scanner reads exactly: at column 0, one word of info (or none), nothing after it. */
const FENCE = /^(`{3,}|~{3,})([\w!.+-]*)$/;
const DELIMITER_ROW = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;
/** Characters with which a line may start another block (lists, quotes, HTML, setext underlines, definitions, indented code…). */
const BLOCK_START = /^(?:[ \t>\-+*_=|`~[:#]|\d{1,9}[.)])/;
/** HTML that starts a block even inside a paragraph (CommonMark kinds 1 to 6); other tags are inline. */
const HTML_BLOCK_START =
  /^<(?:[?!]|(?:script|pre|style|textarea)(?:[\s>]|$)|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s>]|\/>|$))/i;
/**
 * A line that is one HTML tag alone (`<para />`, `<br>`, `</p>`) starts an HTML block that the next
 * blank line ends (CommonMark kinds 6 and 7). Tags whose block runs to their closing tag instead are left out.
 */
const LONE_TAG = /^<\/?(?!(?:script|style|pre|textarea)\b)[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*[ \t]*\/?>[ \t]*$/i;
/** Characters that make inline markup (emphasis, code, escapes, entities, HTML, links, strikethrough): plain text needs remark. */
const INLINE_MARKUP = /[\\`*_&<>[\]!~]/;

/**
 * The blocks of lines [from, to) when every line is one the scanner reads exactly, else null.
 * `from` is the first line after the front matter; the caller has checked that front matter is
 * exactly `---` … `---`.
 */
export function scanBlocks(lines: readonly string[], from: number, to: number): PageBlock[] | null {
  const blocks: PageBlock[] = [];
  let i = from;
  while (i < to) {
    const line = lines[i];
    if (BLANK.test(line)) {
      i++;
    } else if (line[0] === "#") {
      const heading = ATX.exec(line);
      if (!heading) return null;
      const title = heading[2];
      blocks.push({ kind: "heading", line: i + 1, source: line, title: INLINE_MARKUP.test(title) || title.includes("#") ? null : title.trim() });
      i++;
    } else if (line[0] === "`" || line[0] === "~") {
      const end = fenceEnd(lines, i, to);
      if (end < 0) return null;
      const info = FENCE.exec(line)?.[2] ?? "";
      blocks.push({ kind: "code", line: i + 1, source: lines.slice(i, end + 1).join("\n"), lang: info === "" ? null : info, value: lines.slice(i + 1, end).join("\n") });
      i = end + 1;
    } else if (line[0] === "|") {
      const end = tableEnd(lines, i, to);
      if (end < 0) return null;
      const table = tableOf(lines, i, end);
      if (!table) return null;
      blocks.push({ kind: "table", line: i + 1, source: lines.slice(i, end).join("\n"), table });
      i = end;
    } else if (LONE_TAG.test(line)) {
      // The HTML block runs to the next blank line, whatever the lines in between are.
      let end = i + 1;
      while (end < to && !BLANK.test(lines[end])) end++;
      blocks.push({ kind: "other", line: i + 1, source: lines.slice(i, end).join("\n") });
      i = end;
    } else {
      const end = paragraphEnd(lines, i, to);
      if (end < 0) return null;
      blocks.push({ kind: "other", line: i + 1, source: lines.slice(i, end).join("\n") });
      i = end;
    }
  }
  return blocks;
}

/** Index of the closing fence line, or -1 when the fence is not one the scanner reads exactly. */
function fenceEnd(lines: readonly string[], open: number, to: number): number {
  const marker = FENCE.exec(lines[open])?.[1];
  if (!marker) return -1;
  const closing = closingFence(marker);
  for (let i = open + 1; i < to; i++) {
    if (!closing.test(lines[i])) continue;
    // Indented or trailing-blank closing fences end the block too, but their source is remark's to measure.
    return lines[i] === lines[i].trim() ? i : -1;
  }
  return -1;
}

/** What closes a fence opened with `marker` (CommonMark: the same character, at least as many, up to 3 spaces in). */
function closingFence(marker: string): RegExp {
  return new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`);
}

/** End (exclusive) of a pipe table starting at `start`: the table must end at a blank line or at `to`. */
function tableEnd(lines: readonly string[], start: number, to: number): number {
  if (start + 1 >= to || !DELIMITER_ROW.test(lines[start + 1])) return -1;
  let end = start + 2;
  while (end < to && lines[end][0] === "|") end++;
  return end === to || BLANK.test(lines[end]) ? end : -1;
}

/** Rows of a table whose every row starts and ends with a pipe, has no escape and as many cells as the header. */
function tableOf(lines: readonly string[], start: number, end: number): PageTable | null {
  const rows: TableRow[] = [];
  const width = cellSources(lines[start + 1])?.length;
  for (let i = start; i < end; i++) {
    if (i === start + 1) continue;
    const sources = cellSources(lines[i]);
    if (!sources || sources.length !== width) return null;
    rows.push({ line: i + 1, cells: sources.map((source) => ({ source, text: INLINE_MARKUP.test(source) ? null : source })) });
  }
  const [header, ...body] = rows;
  return { header: header.cells, rows: body };
}

function cellSources(line: string): string[] | null {
  const row = line.trimEnd();
  if (row.length < 2 || row[row.length - 1] !== "|" || row.includes("\\")) return null;
  return row
    .slice(1, -1)
    .split("|")
    .map((cell) => cell.trim());
}

/**
 * End (exclusive) of a paragraph starting at `start`: it runs to a blank line, an ATX heading or a
 * fence, which interrupt it; any other line that could start or continue another block makes the
 * page remark's (-1). Inline HTML (`<see cref="…"/> …`) is paragraph text.
 */
function paragraphEnd(lines: readonly string[], start: number, to: number): number {
  let i = start;
  for (; i < to; i++) {
    const line = lines[i];
    if (BLANK.test(line) || (i > start && (ATX.test(line) || FENCE.test(line)))) break;
    if (BLOCK_START.test(line) || HTML_BLOCK_START.test(line)) return -1;
  }
  return i;
}

// ---------------------------------------------------------------- both, piece by piece

/**
 * The blocks of lines [from, to): by lines where the scanner reads them exactly, else piece by
 * piece (see pieceStarts), remark reading only the runs of pieces the scanner refuses: a list or
 * block HTML in a description costs remark those lines, not the whole page. Null when the page
 * cannot be cut into pieces that remark reads alone as it reads them in the page, for remark to
 * read whole.
 */
export function readBlocks(lines: readonly string[], from: number, to: number): PageBlock[] | null {
  const whole = scanBlocks(lines, from, to);
  if (whole) return whole;
  const starts = pieceStarts(lines, from, to);
  if (!starts) return null;
  const blocks: PageBlock[] = [];
  let refused = -1;
  const readRefused = (end: number): void => {
    if (refused < 0) return;
    const text = lines.slice(refused, end).join("\n");
    blocks.push(...blocksOfRoot(parseMarkdown(text), text, refused));
    refused = -1;
  };
  starts.forEach((start, index) => {
    const end = starts[index + 1] ?? to;
    const scanned = scanBlocks(lines, start, end);
    if (!scanned) {
      if (refused < 0) refused = start;
      return;
    }
    readRefused(start);
    blocks.push(...scanned);
  });
  readRefused(to);
  return blocks;
}

/** HTML blocks of CommonMark kinds 1 to 5, which run past blank lines to their own end marker. */
const SPANS_BLANK_LINES = /^ {0,3}<(?:[!?]|(?:script|pre|style|textarea)(?:[\s>]|$))/i;
/** What remark-frontmatter would take for front matter at the start of a piece read alone. */
const FRONT_MATTER_OPEN = /^-{3}/;
/** A line that may continue a list across a blank line: indented, or a new item. */
const MAY_CONTINUE_LIST = /^(?:[ \t]|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))/;
const FENCE_LIKE = /^[ \t]*(?:`{3,}|~{3,})/;

/**
 * Line indices at which lines [from, to) divide into pieces that remark reads alone as it reads
 * them in the page: `from`, then every line after a blank line outside a fence that is neither
 * indented nor a list item (after a blank line, no paragraph, table, quote or kind 6/7 HTML block
 * goes on, and a list goes on only with those). Null when something could make that untrue: HTML
 * that spans blank lines, a fence that is not at col 0 after a blank line (or never closes), or a
 * `]:` (a link or footnote definition reaches into other pieces' inline text).
 */
function pieceStarts(lines: readonly string[], from: number, to: number): number[] | null {
  const starts = [from];
  let closing: RegExp | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const afterBlank = i === from || BLANK.test(lines[i - 1]);
    if (closing) {
      if (closing.test(line)) closing = null;
      continue;
    }
    if (line.includes("]:") || SPANS_BLANK_LINES.test(line)) return null;
    if (afterBlank && i > from && !BLANK.test(line) && !MAY_CONTINUE_LIST.test(line) && !FRONT_MATTER_OPEN.test(line)) starts.push(i);
    if (FENCE_LIKE.test(line)) {
      const marker = afterBlank ? FENCE.exec(line)?.[1] : undefined;
      if (!marker) return null;
      closing = closingFence(marker);
    }
  }
  return closing || FRONT_MATTER_OPEN.test(lines[from] ?? "") ? null : starts;
}
