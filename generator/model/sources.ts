/**
 * Lookup tables over the parsed pages and OpenAPI files, keyed case-insensitively,
 * so the builder can ask "what documents User/GetUser?" in O(1).
 */
import type { OpenApiOperation, OpenApiSchemaDoc, ParsedOpenApi, ParsedRestPage, ParsedSoapPage } from "../parse/types.js";

export interface OpenApiEntry {
  operation: OpenApiOperation;
  path: string;
}

export interface DocumentSources {
  soapPages: Map<string, ParsedSoapPage[]>;
  restPages: Map<string, ParsedRestPage[]>;
  openApi: Map<string, OpenApiEntry>;
  schemaDocs: Map<string, { doc: OpenApiSchemaDoc; path: string; line: number }>;
  /** Enum names the OpenAPI files list for a carrier property (`Schema.Property`), every file's merged in first-seen order. */
  fieldEnums: Map<string, { names: string[]; path: string }>;
}

export const soapKey = (version: string, agent: string, operation: string): string => `${version}/${agent}/${operation}`.toLowerCase();
export const restKey = (agent: string, operation: string): string => `${agent}/${operation}`.toLowerCase();

export function indexSources(soapPages: ParsedSoapPage[], restPages: ParsedRestPage[], openApis: ParsedOpenApi[]): DocumentSources {
  const sources: DocumentSources = { soapPages: new Map(), restPages: new Map(), openApi: new Map(), schemaDocs: new Map(), fieldEnums: new Map() };
  for (const page of soapPages) push(sources.soapPages, soapKey(page.version, page.agent, page.operation), page);
  // Newer-generation REST pages first: they carry samples and the current wording.
  const byGeneration = [...restPages].sort((a, b) => (a.generation === b.generation ? 0 : a.generation === "new" ? -1 : 1));
  for (const page of byGeneration) push(sources.restPages, restKey(page.agent, page.operation), page);
  for (const file of openApis) {
    for (const operation of file.operations) {
      const key = restKey(file.agent, operation.name);
      if (!sources.openApi.has(key)) sources.openApi.set(key, { operation, path: file.source.path });
    }
    for (const [name, doc] of Object.entries(file.schemas)) {
      const known = sources.schemaDocs.get(name);
      if (!known || (!known.doc.description && doc.description)) sources.schemaDocs.set(name, { doc, path: file.source.path, line: doc.line });
      for (const [field, names] of Object.entries(doc.enums)) {
        const key = `${name}.${field}`;
        const listed = sources.fieldEnums.get(key);
        if (listed) for (const enumName of names) if (!listed.names.includes(enumName)) listed.names.push(enumName);
        if (!listed) sources.fieldEnums.set(key, { names: [...names], path: file.source.path });
      }
    }
  }
  return sources;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
