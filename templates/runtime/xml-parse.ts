/**
 * A small, strict XML 1.0 parser for SOAP responses: one pass over the string, a compact tree
 * of elements (document order kept), namespace scopes resolved lazily.
 *
 * Why not fast-xml-parser: on an 8 KB WCF envelope it takes 260–350 µs, more than the whole
 * per-call budget the runtime has (≤ 1/5 of node-soap's ~1.3 ms); this parser takes a small
 * fraction of that. fast-xml-parser is used in the tests as the reference it is checked against.
 *
 * Rules:
 * - No DTD: a document with `<!DOCTYPE` is rejected, so no entity is ever declared or expanded.
 *   Only `&lt; &gt; &amp; &quot; &apos;` and character references are decoded; any other
 *   reference is an error.
 * - Well-formedness that matters for safety and truncation is checked: names are XML names
 *   (`<a="x">` is no element), every start tag has its
 *   matching end tag, nothing but comments/PIs/whitespace around the root, attribute values
 *   quoted, no unterminated comment/CDATA/PI. A truncated document therefore always fails.
 * - Line ends are normalised (CRLF/CR -> LF) in text; TAB/CR/LF in attribute values become
 *   spaces (attribute-value normalisation); character references are decoded after that.
 * - Its messages name offsets, never a piece of the document (a broken server may have written a
 *   secret into it unescaped, and redaction finds only whole secrets).
 * - Character references to code points XML 1.0 forbids (`&#x1;`, which WCF writes for control
 *   characters) are decoded leniently to the character; `&#0;` and surrogates become U+FFFD.
 * - Depth is limited (256) so hostile nesting cannot exhaust the stack of the readers.
 */

/** A parse failure; the callers turn it into ResponseParseError. */
export class XmlSyntaxError extends Error {}

/** prefix -> namespace ("" = default namespace); chained to the enclosing scope. */
export interface Scope {
  readonly map: Readonly<Record<string, string>>;
  readonly parent: Scope | null;
}

export interface XmlElement {
  /** Qualified name as written, e.g. "s:Body". */
  readonly name: string;
  /** Local part, e.g. "Body". */
  readonly local: string;
  /** Prefix, "" when none. */
  readonly prefix: string;
  /** Attributes as [qname, value, qname, value, …], or null. xmlns declarations included. */
  readonly attrs: string[] | null;
  /** Child elements in document order, or null. */
  children: XmlElement[] | null;
  /** Character data directly inside the element (CDATA included), children's text excluded. */
  text: string;
  /** Namespace declarations in scope. */
  readonly scope: Scope | null;
}

const MAX_DEPTH = 256;

/**
 * Markup that runs to a terminator: [opening, terminator, what it is (in the truncation error),
 * whether its content is character data]. CDATA is text of the element it is in; comments and
 * processing instructions (the XML declaration included) are skipped.
 */
const DELIMITED: readonly (readonly [open: string, close: string, what: string, isText: boolean])[] = [
  ["<!--", "-->", "comment", false],
  ["<![CDATA[", "]]>", "CDATA section", true],
  ["<?", "?>", "processing instruction", false],
];

const fail = (message: string): XmlSyntaxError => new XmlSyntaxError(message);
const truncated = (what: string): XmlSyntaxError => fail(`document is truncated (${what})`);
const unterminated = (what: string): XmlSyntaxError => truncated(`unterminated ${what}`);

