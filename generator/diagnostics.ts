/**
 * One diagnostic shape for every stage: a location and a plain sentence.
 * Errors are values; stages collect them instead of throwing.
 */
import { compareStrings } from "./util/order.js";

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Input file path as given on the command line (relative to cwd when possible). */
  path: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  severity: Severity;
  /** Stable machine-readable kind, e.g. "wsdl.unknown-construct". */
  code: string;
  /** One plain sentence. */
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.path)}:${d.line}: ${d.severity}: ${printable(d.message)}`;
}

/** Control and bidi-override characters that could forge a line, move the cursor or reorder text. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Names from the inputs (file names, WSDL names) with those characters as `\n`, `\u001b`…, so one printed diagnostic is one line. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => (char === "\n" ? "\\n" : char === "\r" ? "\\r" : char === "\t" ? "\\t" : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** Collects diagnostics for one file so parsers need not repeat the path. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(readonly path: string) {}

  error(line: number, code: string, message: string): void {
    this.items.push({ path: this.path, line, severity: "error", code, message });
  }
  warning(line: number, code: string, message: string): void {
    this.items.push({ path: this.path, line, severity: "warning", code, message });
  }
  info(line: number, code: string, message: string): void {
    this.items.push({ path: this.path, line, severity: "info", code, message });
  }
}

/** Stable order for reports and snapshots: path, then line, then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareStrings(a.path, b.path) || a.line - b.line || compareStrings(a.message, b.message);
}
