import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  JSON_BASE64,
  JSON_BOOLEAN,
  JSON_DATE_TIME,
  JSON_DECIMAL,
  JSON_DOUBLE,
  JSON_INT,
  JSON_INTEGER,
  JSON_LONG,
  JSON_STRING,
  fromBase64,
  parseDateTime,
  parseFlagsJson,
  plainDecimal,
  toBase64,
  ValueError,
  XML_BOOLEAN,
  XML_DECIMAL,
  XML_DOUBLE,
  XML_INT,
  XML_INTEGER,
  XML_LONG,
  XML_NEGATIVE_INTEGER,
  XML_UNSIGNED_LONG,
} from "../../templates/runtime/values.js";
import { writeJson } from "../../templates/runtime/json.js";

describe("dateTime", () => {
  it("formats UTC with Z, milliseconds only when non-zero", () => {
    expect(formatDateTime(new Date("2025-04-03T11:13:36Z"))).toBe("2025-04-03T11:13:36Z");
    expect(formatDateTime(new Date("2025-04-03T11:13:36.007Z"))).toBe("2025-04-03T11:13:36.007Z");
  });

  it.each([
    ["2025-04-03T11:13:36Z", "2025-04-03T11:13:36.000Z"],
    ["2025-04-03T11:13:36", "2025-04-03T11:13:36.000Z"], // zone-less = UTC
    ["2025-04-03T11:13:36.1234567", "2025-04-03T11:13:36.123Z"], // WCF's 7 digits, truncated
    ["2025-04-03T11:13:36.5+02:00", "2025-04-03T09:13:36.500Z"],
    ["2025-04-03T01:00:00-05:30", "2025-04-03T06:30:00.000Z"],
    ["2025-04-03", "2025-04-03T00:00:00.000Z"],
    ["0001-01-01T00:00:00", "0001-01-01T00:00:00.000Z"], // DateTime.MinValue, not 1901
    ["9999-12-31T23:59:59.9999999", "9999-12-31T23:59:59.999Z"], // DateTime.MaxValue
  ])("parses %s", (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each(["", "yesterday", "2025-13-01T00:00:00", "2025-04-03T25:00:00", "2025-04-03T11:13:36Zjunk"])("rejects %j", (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });

  it.each([
    ["2024-02-29", "2024-02-29T00:00:00.000Z"], // leap years: every 4th, not every 100th, every 400th
    ["2000-02-29", "2000-02-29T00:00:00.000Z"],
    ["0000-02-29", "0000-02-29T00:00:00.000Z"], // year 0 (1 BCE) is a leap year
    ["2025-04-30T24:00:00.000", "2025-05-01T00:00:00.000Z"], // 24:00:00 is the next midnight
    ["2025-12-31T24:00", "2026-01-01T00:00:00.000Z"],
    ["2025-04-03T00:00:00+14:00", "2025-04-02T10:00:00.000Z"],
    ["2025-04-03T00:00:00-1400", "2025-04-03T14:00:00.000Z"],
  ])("accepts the edge %s", (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2025-02-29", "1900-02-29", "2025-04-31", "2025-00-10", "2025-04-00", "2025-04-32",
    "2025-04-03T24:00:00.0001", "2025-04-03T24:01:00", "2025-04-03T23:60:00", "2025-04-03T23:59:60",
    "2025-04-03T00:00:00+14:01", "2025-04-03T00:00:00+10:60", "275760-09-13T00:00:00-00:01",
    "275760-09-13T00:01:00+00:01", // the local time is past the range of a Date, though the instant is not
  ])("rejects the impossible %j", (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });

  it("round-trips any Date in years 1..9999", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }), (d) => {
        expect(parseDateTime(formatDateTime(d))?.getTime()).toBe(d.getTime());
      }),
    );
  });
});

