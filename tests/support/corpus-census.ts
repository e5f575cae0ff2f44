/**
 * What the corpus holds, read from the raw files with regular expressions, independently of our
 * parsers: every WSDL page (any folder, any docs generation), its version, agent and operations.
 * Corpus tests count from this, so they follow the data when the corpus grows.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { corpusRoot } from "../corpus.js";

export interface CensusWsdl {
  version: string;
  agent: string;
  file: string;
  text: string;
  /** Operation name → request parameter names in order, from the portType and the wrapper elements. */
  operations: Map<string, string[]>;
}

let census: CensusWsdl[] | undefined;

/** Every WSDL of the corpus, sorted by version number, then agent. */
export function wsdlCensus(): CensusWsdl[] {
  census ??= readdirSync(corpusRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .flatMap((file) => {
      const text = readFileSync(file, "utf8");
      const definitions = /<wsdl:definitions name="Wcf(\w+)Service" targetNamespace="http:\/\/www\.superoffice\.net\/ws\/crm\/NetServer\/(Services\d+)"/.exec(text);
      return definitions ? [{ agent: definitions[1] as string, version: definitions[2] as string, file, text, operations: wsdlOperations(text) }] : [];
    })
    .sort((a, b) => versionNumber(a.version) - versionNumber(b.version) || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
  return census;
}

/** The census's versions in order, each with its WSDLs. */
export function censusVersions(): { version: string; wsdls: CensusWsdl[] }[] {
  const versions = new Map<string, CensusWsdl[]>();
  for (const wsdl of wsdlCensus()) versions.set(wsdl.version, [...(versions.get(wsdl.version) ?? []), wsdl]);
  return [...versions].map(([version, wsdls]) => ({ version, wsdls }));
}

export function censusOperationCount(): number {
  return wsdlCensus().reduce((sum, wsdl) => sum + wsdl.operations.size, 0);
}

function versionNumber(version: string): number {
  return Number(version.replace(/^Services/, ""));
}

function wsdlOperations(text: string): Map<string, string[]> {
  const portType = /<wsdl:portType[\s\S]*?<\/wsdl:portType>/.exec(text)?.[0] ?? "";
  const operations = new Map<string, string[]>();
  for (const [, name] of portType.matchAll(/<wsdl:operation name="(\w+)">/g)) {
    const wrapper = new RegExp(`<xs:element name="${name}">\\s*<xs:complexType>([\\s\\S]*?)</xs:complexType>`).exec(text)?.[1] ?? "";
    operations.set(name as string, [...wrapper.matchAll(/<xs:element [^>]*name="(\w+)"/g)].map((match) => match[1] as string));
  }
  return operations;
}

export interface CensusRestPage {
  file: string;
  /** The first line of the operation's own prose after the request block ("" when the page has none). */
  firstLine: string;
}

let restPages: Map<string, CensusRestPage[]> | undefined;

const LABELLED_NOTE = /^#{1,6}[ \t]+[^#\n]+:[ \t]*#{1,6}/;

/** REST agent pages by "Agent.Operation", from their ```http request block. */
export function restPageCensus(): Map<string, CensusRestPage[]> {
  if (!restPages) {
    restPages = new Map();
    for (const entry of readdirSync(corpusRoot, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      const file = path.join(entry.parentPath, entry.name);
      const text = readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
      const request = /^```http\n[A-Z]+ \/api\/v1\/Agents\/(\w+)\/(\w+)\n```\n/m.exec(text);
      if (!request) continue;
      // Prose runs to the first real heading; a labelled note ("## Online Restricted: ## The User agent…") is not the operation's own.
      const lines = text.slice(request.index + request[0].length).split("\n");
      const end = lines.findIndex((line) => /^#{1,6} /.test(line) && !LABELLED_NOTE.test(line));
      const prose = lines.slice(0, end < 0 ? undefined : end).find((line) => line.replace(/<[^>]*>/g, "").trim() !== "" && !LABELLED_NOTE.test(line)) ?? "";
      const key = `${request[1]}.${request[2]}`;
      restPages.set(key, [...(restPages.get(key) ?? []), { file, firstLine: prose.trim() }]);
    }
  }
  return restPages;
}
