/** The two doc-text escapers (generator/emit/escape.ts), and that emit has no other. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeTsdoc } from "../../generator/emit/escape.js";
import { tsdoc } from "../../generator/emit/ts/tsdoc.js";

const emitDir = path.resolve(import.meta.dirname, "../../generator/emit");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith(".ts") ? [path.join(dir, entry.name)] : []));
}

describe("escapeMarkdown", () => {
  it("keeps doc text from adding headings, fences or rules, and drops relative links to their text", () => {
    const text = "# Not a heading\n```\n---\nSee [the page](../other.md) or [site](https://example.com/).";
    expect(escapeMarkdown(text)).toBe("\\# Not a heading\n\\```\n\\---\nSee the page or [site](https://example.com/).");
  });

  it("puts a table cell on one line with its pipes escaped", () => {
    expect(escapeMarkdown("a | b\nc\n\nd", "cell")).toBe("a \\| b c<br><br>d");
    expect(escapeMarkdown("A|B", "code-cell")).toBe("A\\|B");
  });
});

describe("escapeTsdoc", () => {
  it("cannot end the comment or start a tag", () => {
    expect(escapeTsdoc("ends */ here\n@param x")).toEqual(["ends *\\/ here", "\\@param x"]);
    expect(tsdoc("a */ b", { params: [{ name: "request", text: "@returns c" }] })).toEqual(["/**", " * a *\\/ b", " *", " * @param request - \\@returns c", " */"]);
  });
});

describe("emit", () => {
  it("escapes doc text only in escape.ts: no other module escapes pipes, comment ends or tag marks", () => {
    const others = sources(emitDir).filter((file) => path.basename(file) !== "escape.ts");
    expect(others.length).toBeGreaterThan(20);
    const escaping = others.filter((file) => /replace\(\/(?:\\\||\\\*\\\/|\^\(\\s\*\)@)/.test(readFileSync(file, "utf8")));
    expect(escaping.map((file) => path.relative(emitDir, file))).toEqual([]);
  });
});
