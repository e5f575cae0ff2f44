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
 * - Well-formedness that matters for safety and truncation is checked: every start tag has its
 *   matching end tag, nothing but comments/PIs/whitespace around the root, attribute values
 *   quoted, no unterminated comment/CDATA/PI. A truncated document therefore always fails.
 * - Line ends are normalised (CRLF/CR -> LF) in text; TAB/CR/LF in attribute values become
 *   spaces (attribute-value normalisation); character references are decoded after that.
 * - Character references to code points XML 1.0 forbids (`&#x1;`, which WCF writes for control
 *   characters) are decoded leniently to the character; `&#0;` and surrogates become U+FFFD.
 * - Depth is limited (256) so hostile nesting cannot exhaust the stack of the readers.
 */
/** A parse failure; the callers turn it into ResponseParseError. */
export class XmlSyntaxError extends Error {}
const MAX_DEPTH = 256;
const XML_NS = "http://www.w3.org/XML/1998/namespace";
/**
 * Markup that runs to a terminator: [opening, terminator, what it is (in the truncation error),
 * whether its content is character data]. CDATA is text of the element it is in; comments and
 * processing instructions (the XML declaration included) are skipped.
 */
const DELIMITED = [
	[
		"<!--",
		"-->",
		"comment",
		false
	],
	[
		"<![CDATA[",
		"]]>",
		"CDATA section",
		true
	],
	[
		"<?",
		"?>",
		"processing instruction",
		false
	]
];
/** Parses a document and returns its root element. Throws XmlSyntaxError. */
export function parseXmlDocument(xml) {
	const len = xml.length;
	// The open elements; `current` is the innermost (the top of the stack), null outside the root.
	const stack = [];
	let current = null;
	let root = null;
	let pos = xml.charCodeAt(0) === 65279 ? 1 : 0;
	while (pos < len) {
		const lt = xml.indexOf("<", pos);
		const textEnd = lt < 0 ? len : lt;
		if (textEnd > pos) {
			const raw = xml.slice(pos, textEnd);
			if (current !== null) appendText(current, decode(raw, false));
			else if (!/^[ \t\n\r]*$/.test(raw)) throw new XmlSyntaxError(`text outside the root element at offset ${pos}`);
		}
		if (lt < 0) break;
		const c1 = xml.charCodeAt(lt + 1);
		if (c1 === 47) {
			const gt = xml.indexOf(">", lt + 2);
			if (gt < 0) throw unterminated("end tag");
			const name = xml.slice(lt + 2, gt).trimEnd();
			if (current === null || name !== current.name) {
				throw new XmlSyntaxError(current === null ? `end tag </${name}> without start tag` : `end tag </${name}> does not match <${current.name}>`);
			}
			stack.pop();
			current = stack.length > 0 ? stack[stack.length - 1] : null;
			pos = gt + 1;
		} else if (c1 === 33 || c1 === 63) {
			const kind = DELIMITED.find(([open]) => xml.startsWith(open, lt));
			if (kind === undefined) {
				throw xml.startsWith("<!DOCTYPE", lt) || xml.startsWith("<!doctype", lt) ? new XmlSyntaxError("DOCTYPE declarations are not accepted (entities are never expanded)") : new XmlSyntaxError(`unexpected markup at offset ${lt}`);
			}
			const [open, close, what, isText] = kind;
			if (isText && current === null) throw new XmlSyntaxError("CDATA outside the root element");
			const end = xml.indexOf(close, lt + open.length);
			if (end < 0) throw unterminated(what);
			if (isText) appendText(current, normaliseSpace(xml.slice(lt + open.length, end), false));
			pos = end + close.length;
		} else {
			if (root !== null && current === null) throw new XmlSyntaxError("more than one root element");
			if (stack.length >= MAX_DEPTH) throw new XmlSyntaxError(`elements nested deeper than ${MAX_DEPTH}`);
			const next = startTag(xml, lt, current, stack);
			const el = stack[stack.length - 1];
			if (current === null) root = el;
			else (current.children ??= []).push(el);
			if (next < 0) {
				stack.pop();
				pos = -next;
			} else {
				current = el;
				pos = next;
			}
		}
	}
	if (root === null) throw new XmlSyntaxError("no root element");
	if (current !== null) throw truncated(`<${current.name}> is not closed`);
	return root;
}
/**
 * Reads a start tag at `lt`, pushes the new element on the stack and returns the position after
 * it — negated when the tag is self-closing.
 */
