/**
 * Markdown docs: model → view models → `templates/docs/*.hbs`.
 *
 * Every decision (names, links, anchors, signatures, escaped table cells, provenance
 * small print) is made here; the templates only loop and print. Output is a pure
 * function of the models and diffs, so two runs give the same bytes.
 *
 * Layout (keys of the returned map):
 *   docs/README.md                       versions, links to each version and to the diffs
 *   docs/<Version>/README.md             agents with one-line summaries
 *   docs/<Version>/<Agent>.md            every operation of the agent
 *   docs/<Version>/types.md              carriers, enums, dictionaries
 *   docs/diff-<Older>-<Newer>.md / .json one pair per supplied diff
 */
import type { Agent, CarrierType, DictionaryType, DocProvenance, EnumType, Operation, ServicesModel, TypeDef } from "../../model/types.js";
import { compareStrings, compareVersions } from "../../model/order.js";
import { type Change, type MemberShape, type MembersChange, type VersionDiff } from "../../model/diff.js";
import type { EndpointSummary } from "../../model/entity-diff.js";
import { entityFile, entityPage, type DocsKit } from "./entities.js";
import { memberName, objectKey, typeName } from "../naming.js";
import { agentProperty } from "../ts/agents.js";
import { methodName, methodSignature, returnType } from "../ts/signatures.js";
import { derivedUnionName, enumNames, primitiveTsType, tsValueType } from "../ts/ts-types.js";
import { render } from "../render.js";

export interface DocsDiff {
  older: string;
  newer: string;
  diff: VersionDiff;
}

// ---------------------------------------------------------------------------
// Anchors and links

/** GitHub's heading slug: lower-case, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Slugs for one page in heading order, with GitHub's `-1`, `-2` suffixes for repeats. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(heading: string): string {
    const base = slugify(heading);
    let slug = base;
    while (this.seen.has(slug)) {
      const n = this.seen.get(base)! + 1;
      this.seen.set(base, n);
      slug = `${base}-${n}`;
    }
    this.seen.set(slug, 0);
    return slug;
  }
}

function link(text: string, href: string): string {
  return `[${text}](${href})`;
}

function code(text: string): string {
  return `\`${text}\``;
}

// ---------------------------------------------------------------------------
// Text cleanup

const ABSOLUTE_LINK = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Model prose as markdown paragraphs: relative links (they pointed into the reference
 * site) keep only their text, and lines that would become headings or code fences are
 * escaped so they cannot add anchors or swallow the page.
 */
