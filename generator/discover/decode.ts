/**
 * Turns file bytes into the text every parser sees: UTF-8 or (with its BOM) UTF-16, BOM stripped, CRLF/CR as LF,
 * stray non-UTF-8 bytes replaced (and reported) instead of rejected.
 */
import { LineIndex, normaliseText } from "../util/text.js";

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
      const before = text.slice(0, Math.max(text.indexOf("\uFFFD"), 0));
      bad = new LineIndex(before).lineAt(before.length);
    }
    return { text: normaliseText(text), invalidUtf8Line: bad, encoding: `utf-16${utf16Order}` };
  }
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lenientUtf8.decode(bytes);
    firstBad = firstReplacedOffset(text, bytes);
  }
  // LineIndex counts CR-only line ends too, so such a file gets the right line.
  const invalidUtf8Line = firstBad < 0 ? null : new LineIndex(text).lineAt(firstBad);
  return { text: normaliseText(text), invalidUtf8Line, encoding: "utf-8" };
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
