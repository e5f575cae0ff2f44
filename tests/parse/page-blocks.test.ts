import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMarkdown, splitFrontMatter } from "../../generator/parse/pages/markdown.js";
import { blocksOfRoot, readBlocks, scanBlocks, type PageBlock } from "../../generator/parse/pages/page-blocks.js";
import { normaliseText as normaliseSource } from "../../generator/util/text.js";
import { corpusRoot, hasCorpus, repoRoot } from "../corpus.js";

/** Blocks by lines (or piece by piece) and by remark over the same text; the scanner's null plain texts (remark's to say) are taken from remark. */
function bothReadings(text: string, read: typeof scanBlocks = scanBlocks): { scanned: PageBlock[] | null; remark: PageBlock[] } {
  const lines = normaliseSource(text).split("\n");
  const frontMatter = splitFrontMatter(lines);
  const scanned = read(lines, frontMatter?.end ?? 0, lines.length);
  const remark = blocksOfRoot(parseMarkdown(lines.join("\n")), lines.join("\n")).filter((block, index) => !(frontMatter && index === 0 && block.kind === "other"));
  return { scanned: scanned && withRemarkTexts(scanned, remark), remark };
}

function withRemarkTexts(scanned: PageBlock[], remark: PageBlock[]): PageBlock[] {
  return scanned.map((block, index) => {
    const other = remark[index];
    if (block.kind === "heading" && other?.kind === "heading" && block.title === null) return { ...block, title: other.title };
    if (block.kind !== "table" || other?.kind !== "table") return block;
    const fill = (cells: typeof block.table.header, from: typeof block.table.header) => cells.map((cell, column) => (cell.text === null ? { ...cell, text: from[column]?.text ?? null } : cell));
    return { ...block, table: { header: fill(block.table.header, other.table.header), rows: block.table.rows.map((row, at) => ({ ...row, cells: fill(row.cells, other.table.rows[at]?.cells ?? []) })) } };
  });
}

const seed002 = readFileSync(path.join(repoRoot, "input/seeds/002_4ba421d35adb619a.txt"), "utf8");

