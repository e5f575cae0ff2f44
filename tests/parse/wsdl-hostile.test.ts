import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { parseWsdl } from "../../generator/parse/wsdl/index.js";
import type { ParsedWsdl } from "../../generator/parse/types.js";

const NS = "http://example.com/NetServer/Services99";

/** A small WCF-style WSDL; tests break it in one place each. */
const DEMO = `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions name="WcfDemoService" targetNamespace="${NS}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="${NS}" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl">
  <wsdl:types>
    <xs:schema elementFormDefault="qualified" targetNamespace="${NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ser="http://schemas.microsoft.com/2003/10/Serialization/">
      <xs:element name="GetThing">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="ThingId" type="ser:guid" />
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="GetThingResponse">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="Response" nillable="true" type="tns:Thing" />
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:complexType name="Thing">
        <xs:sequence>
          <xs:element minOccurs="0" name="Initial" type="ser:char" />
          <xs:element minOccurs="0" name="Lifetime" type="ser:duration" />
          <xs:element name="Code" type="tns:ShortCode" />
          <xs:element minOccurs="0" name="Tags" nillable="true" type="q1:ArrayOfstring" xmlns:q1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" />
        </xs:sequence>
      </xs:complexType>
      <xs:simpleType name="ShortCode">
        <xs:restriction base="xs:string">
          <xs:maxLength value="8" />
        </xs:restriction>
      </xs:simpleType>
      <xs:element name="ApplicationToken" nillable="true" type="xs:string" />
    </xs:schema>
    <xs:schema targetNamespace="http://schemas.microsoft.com/2003/10/Serialization/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://schemas.microsoft.com/2003/10/Serialization/">
      <xs:simpleType name="char">
        <xs:restriction base="xs:int" />
      </xs:simpleType>
      <xs:simpleType name="guid">
        <xs:restriction base="xs:string" />
      </xs:simpleType>
      <xs:simpleType name="duration">
        <xs:restriction base="xs:duration" />
      </xs:simpleType>
    </xs:schema>
    <xs:schema targetNamespace="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
      <xs:complexType name="ArrayOfstring">
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="string" nillable="true" type="xs:string" />
        </xs:sequence>
      </xs:complexType>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="GetThingRequest">
    <wsdl:part name="parameters" element="tns:GetThing" />
  </wsdl:message>
  <wsdl:message name="GetThingRequest_Headers">
    <wsdl:part name="ApplicationToken" element="tns:ApplicationToken" />
  </wsdl:message>
  <wsdl:message name="GetThingResponse">
    <wsdl:part name="parameters" element="tns:GetThingResponse" />
  </wsdl:message>
  <wsdl:portType name="Demo">
    <wsdl:operation name="GetThing">
      <wsdl:input wsaw:Action="${NS}/Demo/GetThing" message="tns:GetThingRequest" />
      <wsdl:output message="tns:GetThingResponse" />
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="BasicHttpBinding_Demo" type="tns:Demo">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />
    <wsdl:operation name="GetThing">
      <soap:operation soapAction="urn:demo:GetThing" style="document" />
      <wsdl:input>
        <soap:header message="tns:GetThingRequest_Headers" part="ApplicationToken" use="literal" />
        <soap:body use="literal" />
      </wsdl:input>
      <wsdl:output>
        <soap:body use="literal" />
      </wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="WcfDemoService">
    <wsdl:port name="BasicHttpBinding_Demo" binding="tns:BasicHttpBinding_Demo">
      <soap:address location="https://example.com/Remote/Services99/Demo.svc" />
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, at).split("\n").length;
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  return text.replace(from, to);
}

function parsed(xml: string, firstLine = 1): { wsdl: ParsedWsdl; diagnostics: Diagnostic[] } {
  const result = parseWsdl(xml, "demo.wsdl", firstLine);
  if (!result.value) throw new Error(`did not parse: ${JSON.stringify(result.diagnostics)}`);
  return { wsdl: result.value, diagnostics: result.diagnostics };
}

function severities(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.code}`);
}

