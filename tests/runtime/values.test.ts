import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  parseDateTime,
  parseFlagsJson,
  plainDecimal,
  toBase64,
  ValueError,
  XML_BOOLEAN,
  XML_DOUBLE,
  XML_INT,
  XML_LONG,
} from "../../templates/runtime/values.js";

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

  it("ints never use exponent notation", () => {
    expect(XML_LONG.write(1e21, "long")).toBe("1000000000000000000000");
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

  it("double specials", () => {
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

  it("REST flags strings split on commas", () => {
    expect(parseFlagsJson("UserName, Password,Role")).toEqual(["UserName", "Password", "Role"]);
    expect(parseFlagsJson("")).toEqual([]);
  });
});
