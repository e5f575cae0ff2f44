/**
 * Turns file bytes into the text every parser sees: BOM stripped, CRLF/CR as LF,
 * stray non-UTF-8 bytes replaced (and reported) instead of rejected.
 */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8", { fatal: false });

export interface DecodedText {
  text: string;
  /** 1-based line of the first byte that is not valid UTF-8, or null when the file is clean. */
  invalidUtf8Line: number | null;
}

export function decodeInput(bytes: Uint8Array): DecodedText {
  let text: string;
  let invalidUtf8Line: number | null = null;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lenientUtf8.decode(bytes);
    const firstBad = text.indexOf("\uFFFD");
    invalidUtf8Line = firstBad < 0 ? 1 : lineAt(text, firstBad);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, "\n"), invalidUtf8Line };
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
