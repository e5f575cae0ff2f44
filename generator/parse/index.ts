/**
 * Parse: one discovered file → plain data + diagnostics. Pure and JSON-in/JSON-out,
 * so results can be cached by content hash and computed in worker threads.
 */
import type { DiscoveredFile } from "../discover/index.js";
import { dispatchData } from "./data-files.js";
import { parseRestEntityPage } from "./pages/rest-entity-page.js";
import { parseRestPage } from "./pages/rest-page.js";
import { parseSoapPage } from "./pages/soap-page.js";
import { parseSoapTextDump } from "./pages/text-dump.js";
import { parseSafely, tagged, type Parsed, type ParsedFile, type ParsedValue } from "./parsed-file.js";
import type { SoapPageReading } from "./types.js";

export type { ParsedFile, ParsedValue } from "./parsed-file.js";

export function parseFile(file: DiscoveredFile): ParsedFile {
  return parseSafely(file, dispatch);
}

/** A SOAP page without its example envelopes, which nothing after parsing reads (they would only be copied between threads and cached). */
function soapPageDocs({ requestExample, responseExample, ...page }: SoapPageReading): ParsedValue {
  return { kind: "soap-page", page };
}

function dispatch(file: DiscoveredFile): Parsed {
  switch (file.kind) {
    case "wsdl":
    case "openapi":
    case "entity-openapi":
      return dispatchData(file);
    case "soap-page":
      return tagged(parseSoapPage(file.text, file.source), soapPageDocs);
    case "soap-text-dump":
      return tagged(parseSoapTextDump(file.text, file.source), soapPageDocs);
    case "rest-page":
      return tagged(parseRestPage(file.text, file.source), (page) => ({ kind: "rest-page", page }));
    case "rest-entity-page":
      return tagged(parseRestEntityPage(file.text, file.source), (page) => ({ kind: "rest-entity-page", page }));
  }
}
