/**
 * What every parser does around the real work: never throw. Parsers read text as discover
 * decoded it (no BOM, LF line ends: util/text.ts normaliseText), never normalising it again.
 */
import { DiagnosticSink } from "../../diagnostics.js";
import { crashReason } from "../parsed-file.js";
import type { ParseResult } from "../types.js";

/**
 * Runs a parser so that it never throws: an unexpected exception becomes an
 * error diagnostic on the whole file and a null value.
 */
export function runParser<T>(path: string, read: (sink: DiagnosticSink) => T | null): ParseResult<T> {
  const sink = new DiagnosticSink(path);
  try {
    return { value: read(sink), diagnostics: sink.items };
  } catch (error) {
    sink.error(0, "parse.internal-error", `The parser failed on this file: ${crashReason(error)}`);
    return { value: null, diagnostics: sink.items };
  }
}