describe("parseWsdl on a clean WSDL", () => {
  it("reads agent, version, address, operation and headers without diagnostics", () => {
    const { wsdl, diagnostics } = parsed(DEMO);
    expect(diagnostics).toEqual([]);
    expect(wsdl).toMatchObject({ agent: "Demo", version: "Services99", targetNamespace: NS, address: "https://example.com/Remote/Services99/Demo.svc" });
    expect(wsdl.operations).toHaveLength(1);
    const [op] = wsdl.operations;
    expect(op.soapAction).toBe("urn:demo:GetThing");
    expect(op.line).toBe(lineOf(DEMO, '<wsdl:operation name="GetThing">'));
    expect(op.requestHeaders).toEqual([{ name: "ApplicationToken", element: { name: "ApplicationToken", namespace: NS }, type: "string" }]);
    expect(op.responseHeaders).toEqual([]);
  });

  it("maps guid, char and duration to primitives and keeps them out of the types", () => {
    const { wsdl } = parsed(DEMO);
    expect(wsdl.operations[0].params).toEqual([{ name: "ThingId", type: "guid", optional: true, nillable: false, line: lineOf(DEMO, 'name="ThingId"') }]);
    const thing = wsdl.types.find((t) => t.name === "Thing");
    expect(thing?.kind === "carrier" && thing.fields.map((f) => [f.name, f.type, f.optional])).toEqual([
      ["Initial", "char", true],
      ["Lifetime", "duration", true],
      ["Code", "string", false],
      ["Tags", "string[]", true],
    ]);
    // ShortCode is a restriction without enumeration: an alias of string, no TypeDef.
    expect(wsdl.types.map((t) => `${t.kind} ${t.name}`)).toEqual(["carrier Thing", "array string[]"]);
  });

  it("offsets every line by firstLine", () => {
    const { wsdl } = parsed(DEMO, 40);
    expect(wsdl.source.line).toBe(41);
    expect(wsdl.operations[0].line).toBe(lineOf(DEMO, '<wsdl:operation name="GetThing">') + 39);
    expect(wsdl.operations[0].params[0].line).toBe(lineOf(DEMO, 'name="ThingId"') + 39);
  });

  it("falls back to the portType wsaw:Action when the binding has no soapAction", () => {
    const { wsdl } = parsed(replaceOnce(DEMO, 'soapAction="urn:demo:GetThing" ', ""));
    expect(wsdl.operations[0].soapAction).toBe(`${NS}/Demo/GetThing`);
  });
});