/** Parses a document and returns its root element. Throws XmlSyntaxError. */
export function parseXmlDocument(xml: string): XmlElement {
  // The open elements; `current` is the innermost (the top of the stack), undefined outside the root.
  const stack: XmlElement[] = [];
  let current: XmlElement | undefined;
  let root: XmlElement | undefined;
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;

  for (;;) {
    const lt = xml.indexOf("<", pos);
    const raw = xml.slice(pos, lt < 0 ? undefined : lt);
    if (raw) {
      if (current) current.text += decode(raw, false);
      else if (!/^[ \t\n\r]*$/.test(raw)) throw fail(`text outside the root element at offset ${pos}`);
    }
    if (lt < 0) break;
    const c1 = xml[lt + 1];
    if (c1 === "/") {
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) throw unterminated("end tag");
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (name !== current?.name) throw fail(`end tag at offset ${lt} ${current ? "does not match its start tag" : "has no start tag"}`);
      stack.pop();
      current = stack.at(-1);
      pos = gt + 1;
    } else if (c1 === "!" || c1 === "?") {
      const kind = DELIMITED.find(([open]) => xml.startsWith(open, lt));
      if (!kind) {
        throw fail(
          /^<!(DOCTYPE|doctype)/.test(xml.slice(lt, lt + 9)) // these two spellings only; `<!DocType` is other markup
            ? "DOCTYPE declarations are not accepted (entities are never expanded)"
            : `unexpected markup at offset ${lt}`,
        );
      }
      const [open, close, what, isText] = kind;
      if (isText && !current) throw fail("CDATA outside the root element");
      const end = xml.indexOf(close, lt + open.length);
      if (end < 0) throw unterminated(what);
      if (isText) current!.text += normaliseSpace(xml.slice(lt + open.length, end), false);
      pos = end + close.length;
    } else {
      if (root && !current) throw fail("more than one root element");
      if (stack.length >= MAX_DEPTH) throw fail(`elements nested deeper than ${MAX_DEPTH}`);
      const name = readName(xml, lt + 1);
      if (!name) throw fail(`invalid start tag at offset ${lt}`);
      pos = lt + 1 + name.length;
      let attrs: string[] | null = null;
      let declared: Record<string, string> | null = null;
      let selfClosing = false;
      for (;;) {
        pos = skipSpace(xml, pos);
        const c = xml[pos];
        if (c === undefined) throw unterminated("start tag");
        if (c === ">") break;
        if (c === "/" && xml[pos + 1] === ">") {
          selfClosing = true;
          pos++;
          break;
        }
        // No name here (a `/` not closing the tag, a quote, an `=`, …) is no attribute.
        const attrName = readName(xml, pos);
        if (!attrName) throw fail(`invalid start tag at offset ${lt}`);
        pos = skipSpace(xml, pos + attrName.length);
        const hasValue = xml[pos] === "=";
        if (hasValue) pos = skipSpace(xml, pos + 1);
        const quote = xml[pos];
        if (!hasValue || (quote !== '"' && quote !== "'")) {
          throw hasValue && quote === undefined
            ? unterminated("start tag")
            : fail(`attribute at offset ${pos} ${hasValue ? "is not quoted" : "has no value"}`);
        }
        const end = xml.indexOf(quote, pos + 1);
        if (end < 0) throw unterminated("attribute value");
        const value = decode(xml.slice(pos + 1, end), true);
        pos = end + 1;
        (attrs ??= []).push(attrName, value);
        // xmlns="…" declares the default namespace (""), xmlns:p="…" the prefix p.
        if (attrName === "xmlns" || attrName.startsWith("xmlns:")) (declared ??= {})[attrName.slice(6)] = value;
      }
      pos++;
      const colon = name.indexOf(":");
      const scope = current?.scope ?? null;
      const el: XmlElement = {
        name,
        local: name.slice(colon + 1), // the whole name when there is no colon
        prefix: colon < 0 ? "" : name.slice(0, colon),
        attrs,
        children: null,
        text: "",
        scope: declared ? { map: declared, parent: scope } : scope,
      };
      if (current) (current.children ??= []).push(el);
      else root = el;
      if (!selfClosing) stack.push((current = el));
    }
  }
  if (!root) throw fail("no root element");
  if (current) throw truncated("an element is not closed");
  return root;
}

/** The position of the first character from `i` that is not white space (nor another control character). */
function skipSpace(xml: string, i: number): number {
  // Past the end charCodeAt is NaN, which ends the loop.
  while (xml.charCodeAt(i) <= 32) i++;
  return i;
}

/**
 * An XML name: ASCII letters, digits and `_ : . -`, and any character from U+00B7 on (XML's
 * NameChar, a little wider past ASCII), not starting with a digit, `.` or `-`.
 */
const NAME = /[A-Za-z_:\u00B7-\uFFFF][\w.:\u00B7-\uFFFF-]*/y;

/** The name at `i`, "" where none starts: what follows it (a space, `>`, `/`, `=`, or junk like `"`) is the caller's to check. */
function readName(xml: string, i: number): string {
  NAME.lastIndex = i;
  return NAME.exec(xml)?.[0] ?? "";
}

/** Line ends normalised (CRLF and CR → LF); in attribute values they and TAB become spaces. */
function normaliseSpace(raw: string, inAttribute: boolean): string {
  if (inAttribute) return /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
}

/** The five predefined entities; a Map, so that no name reaches Object.prototype. */
const ENTITIES = new Map(Object.entries({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }));

/**
 * Character data or an attribute value as it reads: spaces normalised, then entity and character
 * references decoded.
 */
function decode(raw: string, inAttribute: boolean): string {
  const text = normaliseSpace(raw, inAttribute);
  let out = "";
  let last = 0;
  for (let amp; (amp = text.indexOf("&", last)) >= 0; ) {
    const semi = text.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw fail("unterminated entity reference");
    out += text.slice(last, amp) + character(text.slice(amp + 1, semi));
    last = semi + 1;
  }
  return out + text.slice(last);
}

/** The character a reference (`ref` as in `&ref;`) stands for; any but the predefined entities and character references is an error. */
function character(ref: string): string {
  const entity = ENTITIES.get(ref);
  if (entity !== undefined) return entity;
  if (ref[0] !== "#") throw fail("undefined entity reference");
  // "#x1F" reads as 0x1F and "#31" as 031 = 31; the pattern rules out all else Number() reads.
  const cp = Number(`0${ref.slice(1)}`);
  if (!/^#(x[\da-fA-F]+|\d+)$/.test(ref) || cp > 0x10ffff) throw fail("invalid character reference");
  return cp === 0 || (cp >= 0xd800 && cp <= 0xdfff) ? "\uFFFD" : String.fromCodePoint(cp);
}

/** Namespace bound to a prefix in a scope ("" = default); undefined when undeclared. */
export function resolvePrefix(prefix: string, scope: Scope | null): string | undefined {
  return scope ? (scope.map[prefix] ?? resolvePrefix(prefix, scope.parent)) : prefix === "xml" ? "http://www.w3.org/XML/1998/namespace" : undefined;
}

/** Namespace of an element. */
export function namespaceOf(el: XmlElement): string | undefined {
  return resolvePrefix(el.prefix, el.scope);
}

/** First child with that local name (and namespace, when given). */
export function childNamed(el: XmlElement, local: string, ns?: string): XmlElement | undefined {
  return el.children?.find((c) => c.local === local && (ns === undefined || namespaceOf(c) === ns));
}