function startTag(xml, lt, parent, stack) {
	const len = xml.length;
	let i = nameEnd(
		xml,
		lt + 1,
		62
		/* > */
	);
	if (i === lt + 1) throw new XmlSyntaxError(`invalid start tag at offset ${lt}`);
	if (i >= len) throw unterminated("start tag");
	const name = xml.slice(lt + 1, i);
	let attrs = null;
	let declared = null;
	let selfClosing = false;
	for (;;) {
		i = skipSpace(xml, i);
		if (i >= len) throw unterminated("start tag");
		const c = xml.charCodeAt(i);
		if (c === 62) break;
		if (c === 47) {
			if (xml.charCodeAt(i + 1) !== 62) throw new XmlSyntaxError(`invalid start tag <${name}>`);
			selfClosing = true;
			i++;
			break;
		}
		const nameStart = i;
		i = nameEnd(
			xml,
			i,
			61
			/* = */
		);
		const attrName = xml.slice(nameStart, i);
		i = skipSpace(xml, i);
		if (xml.charCodeAt(i) !== 61) throw new XmlSyntaxError(`attribute ${attrName} of <${name}> has no value`);
		i = skipSpace(xml, i + 1);
		const quote = xml.charCodeAt(i);
		if (quote !== 34 && quote !== 39) {
			throw i >= len ? unterminated("start tag") : new XmlSyntaxError(`attribute ${attrName} of <${name}> is not quoted`);
		}
		const end = xml.indexOf(quote === 34 ? "\"" : "'", i + 1);
		if (end < 0) throw unterminated("attribute value");
		const value = decode(xml.slice(i + 1, end), true);
		i = end + 1;
		(attrs ??= []).push(attrName, value);
		// xmlns="…" declares the default namespace (""), xmlns:p="…" the prefix p.
		if (attrName === "xmlns" || attrName.startsWith("xmlns:")) (declared ??= {})[attrName.slice(6)] = value;
	}
	const colon = name.indexOf(":");
	const scope = parent === null ? null : parent.scope;
	const el = {
		name,
		local: colon < 0 ? name : name.slice(colon + 1),
		prefix: colon < 0 ? "" : name.slice(0, colon),
		attrs,
		children: null,
		text: "",
		scope: declared === null ? scope : {
			map: declared,
			parent: scope
		}
	};
	stack.push(el);
	return selfClosing ? -(i + 1) : i + 1;
}
function appendText(el, text) {
	el.text = el.text === "" ? text : el.text + text;
}
function truncated(what) {
	return new XmlSyntaxError(`document is truncated (${what})`);
}
function unterminated(what) {
	return truncated(`unterminated ${what}`);
}
/** The position of the first character from `i` that is not white space (nor another control character). */
function skipSpace(xml, i) {
	while (i < xml.length && xml.charCodeAt(i) <= 32) i++;
	return i;
}
/** The end of a name from `i`: the first space, control character, `>`, `/` or `stop`. */
function nameEnd(xml, i, stop) {
	for (; i < xml.length; i++) {
		const c = xml.charCodeAt(i);
		if (c === stop || c === 62 || c === 47 || c <= 32) break;
	}
	return i;
}
/** Line ends normalised (CRLF and CR → LF); in attribute values they and TAB become spaces. */
function normaliseSpace(raw, inAttribute) {
	if (inAttribute) return /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
	return raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
}
/** Character data or an attribute value as it reads: spaces normalised, then references decoded. */
function decode(raw, inAttribute) {
	const text = normaliseSpace(raw, inAttribute);
	return text.includes("&") ? decodeReferences(text) : text;
}
/** The five predefined entities; a Map, so that no name reaches Object.prototype. */
const ENTITIES = new Map(Object.entries({
	lt: "<",
	gt: ">",
	amp: "&",
	quot: "\"",
	apos: "'"
}));
/** Decodes entity and character references; any other reference is an error. */
function decodeReferences(text) {
	let out = "";
	let last = 0;
	for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", last)) {
		const semi = text.indexOf(";", amp + 1);
		if (semi < 0 || semi - amp > 12) throw new XmlSyntaxError("unterminated entity reference");
		const ref = text.slice(amp + 1, semi);
		let ch = ENTITIES.get(ref);
		if (ch === undefined) {
			if (ref[0] !== "#") throw new XmlSyntaxError(`undefined entity &${ref};`);
			const digits = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
			const cp = digits === null ? NaN : digits[1] !== undefined ? parseInt(digits[1], 16) : parseInt(digits[2], 10);
			// NaN (not a reference) fails the comparison too.
			if (!(cp <= 1114111)) throw new XmlSyntaxError(`invalid character reference &${ref};`);
			ch = cp === 0 || cp >= 55296 && cp <= 57343 ? "�" : String.fromCodePoint(cp);
		}
		out += text.slice(last, amp) + ch;
		last = semi + 1;
	}
	return out + text.slice(last);
}
/** Namespace bound to a prefix in a scope ("" = default); undefined when undeclared. */
export function resolvePrefix(prefix, scope) {
	for (let s = scope; s !== null; s = s.parent) {
		const ns = s.map[prefix];
		if (ns !== undefined) return ns;
	}
	return prefix === "xml" ? XML_NS : undefined;
}
/** Namespace of an element. */
export function namespaceOf(el) {
	return resolvePrefix(el.prefix, el.scope);
}
/** First child with that local name (and namespace, when given). */
export function childNamed(el, local, ns) {
	const children = el.children;
	if (children === null) return undefined;
	for (const c of children) {
		if (c.local === local && (ns === undefined || namespaceOf(c) === ns)) return c;
	}
	return undefined;
}
