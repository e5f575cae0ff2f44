/**
 * Doc-example conformance: the SOAP reference pages' example envelopes are the ground truth of
 * the wire format. For one page, the example request's Body wrapper is read schema-directed (as a
 * carrier of the operation's parameters) and written back with the runtime's `buildSoapRequest`
 * and the GENERATED descriptors of the agent; the example response is read with
 * `readSoapResponse` and its value written back the same way. Both are compared with the example
 * as XML trees, independently of the runtime's parser (fast-xml-parser, namespaces resolved here).
 *
 * Comparison rules (`compareTrees`):
 * - Elements match on namespace URI + local name, in document order; prefixes do not matter.
 * - `xsi:type` attributes are ignored: the examples put one on every element, WCF needs them only
 *   where a derived type or anyType is sent (the runtime writes those). `xmlns` declarations are
 *   not attributes. `xsi:nil` compares as a boolean ("true"/"1"); other attributes compare exactly.
 * - Text compares exactly on elements without children; whitespace between child elements is
 *   indentation and ignored. An empty example element (`<X></X>`) equals `<X/>`: both are the
 *   empty string — for a string that is the value "", for anything else reading fails, and the page
 *   is reported (category "empty-placeholder").
 *
 * SOAP version: the examples use the SOAP 1.2 envelope namespace (and put the request headers
 * directly under the Envelope), while the services' binding is SOAP 1.1 (basicHttpBinding) and the
 * runtime reads only 1.1 envelopes. The envelope namespace is rewritten to 1.1 before reading;
 * only Body content and headers are compared, never the envelope itself.
 */
import { XMLParser } from "fast-xml-parser";
import type * as Runtime from "../../templates/runtime/index.js";
import type { AgentSchema, FieldDescriptor, OperationDescriptor, TypeDescriptor } from "../../templates/runtime/index.js";
import { requestElementOf, responseElementOf } from "../../templates/runtime/schema.js";

export const SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
export const SOAP12_ENV = "http://www.w3.org/2003/05/soap-envelope";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const XMLNS = "http://www.w3.org/2000/xmlns/";

/** An element with resolved names: the shape the comparison works on. */
export interface Tree {
  ns: string;
  local: string;
  /** Resolved attributes ("{ns}local" → value), xmlns declarations and xsi:type left out. */
  attrs: Record<string, string>;
  /** The xsi:type, resolved ("{ns}local"), or null; not compared, but it tells how to compare text. */
  xsiType: string | null;
  /** Direct character data (concatenated). */
  text: string;
  children: Tree[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

type Ordered = Record<string, unknown>;

/** Parses a document into a namespace-resolved tree (root element). */
export function xmlTree(xml: string): Tree {
  const entries = parser.parse(xml) as Ordered[];
  const root = entries.find((e) => !Object.keys(e).some((k) => k.startsWith("?") || k === "#comment"));
  if (root === undefined) throw new Error("no root element");
  return toTree(root, new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]));
}

function toTree(entry: Ordered, scope: ReadonlyMap<string, string>): Tree {
  const qname = Object.keys(entry).find((k) => k !== ":@")!;
  const rawAttrs = (entry[":@"] ?? {}) as Record<string, string>;
  let inner: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === "xmlns") (inner ??= new Map(scope)).set("", value);
    else if (name.startsWith("xmlns:")) (inner ??= new Map(scope)).set(name.slice(6), value);
  }
  const here = inner ?? scope;
  const resolve = (q: string, useDefault: boolean): [string, string] => {
    const colon = q.indexOf(":");
    if (colon < 0) return [useDefault ? (here.get("") ?? "") : "", q];
    const prefix = q.slice(0, colon);
    const ns = here.get(prefix);
    if (ns === undefined) throw new Error(`undeclared prefix ${prefix} on <${q}>`);
    return [ns, q.slice(colon + 1)];
  };
  const [ns, local] = resolve(qname, true);
  const attrs: Record<string, string> = {};
  let xsiType: string | null = null;
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === "xmlns" || name.startsWith("xmlns:")) continue;
    const [ans, alocal] = resolve(name, false);
    if (ans === XMLNS) continue;
    if (ans === XSI && alocal === "type") {
      const [tns, tlocal] = resolve(value.trim(), true);
      xsiType = `{${tns}}${tlocal}`;
      continue;
    }
    if (ans === XSI && alocal === "nil") {
      attrs[`{${XSI}}nil`] = String(value.trim() === "true" || value.trim() === "1");
      continue;
    }
    attrs[`{${ans}}${alocal}`] = value;
  }
  let text = "";
  const children: Tree[] = [];
  for (const c of (entry[qname] ?? []) as Ordered[]) {
    if ("#text" in c) text += String(c["#text"]);
    else if ("#comment" in c) continue;
    else children.push(toTree(c, here));
  }
  return { ns, local, attrs, xsiType, text, children };
}

