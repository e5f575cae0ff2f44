/**
 * XML layer of the WSDL parser: well-formedness check, parsing into a small
 * namespace-aware tree, QName resolution in each element's own scope, and
 * offset → line lookup.
 */
import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import type { LineIndex } from "../../util/text.js";

export interface XmlElement {
  /** Tag as written, e.g. "xs:element"; for messages only, match on namespace + local. */
  tag: string;
  namespace: string;
  local: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** Concatenated text content, trimmed. */
  text: string;
  /** Offset of the element's "<" in the input. */
  offset: number;
  scope: NamespaceScope;
}

/** In-scope prefix → namespace bindings; a child scope exists only where xmlns attributes appear. */
export class NamespaceScope {
  constructor(
    private readonly parent: NamespaceScope | null,
    private readonly bindings: ReadonlyMap<string, string>,
  ) {}

  /** Namespace bound to `prefix` ("" for the default namespace), or undefined when undeclared. */
  lookup(prefix: string): string | undefined {
    for (let scope: NamespaceScope | null = this; scope; scope = scope.parent) {
      const namespace = scope.bindings.get(prefix);
      if (namespace !== undefined) return namespace;
    }
    return undefined;
  }
}

const ROOT_SCOPE = new NamespaceScope(
  null,
  new Map([
    ["", ""],
    ["xml", "http://www.w3.org/XML/1998/namespace"],
  ]),
);

export interface QName {
  namespace: string;
  local: string;
}

/** Resolves a QName-valued attribute ("q1:ArrayOfstring") in the scope of the element carrying it. */
export function resolveQName(el: XmlElement, qname: string): QName | null {
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? "" : qname.slice(0, colon);
  const namespace = el.scope.lookup(prefix);
  return namespace === undefined ? null : { namespace, local: qname.slice(colon + 1) };
}

/** Value of a namespaced attribute (e.g. wsaw:Action) whatever prefix the file chose. */
export function namespacedAttr(el: XmlElement, namespaces: readonly string[], local: string): string | undefined {
  for (const [name, value] of Object.entries(el.attrs)) {
    const colon = name.indexOf(":");
    if (colon < 0 || name.slice(colon + 1) !== local) continue;
    const namespace = el.scope.lookup(name.slice(0, colon));
    if (namespace !== undefined && namespaces.includes(namespace)) return value;
  }
  return undefined;
}

export function childrenNamed(el: XmlElement, namespace: string, local: string): XmlElement[] {
  return el.children.filter((child) => child.local === local && child.namespace === namespace);
}

export function firstChildNamed(el: XmlElement, namespace: string, local: string): XmlElement | undefined {
  return el.children.find((child) => child.local === local && child.namespace === namespace);
}

// ---------------------------------------------------------------- parsing

export interface SyntaxProblem {
  /** File line (LineIndex-mapped). */
  line: number;
  message: string;
}

export type XmlReadResult = { root: XmlElement } | { problem: SyntaxProblem };

/**
 * Parses into an XmlElement tree rooted at the document element. A DOCTYPE is blanked out first
 * (same length, line breaks kept, so offsets and lines stay true): its entities are never expanded
 * anyway, and what it declares (external or parameter entities, which the XML parser refuses) must
 * not decide whether the WSDL can be read.
 *
 * fast-xml-parser is lenient (a mismatched or missing closing tag still parses), and its validator
 * costs about two thirds of a parse. So the text is parsed once, checked by a single scan of its
 * tags (wellFormedTags), and the validator runs only when the parse or that scan finds something
 * wrong, to say what and where.
 */
export function readXml(text: string, lines: LineIndex): XmlReadResult {
  const doctype = findDoctype(text);
  const xml = doctype ? text.slice(0, doctype.offset) + text.slice(doctype.offset, doctype.end).replace(/[^\n\r]/g, " ") + text.slice(doctype.end) : text;
  let ordered: OrderedNode[] | null = null;
  let failure: unknown = null;
  try {
    ordered = new XMLParser(PARSER_OPTIONS).parse(xml) as OrderedNode[];
  } catch (error) {
    failure = error;
  }
  if (ordered === null || !wellFormedTags(xml) || !ordered.some((node) => tagOf(node) !== undefined) || ordered.some((node) => node[TEXT] !== undefined)) {
    const validation = XMLValidator.validate(xml);
    if (validation !== true) return { problem: describeValidationError(validation.err, lines) };
    if (ordered === null) return { problem: { line: lines.fileLine(1), message: `XML parser failed: ${failure instanceof Error ? failure.message : String(failure)}` } };
  }
  const roots = toElements(ordered, ROOT_SCOPE);
  if (roots.length === 0) return { problem: { line: lines.fileLine(1), message: "The document has no root element." } };
  return { root: roots[0] };
}

