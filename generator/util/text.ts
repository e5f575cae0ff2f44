/**
 * Text as every stage sees it: one normalisation (BOM off, CRLF/CR as LF) and one way to map
 * offsets to 1-based lines.
 */

/** Strips a leading BOM and turns CRLF/CR into LF; each line break stays one break, so lines keep their numbers. */
export function normaliseText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
}

/** Maps offsets of a text to 1-based lines (offset by `firstLine - 1`); CRLF, CR and LF each end a line. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    text: string,
    private readonly firstLine = 1,
  ) {
    if (!text.includes("\r")) {
      // Normalised text (the usual case): indexOf is several times faster than a regular expression.
      for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) this.lineStarts.push(at + 1);
      return;
    }
    const lineBreak = /\r\n?|\n/g;
    for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
      this.lineStarts.push(match.index + match[0].length);
    }
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return this.firstLine + low;
  }

  /** File line of a 1-based line within the text (as validators report them). */
  fileLine(lineInText: number): number {
    return this.firstLine + lineInText - 1;
  }

  get lastLine(): number {
    return this.firstLine + this.lineStarts.length - 1;
  }
}