function prose(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"\n]*")?\)/g, (whole, label: string, target: string) =>
      ABSOLUTE_LINK.test(target) ? whole : label)
    .split("\n")
    .map((line) => line.replace(/\s+$/, "").replace(/^(\s{0,3})(#|```|~~~|=+$|-+$)/, "$1\\$2"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** One line for a table cell: pipes escaped, line breaks as `<br>`. */
function cell(text: string): string {
  return prose(text)
    .replace(/\n\n/g, "<br><br>")
    .replace(/\n/g, " ")
    .replace(/\|/g, "\\|");
}

/** A code span for a table cell. */
function codeCell(text: string): string {
  return code(text.replace(/\|/g, "\\|"));
}

/** The first sentence of a text's first paragraph, on one line and at most 200 characters. */
function firstSentence(text: string): string {
  const flat = (prose(text).trim().split(/\n[ \t]*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
  const match = /^(.+?[.!?])(?=\s|$)/.exec(flat);
  const sentence = match ? match[1] : flat;
  return sentence.length > 200 ? `${sentence.slice(0, 199).trimEnd()}…` : sentence;
}

/** Collapses runs of blank lines and ends the file with exactly one newline. */
function tidy(markdown: string): string {
  return `${markdown.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

// ---------------------------------------------------------------------------
// Provenance small print

const ORIGIN_TEXT: Record<DocProvenance["origin"], string> = {
  "soap-page": "the SOAP reference page",
  "rest-page": "the REST reference page",
  openapi: "the OpenAPI file",
  "previous-version": "an earlier version",
};

function inherited(source: DocProvenance | null): source is DocProvenance {
  return source !== null && source.origin !== "soap-page";
}

function originText(source: DocProvenance): string {
  return source.origin === "previous-version" ? `the ${source.version ?? "earlier version"} reference` : ORIGIN_TEXT[source.origin];
}

/** `<sub>Description from the REST reference page (path:line).</sub>`, or "" for SOAP-page docs. */
function provenanceNote(subject: string, source: DocProvenance | null): string {
  if (!inherited(source)) return "";
  return `<sub>${subject} from ${originText(source)} (${source.path}:${source.line}).</sub>`;
}

/** The compact form for table cells. */
function provenanceTag(source: DocProvenance | null): string {
  if (!inherited(source)) return "";
  const short = source.origin === "rest-page" ? "REST page" : source.origin === "openapi" ? "OpenAPI" : (source.version ?? "earlier version");
  return ` <sub>(from ${short})</sub>`;
}

function docCell(doc: string, source: DocProvenance | null): string {
  return doc.trim() === "" ? "" : `${cell(doc)}${provenanceTag(source)}`;
}

// ---------------------------------------------------------------------------
// TypeScript types and example values

// Null prototypes: a type named `constructor` or `toString` must not find Object.prototype's members.
const PLACEHOLDERS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  guid: '"00000000-0000-0000-0000-000000000000"',
  duration: '"PT0S"',
  anyURI: '"https://example.com/"',
  base64Binary: '"SGVsbG8="',
  dateTime: 'new Date("2025-01-01T00:00:00Z")',
  date: 'new Date("2025-01-01")',
  anyType: "null",
});

const PLACEHOLDER_BY_TS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, { number: "0", string: '"text"', boolean: "true" });

/** Everything the pages of one version need to know about the others' files and anchors. */
interface VersionIndex {
  model: ServicesModel;
  types: Map<string, TypeDef>;
  /** Type name → anchor on types.md (carriers, enums, dictionaries). */
  typeAnchors: Map<string, string>;
  agents: Map<string, AgentIndex>;
}

interface AgentIndex {
  agent: Agent;
  /** File name inside the version folder, e.g. "User.md". */
  file: string;
  title: string;
  /** Operation name → anchor; operations sorted by name. */
  operations: { operation: Operation; anchor: string }[];
  anchors: Map<string, string>;
}

function arrayItem(ref: string): string | null {
  return ref.endsWith("[]") ? ref.slice(0, -2) : null;
}

/** The named carrier/enum/dictionary a reference points at (through arrays), if documented. */
function linkedType(ref: string, index: VersionIndex): string | null {
  let name = ref;
  for (let item = arrayItem(name); item !== null; item = arrayItem(name)) name = item;
  const def = index.types.get(name);
  if (def?.kind === "array") return linkedType(def.itemType, index);
  return index.typeAnchors.has(name) ? name : null;
}

/** A type cell: the TypeScript type as code, linked to its section on the types page. */
function typeCell(ref: string, nillable: boolean, index: VersionIndex, typesHref: string): string {
  const text = codeCell(tsValueType(ref, nillable, index.types));
  const target = linkedType(ref, index);
  return target === null ? text : link(text, `${typesHref}#${index.typeAnchors.get(target)!}`);
}

function placeholder(ref: string, index: VersionIndex): string {
  const item = arrayItem(ref);
  if (item !== null) {
    const inner = placeholder(item, index);
    return inner.startsWith("{") || inner.startsWith("[") || inner === "null" ? "[]" : `[${inner}]`;
  }
  const special = PLACEHOLDERS[ref];
  if (special !== undefined) return special;
  const primitive = primitiveTsType(ref);
  if (primitive !== undefined) return PLACEHOLDER_BY_TS[primitive] ?? "null";
  const def = index.types.get(ref);
  if (def === undefined) return "null";
  switch (def.kind) {
    case "array":
      return placeholder(`${def.itemType}[]`, index);
    case "enum": {
      const first = def.values[0];
      const literal = JSON.stringify(first?.name ?? "");
      return def.flags ? (first ? `[${literal}]` : "[]") : literal;
    }
    case "dictionary":
      return "{}";
    case "carrier":
      return `{ /* ${typeName(def.name)} */ }`;
  }
}

// ---------------------------------------------------------------------------
// Signatures and examples

const LINE_LIMIT = 100;

/** `const result = await soap.user.createExternalUser({ … });`, one property a line when long. */
function example(client: "soap" | "rest", agent: Agent, op: Operation, index: VersionIndex): string {
  const call = `await ${client}.${agentProperty(agent)}.${methodName(agent, op)}`;
  const prefix = op.returns === "void" ? "" : "const result = ";
  if (op.params.length === 0) return `${prefix}${call}();`;
  const props = op.params.map((p) => `${objectKey(p.name)}: ${placeholder(p.type, index)}`);
  const oneLine = `${prefix}${call}({ ${props.join(", ")} });`;
  if (oneLine.length <= LINE_LIMIT) return oneLine;
  return `${prefix}${call}({\n${props.map((p) => `  ${p},`).join("\n")}\n});`;
}

// ---------------------------------------------------------------------------
// Indexes (files and anchors), computed before any page so links can cross pages

const RESERVED_FILES = new Set(["readme", "types"]);

function agentFile(agent: Agent): string {
  const safe = agent.name.replace(/[^\w.-]/g, "_");
  return RESERVED_FILES.has(safe.toLowerCase()) ? `${safe}-agent.md` : `${safe}.md`;
}

function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareStrings(a.name, b.name));
}

type Documented = CarrierType | EnumType | DictionaryType;

interface TypesLayout {
  title: string;
  sections: { heading: string; anchor: string; types: { type: Documented; anchor: string }[] }[];
}

function typesLayout(model: ServicesModel): TypesLayout {
  const slugger = new Slugger();
  const title = `${model.version} types`;
  slugger.slug(title);
  const groups: { heading: string; kind: Documented["kind"] }[] = [
    { heading: "Carriers", kind: "carrier" },
    { heading: "Enums", kind: "enum" },
    { heading: "Dictionaries", kind: "dictionary" },
  ];
  const sections: TypesLayout["sections"] = [];
  const sorted = byName(model.types);
  for (const group of groups) {
    const types = sorted.filter((t): t is Documented => t.kind === group.kind);
    if (types.length === 0) continue;
    const anchor = slugger.slug(group.heading);
    sections.push({ heading: group.heading, anchor, types: types.map((type) => ({ type, anchor: slugger.slug(type.name) })) });
  }
  return { title, sections };
}

function buildIndex(model: ServicesModel, layout: TypesLayout): VersionIndex {
  const types = new Map<string, TypeDef>();
  for (const type of model.types) if (!types.has(type.name)) types.set(type.name, type);
  const typeAnchors = new Map<string, string>();
  for (const section of layout.sections) for (const entry of section.types) if (!typeAnchors.has(entry.type.name)) typeAnchors.set(entry.type.name, entry.anchor);
  const agents = new Map<string, AgentIndex>();
  for (const agent of byName(model.agents)) {
    if (agents.has(agent.name)) continue;
    const slugger = new Slugger();
    const title = `${model.version} ${agent.name} agent`;
    slugger.slug(title);
    const operations = byName(agent.operations).map((operation) => ({ operation, anchor: slugger.slug(operation.name) }));
    const anchors = new Map<string, string>();
    for (const entry of operations) if (!anchors.has(entry.operation.name)) anchors.set(entry.operation.name, entry.anchor);
    agents.set(agent.name, { agent, file: agentFile(agent), title, operations, anchors });
  }
  return { model, types, typeAnchors, agents };
}

// ---------------------------------------------------------------------------
// View models

interface ParamRow {
  name: string;
  type: string;
  doc: string;
}

interface OperationView {
  heading: string;
  signature: string;
  doc: string;
  docNote: string;
  hasParams: boolean;
  params: ParamRow[];
  returns: string;
  returnsDoc: string;
  returnsNote: string;
  soapAction: string;
  soapEndpoint: string;
  restEndpoint: string;
  restQuery: string;
  restNote: string;
  soapExample: string;
  restExample: string;
}

function operationView(agent: Agent, entry: { operation: Operation }, index: VersionIndex): OperationView {
  const op = entry.operation;
  const params = op.params.map((p) => ({
    name: codeCell(p.name),
    type: typeCell(p.type, p.nillable, index, "types.md"),
    doc: docCell(p.doc, p.docSource),
  }));
  const returnsText =
    op.results.length > 0
      ? `${code(returnType(agent, op, index.types))}: ${op.results.map((part) => `${code(part.name)} ${typeCell(part.type, part.nillable, index, "types.md")}`).join(", ")}`
      : op.returns === "void"
        ? code("void")
        : typeCell(op.returns, op.returnsNillable, index, "types.md");
  return {
    heading: op.name,
    signature: methodSignature(agent, op, index.types, "inline"),
    doc: prose(op.doc),
    docNote: op.doc.trim() === "" ? "" : provenanceNote("Description", op.docSource),
    hasParams: params.length > 0,
    params,
    returns: returnsText,
    returnsDoc: op.returnsDoc.trim() === "" ? "" : ` — ${cell(op.returnsDoc)}`,
    returnsNote: op.returnsDoc.trim() === "" ? "" : provenanceNote("Returns description", op.returnsDocSource),
    soapAction: code(op.soapAction),
    soapEndpoint: code(`POST ${agent.endpoint}`),
    restEndpoint: code(`${op.rest.method.toUpperCase()} ${op.rest.path}`),
    restQuery: [
      op.rest.query.length === 0 ? "" : `Query parameters: ${op.rest.query.map((q) => `${code(q.name)} ← ${code(q.param)}${q.required ? " (required)" : ""}`).join(", ")}.`,
      (op.rest.bodyRenames ?? []).length === 0 ? "" : `Body properties named differently: ${(op.rest.bodyRenames ?? []).map((r) => `${code(r.name)} ← ${code(r.param)}`).join(", ")}.`,
    ].filter((text) => text !== "").join(" "),
    restNote: op.rest.origin === "convention" ? "<sub>REST path derived by convention: no REST page or OpenAPI entry names it.</sub>" : "",
    soapExample: example("soap", agent, op, index),
    restExample: example("rest", agent, op, index),
  };
}

function agentSummary(agent: Agent): string {
  const sentence = firstSentence(agent.doc);
  if (sentence !== "") return cell(sentence);
  const names = byName(agent.operations).map((op) => op.name);
  if (names.length === 0) return "";
  return cell(`Operations: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}`);
}

function headerList(headers: { name: string; type: string }[]): string {
  return headers.length === 0 ? "none" : headers.map((h) => `${code(h.name)} (${code(h.type)})`).join(", ");
}

function agentPage(entry: AgentIndex, index: VersionIndex): string {
  const { agent } = entry;
  return render("docs/agent", {
    title: entry.title,
    nav: [link(index.model.version, "README.md"), link("Types", "types.md"), link("All versions", "../README.md")].join(" · "),
    doc: prose(agent.doc),
    docNote: agent.doc.trim() === "" ? "" : provenanceNote("Description", agent.docSource),
    soapClient: code(`soap.${agentProperty(agent)}`),
    restClient: code(`rest.${agentProperty(agent)}`),
    endpoint: code(agent.endpoint),
    namespace: code(agent.namespace),
    requestHeaders: headerList(agent.requestHeaders),
    responseHeaders: headerList(agent.responseHeaders),
    index: entry.operations.map((o) => ({ link: link(o.operation.name, `#${o.anchor}`), summary: cell(firstSentence(o.operation.doc)) })),
    operations: entry.operations.map((o) => operationView(agent, o, index)),
  });
}

interface FieldRow {
  name: string;
  type: string;
  doc: string;
}

interface TypeView {
  heading: string;
  doc: string;
  docNote: string;
  facts: string[];
  isCarrier: boolean;
  hasFields: boolean;
  fields: FieldRow[];
  isEnum: boolean;
  hasValues: boolean;
  values: { name: string; value: string; listedBy: string }[];
}

function typeView(type: Documented, index: VersionIndex): TypeView {
  const view: TypeView = {
    heading: type.name,
    doc: prose(type.doc),
    docNote: type.doc.trim() === "" ? "" : provenanceNote("Description", type.docSource),
    facts: [],
    isCarrier: false,
    hasFields: false,
    fields: [],
    isEnum: false,
    hasValues: false,
    values: [],
  };
  switch (type.kind) {
    case "carrier": {
      view.isCarrier = true;
      if (type.base !== null) {
        const anchor = index.typeAnchors.get(type.base);
        view.facts.push(`Extends ${anchor === undefined ? code(typeName(type.base)) : link(code(typeName(type.base)), `#${anchor}`)}.`);
      }
      view.fields = type.fields.map((f) => ({
        name: codeCell(`${f.name}${f.optional ? "?" : ""}`),
        type: typeCell(f.type, f.nillable, index, ""),
        doc: docCell(f.doc, f.docSource),
      }));
      view.hasFields = view.fields.length > 0;
      if (!view.hasFields) view.facts.push("No fields of its own.");
      if (type.derived) {
        const derived = type.derived.map((name) => {
          const anchor = index.typeAnchors.get(name);
          return anchor === undefined ? code(typeName(name)) : link(code(typeName(name)), `#${anchor}`);
        });
        view.facts.push(
          `Carriers derived from it (WCF known types) travel where it is declared: ${derived.join(", ")}. TypeScript refers to it as ${code(derivedUnionName(type.name, index.types))}; switch on ${code("value[XSI_TYPE]")} to narrow (SOAP: the ${code("xsi:type")}; REST: the derived carrier whose fields the JSON has), and set it to send a derived one.`,
        );
      }
      break;
    }
    case "enum": {
      view.isEnum = true;
      view.facts.push(
        type.flags
          ? `Flags: a value is a list of names, ${code(`${typeName(type.name)}[]`)} in TypeScript (space-separated in SOAP, comma-separated in REST).`
          : `One of the names below, a string literal in TypeScript.`,
      );
      view.facts.push(`Underlying numeric type ${code(type.underlying)}.`);
      view.facts.push(`A name the server sends that is not listed below arrives unchanged, as its string.`);
      const numbers = new Map(type.values.map((v) => [v.name, v.value]));
      const rest = type.restValues;
      view.values = enumNames(type).map((name) => {
        const value = numbers.get(name);
        const listedBy = numbers.has(name) ? (rest === undefined || rest.includes(name) ? "WSDL, OpenAPI" : "WSDL") : "OpenAPI";
        return { name: codeCell(name), value: value === undefined || value === null ? "—" : String(value), listedBy: rest === undefined ? "WSDL" : listedBy };
      });
      view.hasValues = view.values.length > 0;
      break;
    }
    case "dictionary": {
      view.facts.push(`A map from ${typeCell(type.keyType, false, index, "")} to ${typeCell(type.valueType, false, index, "")}; on the wire each entry is a ${code(type.entryElement)} element with ${code("Key")} and ${code("Value")}.`);
      break;
    }
  }
  if (type.definedBy.length > 0) view.facts.push(`Defined by ${[...type.definedBy].sort(compareStrings).map((a) => (index.agents.has(a) ? link(a, index.agents.get(a)!.file) : a)).join(", ")}.`);
  return view;
}

function typesPage(layout: TypesLayout, index: VersionIndex): string {
  return render("docs/types", {
    title: layout.title,
    nav: [link(index.model.version, "README.md"), link("All versions", "../README.md")].join(" · "),
    empty: layout.sections.length === 0,
    sections: layout.sections.map((s) => ({ heading: s.heading, types: s.types.map((t) => typeView(t.type, index)) })),
  });
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function diffFile(older: string, newer: string, ext: "md" | "json"): string {
  return `diff-${older}-${newer}.${ext}`;
}

function operationCount(model: ServicesModel): number {
  return model.agents.reduce((n, a) => n + a.operations.length, 0);
}

function documentedTypeCount(model: ServicesModel): number {
  return model.types.filter((t) => t.kind !== "array").length;
}

/** The markdown rules and link targets entity pages share with the agent pages (entity-docs.ts). */
function docsKit(index: VersionIndex): DocsKit {
  return {
    link,
    code,
    cell,
    codeCell,
    prose,
    firstSentence,
    docCell,
    provenanceNote,
    typeCell: (ref) => typeCell(ref, false, index, "../types.md"),
    placeholder: (ref) => placeholder(ref, index),
    agentOperationHref: (agent, operation) => {
      const entry = index.agents.get(agent);
      const anchor = entry?.anchors.get(operation);
      return entry && anchor ? `../${entry.file}#${anchor}` : null;
    },
  };
}

function versionReadme(index: VersionIndex, previousDiff: DocsDiff | null): string {
  const { model } = index;
  const nav = [link("All versions", "../README.md"), link("Types", "types.md")];
  if (previousDiff !== null) nav.push(link(`Changes since ${previousDiff.older}`, `../${diffFile(previousDiff.older, previousDiff.newer, "md")}`));
  return render("docs/version", {
    title: model.version,
    nav: nav.join(" · "),
    facts: `Namespace ${code(model.namespace)}: ${plural(model.agents.length, "agent")}, ${plural(operationCount(model), "operation")}, ${plural(documentedTypeCount(model), "type")}.`,
    agents: [...index.agents.values()].map((a) => ({
      link: link(a.agent.name, a.file),
      operations: String(a.agent.operations.length),
      summary: agentSummary(a.agent),
    })),
    entities: (model.entities ?? []).map((entity) => ({
      link: link(entity.name, entityFile(entity)),
      endpoints: String(entity.endpoints.length),
      client: code(`rest.entities.${memberName(entity.name)}`),
    })),
  });
}

function rootReadme(indexes: VersionIndex[], diffs: DocsDiff[], previousDiffs: Map<string, DocsDiff>): string {
  return render("docs/index", {
    versions: indexes.map((index) => {
      const previous = previousDiffs.get(index.model.version);
      return {
        link: link(index.model.version, `${index.model.version}/README.md`),
        agents: String(index.model.agents.length),
        operations: String(operationCount(index.model)),
        types: String(documentedTypeCount(index.model)),
        changes: previous === undefined ? "" : link(`since ${previous.older}`, diffFile(previous.older, previous.newer, "md")),
      };
    }),
    hasDiffs: diffs.length > 0,
    diffs: diffs.map((d) => `${link(`${d.older} → ${d.newer}`, diffFile(d.older, d.newer, "md"))} (${link("JSON", diffFile(d.older, d.newer, "json"))})`),
  });
}

// ---------------------------------------------------------------------------
// Diff pages

function shapeText(shape: MemberShape): string {
  const flags = [shape.optional ? "optional" : "", shape.nillable ? "nillable" : ""].filter((f) => f !== "");
  return `${shape.type}${flags.length > 0 ? ` (${flags.join(", ")})` : ""}`;
}

function changeLine(label: string, change: Change | null): string[] {
  return change === null ? [] : [`${label}: ${code(change.before)} → ${code(change.after)}`];
}

function membersLines(noun: string, change: MembersChange): string[] {
  return [
    ...change.added.map((m) => `${noun} added: ${code(`${m.name}: ${shapeText(m)}`)}`),
    ...change.removed.map((m) => `${noun} removed: ${code(`${m.name}: ${shapeText(m)}`)}`),
    ...change.changed.map((m) => `${noun} ${code(m.name)}: ${code(shapeText(m.before))} → ${code(shapeText(m.after))}`),
    ...(change.reordered ? [`${noun}s reordered`] : []),
  ];
}

interface DiffItem {
  text: string;
  details: string[];
}

function diffPage(entry: DocsDiff, indexes: Map<string, VersionIndex>): string {
  const { diff } = entry;
  const older = indexes.get(entry.older);
  const newer = indexes.get(entry.newer);
  const versionLink = (version: string, index: VersionIndex | undefined) => (index === undefined ? version : link(version, `${version}/README.md`));
  const agentRef = (name: string, index: VersionIndex | undefined, label: string) => {
    const agent = index?.agents.get(name);
    return agent === undefined ? code(label) : link(code(label), `${index!.model.version}/${agent.file}`);
  };
  const operationRef = (agentName: string, op: string, index: VersionIndex | undefined) => {
    const agent = index?.agents.get(agentName);
    const anchor = agent?.anchors.get(op);
    const label = code(`${agentName}.${op}`);
    return agent === undefined || anchor === undefined ? label : link(label, `${index!.model.version}/${agent.file}#${anchor}`);
  };
  const typeRef = (name: string, index: VersionIndex | undefined) => {
    const anchor = index?.typeAnchors.get(name);
    return anchor === undefined ? code(name) : link(code(name), `${index!.model.version}/types.md#${anchor}`);
  };

  const groups: { heading: string; lists: { label: string; items: DiffItem[] }[] }[] = [
    {
      heading: "Agents",
      lists: [
        { label: "Added", items: diff.agents.added.map((a) => ({ text: `${agentRef(a.name, newer, a.name)} (${plural(a.operations.length, "operation")})`, details: [] })) },
        { label: "Removed", items: diff.agents.removed.map((a) => ({ text: `${agentRef(a.name, older, a.name)} (${plural(a.operations.length, "operation")})`, details: [] })) },
        {
          label: "Changed",
          items: diff.agents.changed.map((a) => ({
            text: agentRef(a.name, newer, a.name),
            details: [
              ...a.requestHeaders.added.map((h) => `request header added: ${code(h)}`),
              ...a.requestHeaders.removed.map((h) => `request header removed: ${code(h)}`),
              ...a.responseHeaders.added.map((h) => `response header added: ${code(h)}`),
              ...a.responseHeaders.removed.map((h) => `response header removed: ${code(h)}`),
            ],
          })),
        },
      ],
    },
    {
      heading: "Operations",
      lists: [
        { label: "Added", items: diff.operations.added.map((o) => ({ text: `${operationRef(o.agent, o.name, newer)}: ${code(o.signature)}`, details: [] })) },
        { label: "Removed", items: diff.operations.removed.map((o) => ({ text: `${operationRef(o.agent, o.name, older)}: ${code(o.signature)}`, details: [] })) },
        {
          label: "Changed",
          items: diff.operations.changed.map((o) => ({
            text: operationRef(o.agent, o.name, newer),
            details: [
              ...(o.before === o.after ? [`signature: ${code(o.after)}`] : [`before: ${code(o.before)}`, `after: ${code(o.after)}`]),
              ...membersLines("parameter", o.params),
              ...changeLine("returns", o.returns),
              ...changeLine("REST", o.rest),
              ...changeLine("SOAP action", o.soapAction),
            ],
          })),
        },
      ],
    },
    {
      heading: "Types",
      lists: [
        { label: "Added", items: diff.types.added.map((t) => ({ text: `${typeRef(t.name, newer)}: ${t.description}`, details: [] })) },
        { label: "Removed", items: diff.types.removed.map((t) => ({ text: `${typeRef(t.name, older)}: ${t.description}`, details: [] })) },
        {
          label: "Changed",
          items: diff.types.changed.map((t) => ({
            text: `${typeRef(t.name, newer)} (${t.kind})`,
            details: [
              ...changeLine("kind", t.kindChange),
              ...changeLine("base", t.base),
              ...membersLines("field", t.fields),
              ...t.values.added.map((v) => `value added: ${code(v.value === null ? v.name : `${v.name} = ${v.value}`)}`),
              ...t.values.removed.map((v) => `value removed: ${code(v.value === null ? v.name : `${v.name} = ${v.value}`)}`),
              ...t.values.changed.map((v) => `value ${code(v.name)}: ${code(String(v.before ?? "implicit"))} → ${code(String(v.after ?? "implicit"))}`),
              ...changeLine("flags", t.flags),
              ...changeLine("underlying type", t.underlying),
              ...changeLine("key type", t.keyType),
              ...changeLine("value type", t.valueType),
            ],
          })),
        },
      ],
    },
  ];
  const entityRef = (item: EndpointSummary, index: VersionIndex | undefined) => {
    const entity = index?.model.entities?.find((candidate) => candidate.name === item.entity);
    return entity === undefined ? code(item.endpoint) : link(code(item.endpoint), `${index!.model.version}/${entityFile(entity)}`);
  };
  const entities = diff.entities;
  if (entities) {
    groups.push({
      heading: "Entity endpoints",
      lists: [
        { label: "Added", items: entities.added.map((e) => ({ text: `${entityRef(e, newer)}: ${code(e.signature)}`, details: [] })) },
        { label: "Removed", items: entities.removed.map((e) => ({ text: `${entityRef(e, older)}: ${code(e.signature)}`, details: [] })) },
        { label: "Changed", items: entities.changed.map((e) => ({ text: entityRef(e, newer), details: e.changes.map((c) => `${c.what}: ${code(c.before || "(none)")} → ${code(c.after || "(none)")}`) })) },
      ],
    });
  }
  const s = diff.summary;
  return render("docs/diff", {
    title: `Changes from ${entry.older} to ${entry.newer}`,
    nav: [link("All versions", "README.md"), versionLink(entry.older, older), versionLink(entry.newer, newer), link("JSON", diffFile(entry.older, entry.newer, "json"))].join(" · "),
    summary: [
      { what: "Agents", added: String(s.agentsAdded), removed: String(s.agentsRemoved), changed: String(s.agentsChanged) },
      { what: "Operations", added: String(s.operationsAdded), removed: String(s.operationsRemoved), changed: String(s.operationsChanged) },
      { what: "Types", added: String(s.typesAdded), removed: String(s.typesRemoved), changed: String(s.typesChanged) },
      ...(entities ? [{ what: "Entity endpoints", added: String(entities.added.length), removed: String(entities.removed.length), changed: String(entities.changed.length) }] : []),
    ],
    unchanged: groups.every((g) => g.lists.every((l) => l.items.length === 0)),
    groups: groups
      .map((g) => ({ heading: g.heading, lists: g.lists.filter((l) => l.items.length > 0) }))
      .filter((g) => g.lists.length > 0),
  });
}

// ---------------------------------------------------------------------------

/** Renders the docs of every model plus one page pair per diff; keys are paths under `docs/`. */
export function emitDocs(models: readonly ServicesModel[], diffs: DocsDiff[]): Map<string, string> {
  const sortedModels = [...models].sort((a, b) => compareVersions(a.version, b.version));
  const layouts = new Map<string, TypesLayout>();
  const indexes = new Map<string, VersionIndex>();
  for (const model of sortedModels) {
    if (indexes.has(model.version)) continue;
    const layout = typesLayout(model);
    layouts.set(model.version, layout);
    indexes.set(model.version, buildIndex(model, layout));
  }
  const sortedDiffs = [...diffs].sort((a, b) => compareVersions(a.newer, b.newer) || compareVersions(a.older, b.older));
  const versions = [...indexes.keys()];
  /** Version → the supplied diff from the version just before it. */
  const previousDiffs = new Map<string, DocsDiff>();
  for (let i = 1; i < versions.length; i++) {
    const found = sortedDiffs.find((d) => d.older === versions[i - 1] && d.newer === versions[i]);
    if (found !== undefined) previousDiffs.set(versions[i], found);
  }

  const files = new Map<string, string>();
  files.set("docs/README.md", tidy(rootReadme([...indexes.values()], sortedDiffs, previousDiffs)));
  for (const [version, index] of indexes) {
    files.set(`docs/${version}/README.md`, tidy(versionReadme(index, previousDiffs.get(version) ?? null)));
    files.set(`docs/${version}/types.md`, tidy(typesPage(layouts.get(version)!, index)));
    for (const entry of index.agents.values()) files.set(`docs/${version}/${entry.file}`, tidy(agentPage(entry, index)));
    for (const entity of index.model.entities ?? []) files.set(`docs/${version}/${entityFile(entity)}`, tidy(entityPage(version, entity, docsKit(index))));
  }
  for (const entry of sortedDiffs) {
    files.set(`docs/${diffFile(entry.older, entry.newer, "md")}`, tidy(diffPage(entry, indexes)));
    files.set(`docs/${diffFile(entry.older, entry.newer, "json")}`, `${JSON.stringify(entry.diff, null, 2)}\n`);
  }
  return files;
}
