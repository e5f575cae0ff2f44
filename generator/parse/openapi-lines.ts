/**
 * Lines of the keys of an OpenAPI file. JSON.parse keeps no positions, so the keys are found in
 * the raw text: path keys and schema names appear in the order the parsed
 * objects list them, so each search starts where the last one ended and one line counter walks
 * forward; a whole file is scanned about once (files run to 2 MB, a cold run reads hundreds).
 */
import { LineIndex } from "../util/text.js";

export class KeyLines {
  private readonly lines: LineIndex;
  private paths: number;
  private schemas: number;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
    this.paths = Math.max(text.indexOf('"paths"'), 0);
    this.schemas = Math.max(text.indexOf('"schemas"', Math.max(text.indexOf('"components"'), 0)), 0);
  }

  /** The line of any offset of the text (one line index for the whole file). */
  lineAt(offset: number): number {
    return this.lines.lineAt(offset);
  }

  /** The line of the next path key (`"/api/v1/…"`); 0 when the text spells it otherwise (escapes). */
  pathKey(urlPath: string): number {
    const offset = this.keyAt(urlPath, this.paths);
    if (offset < 0) return 0;
    this.paths = offset;
    return this.lines.lineAt(offset);
  }

  /** The line of the next component schema's name; 0 when the text spells it otherwise. */
  schemaKey(fullName: string): number {
    const offset = this.keyAt(fullName, this.schemas);
    if (offset < 0) return 0;
    this.schemas = offset;
    return this.lines.lineAt(offset);
  }

  /** The offset of `"key"` followed by a colon (a key, not the same text as a value) at or after `from`; -1 when none. */
  private keyAt(key: string, from: number): number {
    const needle = JSON.stringify(key);
    for (let at = this.text.indexOf(needle, from); at >= 0; at = this.text.indexOf(needle, at + needle.length)) {
      if (/^\s*:/.test(this.text.slice(at + needle.length, at + needle.length + 16))) return at;
    }
    return -1;
  }
}
