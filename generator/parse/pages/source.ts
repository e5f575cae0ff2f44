/**
 * What every parser does to its input before and around the real work:
 * normalise the text, map offsets to lines, and never throw.
 */
import { DiagnosticSink } from "../../diagnostics.js";
import type { ParseResult } from "../types.js";

/**
 * Strips the BOM and turns CRLF/CR into LF. Line numbers stay intact because
 * each line break remains one break.
 */
export function normaliseSource(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
}

/** Maps character offsets to 1-based lines; cheap when offsets are asked in ascending order. */
export class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.text.indexOf("\n", this.offset); i !== -1 && i < offset; i = this.text.indexOf("\n", i + 1)) {
      this.line++;
    }
    this.offset = offset;
    return this.line;
  }
}

/**
 * A record keyed by names from the input (parameter names, header names, schema names): without a
 * prototype, `__proto__` is an ordinary key and `constructor` or `toString` find nothing they should not.
 */
export function ownKeysOnly<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Runs a parser so that it never throws: an unexpected exception becomes an
 * error diagnostic on the whole file and a null value.
 */
export function runParser<T>(path: string, read: (sink: DiagnosticSink) => T | null): ParseResult<T> {
  const sink = new DiagnosticSink(path);
  try {
    return { value: read(sink), diagnostics: sink.items };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    sink.error(0, "parse.internal-error", `The parser failed on this file: ${reason}`);
    return { value: null, diagnostics: sink.items };
  }
}
