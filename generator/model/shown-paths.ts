/**
 * The model records provenance paths (relative to an input root: DiscoveredFile.source); its
 * diagnostics name files as the user gave them (DiscoveredFile.path), where they can open them.
 * A file a message quotes is marked with quotedFile, so shownToUsers can name it the same way.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { ParsedFile } from "../parse/index.js";

/** A control character no path or message of ours holds. */
const MARK = "\u0001";
const QUOTED = /\u0001([^\u0001]*)\u0001/g;

/** A provenance path inside a diagnostic's message. */
export function quotedFile(source: string): string {
  return `${MARK}${source}${MARK}`;
}

/** The diagnostics with every provenance path, their own and the ones their messages quote, as the user knows the file. */
export function shownToUsers(diagnostics: readonly Diagnostic[], parsed: readonly ParsedFile[]): Diagnostic[] {
  return userPaths(parsed)(diagnostics);
}

/** shownToUsers for diagnostics made later from the model (emit's name collisions), once the parse results are gone. */
export function userPaths(parsed: readonly ParsedFile[]): (diagnostics: readonly Diagnostic[]) => Diagnostic[] {
  const shown = new Map(parsed.map((file) => [file.source, file.path]));
  const name = (source: string): string => shown.get(source) ?? source;
  return (diagnostics) =>
    diagnostics.map((diagnostic) => {
      const message = diagnostic.message.includes(MARK) ? diagnostic.message.replace(QUOTED, (_, source: string) => name(source)) : diagnostic.message;
      return { ...diagnostic, path: name(diagnostic.path), message };
    });
}
