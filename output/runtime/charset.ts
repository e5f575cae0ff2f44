/**
 * Decodes a response body by its charset: a byte order mark first, then the Content-Type
 * `charset`, then (for SOAP) the encoding of the XML declaration, else UTF-8 — through
 * `TextDecoder`, so ISO-8859-1, windows-1252, UTF-16 and every WHATWG label work. A charset
 * `TextDecoder` does not know is a ResponseParseError, not a silently garbled value.
 */
import { ResponseParseError } from "./errors.js";

/** `sniff`: the charset the body names itself, asked after the BOM and Content-Type (SOAP's `xmlDeclCharset`; REST asks none, so its bundle has no XML code). */
export function decodeBody(body: Uint8Array | string, contentType: string | null, status: number, sniff?: (bytes: Uint8Array) => string | undefined): string {
  if (typeof body === "string") return body;
  // A byte order mark names its charset: EF BB BF, FF FE, FE FF.
  const mark = (body[0] << 8) | body[1];
  const header = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? "");
  const label =
    mark === 0xefbb && body[2] === 0xbf ? "utf-8"
    : mark === 0xfffe ? "utf-16le"
    : mark === 0xfeff ? "utf-16be"
    : ((header?.[1] ?? header?.[2])?.trim() || sniff?.(body)) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    // Quoted whole or not at all: a cut label could end inside a secret, which redaction then misses.
    throw new ResponseParseError(`Response charset${label.length > 40 ? "" : ` "${label}"`} is not supported`, { status });
  }
  const text = decoder.decode(body);
  return decoder.encoding === "windows-1252" ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]!) : text;
}

/**
 * Bytes 0x80–0x9F of windows-1252 (which WHATWG also uses for "iso-8859-1" and "latin1"); some
 * Node versions decode them as ISO-8859-1's C1 controls instead. Undefined bytes stay as they are.
 */
const WINDOWS_1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** `<?xml version="1.0" encoding="ISO-8859-1"?>`, read as ASCII (a character a byte) from the first bytes. */
export function xmlDeclCharset(bytes: Uint8Array): string | undefined {
  return /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(String.fromCharCode(...bytes.subarray(0, 200)))?.[1];
}
