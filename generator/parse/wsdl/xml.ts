/**
 * XML layer of the WSDL parser: well-formedness check, parsing into a small
 * namespace-aware tree, QName resolution in each element's own scope, and
 * offset → line lookup.
 */
import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import type { LineIndex } from "../../util/text.js";
import { messageOf } from "../../util/errors.js";

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
 * The tree is built by one scan of the tags (scanElements), which reads the plain XML that WSDLs
 * are (elements, attributes, text, comments, CDATA, processing instructions) and refuses anything
 * else. A refused text goes to fast-xml-parser: its validator says what is wrong and where, and a
 * text the validator accepts after all (valid XML the scan does not read) is parsed by it. Both
 * give the same tree: text trimmed per run between tags, CDATA kept as written, references to the
 * predefined and numeric entities decoded, line breaks normalised to "\n".
 */
export function readXml(text: string, lines: LineIndex): XmlReadResult {
  const doctype = findDoctype(text);
  const xml = doctype ? text.slice(0, doctype.offset) + text.slice(doctype.offset, doctype.end).replace(/[^\n\r]/g, " ") + text.slice(doctype.end) : text;
  const scanned = scanElements(xml);
  if (scanned) return { root: scanned };
  const validation = XMLValidator.validate(xml);
  if (validation !== true) return { problem: describeValidationError(validation.err, lines) };
  return readWithXmlParser(xml, lines);
}

/** The tree fast-xml-parser gives for a text already found valid: readXml's reader for what scanElements does not read. */
export function readWithXmlParser(xml: string, lines: LineIndex): XmlReadResult {
  let ordered: OrderedNode[];
  try {
    ordered = new XMLParser(PARSER_OPTIONS).parse(xml) as OrderedNode[];
  } catch (error) {
    return { problem: { line: lines.fileLine(1), message: `XML parser failed: ${messageOf(error)}` } };
  }
  const roots = toElements(ordered, ROOT_SCOPE);
  if (roots.length === 0) return { problem: { line: lines.fileLine(1), message: "The document has no root element." } };
  return { root: roots[0] };
}

const NAME = "[\\p{L}_:][\\p{L}\\p{N}\\p{M}.:_-]*";
/** A start or empty-element tag at the current position: name, attributes with quoted values (no `<` in them), `>` or `/>`. */
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, "uy");
const END_TAG = new RegExp(`</(${NAME})\\s*>`, "uy");
/** An `&` that starts no predefined, numeric or named reference. */
const BARE_AMPERSAND = /&(?![A-Za-z_][\w.-]*;|#\d+;|#x[\da-fA-F]+;)/;

/** An element whose end tag the scan has not reached yet: its text runs are joined at the end. */
interface OpenElement {
  element: XmlElement;
  text: string;
}

/**
 * The document element, read in one pass over the tags; null when the text is anything but
 * well-formed plain XML (a tag not closed in order, a repeated attribute, a lone `&`, text
 * outside the root, a `<!` that is no comment or CDATA), which only means "ask the validator".
 * Elements after the first root are read and dropped, as fast-xml-parser's tree drops them here.
 */
function scanElements(xml: string): XmlElement | null {
  if (BARE_AMPERSAND.test(xml)) return null;
  const open: OpenElement[] = [];
  let root: XmlElement | null = null;
  // Text since the last tag, CDATA or processing instruction; comments do not cut it (as in fast-xml-parser).
  let pending = "";
  const flushText = (): boolean => {
    const run = pending.trim();
    pending = "";
    if (run === "") return true;
    const top = open.at(-1);
    if (!top) return false;
    top.text += decodeText(run);
    return true;
  };
  let at = 0;
  for (let lt = xml.indexOf("<"); lt >= 0; lt = xml.indexOf("<", at)) {
    pending += xml.slice(at, lt);
    const next = xml[lt + 1];
    if (next === "!" && xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return null;
      at = end + 3;
    } else if (next === "!" && xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      const top = open.at(-1);
      if (end < 0 || !top || !flushText()) return null;
      top.text += normaliseNewlines(xml.slice(lt + 9, end));
      at = end + 3;
    } else if (next === "?") {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0 || !flushText()) return null;
      at = end + 2;
    } else if (next === "/") {
      END_TAG.lastIndex = lt;
      const tag = END_TAG.exec(xml);
      if (!tag || !flushText()) return null;
      const closed = open.pop();
      if (!closed || closed.element.tag !== tag[1]) return null;
      closed.element.text = closed.text;
      at = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = lt;
      const tag = START_TAG.exec(xml);
      if (!tag || !flushText()) return null;
      const attrs = readAttributes(tag[2]);
      if (!attrs) return null;
      const parent = open.at(-1);
      const parentScope = parent ? parent.element.scope : ROOT_SCOPE;
      const element = newElement(tag[1], attrs, lt, tag[2].includes("xmlns") ? scopeFor(attrs, parentScope) : parentScope);
      if (parent) parent.element.children.push(element);
      else root ??= element;
      if (tag[3] === "/") element.text = "";
      else open.push({ element, text: "" });
      at = START_TAG.lastIndex;
    }
  }
  pending += xml.slice(at);
  return open.length === 0 && flushText() ? root : null;
}

function newElement(tag: string, attrs: Record<string, string>, offset: number, scope: NamespaceScope): XmlElement {
  const colon = tag.indexOf(":");
  return { tag, namespace: scope.lookup(colon < 0 ? "" : tag.slice(0, colon)) ?? "", local: tag.slice(colon + 1), attrs, children: [], text: "", offset, scope };
}

/**
 * START_TAG's well-formed attribute list (names, `=`, quoted values) as name → value (values trimmed,
 * then decoded); null when a name repeats. Read by hand: a regex costs more than the scan. An
 * attribute named `__proto__` is an own property like any other, never the record's prototype.
 */
function readAttributes(list: string): Record<string, string> | null {
  const attrs: Record<string, string> = {};
  let at = 0;
  while (at < list.length) {
    while (at < list.length && list.charCodeAt(at) <= 32) at++;
    if (at >= list.length) break;
    const equals = list.indexOf("=", at);
    const name = list.slice(at, equals).trimEnd();
    if (Object.hasOwn(attrs, name)) return null;
    let quote = equals + 1;
    while (list[quote] !== '"' && list[quote] !== "'") quote++;
    const end = list.indexOf(list[quote], quote + 1);
    const value = decodeText(list.slice(quote + 1, end).trim());
    if (name === "__proto__") Object.defineProperty(attrs, name, { value, enumerable: true, writable: true, configurable: true });
    else attrs[name] = value;
    at = end + 1;
  }
  return attrs;
}

function normaliseNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

function decodeText(text: string): string {
  return predefinedEntitiesOnly.decode(normaliseNewlines(text));
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
