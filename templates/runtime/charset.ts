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
  const label = bomCharset(body) ?? headerCharset(contentType) ?? sniff?.(body) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new ResponseParseError(`Response charset "${label.slice(0, 40)}" is not supported`, { status });
  }
  const text = decoder.decode(body);
  return decoder.encoding === "windows-1252" ? fixWindows1252(text) : text;
}

/**
 * Bytes 0x80–0x9F of windows-1252 (which WHATWG also uses for "iso-8859-1" and "latin1"); some
 * Node versions decode them as ISO-8859-1's C1 controls instead. Undefined bytes stay as they are.
 */
const WINDOWS_1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function fixWindows1252(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]!) : text;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

function headerCharset(contentType: string | null): string | undefined {
  if (contentType === null) return undefined;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (m?.[1] ?? m?.[2] ?? "").trim();
  return label === "" ? undefined : label;
}

/** `<?xml version="1.0" encoding="ISO-8859-1"?>`, read as ASCII from the first bytes. */
export function xmlDeclCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f) return undefined;
  let head = "";
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]!);
  return /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}
