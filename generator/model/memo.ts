/**
 * The model memo's keys and entries: a version's parts (each agent, the documented types, the
 * entities) are each a function of some inputs alone, so a part is taken from the memo where the
 * parse keys of exactly those inputs (a parse key covers a file's content and paths) are the ones it
 * was made from. What each part reads, besides its own inputs:
 *
 * - an agent: its WSDL, the SOAP pages of its version and agent, the REST pages of its agent, every
 *   OpenAPI file (an operation's entry is the first file's that lists it), the version's type registry
 *   (every WSDL of the version: the REST body check reads carriers' fields) and the same agent of the
 *   version before (inherited docs), by that agent's own key;
 * - the documented types: the registry, the OpenAPI files (schema docs, enum names) and what the
 *   agents declare (operations, parameters, results and headers, with their types), which is the
 *   WSDLs' and so the registry's;
 * - the entities: the registry and the entity OpenAPI files and pages.
 *
 * Pages are matched to an agent by the prefix of their lookup key (sources.ts), so a page whose names
 * hold a slash feeds every agent it could match. The caller keys the store by the model's code.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { ParsedOpenApi, ParsedRestPage, ParsedSoapPage, ParsedWsdl } from "../parse/types.js";
import type { Agent, Entity, TypeDef } from "../ir/types.js";
import type { EntityInputs } from "./entities.js";
import { restKey, soapKey } from "./sources.js";
import { compareStrings } from "../util/order.js";
import { textDigest } from "../util/json-digest.js";

/** Which pages and OpenAPI operations of its inputs an agent used (positions in its inputs), for the orphan report. */
export interface UsedInputs {
  soap: number[];
  rest: number[];
  /** [file, operation] positions in the OpenAPI files. */
  openApi: [number, number][];
}

export interface AgentEntry {
  kind: "agent";
  agent: Agent;
  /** jsonDigest(agent), and in the view the diffs read (diff.ts DIFFED). */
  digest: string;
  diffed: string;
  diagnostics: Diagnostic[];
  used: UsedInputs;
}

export interface TypesEntry {
  kind: "types";
  /** The registry's types, documented, with REST enum values and derived carriers; before the entities add theirs. */
  types: TypeDef[];
  /** The registry's diagnostics. */
  diagnostics: Diagnostic[];
}

export interface EntitiesEntry {
  kind: "entities";
  entities: Entity[];
  /** jsonDigest of each entity. */
  digests: string[];
  addedTypes: TypeDef[];
  diagnostics: Diagnostic[];
}

/** jsonDigest of a version's whole list of types (the documented and the entities' added). */
export interface DigestEntry {
  kind: "digest";
  digest: string;
}

export type MemoEntry = AgentEntry | TypesEntry | EntitiesEntry | DigestEntry;

export interface MemoStore {
  get(key: string): MemoEntry | undefined;
  set(key: string, entry: MemoEntry): void;
}

/** A build through the memo: the parse key of each parsed file (by position) and the store. */
export interface ModelMemo {
  keys: readonly string[];
  store: MemoStore;
}

/** A shape check of what the store gives back: anything else is a miss. */
export function isMemoEntry(value: Partial<MemoEntry>): boolean {
  const entry = value as Record<string, unknown>;
  const arrays = (...names: string[]): boolean => names.every((name) => Array.isArray(entry[name]));
  switch (entry.kind) {
    case "agent":
      return typeof entry.agent === "object" && entry.agent !== null && typeof entry.digest === "string" && typeof entry.diffed === "string" && arrays("diagnostics") && isUsed(entry.used);
    case "types":
      return arrays("types", "diagnostics");
    case "entities":
      return arrays("entities", "digests", "addedTypes", "diagnostics") && (entry.entities as unknown[]).length === (entry.digests as unknown[]).length;
    case "digest":
      return typeof entry.digest === "string";
    default:
      return false;
  }
}

