import { ResponseParseError } from "./errors.js";
function decodeBody(body, contentType, status) {
  if (typeof body === "string") return body;
  const label = bomCharset(body) ?? headerCharset(contentType) ?? xmlDeclCharset(body) ?? "utf-8";
  let decoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new ResponseParseError(`Response charset "${label.slice(0, 40)}" is not supported`, { status });
  }
  const text = decoder.decode(body);
  return decoder.encoding === "windows-1252" ? fixWindows1252(text) : text;
}
const WINDOWS_1252 = "\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178";
function fixWindows1252(text) {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 128]) : text;
}
function bomCharset(bytes) {
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return "utf-8";
  if (bytes[0] === 255 && bytes[1] === 254) return "utf-16le";
  if (bytes[0] === 254 && bytes[1] === 255) return "utf-16be";
  return void 0;
}
function headerCharset(contentType) {
  if (contentType === null) return void 0;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (m?.[1] ?? m?.[2] ?? "").trim();
  return label === "" ? void 0 : label;
}
function xmlDeclCharset(bytes) {
  if (bytes[0] !== 60 || bytes[1] !== 63) return void 0;
  let head = "";
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]);
  return /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}
export {
  decodeBody
};
