/** Markdown pieces every docs page writes: GitHub's heading anchors, links, code spans, summaries, page tidying (escaping: ../escape.ts). */
import { escapeMarkdown } from "../escape.js";

/** GitHub's heading slug: lower-case, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Slugs for one page in heading order, with GitHub's `-1`, `-2` suffixes for repeats. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(heading: string): string {
    const base = slugify(heading);
    let slug = base;
    while (this.seen.has(slug)) {
      const n = this.seen.get(base)! + 1;
      this.seen.set(base, n);
      slug = `${base}-${n}`;
    }
    this.seen.set(slug, 0);
    return slug;
  }
}

export function link(text: string, href: string): string {
  return `[${text}](${href})`;
}

/** A code span: fenced by one backtick more than the longest run inside, padded where the text starts or ends with one. */
export function code(text: string): string {
  if (!text.includes("`")) return `\`${text}\``;
  const fence = "`".repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A code span for a table cell. */
export function codeCell(text: string): string {
  return code(escapeMarkdown(text, "code-cell"));
}

/** The first sentence of a text's first paragraph, on one line and at most 200 characters. */
export function firstSentence(text: string): string {
  const flat = (escapeMarkdown(text).trim().split(/\n[ \t]*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
  const match = /^(.+?[.!?])(?=\s|$)/.exec(flat);
  const sentence = match ? match[1] : flat;
  return sentence.length > 200 ? `${sentence.slice(0, 199).trimEnd()}…` : sentence;
}

/** Collapses runs of blank lines and ends the file with exactly one newline. */
export function tidy(markdown: string): string {
  return `${markdown.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