function isUsed(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { soap, rest, openApi } = value as Record<string, unknown>;
  const positions = (list: unknown): boolean => Array.isArray(list) && list.every((position) => Number.isInteger(position));
  return positions(soap) && positions(rest) && Array.isArray(openApi) && openApi.every((pair) => Array.isArray(pair) && pair.length === 2 && positions(pair));
}

/** Lookup keys of one kind of page, sorted, with each page's position: the pages under a prefix are one run. */
class PrefixIndex<T> {
  private readonly sorted: [key: string, position: number][];

  constructor(private readonly items: readonly T[], keyOf: (item: T) => string) {
    this.sorted = items.map((item, position): [string, number] => [keyOf(item), position]).sort(([a], [b]) => compareStrings(a, b));
  }

  /** The items whose key starts with `prefix`, in their input order. */
  under(prefix: string): T[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareStrings(this.sorted[middle][0], prefix) < 0) low = middle + 1;
      else high = middle;
    }
    const positions: number[] = [];
    for (let at = low; at < this.sorted.length && this.sorted[at][0].startsWith(prefix); at++) positions.push(this.sorted[at][1]);
    return positions.sort((a, b) => a - b).map((position) => this.items[position]);
  }
}

/** The keys of a build's parts, over the parse keys of the parsed values. */
export class InputKeys {
  private readonly soap: PrefixIndex<ParsedSoapPage>;
  private readonly rest: PrefixIndex<ParsedRestPage>;
  private readonly openApiKey: string;
  private readonly entityKey: string;

  constructor(
    private readonly keyOf: ReadonlyMap<object, string>,
    soapPages: readonly ParsedSoapPage[],
    restPages: readonly ParsedRestPage[],
    readonly openApis: readonly ParsedOpenApi[],
    entityInputs: EntityInputs,
  ) {
    this.soap = new PrefixIndex(soapPages, (page) => soapKey(page.version, page.agent, page.operation));
    this.rest = new PrefixIndex(restPages, (page) => restKey(page.agent, page.operation));
    this.openApiKey = this.keysOf("openapi", openApis);
    this.entityKey = this.keysOf("entity inputs", [...entityInputs.openApis, ...entityInputs.pages]);
  }

  registry(version: string, wsdls: readonly ParsedWsdl[]): string {
    return this.keysOf(`registry\0${version}`, wsdls);
  }

  /** The SOAP pages an agent of a version may read, in input order. */
  soapPages(version: string, agent: string): ParsedSoapPage[] {
    return this.soap.under(soapKey(version, agent, ""));
  }

  restPages(agent: string): ParsedRestPage[] {
    return this.rest.under(restKey(agent, ""));
  }

  agent(registry: string, wsdl: ParsedWsdl, soapPages: readonly ParsedSoapPage[], restPages: readonly ParsedRestPage[], previous: string | undefined): string {
    return textDigest([`agent\0${registry}\0${this.openApiKey}\0${previous ?? "-"}`, this.keysOf("wsdl", [wsdl]), this.keysOf("soap", soapPages), this.keysOf("rest", restPages)].join("\0"));
  }

  types(registry: string): string {
    return textDigest(`types\0${registry}\0${this.openApiKey}`);
  }

  entities(registry: string): string {
    return textDigest(`entities\0${registry}\0${this.entityKey}`);
  }

  /** The key of a version's whole list of types. */
  typeList(types: string, entities: string | undefined): string {
    return textDigest(`type list\0${types}\0${entities ?? "-"}`);
  }

  private keysOf(label: string, values: readonly object[]): string {
    return textDigest(`${label}\0${values.map((value) => this.parseKey(value)).join("\0")}`);
  }

  private parseKey(value: object): string {
    const key = this.keyOf.get(value);
    // Every parsed value is given its file's key: a value without one would be keyed as any other.
    if (key === undefined) throw new Error("A parsed value has no parse key.");
    return key;
  }
}
