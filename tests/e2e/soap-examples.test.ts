/**
 * Issue 3, doc-example conformance: for EVERY SOAP operation page of the corpus (1,519 Services88
 * pages, 79 Services86 User pages) the example request's Body is read schema-directed and written
 * back with the runtime's buildSoapRequest and the GENERATED descriptors of the agent
 * (`<out>/servicesNN/agents/<agent>.wire.ts`), the example response is read with readSoapResponse
 * and written back, and both are compared with the example as XML trees. The rules (namespace +
 * local name + text, xsi:type ignored, empty elements, SOAP 1.2 → 1.1 envelope) are documented in
 * tests/support/soap-examples.ts.
 *
 * The failures must equal the committed, explained allow-list (soap-examples.allowed.ts): any new
 * one, or one that went away, fails the test. Failures are keyed `<Version>/<Agent>/<Operation>`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSoapPage } from "../../generator/parse/pages/soap-page.js";
import type { ParsedSoapPage } from "../../generator/parse/types.js";
import { corpusRoot, hasCorpus, services86Dir, services88Dir } from "../corpus.js";
import { generatedOutput, importRuntime, importWire, type AgentWire, type GeneratedOutput } from "../support/generated.js";
import { checkExamples, compareTrees, xmlTree, type PageFailure, type Tree } from "../support/soap-examples.js";
import { ALLOWED } from "./soap-examples.allowed.js";

/** Every operation page: Services88/<Agent>/<Op>.md and Services86/User/<Op>.md (index.md is the agent overview). */
function operationPages(): string[] {
  const pages: string[] = [];
  for (const agent of readdirSync(services88Dir, { withFileTypes: true })) {
    if (!agent.isDirectory()) continue;
    const dir = path.join(services88Dir, agent.name);
    for (const file of readdirSync(dir)) if (file.endsWith(".md") && file !== "index.md") pages.push(path.join(dir, file));
  }
  const dir86 = path.join(services86Dir, "User");
  for (const file of readdirSync(dir86)) if (file.endsWith(".md") && file !== "index.md") pages.push(path.join(dir86, file));
  return pages.sort();
}

describe.skipIf(!hasCorpus)("SOAP reference page examples conform to what the runtime reads and writes", () => {
  let out: GeneratedOutput;
  let failures: PageFailure[];
  let parsed: ParsedSoapPage[];

  beforeAll(async () => {
    out = await generatedOutput("e2e-soap-examples", [corpusRoot]);
    const runtime = await importRuntime(out.dir);
    const wires = new Map<string, AgentWire>();
    failures = [];
    parsed = [];
    for (const file of operationPages()) {
      const { value } = parseSoapPage(readFileSync(file, "utf8"), path.relative(corpusRoot, file));
      if (value === null) {
        failures.push({ page: path.relative(corpusRoot, file), category: "unknown-operation", detail: "the page parser did not recognise the page" });
        continue;
      }
      parsed.push(value);
      const page = `${value.version}/${value.agent}/${value.operation}`;
      const key = `${value.version}/${value.agent}`;
      let wire = wires.get(key);
      if (wire === undefined) {
        wire = await importWire(out.dir, value.version, value.agent);
        wires.set(key, wire);
      }
      const op = wire.operations[value.operation];
      if (op === undefined) {
        failures.push({ page, category: "unknown-operation", detail: `${key}.${value.operation} is not in the generated descriptors` });
        continue;
      }
      failures.push(...checkExamples(page, { runtime, schema: wire.schema, op }, value.requestExample, value.responseExample));
    }
  });
  afterAll(() => out?.remove());

  it("covers every operation page: 1,519 Services88 and 79 Services86", () => {
    expect(parsed.filter((p) => p.version === "Services88")).toHaveLength(1519);
    expect(parsed.filter((p) => p.version === "Services86")).toHaveLength(79);
  });

  it("has no failures but the allowed, explained ones", () => {
    const byPage = new Map<string, PageFailure[]>();
    for (const f of failures) byPage.set(f.page, [...(byPage.get(f.page) ?? []), f]);
    const conforming = parsed.length - byPage.size;
    const counts = new Map<string, number>();
    for (const f of failures) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
    console.log(
      `SOAP examples: ${conforming} of ${parsed.length} pages conform; ${byPage.size} have allowed-or-not failures (${[...counts].map(([c, n]) => `${c}: ${n}`).join(", ")})`,
    );
    const categories = (entries: Iterable<[string, string]>): Record<string, string> => {
      const out = new Map<string, Set<string>>();
      for (const [page, category] of entries) out.set(page, (out.get(page) ?? new Set()).add(category));
      return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([page, set]) => [page, [...set].sort().join("+")]));
    };
    const actual = categories(failures.map((f) => [f.page, f.category]));
    const allowed = categories(ALLOWED.flatMap((group) => group.pages.map((page): [string, string] => [page, group.category])));
    const unexplained = failures.filter((f) => !ALLOWED.some((g) => g.category === f.category && g.pages.includes(f.page)));
    expect(unexplained.map((f) => `${f.page} [${f.category}] ${f.detail}`), "failures not in the allow-list").toEqual([]);
    expect(actual, "the allow-list lists exactly the failing pages").toEqual(allowed);
  });
});

