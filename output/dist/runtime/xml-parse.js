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
/** Parses a document and returns its root element. Throws XmlSyntaxError. */
export function parseXmlDocument(xml) {
	let pos = xml.charCodeAt(0) === 65279 ? 1 : 0;
	const len = xml.length;
	const stack = [];
	let root = null;
	let current = null;
	while (pos < len) {
		const lt = xml.indexOf("<", pos);
		const textEnd = lt < 0 ? len : lt;
		if (textEnd > pos) {
			if (current !== null) appendText(current, decodeText(xml.slice(pos, textEnd)));
			else if (!isWhitespace(xml, pos, textEnd)) throw new XmlSyntaxError(`text outside the root element at offset ${pos}`);
		}
		if (lt < 0) break;
		const c1 = xml.charCodeAt(lt + 1);
		if (c1 === 47) {
			const gt = xml.indexOf(">", lt + 2);
			if (gt < 0) throw new XmlSyntaxError("document is truncated (unterminated end tag)");
			const name = xml.slice(lt + 2, gt).trimEnd();
			if (current === null || name !== current.name) {
				throw new XmlSyntaxError(current === null ? `end tag </${name}> without start tag` : `end tag </${name}> does not match <${current.name}>`);
			}
			stack.pop();
			current = stack.length > 0 ? stack[stack.length - 1] : null;
			pos = gt + 1;
		} else if (c1 === 33) {
			if (xml.startsWith("<!--", lt)) {
				const end = xml.indexOf("-->", lt + 4);
				if (end < 0) throw new XmlSyntaxError("document is truncated (unterminated comment)");
				pos = end + 3;
			} else if (xml.startsWith("<![CDATA[", lt)) {
				if (current === null) throw new XmlSyntaxError("CDATA outside the root element");
				const end = xml.indexOf("]]>", lt + 9);
				if (end < 0) throw new XmlSyntaxError("document is truncated (unterminated CDATA section)");
				appendText(current, normaliseNewlines(xml.slice(lt + 9, end)));
				pos = end + 3;
			} else if (xml.startsWith("<!DOCTYPE", lt) || xml.startsWith("<!doctype", lt)) {
				throw new XmlSyntaxError("DOCTYPE declarations are not accepted (entities are never expanded)");
			} else throw new XmlSyntaxError(`unexpected markup at offset ${lt}`);
		} else if (c1 === 63) {
			const end = xml.indexOf("?>", lt + 2);
			if (end < 0) throw new XmlSyntaxError("document is truncated (unterminated processing instruction)");
			pos = end + 2;
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
	if (stack.length > 0) throw new XmlSyntaxError(`document is truncated (<${stack[stack.length - 1].name}> is not closed)`);
	return root;
}
/**
 * Reads a start tag at `lt`, pushes the new element on the stack and returns the position after
 * it — negated when the tag is self-closing.
 */
function startTag(xml, lt, parent, stack) {
	const len = xml.length;
	let i = lt + 1;
	while (i < len) {
		const c = xml.charCodeAt(i);
		if (c === 62 || c === 47 || c <= 32) break;
		i++;
	}
	if (i === lt + 1) throw new XmlSyntaxError(`invalid start tag at offset ${lt}`);
	if (i >= len) throw new XmlSyntaxError("document is truncated (unterminated start tag)");
	const name = xml.slice(lt + 1, i);
	let attrs = null;
	let scope = parent === null ? null : parent.scope;
	let declared = null;
	let selfClosing = false;
	for (;;) {
		while (i < len && xml.charCodeAt(i) <= 32) i++;
		if (i >= len) throw new XmlSyntaxError("document is truncated (unterminated start tag)");
		const c = xml.charCodeAt(i);
		if (c === 62) {
			i++;
			break;
		}
		if (c === 47) {
			if (xml.charCodeAt(i + 1) !== 62) throw new XmlSyntaxError(`invalid start tag <${name}>`);
			selfClosing = true;
			i += 2;
			break;
		}
		const nameStart = i;
		while (i < len) {
			const d = xml.charCodeAt(i);
			if (d === 61 || d <= 32 || d === 62 || d === 47) break;
			i++;
		}
		const attrName = xml.slice(nameStart, i);
		while (i < len && xml.charCodeAt(i) <= 32) i++;
		if (xml.charCodeAt(i) !== 61) throw new XmlSyntaxError(`attribute ${attrName} of <${name}> has no value`);
		i++;
		while (i < len && xml.charCodeAt(i) <= 32) i++;
		const quote = xml.charCodeAt(i);
		if (quote !== 34 && quote !== 39) {
			if (i >= len) throw new XmlSyntaxError("document is truncated (unterminated start tag)");
			throw new XmlSyntaxError(`attribute ${attrName} of <${name}> is not quoted`);
		}
		const end = xml.indexOf(quote === 34 ? "\"" : "'", i + 1);
		if (end < 0) throw new XmlSyntaxError("document is truncated (unterminated attribute value)");
		const value = decodeAttr(xml.slice(i + 1, end));
		i = end + 1;
		(attrs ??= []).push(attrName, value);
		if (attrName === "xmlns") (declared ??= {})[""] = value;
		else if (attrName.startsWith("xmlns:")) (declared ??= {})[attrName.slice(6)] = value;
	}
	if (declared !== null) scope = {
		map: declared,
		parent: scope
	};
	const colon = name.indexOf(":");
	const el = {
		name,
		local: colon < 0 ? name : name.slice(colon + 1),
		prefix: colon < 0 ? "" : name.slice(0, colon),
		attrs,
		children: null,
		text: "",
		scope
	};
	stack.push(el);
	return selfClosing ? -i : i;
}
function appendText(el, text) {
	el.text = el.text === "" ? text : el.text + text;
}
function isWhitespace(xml, from, to) {
	for (let i = from; i < to; i++) {
		const c = xml.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
	}
	return true;
}
function normaliseNewlines(text) {
	return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
function decodeText(raw) {
	const text = normaliseNewlines(raw);
	return text.includes("&") ? decodeReferences(text) : text;
}
function decodeAttr(raw) {
	const text = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
	return text.includes("&") ? decodeReferences(text) : text;
}
function decodeReferences(text) {
	let out = "";
	let last = 0;
	for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", last)) {
		const semi = text.indexOf(";", amp + 1);
		if (semi < 0 || semi - amp > 12) throw new XmlSyntaxError("unterminated entity reference");
		const ref = text.slice(amp + 1, semi);
		let ch;
		switch (ref) {
			case "lt":
				ch = "<";
				break;
			case "gt":
				ch = ">";
				break;
			case "amp":
				ch = "&";
				break;
			case "quot":
				ch = "\"";
				break;
			case "apos":
				ch = "'";
				break;
			default: {
				if (ref.charCodeAt(0) !== 35) throw new XmlSyntaxError(`undefined entity &${ref};`);
				const hex = ref.charCodeAt(1) === 120;
				const digits = ref.slice(hex ? 2 : 1);
				if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new XmlSyntaxError(`invalid character reference &${ref};`);
				const cp = parseInt(digits, hex ? 16 : 10);
				if (cp > 1114111) throw new XmlSyntaxError(`invalid character reference &${ref};`);
				ch = cp === 0 || cp >= 55296 && cp <= 57343 ? "�" : String.fromCodePoint(cp);
			}
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