export interface Difference {
  /**
   * "nil-dropped": the example has `xsi:nil="true"` on an element the schema does not make
   * nillable, and the runtime (rightly) leaves the null out: WCF cannot read nil into a value type.
   * The example generator writes such elements where it stops recursing. Everything else: "mismatch".
   */
  kind: "mismatch" | "nil-dropped";
  message: string;
}

/**
 * What the runtime does with an `xsi:nil` child of the example element `parent`: "non-nillable"
 * (a field declared without nillable="true": left out, a nil placeholder), "array-item" (an item of
 * an array: left out, since arrays are X[] and hold no null; not a failure) or "kept" (written back).
 */
export type NilRule = (parent: Tree, child: Tree) => "non-nillable" | "array-item" | "kept";

const NUMERIC = new Set(["double", "float", "decimal"].map((t) => `{http://www.w3.org/2001/XMLSchema}${t}`));
const XSI_NIL = `{${XSI}}nil`;
const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

/**
 * Every difference between the example tree and the written one (path included); empty when they
 * conform. After a name mismatch the rest of that element's children are not compared (alignment
 * is lost), except that a dropped nil placeholder is skipped and comparison goes on.
 */
export function compareTrees(expected: Tree, actual: Tree, nilRule: NilRule, path = "", wrapper = false): Difference[] {
  const here = `${path}/${expected.local}`;
  const mismatch = (message: string): Difference[] => [{ kind: "mismatch", message }];
  if (expected.local !== actual.local || expected.ns !== actual.ns) {
    return mismatch(`${path}: expected <${expected.local}> in ${expected.ns || "no namespace"}, got <${actual.local}> in ${actual.ns || "no namespace"}`);
  }
  const ea = JSON.stringify(sorted(expected.attrs));
  const aa = JSON.stringify(sorted(actual.attrs));
  if (ea !== aa) return mismatch(`${here}: attributes ${ea} expected, got ${aa}`);
  if (expected.children.length === 0 && actual.children.length === 0) {
    // A wrapper (request/response element, Header) holds elements only: its blank text is indentation.
    if (wrapper && expected.text.trim() === "" && actual.text.trim() === "") return [];
    if (expected.text === actual.text) return [];
    // xs:double/float/decimal: the same number in another lexical form ("0.0" and "0") conforms.
    if (expected.xsiType !== null && NUMERIC.has(expected.xsiType) && expected.text.trim() !== "" && Number(expected.text) === Number(actual.text)) return [];
    return mismatch(`${here}: text ${JSON.stringify(expected.text)} expected, got ${JSON.stringify(actual.text)}`);
  }
  for (const t of [expected, actual]) {
    if (t.children.length > 0 && t.text.trim() !== "") return mismatch(`${here}: mixed content ${JSON.stringify(t.text.trim())}`);
  }
  const out: Difference[] = [];
  let j = 0;
  for (let i = 0; i < expected.children.length; i++) {
    const e = expected.children[i]!;
    const a = actual.children[j];
    const sameName = a !== undefined && a.local === e.local && a.ns === e.ns;
    const nil = !sameName && e.attrs[XSI_NIL] === "true" && e.children.length === 0 ? nilRule(expected, e) : "kept";
    if (nil === "non-nillable") {
      out.push({ kind: "nil-dropped", message: `${here}/${e.local}: xsi:nil on a non-nillable element, left out` });
      continue;
    }
    if (nil === "array-item") continue;
    if (a === undefined) return [...out, ...mismatch(`${here}: <${e.local}> (child ${i + 1}) not written`)];
    const diffs = compareTrees(e, a, nilRule, here);
    out.push(...diffs);
    j++;
    if (!sameName) return out;
  }
  if (j < actual.children.length) out.push(...mismatch(`${here}: unexpected <${actual.children[j]!.local}> (child ${j + 1}) written`));
  return out;
}