describe("the example comparison itself", () => {
  const envelope = (body: string, extra = "") =>
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"${extra}><s:Body>${body}</s:Body></s:Envelope>`;
  const body = (xml: string): Tree => xmlTree(xml).children[0]!.children[0]!;
  const never = () => "kept" as const;
  const always = () => "non-nillable" as const;
  const items = () => "array-item" as const;

  it("ignores prefixes and xsi:type, compares namespaces, names and text", () => {
    const a = body(envelope(`<U:Op xmlns:U="urn:a"><U:X xsi:type="xsd:string">v</U:X><A:int xmlns:A="urn:arr">1</A:int></U:Op>`));
    const b = body(envelope(`<Op xmlns="urn:a"><X>v</X><q:int xmlns:q="urn:arr">1</q:int></Op>`));
    expect(compareTrees(a, b, never)).toEqual([]);
    const wrongNs = body(envelope(`<Op xmlns="urn:a"><X>v</X><int>1</int></Op>`));
    expect(compareTrees(a, wrongNs, never)).toEqual([{ kind: "mismatch", message: "/Op: expected <int> in urn:arr, got <int> in urn:a" }]);
    const wrongText = body(envelope(`<Op xmlns="urn:a"><X>w</X><q:int xmlns:q="urn:arr">1</q:int></Op>`));
    expect(compareTrees(a, wrongText, never)).toEqual([{ kind: "mismatch", message: '/Op/X: text "v" expected, got "w"' }]);
  });

  it("takes an empty example element as the empty string, and xs:double in any lexical form", () => {
    const a = body(envelope(`<Op xmlns="urn:a"><S xsi:type="xsd:string"></S><D xsi:type="xsd:double">0.0</D></Op>`));
    expect(compareTrees(a, body(envelope(`<Op xmlns="urn:a"><S/><D>0</D></Op>`)), never)).toEqual([]);
    expect(compareTrees(a, body(envelope(`<Op xmlns="urn:a"><S/><D>1</D></Op>`)), never)).toHaveLength(1);
    const int = body(envelope(`<Op xmlns="urn:a"><I xsi:type="xsd:int">0.0</I></Op>`));
    expect(compareTrees(int, body(envelope(`<Op xmlns="urn:a"><I>0</I></Op>`)), never)).toHaveLength(1);
  });

  it("reports missing and extra elements, and a nil placeholder only where the schema says non-nillable", () => {
    const a = body(envelope(`<Op xmlns="urn:a"><N xsi:nil="true"></N><X>1</X></Op>`));
    const written = body(envelope(`<Op xmlns="urn:a"><X>1</X></Op>`));
    expect(compareTrees(a, written, always)).toEqual([{ kind: "nil-dropped", message: "/Op/N: xsi:nil on a non-nillable element, left out" }]);
    expect(compareTrees(a, written, never)).toEqual([{ kind: "mismatch", message: "/Op: expected <N> in urn:a, got <X> in urn:a" }]);
    expect(compareTrees(written, a, never)[0]?.kind).toBe("mismatch");
    // A nil array item is left out by the runtime (arrays hold no null): no difference at all.
    expect(compareTrees(a, written, items)).toEqual([]);
    const nilKept = body(envelope(`<Op xmlns="urn:a"><N xsi:nil="1"/><X>1</X></Op>`));
    expect(compareTrees(a, nilKept, never)).toEqual([]);
  });
});
