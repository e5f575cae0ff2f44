/** Markdown pieces every docs page writes: GitHub's heading anchors, links, code spans, summaries, page tidying. */

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

export function code(text: string): string {
  return `\`${text}\``;
}

const ABSOLUTE_LINK = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Model prose as markdown paragraphs: relative links (they pointed into the reference
 * site) keep only their text, and lines that would become headings or code fences are
 * escaped so they cannot add anchors or swallow the page.
 */
export function prose(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"\n]*")?\)/g, (whole, label: string, target: string) =>
      ABSOLUTE_LINK.test(target) ? whole : label)
    .split("\n")
    .map((line) => line.replace(/\s+$/, "").replace(/^(\s{0,3})(#|```|~~~|=+$|-+$)/, "$1\\$2"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** One line for a table cell: pipes escaped, line breaks as `<br>`. */
export function cell(text: string): string {
  return prose(text)
    .replace(/\n\n/g, "<br><br>")
    .replace(/\n/g, " ")
    .replace(/\|/g, "\\|");
}

/** A code span for a table cell. */
export function codeCell(text: string): string {
  return code(text.replace(/\|/g, "\\|"));
}

/** The first sentence of a text's first paragraph, on one line and at most 200 characters. */
export function firstSentence(text: string): string {
  const flat = (prose(text).trim().split(/\n[ \t]*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
  const match = /^(.+?[.!?])(?=\s|$)/.exec(flat);
  const sentence = match ? match[1] : flat;
  return sentence.length > 200 ? `${sentence.slice(0, 199).trimEnd()}…` : sentence;
}

/** Collapses runs of blank lines and ends the file with exactly one newline. */
export function tidy(markdown: string): string {
  return `${markdown.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
