import { InvalidRequestError, ResponseParseError } from "./errors.js";
import { primitiveKindOf } from "./primitives.js";
const XSD_NS = "http://www.w3.org/2001/XMLSchema";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
function primitiveKind(type) {
  return primitiveKindOf(type);
}
class ValueError extends Error {
  path = [];
}
function toRequestError(error) {
  return error instanceof ValueError ? new InvalidRequestError(error.message, error.path) : error;
}
function toParseError(error, where, status) {
  if (error instanceof ValueError) {
    const path = error.path.length > 0 ? ` at ${where}.${error.path.join(".")}` : ` in ${where}`;
    return new ResponseParseError(`Response does not match the schema: ${error.message}${path}`, { status });
  }
  return error;
}
function addPath(error, segment) {
  if (error instanceof ValueError) error.path.unshift(segment);
  return error;
}
function formatPrimitive(kind, value, type) {
  switch (kind) {
    case "string":
      if (typeof value === "string") return value;
      if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
      break;
    case "int":
    case "long":
      if (typeof value === "number" && Number.isInteger(value)) {
        return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
      }
      if (typeof value === "bigint") return value.toString();
      if (typeof value === "string" && INTEGER.test(value)) return value;
      break;
    case "double":
      if (typeof value === "number") {
        if (Number.isNaN(value)) return "NaN";
        if (value === Infinity) return "INF";
        if (value === -Infinity) return "-INF";
        return String(value);
      }
      if (typeof value === "bigint") return value.toString();
      if (typeof value === "string" && (DOUBLE.test(value) || value === "INF" || value === "-INF" || value === "NaN")) return value;
      break;
    case "decimal":
      if (typeof value === "number" && Number.isFinite(value)) return plainDecimal(value);
      if (typeof value === "bigint") return value.toString();
      if (typeof value === "string" && DECIMAL.test(value)) return value;
      break;
    case "boolean":
      if (value === true) return "true";
      if (value === false) return "false";
      if (value === "true" || value === "false" || value === "1" || value === "0") return value;
      break;
    case "dateTime":
      if (value instanceof Date) {
        if (!Number.isNaN(value.getTime())) return formatDateTime(value);
        throw new ValueError(`invalid Date for ${type}`);
      }
      if (typeof value === "string") return value;
      break;
    case "base64":
      if (typeof value === "string") return value;
      if (value instanceof Uint8Array) return toBase64(value);
      if (value instanceof ArrayBuffer) return toBase64(new Uint8Array(value));
      break;
  }
  throw new ValueError(`expected ${expectation(kind)} for ${type}, got ${describe(value)}`);
}
const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
function expectation(kind) {
  switch (kind) {
    case "int":
      return "an integer number";
    case "long":
      return "an integer number, bigint or decimal string";
    case "double":
      return "a number";
    case "decimal":
      return "a finite number or decimal string";
    case "boolean":
      return "a boolean";
    case "dateTime":
      return "a Date or ISO 8601 string";
    case "base64":
      return "a base64 string or Uint8Array";
    default:
      return "a string";
  }
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return "Date";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return typeof value;
}
function formatDateTime(date) {
  const iso = date.toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
function plainDecimal(value) {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exp] = text.toLowerCase().split("e");
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace(/^[-+]/, "");
  const dot = digits.indexOf(".");
  const intPart = dot < 0 ? digits : digits.slice(0, dot);
  const fracPart = dot < 0 ? "" : digits.slice(dot + 1);
  const shift = Number(exp);
  const all = intPart + fracPart;
  const point = intPart.length + shift;
  let out;
  if (point <= 0) out = `0.${"0".repeat(-point)}${all}`;
  else if (point >= all.length) out = all + "0".repeat(point - all.length);
  else out = `${all.slice(0, point)}.${all.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, "");
  return negative ? `-${out}` : out;
}
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function toBase64(bytes) {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2];
    out += BASE64[n >> 18] + BASE64[n >> 12 & 63] + BASE64[n >> 6 & 63] + BASE64[n & 63];
  }
  if (i < bytes.length) {
    const n = bytes[i] << 16 | (bytes[i + 1] ?? 0) << 8;
    out += BASE64[n >> 18] + BASE64[n >> 12 & 63];
    out += i + 1 < bytes.length ? `${BASE64[n >> 6 & 63]}=` : "==";
  }
  return out;
}
const BASE64_VALUES = new Map([...BASE64].map((c, i) => [c, i]));
function fromBase64(text) {
  const clean = text.replace(/[\s=]+$/, "").replace(/\s+/g, "");
  if (clean.length % 4 === 1 || !/^[A-Za-z0-9+/]*$/.test(clean)) throw new ValueError("text is not valid base64");
  const out = new Uint8Array(Math.floor(clean.length * 3 / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const c of clean) {
    buffer = (buffer << 6 | BASE64_VALUES.get(c)) & 65535;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = buffer >> bits & 255;
    }
  }
  return out;
}
function parsePrimitive(kind, text, type) {
  switch (kind) {
    case "string":
      return text;
    case "int": {
      const t = text.trim();
      if (INTEGER.test(t) && inRange(t, type)) return Number(t);
      break;
    }
    case "long": {
      const t = text.trim();
      if (INTEGER.test(t) && inRange(t, type)) {
        const n = Number(t);
        if (Number.isSafeInteger(n)) return n;
        const normal = t.replace(/^\+/, "").replace(/^(-?)0+(?=\d)/, "$1");
        return normal;
      }
      break;
    }
    case "double": {
      const t = text.trim();
      if (t === "INF" || t === "+INF") return Infinity;
      if (t === "-INF") return -Infinity;
      if (t === "NaN") return NaN;
      if (DOUBLE.test(t)) return Number(t);
      break;
    }
    case "decimal": {
      const t = text.trim();
      if (DECIMAL.test(t)) return Number(t);
      break;
    }
    case "boolean": {
      const t = text.trim();
      if (t === "true" || t === "1") return true;
      if (t === "false" || t === "0") return false;
      break;
    }
    case "dateTime": {
      const date = parseDateTime(text.trim());
      if (date) return date;
      break;
    }
    case "base64":
      return /\s/.test(text) ? text.replace(/\s+/g, "") : text;
  }
  throw new ValueError(`${text === "" ? "empty text" : "text"} is not a valid ${type}`);
}
const signed = (bits) => [-(1n << bits - 1n), (1n << bits - 1n) - 1n];
const unsigned = (bits) => [0n, (1n << bits) - 1n];
const INTEGER_RANGES = Object.assign(/* @__PURE__ */ Object.create(null), {
  byte: signed(8n),
  unsignedByte: unsigned(8n),
  short: signed(16n),
  unsignedShort: unsigned(16n),
  int: signed(32n),
  // An xs:int restriction in the Serialization schema (primitives.ts).
  char: signed(32n),
  unsignedInt: unsigned(32n),
  long: signed(64n),
  unsignedLong: unsigned(64n),
  nonNegativeInteger: [0n, void 0],
  positiveInteger: [1n, void 0],
  nonPositiveInteger: [void 0, 0n],
  negativeInteger: [void 0, -1n]
});
function inRange(text, type) {
  const range = INTEGER_RANGES[type];
  if (range === void 0) return true;
  if (text.length <= 15) {
    const n = Number(text);
    return (range[0] === void 0 || n >= Number(range[0])) && (range[1] === void 0 || n <= Number(range[1]));
  }
  const value = BigInt(text.replace(/^\+/, ""));
  return (range[0] === void 0 || value >= range[0]) && (range[1] === void 0 || value <= range[1]);
}
const DATE_TIME = /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d:?\d\d)?$/;
function parseDateTime(text) {
  const m = DATE_TIME.exec(text);
  if (!m) return void 0;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === void 0 ? 0 : Number(m[4]);
  const minute = m[5] === void 0 ? 0 : Number(m[5]);
  const second = m[6] === void 0 ? 0 : Number(m[6]);
  const millis = m[7] === void 0 ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || minute > 59 || second > 59) return void 0;
  if (hour > 24 || hour === 24 && (minute !== 0 || second !== 0 || millis !== 0 || /[1-9]/.test(m[7] ?? ""))) return void 0;
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const zone = m[8];
  if (zone !== void 0 && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2));
    if (minutes > 59 || hours * 60 + minutes > 14 * 60) return void 0;
    const offset = hours * 60 + minutes;
    date.setTime(date.getTime() - sign * offset * 6e4);
  }
  return Number.isNaN(date.getTime()) ? void 0 : date;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function formatFlagsXml(value, type) {
  if (Array.isArray(value)) {
    for (const name of value) if (typeof name !== "string") throw new ValueError(`expected names (strings) in flags ${type}`);
    return value.join(" ");
  }
  if (typeof value === "string") return value.includes(",") ? value.split(/[\s,]+/).filter(Boolean).join(" ") : value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  throw new ValueError(`expected an array of names for flags ${type}, got ${describe(value)}`);
}
function parseFlagsXml(text) {
  const t = text.trim();
  return t === "" ? [] : t.split(/\s+/);
}
function formatFlagsJson(value, type, empty) {
  if (Array.isArray(value)) {
    for (const name of value) if (typeof name !== "string") throw new ValueError(`expected names (strings) in flags ${type}`);
    return value.length === 0 ? empty : value.join(", ");
  }
  if (typeof value === "string" || typeof value === "number" && Number.isInteger(value)) return value;
  throw new ValueError(`expected an array of names for flags ${type}, got ${describe(value)}`);
}
function parseFlagsJson(text) {
  const t = text.trim();
  return t === "" ? [] : t.split(/\s*[,\s]\s*/).filter(Boolean);
}
export {
  ValueError,
  XSD_NS,
  XSI_NS,
  addPath,
  describe,
  formatDateTime,
  formatFlagsJson,
  formatFlagsXml,
  formatPrimitive,
  fromBase64,
  inRange,
  parseDateTime,
  parseFlagsJson,
  parseFlagsXml,
  parsePrimitive,
  plainDecimal,
  primitiveKind,
  toBase64,
  toParseError,
  toRequestError
};