describe("parseWsdl on hostile input", () => {
  it("reports truncated XML as an error at the last line and returns null", () => {
    const truncated = DEMO.slice(0, DEMO.indexOf("  <wsdl:message"));
    const result = parseWsdl(truncated, "demo.wsdl", 5);
    expect(result.value).toBeNull();
    expect(severities(result.diagnostics)).toEqual(["error wsdl.malformed-xml"]);
    expect(result.diagnostics[0].line).toBe(truncated.split("\n").length + 4);
    expect(result.diagnostics[0].message).toBe("The XML ends before <wsdl:definitions> is closed (truncated document?).");
  });

  it("names every element left open when the text stops mid-schema", () => {
    const truncated = DEMO.slice(0, DEMO.indexOf('<xs:element minOccurs="0" name="Lifetime"'));
    const result = parseWsdl(truncated, "demo.wsdl");
    expect(result.value).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        path: "demo.wsdl",
        line: truncated.split("\n").length,
        severity: "error",
        code: "wsdl.malformed-xml",
        message: "The XML ends before <wsdl:definitions>, <wsdl:types>, <xs:schema>, <xs:complexType>, <xs:sequence> are closed (truncated document?).",
      },
    ]);
  });

  it("keeps the first of two portType operations of one name and warns at the second", () => {
    const portTypeOperation = DEMO.slice(DEMO.indexOf('    <wsdl:operation name="GetThing">'), DEMO.indexOf("  </wsdl:portType>"));
    const twice = replaceOnce(DEMO, "  </wsdl:portType>", `${portTypeOperation}  </wsdl:portType>`);
    const result = parseWsdl(twice, "demo.wsdl");
    expect(result.value?.operations.map((operation) => operation.name)).toEqual(["GetThing"]);
    const secondLine = lineOf(DEMO, "  </wsdl:portType>");
    expect(result.diagnostics).toEqual([
      { path: "demo.wsdl", line: secondLine, severity: "warning", code: "wsdl.duplicate-operation", message: `Operation GetThing is declared again (first at line ${lineOf(DEMO, '<wsdl:operation name="GetThing">')}); the first declaration is used.` },
    ]);
  });

  it("reports a mismatched closing tag on its own line", () => {
    const broken = replaceOnce(DEMO, "</wsdl:portType>", "</wsdl:portTyp>");
    const result = parseWsdl(broken, "demo.wsdl");
    expect(result.value).toBeNull();
    expect(severities(result.diagnostics)).toEqual(["error wsdl.malformed-xml"]);
    expect(result.diagnostics[0].line).toBe(lineOf(broken, "</wsdl:portTyp>"));
  });

  // fast-xml-parser reads each of these without complaint; the WSDL parser still reports them, on their line.
  const leniencies: [string, string, string][] = [
    ["a closing tag that closes another element", "</xs:sequence>", "</xs:sequenc>"],
    ["a repeated attribute", 'name="ThingId"', 'name="ThingId" name="Again"'],
    ["an unquoted attribute value", 'minOccurs="0" name="ThingId"', 'minOccurs=0 name="ThingId"'],
    ["an attribute without a space before it", 'minOccurs="0" name="ThingId"', 'minOccurs="0"name="ThingId"'],
    ["a closing tag nothing opened", "</wsdl:types>", "</wsdl:types></wsdl:extra>"],
  ];
  for (const [what, from, to] of leniencies) {
    it(`reports ${what} as malformed XML on its line`, () => {
      const broken = replaceOnce(DEMO, from, to);
      const result = parseWsdl(broken, "demo.wsdl");
      expect(result.value).toBeNull();
      expect(severities(result.diagnostics)).toEqual(["error wsdl.malformed-xml"]);
      expect(result.diagnostics[0].message).toMatch(/^Malformed XML: /);
      expect(result.diagnostics[0].line).toBe(lineOf(broken, to));
    });
  }

  it("reports an HTML error page as not a WSDL", () => {
    const html = "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>404</title></head>\n<body><p>Not found<br></p></body>\n</html>\n";
    const result = parseWsdl(html, "page.md", 10);
    expect(result.value).toBeNull();
    expect(severities(result.diagnostics)).toEqual(["error wsdl.not-wsdl"]);
    expect(result.diagnostics[0].line).toBe(11);
    expect(result.diagnostics[0].message).toContain("<html>");
  });

  it("reports well-formed XML with another root as not a WSDL", () => {
    const result = parseWsdl('<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" />\n', "schema.xsd");
    expect(result.value).toBeNull();
    expect(result.diagnostics).toEqual([
      { path: "schema.xsd", line: 2, severity: "error", code: "wsdl.not-wsdl", message: "Expected a wsdl:definitions document, found <xs:schema>." },
    ]);
  });

  it("warns about a type defined nowhere and keeps the reference", () => {
    const xml = replaceOnce(DEMO, 'type="tns:Thing"', 'type="tns:Missing"');
    const { wsdl, diagnostics } = parsed(xml);
    expect(diagnostics).toEqual([
      {
        path: "demo.wsdl",
        line: lineOf(xml, 'type="tns:Missing"'),
        severity: "warning",
        code: "wsdl.undefined-type",
        message: "Type tns:Missing is referenced but defined nowhere in the WSDL.",
      },
    ]);
    expect(wsdl.operations[0].response?.type).toBe("Missing");
  });

  it("reports each undefined type once, however often it is referenced", () => {
    const xml = replaceOnce(replaceOnce(DEMO, 'type="tns:Thing"', 'type="tns:Missing"'), 'type="tns:ShortCode"', 'type="tns:Missing"');
    const { wsdl, diagnostics } = parsed(xml);
    expect(severities(diagnostics)).toEqual(["warning wsdl.undefined-type"]);
    const thing = wsdl.types.find((t) => t.name === "Thing");
    expect(thing?.kind === "carrier" && thing.fields.find((f) => f.name === "Code")?.type).toBe("Missing");
  });

  it("treats an undeclared prefix as an undefined type", () => {
    const xml = replaceOnce(DEMO, 'type="tns:ShortCode"', 'type="q9:ShortCode"');
    const { diagnostics } = parsed(xml);
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "wsdl.undefined-type", line: lineOf(xml, 'type="q9:ShortCode"') }]);
  });

  it("never expands DOCTYPE entities and warns about them", () => {
    const doctype = [
      "<!DOCTYPE wsdl:definitions [",
      '  <!ENTITY lol "lol">',
      '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      '  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
      "]>",
    ].join("\n");
    const xml = replaceOnce(
      replaceOnce(DEMO, "?>\n", `?>\n${doctype}\n`),
      'soapAction="urn:demo:GetThing"',
      'soapAction="urn:&lol;:&lol3;:&amp;:&#65;"',
    );
    const { wsdl, diagnostics } = parsed(xml);
    expect(severities(diagnostics)).toEqual(["warning wsdl.doctype"]);
    expect(diagnostics[0].line).toBe(2);
    expect(diagnostics[0].message).toContain("3 entity definition(s) are not expanded");
    // Entity references stay literal; XML's predefined and numeric references still decode.
    expect(wsdl.operations[0].soapAction).toBe("urn:&lol;:&lol3;:&:A");
  });

  it("reads CRLF line endings behind a byte-order mark exactly like LF", () => {
    const crlf = "\uFEFF" + DEMO.replace(/\n/g, "\r\n");
    const { wsdl, diagnostics } = parsed(crlf, 3);
    expect(diagnostics).toEqual([]);
    expect(wsdl).toEqual(parsed(DEMO, 3).wsdl);
    expect(wsdl.operations[0].params[0].line).toBe(lineOf(DEMO, 'name="ThingId"') + 2);
  });

  it("reports a broken message reference as an error and skips only that operation", () => {
    const extra = `
    <wsdl:operation name="Broken">
      <wsdl:input message="tns:NoSuchRequest" />
      <wsdl:output message="tns:GetThingResponse" />
    </wsdl:operation>
  </wsdl:portType>`;
    const xml = replaceOnce(DEMO, "\n  </wsdl:portType>", extra);
    const { wsdl, diagnostics } = parsed(xml);
    expect(wsdl.operations.map((o) => o.name)).toEqual(["GetThing"]);
    expect(diagnostics).toEqual([
      {
        path: "demo.wsdl",
        line: lineOf(xml, '<wsdl:operation name="Broken">'),
        severity: "error",
        code: "wsdl.unresolved-operation",
        message: "Operation Broken is skipped: input message tns:NoSuchRequest is not defined.",
      },
      // Broken has no binding operation either, but it is skipped before that is checked.
    ]);
  });

  it("warns about unknown schema constructs with their line", () => {
    const xml = replaceOnce(
      DEMO,
      '<xs:element name="Code" type="tns:ShortCode" />',
      '<xs:choice><xs:element name="A" type="xs:int" /></xs:choice>\n          <xs:any />',
    );
    const { wsdl, diagnostics } = parsed(xml);
    expect(severities(diagnostics)).toEqual(["warning wsdl.unknown-construct", "warning wsdl.unknown-construct"]);
    expect(diagnostics.map((d) => d.line)).toEqual([lineOf(xml, "<xs:choice>"), lineOf(xml, "<xs:any />")]);
    expect(diagnostics[0].message).toBe("Unknown construct <xs:choice> in Thing: skipped.");
    const thing = wsdl.types.find((t) => t.name === "Thing");
    expect(thing?.kind === "carrier" && thing.fields.map((f) => f.name)).toEqual(["Initial", "Lifetime", "Tags"]);
  });

  it("names an inline anonymous field type <Parent><Field> and says so", () => {
    const xml = replaceOnce(
      DEMO,
      '<xs:element name="Code" type="tns:ShortCode" />',
      '<xs:element name="Owner">\n            <xs:complexType>\n              <xs:sequence>\n                <xs:element name="Name" type="xs:string" />\n              </xs:sequence>\n            </xs:complexType>\n          </xs:element>',
    );
    const { wsdl, diagnostics } = parsed(xml);
    expect(diagnostics).toEqual([
      {
        path: "demo.wsdl",
        line: lineOf(xml, "<xs:complexType>\n              <xs:sequence>\n                <xs:element name=\"Name\""),
        severity: "info",
        code: "wsdl.anonymous-type",
        message: "Inline anonymous type is emitted as carrier ThingOwner.",
      },
    ]);
    const owner = wsdl.types.find((t) => t.name === "ThingOwner");
    expect(owner).toMatchObject({ kind: "carrier", namespace: NS, base: null, fields: [{ name: "Name", type: "string", optional: false }] });
    const thing = wsdl.types.find((t) => t.name === "Thing");
    expect(thing?.kind === "carrier" && thing.fields.find((f) => f.name === "Owner")?.type).toBe("ThingOwner");
  });

  it("reports empty input as malformed at the first line", () => {
    const result = parseWsdl("", "empty.md", 7);
    expect(result).toEqual({
      value: null,
      diagnostics: [{ path: "empty.md", line: 7, severity: "error", code: "wsdl.malformed-xml", message: "Malformed XML: Start tag expected." }],
    });
  });

  it("never throws on a WSDL cut at any point, and an unusable one always has a located error", () => {
    const lastLine = DEMO.split("\n").length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DEMO.length }), (cut) => {
        const result = parseWsdl(DEMO.slice(0, cut), "cut.wsdl");
        if (result.value !== null) return;
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        expect(errors).toHaveLength(1);
        expect(errors[0].line).toBeGreaterThan(0);
        expect(errors[0].line).toBeLessThanOrEqual(lastLine);
      }),
      { numRuns: 300 },
    );
  });

  it("reports a WSDL without portType as unusable", () => {
    const xml = DEMO.replace(/ {2}<wsdl:portType[\s\S]*<\/wsdl:portType>\n/, "");
    const result = parseWsdl(xml, "demo.wsdl");
    expect(result.value).toBeNull();
    expect(result.diagnostics).toMatchObject([{ severity: "error", code: "wsdl.no-port-type", line: 2 }]);
  });

  it("warns about an imported WSDL it does not load", () => {
    const xml = replaceOnce(DEMO, "  <wsdl:types>", '  <wsdl:import namespace="urn:other" location="https://example.com/Demo.svc?wsdl=wsdl0" />\n  <wsdl:types>');
    const { diagnostics } = parsed(xml);
    expect(diagnostics).toEqual([
      {
        path: "demo.wsdl",
        line: 3,
        severity: "warning",
        code: "wsdl.external-import",
        message: "Imported WSDL https://example.com/Demo.svc?wsdl=wsdl0 is not loaded.",
      },
    ]);
  });

  it("leaves a non-integer EnumerationValue implicit and warns", () => {
    const enumType = `<xs:simpleType name="Colour">
        <xs:annotation>
          <xs:appinfo>
            <ActualType Name="unsignedByte" Namespace="http://www.w3.org/2001/XMLSchema" xmlns="http://schemas.microsoft.com/2003/10/Serialization/" />
          </xs:appinfo>
        </xs:annotation>
        <xs:restriction base="xs:string">
          <xs:enumeration value="Red" />
          <xs:enumeration value="Green">
            <xs:annotation>
              <xs:appinfo>
                <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">seven</EnumerationValue>
              </xs:appinfo>
            </xs:annotation>
          </xs:enumeration>
          <xs:enumeration value="Blue">
            <xs:annotation>
              <xs:appinfo>
                <EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">-4</EnumerationValue>
              </xs:appinfo>
            </xs:annotation>
          </xs:enumeration>
        </xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="ShortCode">`;
    const xml = replaceOnce(DEMO, '<xs:simpleType name="ShortCode">', enumType);
    const { wsdl, diagnostics } = parsed(xml);
    expect(diagnostics).toMatchObject([{ severity: "warning", code: "wsdl.bad-enum-value", line: lineOf(xml, '<xs:enumeration value="Green">') }]);
    expect(wsdl.types.find((t) => t.name === "Colour")).toMatchObject({
      kind: "enum",
      flags: false,
      underlying: "unsignedByte",
      values: [{ name: "Red", value: null }, { name: "Green", value: null }, { name: "Blue", value: -4 }],
    });
  });

  it("warns when the target namespace does not end in ServicesNN", () => {
    const xml = DEMO.replaceAll(NS, "http://example.com/NetServer/Beta");
    const { wsdl, diagnostics } = parsed(xml);
    expect(wsdl.version).toBe("Beta");
    expect(severities(diagnostics)).toEqual(["warning wsdl.version"]);
    expect(diagnostics[0].line).toBe(2);
  });
});