function sorted(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function child(tree: Tree, ns: string, local: string): Tree | undefined {
  return tree.children.find((c) => c.ns === ns && c.local === local);
}

/** The SOAP 1.2 envelope namespace of the examples rewritten to SOAP 1.1, the binding's (see above). */
export function toSoap11(xml: string): string {
  return xml.split(SOAP12_ENV).join(SOAP11_ENV);
}

/** Why a page does not conform; the test's allow-list is grouped by these. */
export type FailureCategory =
  /** An empty element where the schema wants a non-string value (`<Key xsi:type="xsd:dateTime"></Key>`). */
  | "empty-placeholder"
  /** `xsi:nil="true"` on an element the schema does not make nillable (see Difference). */
  | "nil-placeholder"
  /** Reading the example failed for another reason. */
  | "read-error"
  /** What the runtime writes differs from the example. */
  | "request-mismatch"
  | "response-mismatch"
  | "headers-mismatch"
  /** The page names an operation the generated descriptors do not have. */
  | "unknown-operation"
  | "no-example";

export interface PageFailure {
  page: string;
  category: FailureCategory;
  detail: string;
}

/** What a page check needs from the generated output. */
export interface ExampleContext {
  runtime: typeof Runtime;
  schema: AgentSchema;
  op: OperationDescriptor;
}

const REQUEST_CARRIER = "(request wrapper)";
const EMPTY_DATETIME = /(<[\w.-]+:[\w.-]+ xsi:type="xsd:dateTime")><\//g;
/** What an empty dateTime placeholder is replaced with, so that the rest of the page is still checked. */
const DATETIME_STANDIN = "0001-01-01T00:00:00Z";

/**
 * Checks one operation's example request (Body wrapper and headers) and response against what
 * the runtime reads and writes. Returns the failures (empty when the page conforms).
 */
export function checkExamples(page: string, ctx: ExampleContext, requestExample: string | null, responseExample: string | null): PageFailure[] {
  const failures: PageFailure[] = [];
  const fail = (category: FailureCategory, detail: string) => failures.push({ page, category, detail });
  if (requestExample === null || responseExample === null) fail("no-example", `request ${requestExample === null ? "missing" : "present"}, response ${responseExample === null ? "missing" : "present"}`);
  if (requestExample !== null) checkRequest(ctx, prepare(requestExample, "request", fail), fail);
  if (responseExample !== null) checkResponse(ctx, prepare(responseExample, "response", fail), fail);
  return failures;
}

type Fail = (category: FailureCategory, detail: string) => void;

/** SOAP 1.2 → 1.1 envelope; empty dateTime placeholders noted and stood in for. */
function prepare(example: string, which: string, fail: Fail): string {
  const empties = example.match(EMPTY_DATETIME)?.length ?? 0;
  if (empties > 0) fail("empty-placeholder", `${empties} empty xsd:dateTime element(s) in the ${which}, read as ${DATETIME_STANDIN}`);
  return toSoap11(example.replace(EMPTY_DATETIME, `$1>${DATETIME_STANDIN}</`));
}

/**
 * The nil rule of a child of an example element: a field's nillability through the carrier its
 * xsi:type names; else an item of an array (an ArrayOfint/ArrayOfstring item in the Arrays
 * namespace, or an element named like a carrier of the schema) is left out.
 */
function nilRuleIn(schema: AgentSchema, runtime: typeof Runtime): NilRule {
  return (parent, child) => {
    const local = parent.xsiType?.replace(/^\{[^}]*\}/, "");
    let carrier = local === undefined ? undefined : schema.types[local];
    for (let depth = 0; carrier !== undefined && "fields" in carrier && depth < 32; depth++) {
      const field = runtime.carrierFields(carrier).find(([name]) => name === child.local);
      if (field !== undefined) return ((field[2] ?? 0) & runtime.NILLABLE) === 0 ? "non-nillable" : "kept";
      carrier = carrier.base === undefined ? undefined : schema.types[carrier.base];
    }
    return child.ns === ARRAYS_NS || schema.types[child.local] !== undefined ? "array-item" : "kept";
  };
}

