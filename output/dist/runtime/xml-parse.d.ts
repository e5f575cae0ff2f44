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
export declare class XmlSyntaxError extends Error {}
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
/** Parses a document and returns its root element. Throws XmlSyntaxError. */
export declare function parseXmlDocument(xml: string): XmlElement;
/** Namespace bound to a prefix in a scope ("" = default); undefined when undeclared. */
export declare function resolvePrefix(prefix: string, scope: Scope | null): string | undefined;
/** Namespace of an element. */
export declare function namespaceOf(el: XmlElement): string | undefined;
/** First child with that local name (and namespace, when given). */
export declare function childNamed(el: XmlElement, local: string, ns?: string): XmlElement | undefined;
