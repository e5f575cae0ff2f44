/** What parsing one file yields, and the guard every parser runs under. */
import type { Diagnostic } from "../diagnostics.js";
import type { DiscoveredFile } from "../discover/index.js";
import type { ParsedEntityOpenApi, ParsedEntityPage } from "./entity-types.js";
import type { ParsedOpenApi, ParsedRestPage, ParsedSoapPage, ParsedWsdl, ParseResult } from "./types.js";
import { messageOf } from "../util/errors.js";

export type ParsedValue =
  | { kind: "wsdl"; wsdl: ParsedWsdl }
  | { kind: "soap-page"; page: ParsedSoapPage }
  | { kind: "rest-page"; page: ParsedRestPage }
  | { kind: "openapi"; openApi: ParsedOpenApi }
  | { kind: "entity-openapi"; openApi: ParsedEntityOpenApi }
  | { kind: "rest-entity-page"; page: ParsedEntityPage };

export interface ParsedFile {
  /** The file's path in diagnostics (DiscoveredFile.path). */
  path: string;
  /** The file's path in provenance (DiscoveredFile.source): what the parsed value's sources say. */
  source: string;
  value: ParsedValue | null;
  diagnostics: Diagnostic[];
}

export type Parsed = { value: ParsedValue | null; diagnostics: Diagnostic[] };

/**
 * Runs one file's parser: a parser bug costs that file, not the run. The parser is given the
 * provenance path; its diagnostics are told with the path the user knows the file by.
 */
export function parseSafely(file: DiscoveredFile, parse: (file: DiscoveredFile) => Parsed): ParsedFile {
  try {
    const { value, diagnostics } = parse(file);
    const shown = diagnostics.map((diagnostic): Diagnostic => (diagnostic.path === file.source ? { ...diagnostic, path: file.path } : diagnostic));
    return { path: file.path, source: file.source, value, diagnostics: file.kind === "wsdl" ? shown : shown.map(pageProblemAsWarning) };
  } catch (error) {
    return { path: file.path, source: file.source, value: null, diagnostics: [{ path: file.path, line: 0, severity: "error", code: "parse.crash", message: `The file could not be parsed (${crashReason(error)}).` }] };
  }
}

/**
 * What a parser's exception tells the user: a stack overflow (markup nested thousands deep, which
 * the markdown library reads recursively) in words, anything else by its message.
 */
export function crashReason(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return "its markup is nested too deeply to be read";
  return messageOf(error);
}

/**
 * A page only adds docs and REST details: one that cannot be read costs its own
 * contribution, never the run, so its errors count as warnings (--strict still fails on them).
 */
function pageProblemAsWarning(diagnostic: Diagnostic): Diagnostic {
  return diagnostic.severity === "error" ? { ...diagnostic, severity: "warning" } : diagnostic;
}

export function tagged<T>(result: ParseResult<T>, tag: (value: T) => ParsedValue): Parsed {
  return { value: result.value === null ? null : tag(result.value), diagnostics: result.diagnostics };
}
