/**
 * Parse: one discovered file → plain data + diagnostics. Pure and JSON-in/JSON-out,
 * so results can be cached by content hash and computed in worker threads.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { DiscoveredFile } from "../discover/index.js";
import { parseOpenApi } from "./openapi.js";
import { parseRestPage } from "./pages/rest-page.js";
import { parseSoapPage } from "./pages/soap-page.js";
import { parseSoapTextDump } from "./pages/text-dump.js";
import type { ParsedOpenApi, ParsedRestPage, ParsedSoapPage, ParsedWsdl, ParseResult } from "./types.js";
import { parseWsdl } from "./wsdl/index.js";

export type ParsedValue =
  | { kind: "wsdl"; wsdl: ParsedWsdl }
  | { kind: "soap-page"; page: ParsedSoapPage }
  | { kind: "rest-page"; page: ParsedRestPage }
  | { kind: "openapi"; openApi: ParsedOpenApi };

export interface ParsedFile {
  path: string;
  value: ParsedValue | null;
  diagnostics: Diagnostic[];
}

export function parseFile(file: DiscoveredFile): ParsedFile {
  try {
    const { value, diagnostics } = dispatch(file);
    return { path: file.path, value, diagnostics: file.kind === "wsdl" ? diagnostics : diagnostics.map(pageProblemAsWarning) };
  } catch (error) {
    // A parser bug must cost one file, not the run.
    const message = error instanceof Error ? error.message : String(error);
    return { path: file.path, value: null, diagnostics: [{ path: file.path, line: 0, severity: "error", code: "parse.crash", message: `The file could not be parsed (${message}).` }] };
  }
}

/**
 * A page only adds docs and REST details: one that cannot be read costs its own
 * contribution, never the run, so its errors count as warnings (--strict still fails on them).
 */
function pageProblemAsWarning(diagnostic: Diagnostic): Diagnostic {
  return diagnostic.severity === "error" ? { ...diagnostic, severity: "warning" } : diagnostic;
}

function dispatch(file: DiscoveredFile): { value: ParsedValue | null; diagnostics: Diagnostic[] } {
  switch (file.kind) {
    case "wsdl": {
      const xml = file.xml ?? { text: file.text, firstLine: 1 };
      return wrap(parseWsdl(xml.text, file.path, xml.firstLine), (wsdl) => ({ kind: "wsdl", wsdl }));
    }
    case "soap-page":
      return wrap(parseSoapPage(file.text, file.path), (page) => ({ kind: "soap-page", page }));
    case "soap-text-dump":
      return wrap(parseSoapTextDump(file.text, file.path), (page) => ({ kind: "soap-page", page }));
    case "rest-page":
      return wrap(parseRestPage(file.text, file.path), (page) => ({ kind: "rest-page", page }));
    case "openapi":
      return wrap(parseOpenApi(file.text, file.path), (openApi) => ({ kind: "openapi", openApi }));
  }
}

function wrap<T>(result: ParseResult<T>, tag: (value: T) => ParsedValue): { value: ParsedValue | null; diagnostics: Diagnostic[] } {
  return { value: result.value === null ? null : tag(result.value), diagnostics: result.diagnostics };
}
