import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Redactor } from "../../templates/runtime/redact.js";

const SECRET = "s3cr&t-pw";

/** Everything an error shows to a logger, hidden properties and the whole cause chain included. */
const shown = (error: unknown): string => inspect(error, { depth: Infinity, showHidden: true });

describe("Redactor.error", () => {
  it("scrubs a cause chain of any depth the runtime makes, keeping each cause's name, message and properties", () => {
    let cause: Error = Object.assign(new TypeError(`deepest ${SECRET}`), { code: `E-${SECRET}` });
    for (let level = 0; level < 12; level++) cause = new Error(`level ${level} ${JSON.stringify(SECRET)}`, { cause });
    const error = new Error(`top ${encodeURIComponent(SECRET)}`, { cause });
    new Redactor([SECRET]).error(error);
    expect(shown(error)).not.toContain("s3cr");
    let deepest: unknown = error;
    while (deepest instanceof Error && deepest.cause !== undefined) deepest = deepest.cause;
    expect(deepest).toMatchObject({ name: "TypeError", message: "deepest ***", code: "E-***" });
  });

  it("scrubs a cause or property that is a plain object or an Error inside a value; class instances and clean causes stay themselves", () => {
    const clean = new Error("nothing to hide");
    const when = new Date(0);
    const inner = { error: new RangeError(`&#115;3cr&amp;t-pw`) };
    const error = Object.assign(new Error("failed", { cause: { reply: `echo ${SECRET}` } }), {
      details: [inner, when],
      other: clean,
    });
    new Redactor([SECRET]).error(error);
    expect(shown(error)).not.toMatch(/s3cr|&#115;/);
    expect(error.cause).toEqual({ reply: "echo ***" });
    expect(error.details[1]).toBe(when);
    expect(error.other).toBe(clean);
    expect(error.details[0]).not.toBe(inner);
    expect((error.details[0] as typeof inner).error).toMatchObject({ name: "RangeError", message: "***" });
  });

  it("keeps an error without secrets as it is, and the error it redacts is the same object", () => {
    const cause = new Error("plain");
    const error = new Error(`no secret here`, { cause });
    expect(new Redactor([SECRET]).error(error)).toBe(error);
    expect(error.cause).toBe(cause);
    expect(Object.getOwnPropertyDescriptor(error, "cause")?.enumerable).toBe(false);
  });
});

describe("Redactor.with", () => {
  it("is the same redactor when nothing new is added, a new one that knows both otherwise", () => {
    const redactor = new Redactor(["one"]);
    expect(redactor.with(["one", "", undefined])).toBe(redactor);
    const both = redactor.with(["two"]);
    expect(both.text("one two")).toBe("*** ***");
    expect(redactor.text("one two")).toBe("*** two");
  });
});
