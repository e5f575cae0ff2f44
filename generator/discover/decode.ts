/**
 * Turns file bytes into the text every parser sees: UTF-8 or (with its BOM) UTF-16, BOM stripped, CRLF/CR as LF,
 * stray non-UTF-8 bytes replaced (and reported) instead of rejected.
 */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8", { fatal: false });

export interface DecodedText {
  text: string;
  /** 1-based line of the first byte that is not valid UTF-8, or null when the file is clean. */
  invalidUtf8Line: number | null;
  /** What the bytes were read as: UTF-8 unless a UTF-16 byte order mark says otherwise. */
  encoding: "utf-8" | "utf-16le" | "utf-16be";
}

const utf16 = {
  le: { strict: new TextDecoder("utf-16le", { fatal: true }), lenient: new TextDecoder("utf-16le") },
  be: { strict: new TextDecoder("utf-16be", { fatal: true }), lenient: new TextDecoder("utf-16be") },
};

export function decodeInput(bytes: Uint8Array): DecodedText {
  let text: string;
  let firstBad = -1;
  // UTF-16 (how Windows tools save XML) is known by its byte order mark; the decoder drops it.
  const utf16Order = bytes[0] === 0xff && bytes[1] === 0xfe ? "le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "be" : null;
  if (utf16Order) {
    const decoders = utf16[utf16Order];
    let bad: number | null = null;
    try {
      text = decoders.strict.decode(bytes);
    } catch {
      text = decoders.lenient.decode(bytes);
      const before = normaliseLineEnds(text.slice(0, Math.max(text.indexOf("\uFFFD"), 0)));
      bad = lineAt(before, before.length);
    }
    return { text: normaliseLineEnds(text), invalidUtf8Line: bad, encoding: `utf-16${utf16Order}` };
  }
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lenientUtf8.decode(bytes);
    firstBad = firstReplacedOffset(text, bytes);
  }
  // Lines are counted on the normalised text, so a file with CR-only line ends gets the right line too.
  const invalidUtf8Line = firstBad < 0 ? null : lineAt(normaliseLineEnds(text.slice(0, firstBad)), firstBad);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: normaliseLineEnds(text), invalidUtf8Line, encoding: "utf-8" };
}

function normaliseLineEnds(part: string): string {
  return part.includes("\r") ? part.replace(/\r\n?/g, "\n") : part;
}

/**
 * Offset in the leniently decoded text of the first U+FFFD that replaced bad bytes; a U+FFFD the
 * file really holds (bytes EF BF BD) is skipped. 0 when none is found (cannot happen after a failed strict decode).
 */
function firstReplacedOffset(text: string, bytes: Uint8Array): number {
  let byteOffset = 0;
  let scanned = 0;
  for (let at = text.indexOf("\uFFFD"); at !== -1; at = text.indexOf("\uFFFD", at + 1)) {
    // Everything before `at` decoded faithfully, so its UTF-8 length is its length in the file.
    byteOffset += Buffer.byteLength(text.slice(scanned, at), "utf8");
    scanned = at + 1;
    if (bytes[byteOffset] !== 0xef || bytes[byteOffset + 1] !== 0xbf || bytes[byteOffset + 2] !== 0xbd) return at;
    byteOffset += 3;
  }
  return 0;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