describe("numbers", () => {
  it("long reads as a number when safe, else as the exact string", () => {
    expect(XML_LONG.read("9007199254740991", "long")).toBe(9007199254740991);
    expect(XML_LONG.read("9007199254740992", "long")).toBe("9007199254740992");
    expect(XML_LONG.read("+00012", "long")).toBe(12);
    expect(XML_LONG.read("-0000123456789012345678", "long")).toBe("-123456789012345678");
  });

  it("integers are checked against their type's range exactly, past the safe integers too", () => {
    expect(XML_INT.read(" -2147483648 ", "int")).toBe(-2147483648);
    expect(() => XML_INT.read("2147483648", "int")).toThrow("text is not a valid int");
    expect(XML_LONG.read("9223372036854775807", "long")).toBe("9223372036854775807");
    expect(() => XML_LONG.read("9223372036854775808", "long")).toThrow(ValueError);
    expect(XML_UNSIGNED_LONG.read("18446744073709551615", "unsignedLong")).toBe("18446744073709551615");
    expect(() => XML_UNSIGNED_LONG.read("-1", "unsignedLong")).toThrow(ValueError);
    expect(XML_NEGATIVE_INTEGER.read("-100000000000000000000000", "negativeInteger")).toBe("-100000000000000000000000");
    expect(() => XML_NEGATIVE_INTEGER.read("0", "negativeInteger")).toThrow(ValueError);
    expect(JSON_INT.revive(2147483647, "int")).toBe(2147483647);
    expect(() => JSON_INT.revive(2147483648, "int")).toThrow("integer is out of the range of int");
    expect(() => JSON_INT.revive(1.5, "int")).toThrow("number is not a valid int");
    expect(JSON_LONG.revive("+9223372036854775807", "long")).toBe("9223372036854775807");
    expect(() => JSON_LONG.revive(2 ** 63, "long")).toThrow("integer is out of the range of long");
    expect(JSON_INTEGER.revive(1e300, "integer")).toBe(1e300);
  });

  it("ints never use exponent notation, and a number past the safe integers is written as the exact value it holds", () => {
    expect(XML_INTEGER.write(1e21, "integer")).toBe("1000000000000000000000");
    // 2^60 + 2^12: String() would write the shortest digits that read back as the double, 1152921504606851000.
    expect(XML_LONG.write(2 ** 60 + 2 ** 12, "long")).toBe("1152921504606851072");
    expect(JSON_LONG.json(2 ** 60 + 2 ** 12, "long")).toBe("1152921504606851072");
    expect(JSON_LONG.json(2n ** 60n + 1n, "long")).toBe("1152921504606846977");
    expect(XML_INT.write(-0, "int")).toBe("0");
    expect(() => XML_INT.write(1.5, "int")).toThrow(ValueError);
    expect(() => XML_INT.write("12a", "int")).toThrow(ValueError);
  });

  it("decimals are written without exponent", () => {
    for (const [n, text] of [
      [1e-7, "0.0000001"],
      [-1.25e-10, "-0.000000000125"],
      [1.5e21, "1500000000000000000000"],
      [123.456, "123.456"],
    ] as const) {
      expect(plainDecimal(n)).toBe(text);
      expect(Number(plainDecimal(n))).toBe(n);
    }
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      const text = plainDecimal(n);
      expect(text).not.toMatch(/e/i);
      expect(Number(text)).toBe(n === 0 ? 0 : n);
    }));
  });

  it("integers are written only in the range of their type, from a number, bigint or decimal string", () => {
    expect(() => XML_INT.write(2 ** 31, "int")).toThrow("integer is out of the range of int");
    expect(() => XML_UNSIGNED_LONG.write(-1n, "unsignedLong")).toThrow("integer is out of the range of unsignedLong");
    expect(() => XML_LONG.write(2n ** 63n, "long")).toThrow("integer is out of the range of long");
    expect(XML_INT.write(" +0012 ", "int")).toBe("12");
    expect(JSON_INT.json("12", "int")).toBe(12);
    expect(JSON_INT.json(7n, "int")).toBe(7);
    expect(() => JSON_INT.json(2147483648, "int")).toThrow("integer is out of the range of int");
    expect(() => JSON_INT.json("abc", "int")).toThrow("expected an integer number for int, got string");
    expect(() => JSON_INT.json(1.5, "int")).toThrow(ValueError);
    expect(() => JSON_LONG.json({}, "long")).toThrow("expected an integer number for long, got object");
    expect(JSON_LONG.json("-0009223372036854775808", "long")).toBe("-9223372036854775808");
  });

  it("a long past the safe integers reads as the same exact text from JSON as from XML", () => {
    const text = "+000000000000000000012345678901234567";
    expect(JSON_LONG.revive(text, "long")).toBe("12345678901234567");
    expect(XML_LONG.read(text, "long")).toBe("12345678901234567");
  });

  it("REST bodies get the JSON each type declares, or a ValueError", () => {
    expect(JSON_STRING.json(12, "string")).toBe("12");
    expect(() => JSON_STRING.json({}, "string")).toThrow("expected a string for string, got object");
    expect(JSON_BOOLEAN.json("1", "boolean")).toBe(true);
    expect(JSON_BOOLEAN.json(false, "boolean")).toBe(false);
    expect(() => JSON_BOOLEAN.json("yes", "boolean")).toThrow(ValueError);
    // Json.NET's names: JSON has no number for them, and JSON.stringify would send null.
    expect([NaN, Infinity, -Infinity, 2.5, "1.5E3", "-INF"].map((value) => JSON_DOUBLE.json(value, "double"))).toEqual(["NaN", "Infinity", "-Infinity", 2.5, 1500, "-Infinity"]);
    expect(JSON_DOUBLE.revive("Infinity", "double")).toBe(Infinity);
    expect(() => JSON_DOUBLE.json("x", "double")).toThrow("expected a number for double, got string");
    expect(JSON_DECIMAL.json("0.25", "decimal")).toBe(0.25);
    expect(() => JSON_DECIMAL.json(NaN, "decimal")).toThrow(ValueError);
    expect(JSON_DATE_TIME.json(new Date(0), "dateTime")).toBe("1970-01-01T00:00:00Z");
    expect(() => JSON_DATE_TIME.json(0, "dateTime")).toThrow("expected a Date or ISO 8601 string for dateTime, got number");
    expect(JSON_BASE64.json(new Uint8Array([1, 2]), "base64Binary")).toBe("AQI=");
    expect(() => JSON_BASE64.json([1, 2], "base64Binary")).toThrow(ValueError);
  });

  it("REST sends a decimal string of more than 15 significant digits as its text: a double would round it", () => {
    // Json.NET reads the string as the decimal exactly; Number() would send 1234567890123456.8.
    expect(JSON_DECIMAL.json(" 1234567890123456.78 ", "decimal")).toBe("1234567890123456.78");
    expect(JSON_DECIMAL.json("0.1234567890123456789", "decimal")).toBe("0.1234567890123456789");
    expect(JSON_DECIMAL.json("-000123456789012345.000", "decimal")).toBe(-123456789012345);
  });

  it("a JSON double's special is a string: an array of one name is none (as a key it would convert to the name)", () => {
    expect(() => JSON_DOUBLE.revive(["NaN"], "double")).toThrow("array is not a valid double");
    expect(() => JSON_DOUBLE.revive(["Infinity"], "double")).toThrow("array is not a valid double");
  });

  it("writers trim texts as the readers do, and a double keeps the sign of zero", () => {
    expect(XML_DECIMAL.write(" 1.5 ", "decimal")).toBe("1.5");
    expect(XML_BOOLEAN.write(" true ", "boolean")).toBe("true");
    expect(JSON_BOOLEAN.json(" 0 ", "boolean")).toBe(false);
    expect(XML_DOUBLE.write(-0, "double")).toBe("-0");
    expect(XML_DOUBLE.write("-0", "double")).toBe("-0");
    // A JSON anyType number that JSON has none for goes by Json.NET's name, as a typed double's does.
    expect([NaN, Infinity, -Infinity, 2].map((value) => writeJson({}, value, "anyType"))).toEqual(["NaN", "Infinity", "-Infinity", 2]);
  });

  it("double specials", () => {
    expect(XML_DOUBLE.write("Infinity", "double")).toBe("INF");
    expect(XML_DOUBLE.write(NaN, "double")).toBe("NaN");
    expect(XML_DOUBLE.read("INF", "double")).toBe(Infinity);
    expect(XML_DOUBLE.read("1.5E3", "double")).toBe(1500);
    expect(() => XML_DOUBLE.read("", "double")).toThrow(ValueError);
  });

  it("booleans", () => {
    expect(XML_BOOLEAN.read(" 1 ", "boolean")).toBe(true);
    expect(XML_BOOLEAN.read("false", "boolean")).toBe(false);
    expect(() => XML_BOOLEAN.read("yes", "boolean")).toThrow(ValueError);
  });
});

describe("base64 and flags", () => {
  it("encodes like Buffer", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }));
  });

  it("decodes forgivingly (whitespace anywhere, padding optional) and refuses what is no base64", () => {
    for (const text of ["", "AQID", "AQI", "AQI=", "AQ==", "AQ", " A Q\nI\tD ", "AQ =\n=\n", "AQ\u00a0ID"]) {
      expect(fromBase64(text)).toEqual(new Uint8Array(Buffer.from(text.replace(/\s/g, ""), "base64")));
    }
    for (const text of ["A", "AQIDB", "AQ=I", "A=QI", "AQ-_", "AQ$="]) {
      expect(() => fromBase64(text), text).toThrow(new ValueError("text is not valid base64"));
    }
  });

  it("REST flags strings split on commas", () => {
    expect(parseFlagsJson("UserName, Password,Role")).toEqual(["UserName", "Password", "Role"]);
    expect(parseFlagsJson("")).toEqual([]);
  });
});