function report(differences: readonly Difference[], category: "request-mismatch" | "response-mismatch" | "headers-mismatch", fail: Fail): void {
  const nils = differences.filter((d) => d.kind === "nil-dropped");
  if (nils.length > 0) fail("nil-placeholder", `${nils.length} nil placeholder(s), first ${nils[0]!.message}`);
  const mismatches = differences.filter((d) => d.kind === "mismatch");
  if (mismatches.length > 0) fail(category, mismatches.map((d) => d.message).join(" | "));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const tolerant = new WeakMap<AgentSchema, AgentSchema>();

/**
 * The schema with every carrier field nillable, for READING examples only: the runtime refuses
 * xsi:nil on a non-nillable field (its type says the value is never null), and the examples'
 * nil placeholders (category "nil-placeholder") are then reported by the write-back comparison,
 * which writes with the real descriptors and so drops those nulls.
 */
function placeholderTolerant(schema: AgentSchema, runtime: typeof Runtime): AgentSchema {
  let out = tolerant.get(schema);
  if (out === undefined) {
    const types: Record<string, TypeDescriptor> = {};
    for (const [name, type] of Object.entries(schema.types)) {
      types[name] = "fields" in type ? { ...type, fields: runtime.carrierFields(type).map(([field, ref, flags]) => [field, ref, (flags ?? 0) | runtime.NILLABLE] as const) } : type;
    }
    tolerant.set(schema, (out = { ...schema, types }));
  }
  return out;
}

function checkRequest({ runtime, schema, op }: ExampleContext, xml: string, fail: Fail): void {
  const exampleTree = xmlTree(xml);
  const exampleWrapper = child(exampleTree, SOAP11_ENV, "Body")?.children[0];
  if (exampleWrapper === undefined) return fail("read-error", "the example request has no Body wrapper");

  // Read the wrapper as a carrier of the parameters: readSoapResponse with a synthetic operation
  // whose response is the request wrapper and whose results carrier lists the parameters (and
  // which reads anyType parameters, which the real operation only writes).
  const types: Record<string, TypeDescriptor> = { ...placeholderTolerant(schema, runtime).types, [REQUEST_CARRIER]: { kind: "carrier", ns: schema.ns, fields: op.params.map(([name, type, flags]) => [name, type, (flags ?? 0) | runtime.NILLABLE]) } };
  let request: unknown;
  try {
    const result = runtime.readSoapResponse({ ...schema, types }, { ...op, response: requestElementOf(op), results: REQUEST_CARRIER, readAny: runtime.readAnyType }, xml);
    if (result.kind !== "result") return fail("read-error", "the request example read as a fault");
    request = result.value;
  } catch (error) {
    return fail("read-error", `request: ${errorText(error)}`);
  }

  // Headers: the example's (directly under the Envelope, a doc quirk) against the runtime's Header.
  const exampleHeaders = exampleTree.children.filter((c) => !(c.ns === SOAP11_ENV && (c.local === "Body" || c.local === "Header")));
  exampleHeaders.push(...(child(exampleTree, SOAP11_ENV, "Header")?.children ?? []));
  const ticket = exampleHeaders.find((c) => c.local === "Credentials")?.children.find((c) => c.local === "Ticket")?.text;
  const appToken = exampleHeaders.find((c) => c.local === "ApplicationToken")?.text;
  const headers: Runtime.SoapRequestHeaders = {};
  if (appToken !== undefined) headers.applicationToken = appToken;
  if (ticket !== undefined) headers.ticket = ticket;

  let written: Tree;
  try {
    written = xmlTree(runtime.buildSoapRequest(schema, op, request as object, headers));
  } catch (error) {
    return fail("request-mismatch", `writing back failed: ${errorText(error)}`);
  }
  const nilRule = nilRuleIn(schema, runtime);
  const writtenWrapper = child(written, SOAP11_ENV, "Body")?.children[0];
  if (writtenWrapper === undefined) return fail("request-mismatch", "no Body wrapper written");
  report(compareTrees(exampleWrapper, writtenWrapper, nilRule, "Body", true), "request-mismatch", fail);

  const header = (children: Tree[]): Tree => ({ ns: SOAP11_ENV, local: "Header", attrs: {}, xsiType: null, text: "", children });
  report(compareTrees(header(exampleHeaders), header(child(written, SOAP11_ENV, "Header")?.children ?? []), nilRule, "", true), "headers-mismatch", fail);
}

function checkResponse({ runtime, schema, op }: ExampleContext, xml: string, fail: Fail): void {
  const exampleTree = xmlTree(xml);
  const exampleWrapper = child(exampleTree, SOAP11_ENV, "Body")?.children[0];
  if (exampleWrapper === undefined) return fail("read-error", "the example response has no Body wrapper");
  let value: unknown;
  try {
    const result = runtime.readSoapResponse(placeholderTolerant(schema, runtime), { ...op, returnsNonNull: false }, xml);
    if (result.kind !== "result") return fail("read-error", "the response example read as a fault");
    value = result.value;
  } catch (error) {
    return fail("read-error", `response: ${errorText(error)}`);
  }

  // Write the value back as the response wrapper: its parts are the results carrier's fields, or
  // one element of the return type — `Response`, or the wrapper's only child when it has no
  // `Response` (the runtime's rule, SoPrincipal.GetSystemInfo) — or none (void).
  let params: readonly FieldDescriptor[];
  let wrapperValue: object | undefined;
  if (op.results !== undefined) {
    const results = schema.types[op.results];
    if (results === undefined || !("fields" in results)) return fail("read-error", `results type ${op.results} is not a carrier`);
    params = runtime.carrierFields(results);
    wrapperValue = value as object;
  } else if (op.returns === null) {
    params = [];
  } else {
    const only = exampleWrapper.children.length === 1 ? exampleWrapper.children[0]!.local : "Response";
    const part = exampleWrapper.children.some((c) => c.local === "Response") ? "Response" : only;
    params = [[part, op.returns, runtime.NILLABLE | runtime.OPTIONAL]];
    wrapperValue = { [part]: value };
  }
  let written: Tree;
  try {
    // The response parts are written as a request would be: with the writer of carriers, arrays and anyType.
    written = xmlTree(runtime.buildSoapRequest(schema, { ...op, request: responseElementOf(op), params, write: runtime.writeXmlTree }, wrapperValue));
  } catch (error) {
    return fail("response-mismatch", `writing the read value back failed: ${errorText(error)}`);
  }
  const writtenWrapper = child(written, SOAP11_ENV, "Body")?.children[0];
  if (writtenWrapper === undefined) return fail("response-mismatch", "no Body wrapper written");
  report(compareTrees(exampleWrapper, writtenWrapper, nilRuleIn(schema, runtime), "Body", true), "response-mismatch", fail);
}
