/**
 * One cleanup for every piece of documentation prose (SOAP pages, REST pages,
 * text dumps, OpenAPI descriptions): the sources mix markdown with .NET XML
 * doc tags, escaped tags and headings pasted into the middle of a line. The
 * result is markdown text with crefs as inline code and paragraphs split by
 * one blank line.
 */
import { ownKeysOnly } from "../../util/records.js";
import { normaliseText } from "../../util/text.js";

/** Null prototype: `&constructor;` in a page is no entity (and must not find Object.prototype's members). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = ownKeysOnly({
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  nbsp: " ",
});

/** Decodes HTML entities; repeated because some sources escape twice (`&amp;apos;`). */
function decodeEntities(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3 && current.includes("&"); pass++) {
    const decoded = current.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    });
    if (decoded === current) break;
    current = decoded;
  }
  return current;
}

/** `M:SuperOffice.Services86.IUserAgent.GetUser(System.Int32)` → `GetUser`. */
function crefName(cref: string): string {
  const withoutKind = cref.replace(/^[A-Z!]:/, "");
  const withoutArgs = withoutKind.replace(/\(.*\)$/, "").replace(/`\d+$/, "");
  return withoutArgs.slice(withoutArgs.lastIndexOf(".") + 1);
}

function inlineCode(text: string): string {
  const trimmed = text.trim();
  const fence = trimmed.includes("`") ? "``" : "`";
  return `${fence}${trimmed}${fence}`;
}

/** Removes the common leading indentation of code pasted from C# doc comments. */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common).trimEnd());
}

function codeBlock(text: string): string {
  const lines = dedent(text.split("\n"));
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return `\`\`\`\n${lines.join("\n")}\n\`\`\``;
}

const INLINE_LABEL_HEADING = /#{1,6}[ \t]+([^#\n]+?):[ \t]*#{1,6}[ \t]*/g;

/** `## Online Restricted: ## text`: a heading line that is really a labelled sentence. */
export function isInlineLabelHeading(line: string): boolean {
  return /^ {0,3}#{1,6}[ \t]+[^#\n]+?:[ \t]*#{1,6}[ \t]+\S/.test(line);
}

const PLACEHOLDER = /\u0000(\d+)\u0000/g;

/** "NsApiSlow threshold: 2000 ms.": a server timing hint in summaries and descriptions, not documentation. */
const SERVER_TIMING_HINT = /NsApiSlow threshold:[ \t]*\d+[ \t]*ms\.?/gi;

/**
 * Cleans one piece of prose. Code (`<code>`, `<c>`, crefs) is set aside first
 * so whitespace and heading rules never touch it. Each rule runs only on text that holds the
 * character it starts with: most prose (a table cell's doc) is one plain line.
 */
export function cleanProse(raw: string): string {
  const code: string[] = [];
  const keep = (text: string): string => `\u0000${code.push(text) - 1}\u0000`;

  // Files arrive normalised, but a JSON string escape (an OpenAPI description's \r\n) may still hold a CR.
  let text = normaliseText(raw);
  if (text.includes("\u0000")) text = text.replace(/\u0000/g, "");
  text = decodeEntities(text.replace(SERVER_TIMING_HINT, ""));
  if (text.includes("<")) text = withoutTags(text, keep);
  // "## Online Restricted: ## The User agent…": a labelled heading pasted into running text.
  if (text.includes("#")) text = text.replace(INLINE_LABEL_HEADING, (_, label: string) => `\n\n**${label.trim()}:** `);

  const lines = text.split("\n").map((line) => {
    const trimmed = line.trim();
    const plain = trimmed[0] === "#" ? trimmed.replace(/^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?$/, (_, heading: string) => `**${heading}**`) : trimmed;
    return plain.replace(/[ \t]{2,}/g, " ");
  });
  const joined = lines.length === 1 ? lines[0] : lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  return code.length === 0 ? joined : joined.replace(PLACEHOLDER, (_, index: string) => code[Number(index)]);
}

/** .NET XML doc tags and their HTML cousins as markdown; code set aside with `keep`. */
function withoutTags(text: string, keep: (code: string) => string): string {
  return text
    .replace(/<code>([\s\S]*?)<\/code>/gi, (_, body: string) =>
      body.includes("\n") ? `\n\n${keep(codeBlock(body))}\n\n` : keep(inlineCode(body)),
    )
    .replace(/<c>([\s\S]*?)<\/c>/gi, (_, body: string) => keep(inlineCode(body)))
    .replace(/<see\s+(?:cref|href)=["']([^"']*)["']\s*>([\s\S]*?)<\/see>/gi, (_, cref: string, label: string) =>
      keep(inlineCode(label.trim() || crefName(cref))),
    )
    .replace(/<see\s+(?:cref|href)=["']([^"']*)["']\s*\/>/gi, (_, cref: string) => keep(inlineCode(crefName(cref))))
    .replace(/<see\s+langword="([^"]*)"\s*\/>/gi, (_, word: string) => keep(inlineCode(word)))
    .replace(/<(?:paramref|typeparamref)\s+name="([^"]*)"\s*\/>/gi, (_, name: string) => keep(inlineCode(name)))
    .replace(/<(?:para|p)\s*\/>|<\/?(?:para|p)>/gi, "\n\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<(b|strong)>([\s\S]*?)<\/\1>/gi, (_, _tag: string, body: string) => `**${body.trim()}**`)
    .replace(/<(i|em)>([\s\S]*?)<\/\1>/gi, (_, _tag: string, body: string) => `*${body.trim()}*`)
    .replace(/<h[1-6]>([\s\S]*?)<\/h[1-6]>/gi, (_, body: string) => `\n\n**${body.trim()}**\n\n`);
}
