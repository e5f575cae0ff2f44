import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeAttr, escapeText } from "../../templates/runtime/xml-escape.js";
import { childNamed, namespaceOf, parseXmlDocument, XmlSyntaxError, type XmlElement } from "../../templates/runtime/xml-parse.js";

/** What XML 1.0 can carry of a string: the writer replaces the rest by U+FFFD. */
function carried(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu, "\uFFFD");
}

const text = (xml: string): string => parseXmlDocument(xml).text;

describe("escaping", () => {
  it("escapes markup characters exactly", () => {
    expect(escapeText(`<&>"']]>`)).toBe(`&lt;&amp;&gt;"']]&gt;`);
    expect(escapeAttr(`<&>"']]>`)).toBe(`&lt;&amp;&gt;&quot;&apos;]]&gt;`);
    expect(escapeText("plain")).toBe("plain");
  });

  it("keeps TAB/LF in text, writes CR as a character reference, and TAB/LF/CR in attributes", () => {
    expect(escapeText("a\tb\nc\rd\r\n")).toBe("a\tb\nc&#xD;d&#xD;\n");
    expect(escapeAttr("a\tb\nc\rd")).toBe("a&#x9;b&#xA;c&#xD;d");
  });

  it("replaces characters XML 1.0 cannot carry by U+FFFD, keeps valid surrogate pairs", () => {
    expect(escapeText("a\u0000b\u0001c\u0008d\u000Be\u001Ff\uFFFEg\uFFFF")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFD");
    expect(escapeText("lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00")).toBe("lone \uFFFD high, lone \uFFFD low, pair \uD83D\uDE00");
  });

  it("round-trips `<&>\"']]>` and control characters through the parser", () => {
    const s = `<&>"']]> \t\n\r\r\n x\u0001\u007F\u0085`;
    expect(text(`<a>${escapeText(s)}</a>`)).toBe(carried(s));
    const root = parseXmlDocument(`<a v="${escapeAttr(s)}"/>`);
    expect(root.attrs).toEqual(["v", carried(s)]);
  });

  it("round-trips any string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        expect(text(`<a>${escapeText(s)}</a>`)).toBe(carried(s));
        expect(parseXmlDocument(`<a v="${escapeAttr(s)}"/>`).attrs![1]).toBe(carried(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe("parser", () => {
  it("decodes the five entities, character references, CDATA; normalises newlines", () => {
    expect(text(`<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;</a>`)).toBe(`<>&"'AB\u{1F600}`);
    expect(text(`<a>x<![CDATA[<b>&amp;]]]]><![CDATA[>]]>y</a>`)).toBe("x<b>&amp;]]>y");
    expect(text("<a>1\r\n2\r3\n4&#13;</a>")).toBe("1\n2\n3\n4\r");
    expect(text("<a><!-- c -->x<?pi data?>y</a>")).toBe("xy");
  });

  it("decodes references to characters XML 1.0 forbids leniently; &#0; and surrogates become U+FFFD", () => {
    expect(text("<a>&#x1;&#0;&#xD800;</a>")).toBe("\u0001\uFFFD\uFFFD");
  });

  it("normalises whitespace in attribute values before decoding references", () => {
    expect(parseXmlDocument(`<a v="1\t2\n3\r\n4&#10;5" w='"'/>`).attrs).toEqual(["v", "1 2 3 4\n5", "w", '"']);
  });

  it("resolves namespaces through nested declarations", () => {
    const root = parseXmlDocument(`<s:E xmlns:s="urn:s" xmlns="urn:d"><s:B><c xmlns="urn:c"><d/></c><e/><x:f xmlns:x="urn:x"/></s:B></s:E>`);
    expect(namespaceOf(root)).toBe("urn:s");
    const b = childNamed(root, "B", "urn:s")!;
    expect(childNamed(b, "c")!.children![0]!.local).toBe("d");
    expect(namespaceOf(childNamed(b, "c")!.children![0]!)).toBe("urn:c");
    expect(namespaceOf(childNamed(b, "e")!)).toBe("urn:d");
    expect(namespaceOf(childNamed(b, "f")!)).toBe("urn:x");
    expect(childNamed(root, "B", "urn:other")).toBeUndefined();
  });

  it.each([
    ["empty", ""],
    ["not XML", "Service Unavailable"],
    ["truncated in text", "<a><b>1</b><b>2"],
    ["truncated in a tag", "<a><b>1</b><b"],
    ["truncated in an attribute", `<a x="1`],
    ["truncated end tag", "<a><b>1</b></a"],
    ["mismatched end tag", "<a><b>x</a>"],
    ["stray end tag", "<a></a></b>"],
    ["two roots", "<a/><b/>"],
    ["text after root", "<a/>trailing"],
    ["unknown entity", "<a>&nbsp;</a>"],
    ["bare ampersand", "<a>fish & chips and more text here</a>"],
    ["unquoted attribute", "<a x=1/>"],
    ["DOCTYPE with entities", `<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>`],
    ["DOCTYPE inside", `<a><!DOCTYPE a></a>`],
    ["HTML page", "<!doctype html><html><body>Oops</body></html>"],
    ["HTML without doctype", `<html><head><meta charset="utf-8"></head><body>x</body></html>`],
    ["unterminated comment", "<a><!-- x</a>"],
    ["unterminated CDATA", "<a><![CDATA[x</a>"],
    ["an attribute with no name", `<a="x"/>`],
    ["a name starting with a digit", "<1a/>"],
    ["a name starting with -", "<a><-b/></a>"],
    ["an attribute name with a quote", `<a b"c"="1"/>`],
    ["an attribute name with =", `<a b=c="1"/>`],
    ["an attribute name starting with .", `<a .b="1"/>`],
    ["a name with &", "<a&b/>"],
  ])("rejects %s", (_, xml) => {
    expect(() => parseXmlDocument(xml)).toThrow(XmlSyntaxError);
  });

  it("accepts character references only as `#` + decimal digits or `#x` + hex digits", () => {
    expect(text("<a>&#x0041;&#0066;&#x10FFFF;</a>")).toBe("AB\u{10FFFF}");
    for (const ref of ["#X41", "#1e3", "#", "#x", "#b1", "#o7", "#0x41", "#1.5", "# 1", "#1 ", "#+1", "#x_1", "#x110000", "#1114112"]) {
      expect(() => parseXmlDocument(`<a>&${ref};</a>`)).toThrow(new XmlSyntaxError("invalid character reference"));
    }
    expect(() => parseXmlDocument("<a>&#123456789012;</a>")).toThrow(new XmlSyntaxError("unterminated entity reference"));
  });

  it("refuses DOCTYPE in its two spellings and other `<!` markup by offset", () => {
    const doctype = "DOCTYPE declarations are not accepted (entities are never expanded)";
    expect(() => parseXmlDocument("<!DOCTYPE a><a/>")).toThrow(new XmlSyntaxError(doctype));
    expect(() => parseXmlDocument("<!doctype a><a/>")).toThrow(new XmlSyntaxError(doctype));
    expect(() => parseXmlDocument("<!DocType a><a/>")).toThrow(new XmlSyntaxError("unexpected markup at offset 0"));
    expect(() => parseXmlDocument("<a><!ENTITY x></a>")).toThrow(new XmlSyntaxError("unexpected markup at offset 3"));
  });

  it("limits nesting depth", () => {
    const deep = "<a>".repeat(300) + "</a>".repeat(300);
    expect(() => parseXmlDocument(deep)).toThrow(/nested deeper/);
    const ok = "<a>".repeat(200) + "</a>".repeat(200);
    expect(parseXmlDocument(ok).local).toBe("a");
  });

  it("accepts a BOM, an XML declaration, comments and whitespace around the root", () => {
    expect(parseXmlDocument(`\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- c -->\n<a/>\n<!-- after -->\n`).name).toBe("a");
  });

  it("reads the names XML allows: prefixes, `_ . -` and digits after the first character, letters past ASCII", () => {
    const root = parseXmlDocument(`<s:Envelope xmlns:s="urn:s"><_a.b-c1 x.y-z_2="v"/><Übung é="1">x</Übung></s:Envelope>`);
    expect(root.local).toBe("Envelope");
    expect(root.children?.map((child) => [child.name, child.attrs])).toEqual([["_a.b-c1", ["x.y-z_2", "v"]], ["Übung", ["é", "1"]]]);
  });

  it("an element named __proto__ is an ordinary element", () => {
    const root = parseXmlDocument("<a><__proto__><polluted>1</polluted></__proto__></a>");
    expect(root.children![0]!.local).toBe("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Differential test against fast-xml-parser (preserveOrder) on random documents.

interface Node {
  name: string;
  attrs: [string, string][];
  content: (Node | string)[];
}

const nameArb = fc.constantFrom("a", "b", "s:c", "d-e", "f.g", "H_1", "x:y");
const textArb = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\u0000-\u001F]/g, ""));
const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: nameArb,
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("p", "q", "i:nil", "xmlns:s", "xmlns:x"), textArb), { maxLength: 3, selector: (t) => t[0] }),
    content: fc.array(fc.oneof({ depthSize: "small" }, textArb, tie("node")), { maxLength: 4 }),
  }),
})).node;

function serialise(node: Node, cdata: boolean): string {
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
  if (node.content.length === 0) return `<${node.name}${attrs}/>`;
  const inner = node.content
    .map((c) => (typeof c === "string" ? (cdata && !c.includes("]]>") ? `<![CDATA[${c}]]>` : escapeText(c)) : serialise(c, cdata)))
    .join("");
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}

interface Canon {
  name: string;
  attrs: string[];
  text: string;
  children: Canon[];
}

function canonOurs(el: XmlElement): Canon {
  return { name: el.name, attrs: el.attrs ?? [], text: el.text, children: (el.children ?? []).map(canonOurs) };
}

type Ordered = Record<string, unknown>;
function canonFxp(entry: Ordered): Canon {
  const name = Object.keys(entry).find((k) => k !== ":@")!;
  const attrsObj = (entry[":@"] ?? {}) as Record<string, string>;
  const attrs = Object.entries(attrsObj).flatMap(([k, v]) => [k, v]);
  let text = "";
  const children: Canon[] = [];
  for (const c of entry[name] as Ordered[]) {
    if ("#text" in c) text += String(c["#text"]);
    else children.push(canonFxp(c));
  }
  return { name, attrs, text, children };
}

const fxp = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
});

describe("parser agrees with fast-xml-parser", () => {
  it("on random well-formed documents", () => {
    fc.assert(
      fc.property(nodeArb, fc.boolean(), (node, cdata) => {
        const xml = serialise(node, cdata);
        const ours = canonOurs(parseXmlDocument(xml));
        const theirs = canonFxp((fxp.parse(xml) as Ordered[])[0]!);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 400 },
    );
  });
});