const NAME = "[A-Za-z_:][\\w.:-]*";
/** A start or empty-element tag at the current position: name, attributes with quoted values (no `<` in them), `>` or `/>`. */
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, "y");
const END_TAG = new RegExp(`</(${NAME})\\s*>`, "y");
/** An `&` that starts no predefined, numeric or named reference. */
const BARE_AMPERSAND = /&(?![A-Za-z_][\w.-]*;|#\d+;|#x[\da-fA-F]+;)/;

/**
 * True when every tag is well formed and closed in order, no attribute is repeated, and no `&`
 * stands alone: what fast-xml-parser lets through without complaint. A false answer only means
 * "ask the validator", which may still accept the text.
 */
function wellFormedTags(xml: string): boolean {
  if (BARE_AMPERSAND.test(xml)) return false;
  const open: string[] = [];
  for (let at = xml.indexOf("<"); at >= 0; at = xml.indexOf("<", at)) {
    const next = xml[at + 1];
    if (next === "!" || next === "?") {
      // Comments, CDATA and processing instructions; any other `<!` (a DOCTYPE is blanked out) is the validator's.
      const close = xml.startsWith("<!--", at) ? "-->" : xml.startsWith("<![CDATA[", at) ? "]]>" : next === "?" ? "?>" : "";
      const end = close === "" ? -1 : xml.indexOf(close, at + 2);
      if (end < 0) return false;
      at = end + close.length;
    } else if (next === "/") {
      END_TAG.lastIndex = at;
      const tag = END_TAG.exec(xml);
      if (!tag || open.pop() !== tag[1]) return false;
      at = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = at;
      const tag = START_TAG.exec(xml);
      if (!tag || repeatsAttribute(tag[2])) return false;
      if (tag[3] !== "/") open.push(tag[1]);
      at = START_TAG.lastIndex;
    }
  }
  return open.length === 0;
}

/** `attributes` is START_TAG's well-formed attribute list (names, `=`, quoted values); read by hand, a regex costs more than the scan. */
function repeatsAttribute(attributes: string): boolean {
  const first = attributes.indexOf("=");
  if (first < 0 || first === attributes.lastIndexOf("=")) return false;
  const names: string[] = [];
  let at = 0;
  while (at < attributes.length) {
    while (at < attributes.length && attributes.charCodeAt(at) <= 32) at++;
    if (at >= attributes.length) break;
    const equals = attributes.indexOf("=", at);
    const name = attributes.slice(at, equals).trimEnd();
    if (names.includes(name)) return true;
    names.push(name);
    let quote = equals + 1;
    while (attributes[quote] !== '"' && attributes[quote] !== "'") quote++;
    at = attributes.indexOf(attributes[quote], quote + 1) + 1;
  }
  return false;
}

/** First start tag of the text, found without parsing: tells an HTML page from broken XML. */
export function firstStartTag(xml: string): { tag: string; offset: number } | null {
  const match = /<([A-Za-z_][\w.:-]*)/.exec(xml);
  return match ? { tag: match[1], offset: match.index } : null;
}

/**
 * The DOCTYPE before the root element, if any: where it starts and ends (after its `>`), and the
 * number of entity definitions in its internal subset. Quoted literals and comments in the subset
 * may hold `>` and `]`; an unterminated DOCTYPE runs to the end of the text.
 */
export function findDoctype(xml: string): { offset: number; end: number; entityCount: number } | null {
  const offset = xml.indexOf("<!DOCTYPE");
  if (offset < 0 || offset > (firstStartTag(xml)?.offset ?? xml.length)) return null;
  let inSubset = false;
  let subsetStart = -1;
  let subsetEnd = -1;
  let end = xml.length;
  for (let i = offset + "<!DOCTYPE".length; i < xml.length; i++) {
    const c = xml[i];
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, i + 1);
      i = close < 0 ? xml.length : close;
    } else if (inSubset && xml.startsWith("<!--", i)) {
      const close = xml.indexOf("-->", i + 4);
      i = close < 0 ? xml.length : close + 2;
    } else if (c === "[" && !inSubset && subsetStart < 0) {
      inSubset = true;
      subsetStart = i;
    } else if (c === "]" && inSubset) {
      inSubset = false;
      subsetEnd = i;
    } else if (c === ">" && !inSubset) {
      end = i + 1;
      break;
    }
  }
  const subset = subsetStart < 0 ? "" : xml.slice(subsetStart, subsetEnd < 0 ? end : subsetEnd);
  return { offset, end, entityCount: subset.split("<!ENTITY").length - 1 };
}

