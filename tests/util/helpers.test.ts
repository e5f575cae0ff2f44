/** The helpers every stage shares (generator/util/): one normalisation, one line index, one name lookup, one mkdir -p. */
import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeFolders } from "../../generator/util/files.js";
import { compareStrings } from "../../generator/util/order.js";
import { findByName, ownKeysOnly, valueByName } from "../../generator/util/records.js";
import { LineIndex, normaliseText } from "../../generator/util/text.js";
import { scratchDir } from "../support/tmp.js";

describe("normaliseText", () => {
  it.each([
    ["\uFEFFa\r\nb\rc\nd", "a\nb\nc\nd"],
    ["plain\n", "plain\n"],
    ["\uFEFF", ""],
    ["a\uFEFFb", "a\uFEFFb"],
    ["\r\r\n", "\n\n"],
  ])("%j", (raw, clean) => {
    expect(normaliseText(raw)).toBe(clean);
  });
});

describe("LineIndex", () => {
  it.each(["a\nbb\n\nccc\n", "a\r\nbb\r\n\r\nccc\r\n", "a\rbb\r\rccc\r"])("gives every offset of %j the line it is on", (text) => {
    const index = new LineIndex(text);
    let line = 1;
    for (let offset = 0; offset < text.length; offset++) {
      expect(index.lineAt(offset), `offset ${offset}`).toBe(line);
      const breakHere = text[offset] === "\n" || (text[offset] === "\r" && text[offset + 1] !== "\n");
      if (breakHere) line++;
    }
    expect(index.lastLine).toBe(5);
  });

  it("counts from the first line it is given", () => {
    const index = new LineIndex("x\ny", 10);
    expect([index.lineAt(0), index.lineAt(2), index.fileLine(2)]).toEqual([10, 11, 11]);
  });
});

describe("compareStrings", () => {
  it("orders by code unit, whatever the locale", () => {
    expect(["b", "B", "a", "Ä", "A", "_"].sort(compareStrings)).toEqual(["A", "B", "_", "a", "b", "Ä"]);
    expect(compareStrings("x", "x")).toBe(0);
  });
});

describe("records keyed by input names", () => {
  it("have no prototype to find members on", () => {
    const record = ownKeysOnly<string>({ Id: "key" });
    expect(Object.getPrototypeOf(record)).toBeNull();
    expect(record.constructor).toBeUndefined();
    record["__proto__"] = "own";
    expect(Object.keys(record)).toEqual(["Id", "__proto__"]);
  });

  it("are looked up by exact name first, then in any case", () => {
    const docs = ownKeysOnly({ personId: "camel", PersonID: "other", Name: "exact" });
    expect(valueByName(docs, "PersonId")).toBe("camel");
    expect(valueByName(docs, "PersonID")).toBe("other");
    expect(valueByName(docs, "Name")).toBe("exact");
    expect(valueByName(docs, "constructor")).toBeUndefined();
    expect(valueByName({ toString: "own" }, "TOSTRING")).toBe("own");
  });

  it("find list items by exact name first, then in any case", () => {
    const params = [{ name: "userId" }, { name: "UserId" }, { name: "roleId" }];
    expect(findByName(params, "UserId", (param) => param.name)).toBe(params[1]);
    expect(findByName(params, "USERID", (param) => param.name)).toBe(params[0]);
    expect(findByName(params, "RoleID", (param) => param.name)).toBe(params[2]);
    expect(findByName(params, "missing", (param) => param.name)).toBeUndefined();
  });
});

describe("makeFolders", () => {
  const scratch = scratchDir("make-folders");
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("makes a folder and its missing parents, and accepts one that is there", async () => {
    const deep = path.join(scratch, "a", "b", "c");
    await makeFolders(deep);
    await makeFolders(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it("fails with ENOTDIR where a file is in the way, at the folder or above it", async () => {
    const file = path.join(scratch, "file");
    writeFileSync(file, "x");
    await expect(makeFolders(file)).rejects.toMatchObject({ code: "ENOTDIR" });
    await expect(makeFolders(path.join(file, "below"))).rejects.toMatchObject({ code: "ENOTDIR" });
  });

  it.runIf(existsSync("/proc/self"))("fails below /proc instead of trying for ever (where Node's recursive mkdir spins)", async () => {
    await expect(makeFolders("/proc/superoffice-codegen-test/a/b")).rejects.toMatchObject({ code: "ENOENT" });
  });
});
