/** Discover: every input root → the files worth parsing, read once and classified by content. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { classify, type InputKind } from "./classify.js";
import { decodeInput } from "./decode.js";
import { listInputFiles } from "./walk.js";

export interface DiscoveredFile {
  /** Path as reported in diagnostics and provenance: cwd-relative, forward slashes. */
  path: string;
  kind: Exclude<InputKind, "other" | "index-page">;
  text: string;
  /** For WSDL: the XML and the line of the file it starts on. */
  xml?: { text: string; firstLine: number };
}

export interface Discovery {
  files: DiscoveredFile[];
  /** How many files were looked at but hold nothing to parse (overview pages, unrelated docs). */
  skipped: number;
  diagnostics: Diagnostic[];
}

/** Larger than any real reference page by far; such a file is reported, not read into memory. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function discoverInputs(roots: readonly string[]): Promise<Discovery> {
  const diagnostics: Diagnostic[] = [];
  const files: DiscoveredFile[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const root of roots) {
    let candidates: string[];
    try {
      candidates = await listInputFiles(root);
    } catch (error) {
      diagnostics.push({ path: displayPath(root), line: 0, severity: "error", code: "input.unreadable", message: `The input ${root} cannot be read: ${describe(error)}.` });
      continue;
    }
    for (const absolute of candidates) {
      const shown = displayPath(absolute);
      if (seen.has(shown)) continue;
      seen.add(shown);
      let bytes: Buffer;
      try {
        // Synchronous on purpose: ~1,700 awaited reads cost ~0.2 s of round trips to the thread pool, sync reads ~20 ms.
        bytes = readFileSync(absolute);
      } catch (error) {
        diagnostics.push({ path: shown, line: 0, severity: "error", code: "input.unreadable", message: `The file cannot be read: ${describe(error)}.` });
        continue;
      }
      if (bytes.byteLength > MAX_INPUT_BYTES) {
        diagnostics.push({ path: shown, line: 0, severity: "warning", code: "input.too-large", message: `The file is ${bytes.byteLength} bytes, over the ${MAX_INPUT_BYTES}-byte limit for one input; it was skipped.` });
        continue;
      }
      const { text, invalidUtf8Line } = decodeInput(bytes);
      if (invalidUtf8Line !== null) {
        diagnostics.push({ path: shown, line: invalidUtf8Line, severity: "warning", code: "input.invalid-utf8", message: "The file has bytes that are not UTF-8; they were replaced by U+FFFD." });
      }
      const { kind, xml } = classify(absolute, text);
      if (kind === "other" || kind === "index-page") {
        skipped++;
        continue;
      }
      files.push(xml ? { path: shown, kind, text, xml } : { path: shown, kind, text });
    }
  }
  return { files, skipped, diagnostics };
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return (relative === "" ? "." : relative).split(path.sep).join("/");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^\w+: /, "") : String(error);
}