function describeValidationError(err: { code: string; msg: string; line: number }, lines: LineIndex): SyntaxProblem {
  // Elements still open at end of input come back as "Unclosed tag 'a'." (line of <a>) or, for
  // several, "Invalid '[\"a\",\"b\"]' found." on line 1; the useful line is where the text stops.
  const unclosed =
    /^Unclosed tag '(.+)'\.$/.exec(err.msg)?.slice(1) ??
    (err.msg.startsWith("Invalid '[") ? [...err.msg.matchAll(/"([^"]+)"/g)].map((m) => m[1]) : []);
  if (unclosed.length > 0) {
    return { line: lines.lastLine, message: `The XML ends before ${unclosed.map((t) => `<${t}>`).join(", ")} ${unclosed.length > 1 ? "are" : "is"} closed (truncated document?).` };
  }
  return { line: lines.fileLine(err.line), message: `Malformed XML: ${err.msg}` };
}

/** Decodes XML's predefined and numeric references only: DOCTYPE entities are never expanded. */
const predefinedEntitiesOnly: EntityDecoderOptions = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text) => (text.includes("&") ? text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-fA-F]+);/g, decodeReference) : text),
};

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeReference(whole: string, name: string): string {
  if (name[0] !== "#") return PREDEFINED[name];
  const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
  // No callback reads element paths: do not build one string per element.
  jPath: false,
  processEntities: true,
  entityDecoder: predefinedEntitiesOnly,
} as const;

/** fast-xml-parser's preserveOrder shape: one tag key → children, ":@" → attributes, "#text" → text. */
type OrderedNode = { [key: string]: unknown; [metadata: symbol]: unknown };

const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;
const TEXT = "#text";
const ATTRIBUTES = ":@";

function toElements(nodes: OrderedNode[], scope: NamespaceScope): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag !== undefined) elements.push(toElement(node, tag, scope));
  }
  return elements;
}

function tagOf(node: OrderedNode): string | undefined {
  for (const key in node) if (key !== ATTRIBUTES && key !== TEXT) return key;
  return undefined;
}

function toElement(node: OrderedNode, tag: string, parentScope: NamespaceScope): XmlElement {
  const attrs = (node[ATTRIBUTES] ?? {}) as Record<string, string>;
  const scope = scopeFor(attrs, parentScope);
  const colon = tag.indexOf(":");
  const content = node[tag] as OrderedNode[];
  return {
    tag,
    namespace: scope.lookup(colon < 0 ? "" : tag.slice(0, colon)) ?? "",
    local: tag.slice(colon + 1),
    attrs,
    children: toElements(content, scope),
    text: textOf(content),
    offset: (node[METADATA] as { startIndex: number } | undefined)?.startIndex ?? 0,
    scope,
  };
}

function scopeFor(attrs: Record<string, string>, parent: NamespaceScope): NamespaceScope {
  let bindings: Map<string, string> | undefined;
  for (const name in attrs) {
    if (name === "xmlns") (bindings ??= new Map()).set("", attrs[name]);
    else if (name.startsWith("xmlns:")) (bindings ??= new Map()).set(name.slice(6), attrs[name]);
  }
  return bindings ? new NamespaceScope(parent, bindings) : parent;
}

function textOf(content: OrderedNode[]): string {
  let text = "";
  for (const node of content) {
    const value = node[TEXT];
    if (value !== undefined) text += String(value);
  }
  return text;
}
