/**
 * The WSDL and OpenAPI half of the parse stage. It loads no markdown machinery, so the
 * pool can start on these (the largest inputs) while the page parsers are still loading.
 */
import type { DiscoveredFile } from "../discover/index.js";
import { parseEntityOpenApi } from "./entity-openapi.js";
import { parseOpenApi } from "./openapi.js";
import { parseSafely, tagged, type Parsed, type ParsedFile } from "./parsed-file.js";
import { parseWsdl } from "./wsdl/index.js";

export function isDataFile(file: DiscoveredFile): boolean {
  return file.kind === "wsdl" || file.kind === "openapi" || file.kind === "entity-openapi";
}

/** Parses a file for which isDataFile holds. */
export function parseDataFile(file: DiscoveredFile): ParsedFile {
  return parseSafely(file, dispatchData);
}

export function dispatchData(file: DiscoveredFile): Parsed {
  if (file.kind === "openapi") return tagged(parseOpenApi(file.text, file.source), (openApi) => ({ kind: "openapi", openApi }));
  if (file.kind === "entity-openapi") return tagged(parseEntityOpenApi(file.text, file.source), (openApi) => ({ kind: "entity-openapi", openApi }));
  if (file.kind !== "wsdl") throw new Error(`${file.kind} is not a WSDL or OpenAPI file`);
  const xml = file.xml ?? { text: file.text, firstLine: 1 };
  return tagged(parseWsdl(xml.text, file.source, xml.firstLine), (wsdl) => ({ kind: "wsdl", wsdl }));
}
