/**
 * The two escapers of doc text, one per output language, so every doc field from every source is
 * made safe by the same rules: markdown (the docs pages) and TSDoc (the generated code's comments).
 * Identifiers and string literals in code are a different matter (naming.ts quotes and sanitises
 * them), as is the control-character guard over every output file (emit/index.ts).
 */

const ABSOLUTE_LINK = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Where escaped markdown goes: `block` paragraphs, a table `cell` (one line), or the text of a
 * code span inside a table cell (`code-cell`, where only the pipe and line breaks mean anything:
 * a line break would end the table row, and inside a code span it reads as a space anyway).
 */
export type MarkdownPlace = "block" | "cell" | "code-cell";

/**
 * Doc text as markdown: relative links (they pointed into the reference site) keep only their
 * text, and lines that would become headings or code fences are escaped so they cannot add
 * anchors or swallow the page. In a table cell, line breaks become `<br>` and pipes are escaped.
 */
export function escapeMarkdown(text: string, place: MarkdownPlace = "block"): string {
  return markdownMemos[place](text);
}

/**
 * A version's doc texts recur in the other versions (and in a module and its page): each text is
 * escaped once per place. Bounded, so an input of endless distinct texts cannot grow it for ever.
 */
function memoised<T>(escape: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let escaped = known.get(text);
    if (escaped === undefined) {
      escaped = escape(text);
      if (known.size >= MEMO_ENTRIES) known.clear();
      known.set(text, escaped);
    }
    return escaped;
  };
}

const MEMO_ENTRIES = 50_000;

const markdownMemos: Record<MarkdownPlace, (text: string) => string> = {
  block: memoised((text) => markdown(text, "block")),
  cell: memoised((text) => markdown(text, "cell")),
  "code-cell": memoised((text) => markdown(text, "code-cell")),
};

function markdown(text: string, place: MarkdownPlace): string {
  if (place === "code-cell") return text.replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|");
  const block = text
    .replace(/\r\n?/g, "\n")
    .replace(/!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"\n]*")?\)/g, (whole, label: string, target: string) => (ABSOLUTE_LINK.test(target) ? whole : label))
    .split("\n")
    .map((line) => line.replace(/\s+$/, "").replace(/^(\s{0,3})(#|```|~~~|=+$|-+$)/, "$1\\$2"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (place === "block") return block;
  return block.replace(/\n\n/g, "<br><br>").replace(/\n/g, " ").replace(/\|/g, "\\|");
}

/** Doc text as the lines of a TSDoc comment: `*\/` cannot end the comment, and a line starting with `@` cannot read as a tag. */
export function escapeTsdoc(text: string): readonly string[] {
  return tsdocMemo(text);
}

const tsdocMemo = memoised((text: string): readonly string[] => {
  const cleaned = text.replace(/\*\//g, "*\\/").replace(/[ \t]+$/gm, "").trim();
  if (!cleaned) return [];
  return cleaned.split("\n").map((line) => line.replace(/^(\s*)@/, "$1\\@"));
});
