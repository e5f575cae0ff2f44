/** The files and anchors of one version's pages, computed before any page so links can cross pages. */
import type { Agent, CarrierType, DictionaryType, EnumType, Operation, ServicesModel, TypeDef } from "../../ir/types.js";
import { compareStrings } from "../../util/order.js";
import { Slugger } from "./markdown.js";

/** Everything the pages of one version need to know about the others' files and anchors. */
export interface VersionIndex {
  model: ServicesModel;
  types: Map<string, TypeDef>;
  /** Type name → anchor on types.md (carriers, enums, dictionaries). */
  typeAnchors: Map<string, string>;
  agents: Map<string, AgentIndex>;
}

/** What a page needs to print and link types: the version's types and their anchors on types.md. */
export type TypeLinks = Pick<VersionIndex, "types" | "typeAnchors">;

/** Where each agent's operations are documented: its page and the operations' anchors. */
export type AgentLinks = ReadonlyMap<string, Pick<AgentIndex, "file" | "anchors">>;

export interface AgentIndex {
  agent: Agent;
  /** File name inside the version folder, e.g. "User.md". */
  file: string;
  title: string;
  /** Operation name → anchor; operations sorted by name. */
  operations: { operation: Operation; anchor: string }[];
  anchors: Map<string, string>;
}

/** Agent names whose page would meet another: the version's README.md and types.md, and the `-agent` pages given instead. */
const RESERVED_PAGE = /^(?:readme|types)(?:-agent)*$/i;

/**
 * `<Agent>.md`, or `<Agent>-agent.md` for an agent named like the version's own pages. Names that
 * already end so (`README-agent`) get the suffix once more (`README-agent-agent.md`): from the
 * agent's name alone (a page is keyed by its agent), no two agents get one page.
 */
function agentFile(agent: Agent): string {
  const safe = agent.name.replace(/[^\w.-]/g, "_");
  return RESERVED_PAGE.test(safe) ? `${safe}-agent.md` : `${safe}.md`;
}

export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareStrings(a.name, b.name));
}

export type Documented = CarrierType | EnumType | DictionaryType;

export interface TypesLayout {
  title: string;
  sections: { heading: string; anchor: string; types: { type: Documented; anchor: string }[] }[];
}

export function typesLayout(model: ServicesModel): TypesLayout {
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

export function buildIndex(model: ServicesModel, layout: TypesLayout): VersionIndex {
  return { model, ...typeLinks(model, layout), agents: agentIndexes(model) };
}

/** Every agent's page by agent name (the first of a name, in name order). */
export function agentIndexes(model: ServicesModel): Map<string, AgentIndex> {
  const agents = new Map<string, AgentIndex>();
  for (const agent of byName(model.agents)) if (!agents.has(agent.name)) agents.set(agent.name, agentIndex(model.version, agent));
  return agents;
}

/** The version's types and their anchors: from its types alone (and its name, through the layout). */
export function typeLinks(model: ServicesModel, layout: TypesLayout): TypeLinks {
  const types = new Map<string, TypeDef>();
  for (const type of model.types) if (!types.has(type.name)) types.set(type.name, type);
  const typeAnchors = new Map<string, string>();
  for (const section of layout.sections) for (const entry of section.types) if (!typeAnchors.has(entry.type.name)) typeAnchors.set(entry.type.name, entry.anchor);
  return { types, typeAnchors };
}

/** An agent's page: its file, title and operation anchors, from the agent alone. */
export function agentIndex(version: string, agent: Agent): AgentIndex {
  const slugger = new Slugger();
  const title = `${version} ${agent.name} agent`;
  slugger.slug(title);
  const operations = byName(agent.operations).map((operation) => ({ operation, anchor: slugger.slug(operation.name) }));
  const anchors = new Map<string, string>();
  for (const entry of operations) if (!anchors.has(entry.operation.name)) anchors.set(entry.operation.name, entry.anchor);
  return { agent, file: agentFile(agent), title, operations, anchors };
}
