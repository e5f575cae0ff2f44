/**
 * The WSDL parser's XML reader: its own scan of the tags against fast-xml-parser's tree, which
 * is the reader for whatever the scan refuses. Both must give the same tree for every text the
 * scan reads: the corpus WSDLs, the constructs WSDLs rarely use, and generated documents.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readWithXmlParser, readXml, type XmlElement, type XmlReadResult } from "../../generator/parse/wsdl/xml.js";
import { LineIndex } from "../../generator/util/text.js";
import { hasCorpus, services86Dir, services88Dir } from "../corpus.js";

/** The tree as plain data: what the WSDL parser reads of it (scopes compared by what they resolve). */
function plain(result: XmlReadResult): unknown {
  if ("problem" in result) return result;
  const walk = (el: XmlElement): unknown => ({ tag: el.tag, namespace: el.namespace, local: el.local, attrs: { ...el.attrs }, text: el.text, offset: el.offset, children: el.children.map(walk) });
  return walk(result.root);
}

function bothReaders(xml: string): { scanned: unknown; parsed: unknown } {
  const lines = new LineIndex(xml);
  return { scanned: plain(readXml(xml, lines)), parsed: plain(readWithXmlParser(xml, lines)) };
}

function wsdlOf(page: string): string {
  return /^```xml\r?\n([\s\S]*?)\r?\n```/m.exec(readFileSync(page, "utf8"))?.[1] ?? "";
}

describe.runIf(hasCorpus)("the scan on the corpus WSDLs", () => {
  // Listed only where the corpus is: without it the block is skipped, but its body still runs.
  const pages = (hasCorpus ? [services88Dir, services86Dir] : []).flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /^Services8\d-\w+\.md$/.test(name))
      .sort()
      .slice(0, 4)
      .map((name) => path.join(dir, name)),
  );

  it.each(pages)("reads %s as fast-xml-parser does", (page) => {
    const xml = wsdlOf(page);
    expect(xml.length).toBeGreaterThan(1000);
    const { scanned, parsed } = bothReaders(xml);
    expect(scanned).not.toHaveProperty("problem");
    expect(scanned).toEqual(parsed);
  });
});

describe("the scan on constructs WSDLs rarely use", () => {
  it.each([
    ["text split by a comment", `<a>one <!-- c --> two</a>`],
    ["text split by a child", `<a> one <b/> two </a>`],
    ["CDATA kept as written", `<a> x <![CDATA[ <not a tag> &amp; ]]> y </a>`],
    ["references in text and attributes", `<a b=" &lt;q&gt; &#65;&#x42; &custom; ">&amp;&apos;&quot;</a>`],
    ["CRLF and CR line breaks", `<a b="1\r\n2">line\r\nbreak\rhere</a>`],
    ["processing instructions and declaration", `<?xml version="1.0"?><a><?pi data?>t</a>`],
    ["single-quoted attributes with >", `<a b='x > y' c = "z"/>`],
    ["namespaces declared on the way", `<w:a xmlns:w="urn:w"><b xmlns="urn:d"><w:c xmlns:w="urn:w2"/></b></w:a>`],
    ["non-ASCII names", `<données clé="é"><ü/></données>`],
    ["whitespace and BOM around the root", `\uFEFF\n  <a>t</a>\n  `],
    ["a second root, dropped", `<a>1</a><b>2</b>`],
  ])("%s", (_, xml) => {
    const { scanned, parsed } = bothReaders(xml);
    expect(scanned).not.toHaveProperty("problem");
    expect(scanned).toEqual(parsed);
  });

  it("reads an attribute named __proto__ as an attribute, prototype untouched", () => {
    const result = readXml(`<a __proto__="x" constructor="y"/>`, new LineIndex(""));
    expect("root" in result && result.root.attrs.__proto__).toBe("x");
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each([
    ["a mismatched end tag", `<a><b></a></b>`, /Malformed XML|closed/],
    ["a repeated attribute", `<a b="1" b="2"/>`, /Malformed XML/],
    ["a lone ampersand", `<a>fish & chips</a>`, /Malformed XML/],
    ["a truncated document", `<a><b>`, /ends before/],
  ])("refuses %s with the validator's words", (_, xml, message) => {
    const result = readXml(xml, new LineIndex(xml));
    expect("problem" in result && result.problem.message).toMatch(message);
  });
});

describe("the scan on generated documents", () => {
  const name = fc.constantFrom("a", "b", "x:c", "d-e", "f.g");
  const text = fc.constantFrom("", " ", "t", " two words ", "&amp;", "&#x41;", "\r\n", "<![CDATA[ c ]]>", "<!-- note -->", "<?p i?>");
  const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom("k", "l", "m:n", "xmlns:x", "xmlns"), fc.constantFrom("", " v ", "urn:u", "&lt;")), { selector: ([key]) => key, maxLength: 3 });
  const element: fc.Memo<string> = fc.memo((depth) =>
    fc
      .tuple(name, attrs, fc.array(fc.oneof(text, depth > 1 ? element(depth - 1) : text), { maxLength: 4 }))
      .map(([tag, list, content]) => `<${tag}${list.map(([key, value]) => ` ${key}="${value}"`).join("")}>${content.join("")}</${tag}>`),
  );

  it("gives fast-xml-parser's tree for every well-formed document", () => {
    fc.assert(
      fc.property(element(4), (xml) => {
        const { scanned, parsed } = bothReaders(xml);
        expect(scanned).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });
});