describe("page blocks by lines", () => {
  it("reads the seed page as remark does", () => {
    const { scanned, remark } = bothReadings(seed002);
    expect(scanned).not.toBeNull();
    expect(scanned).toEqual(remark);
  });

  // Each is read by lines exactly as remark reads it, or refused (null) for remark to read.
  const cases: Record<string, string> = {
    "paragraphs and headings": "# T\n\nOne\ntwo\n## Section\ntext *em* `code`\n",
    "an inline-label heading": "Lead.\n\n## Online Restricted: ## Not in Online.\n\n## Next\n",
    "a table with markup and an empty cell": "## T\n| Name | Type | Description |\n|---|---|---|\n| a_b | **int** | |\n| `c` | x | &lt;see/&gt; |\n",
    "a lone tag and the lines after it": "Text\n\n<para />\nMore text\n## Heading inside the HTML block\n\nAfter\n",
    "inline HTML inside a paragraph": "Text\n<see cref=\"T:X\"/> more\n<para/>\n",
    "a fence with info": "```http!\nPOST /x\n```\n\n~~~~\n```\n~~~~\n",
    "a list": "Text\n\n- item\n",
    "a list interrupting a paragraph": "Text\n- item\n",
    "a setext heading": "Title\n-----\n",
    "a quote": "> quoted\n",
    "indented code": "Text\n\n    code\n",
    "a table after a paragraph": "Text\n| a |\n|---|\n| b |\n",
    "a table row running into text": "| a |\n|---|\n| b |\ntext\n",
    "a row of another width": "| a | b |\n|---|---|\n| c |\n",
    "an escaped pipe": "| a |\n|---|\n| b \\| c |\n",
    "an unclosed fence": "```http\nPOST /x\n",
    "an indented closing fence": "```\nx\n  ```\n",
    "a block-level HTML tag": "Text\n<div>\n## Heading\n",
    "an HTML comment": "<!-- a\n\n## b -->\n",
    "a link definition": "[a]: http://x\n\n| [a] |\n|---|\n",
    "a heading with a closing sequence": "## Title ##\n\n## Sharp # inside\n",
    "an empty heading": "##\n",
    "an ordered list": "1. one\n",
    "a thematic break": "***\n",
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reads ${name} as remark does, or leaves it to remark`, () => {
      const { scanned, remark } = bothReadings(text);
      if (scanned !== null) expect(scanned).toEqual(remark);
    });
  }

  // Pages the scanner refuses as a whole, read piece by piece: remark reads the refused pieces alone.
  const mixed: Record<string, string> = {
    "a list between scanned sections": "# T\n\nLead.\n\n- one\n- two\n\n## Next\n\n| a |\n|---|\n| b |\n",
    "a loose list": "Text\n\n- one\n\n- two\n\n  more of two\n\n3. three\n\nAfter\n",
    "block HTML running into a heading": "Lead:\n<ul><li>a</li></ul>\n## Filter Operators: ##\n\nints: eq\n",
    "a list and a fence in it": "Text\n\n- item\n\n  ```\n  # not a heading\n  ```\n\n# Heading\n",
    "a fence after a list item": "- item\n```\n# in the fence\n```\n\nAfter\n",
    "a quote and a paragraph": "> quoted\n\nplain\n\n> again\nlazy\n",
    "an HTML comment across a heading": "Text\n\n- a\n\n<!-- x\n\n# y -->\n\n# z\n",
    "a pre block across blank lines": "- a\n\n<pre>\n\n# y\n\n</pre>\n",
    "a definition used elsewhere": "- a\n\n| [x] |\n|---|\n| b |\n\n[x]: http://x\n",
    "indented code after a list": "- a\n\n    code\n\n# h\n",
    "a thematic break after a list": "- a\n\n---\n\nText\n",
    "a setext heading after a list": "- a\n\nTitle\n===\n",
    "a fence not after a blank line": "- a\n\ntext\n```\n\n# in\n```\n",
    "an unclosed fence after a list": "- a\n\n```\n# x\n",
  };
  for (const [name, text] of Object.entries({ ...cases, ...mixed })) {
    it(`reads ${name} piece by piece as remark reads it whole, or leaves it to remark`, () => {
      const { scanned, remark } = bothReadings(text, readBlocks);
      if (scanned !== null) expect(scanned).toEqual(remark);
    });
  }

  it("reads pages with lists and block HTML piece by piece", () => {
    for (const name of ["a list between scanned sections", "a loose list", "block HTML running into a heading", "a quote and a paragraph", "indented code after a list"]) {
      expect(bothReadings(mixed[name], readBlocks).scanned, name).not.toBeNull();
    }
  });

  it("leaves to remark what only remark reads exactly", () => {
    for (const name of ["a list", "a setext heading", "a quote", "indented code", "a table after a paragraph", "a row of another width", "an unclosed fence", "a block-level HTML tag", "an HTML comment", "a link definition"]) {
      expect(bothReadings(cases[name]).scanned, name).toBeNull();
    }
  });
});

describe.skipIf(!hasCorpus)("page blocks of the corpus REST pages", () => {
  const restDirs = hasCorpus ? [path.join(corpusRoot, "superoffice-docs-2023/docs/en/api/reference/restful"), path.join(corpusRoot, "superoffice-docs/docs/en/api/reference/restful")] : [];
  const files = restDirs.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).map((name) => path.join(dir, name)));

  it("reads nearly every page by lines", () => {
    const scanned = files.filter((file) => {
      const lines = normaliseSource(readFileSync(file, "utf8")).split("\n");
      return scanBlocks(lines, splitFrontMatter(lines)?.end ?? 0, lines.length) !== null;
    });
    expect(files.length).toBeGreaterThan(2000);
    expect(scanned.length / files.length).toBeGreaterThan(0.9);
  });

  it("reads every page the scanner refuses piece by piece as remark reads it whole", () => {
    let refused = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const lines = normaliseSource(text).split("\n");
      if (scanBlocks(lines, splitFrontMatter(lines)?.end ?? 0, lines.length) !== null) continue;
      refused++;
      const { scanned, remark } = bothReadings(text, readBlocks);
      if (scanned !== null) expect(scanned, file).toEqual(remark);
    }
    expect(refused).toBeGreaterThan(0);
  });

  // remark reads about 0.5 MB/s: every 15th page keeps this test to seconds and still spans every agent and entity folder.
  it("reads each page it reads as remark does", () => {
    for (const file of files.filter((_, index) => index % 15 === 0)) {
      const { scanned, remark } = bothReadings(readFileSync(file, "utf8"));
      if (scanned !== null) expect(scanned, file).toEqual(remark);
    }
  });
});
