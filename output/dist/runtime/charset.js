/**
 * Decodes a response body by its charset: a byte order mark first, then the Content-Type
 * `charset`, then (for SOAP) the encoding of the XML declaration, else UTF-8 — through
 * `TextDecoder`, so ISO-8859-1, windows-1252, UTF-16 and every WHATWG label work. A charset
 * `TextDecoder` does not know is a ResponseParseError, not a silently garbled value.
 */
import { ResponseParseError } from "./errors.js";
/** `sniff`: the charset the body names itself, asked after the BOM and Content-Type (SOAP's `xmlDeclCharset`; REST asks none, so its bundle has no XML code). */
export function decodeBody(body, contentType, status, sniff) {
	if (typeof body === "string") return body;
	const label = bomCharset(body) ?? headerCharset(contentType) ?? sniff?.(body) ?? "utf-8";
	let decoder;
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
const WINDOWS_1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
function fixWindows1252(text) {
	return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 128]) : text;
}
function bomCharset(bytes) {
	if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return "utf-8";
	if (bytes[0] === 255 && bytes[1] === 254) return "utf-16le";
	if (bytes[0] === 254 && bytes[1] === 255) return "utf-16be";
	return undefined;
}
function headerCharset(contentType) {
	if (contentType === null) return undefined;
	const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
	const label = (m?.[1] ?? m?.[2] ?? "").trim();
	return label === "" ? undefined : label;
}
/** `<?xml version="1.0" encoding="ISO-8859-1"?>`, read as ASCII from the first bytes. */
export function xmlDeclCharset(bytes) {
	if (bytes[0] !== 60 || bytes[1] !== 63) return undefined;
	let head = "";
	for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]);
	return /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}
