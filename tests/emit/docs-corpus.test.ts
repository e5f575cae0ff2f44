/**
 * Issue 5, done when, on the real corpus: every operation has its docs entry,
 * every relative link resolves, and the Services86 → Services88 diff of the User
 * agent lists exactly the operations added and removed between the two WSDLs
 * (computed here from the raw files) and no unchanged operation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitDocs } from "../../generator/emit/docs.js";
import { diffConsecutive, type VersionDiff } from "../../generator/model/diff.js";
import type { ServicesModel } from "../../generator/model/types.js";
import { corpusRoot, hasCorpus, services86Dir, services88Dir } from "../corpus.js";
import { brokenLinks, raggedRows } from "../support/links.js";
import { buildFrom } from "../support/pipeline.js";

/** Operation name → its request and response wrapper XML, version name neutralised. */
function wsdlOperations(file: string): Map<string, string> {
  const text = readFileSync(file, "utf8");
  const portType = /<wsdl:portType[\s\S]*?<\/wsdl:portType>/.exec(text)?.[0] ?? "";
  const wrapper = (name: string): string =>
    (new RegExp(`<xs:element name="${name}">[\\s\\S]*?</xs:element>\\s*(?=<xs:(?:element|complexType|simpleType) name=|</xs:schema>)`).exec(text)?.[0] ?? "").replace(/Services8\d/g, "ServicesNN").replace(/xmlns:q\d+="[^"]*"|q\d+:/g, "");
  const operations = new Map<string, string>();
  for (const [, name] of portType.matchAll(/<wsdl:operation name="(\w+)">/g)) operations.set(name as string, wrapper(name as string) + wrapper(`${name}Response`));
  return operations;
}

describe.skipIf(!hasCorpus)("docs of the whole corpus", () => {
  let models: ServicesModel[];
  let files: Map<string, string>;
  let userDiff: VersionDiff;
  beforeAll(async () => {
    models = (await buildFrom([corpusRoot])).models;
    const diffs = diffConsecutive(models);
    files = emitDocs(models, diffs);
    userDiff = diffs.find((entry) => entry.older === "Services86" && entry.newer === "Services88")?.diff as VersionDiff;
  });

  it("has an entry for every operation of every version", () => {
    let entries = 0;
    for (const model of models) {
      for (const agent of model.agents) {
        const page = files.get(`docs/${model.version}/${agent.name}.md`) ?? "";
        const headings = new Set([...page.matchAll(/^## (\w+)$/gm)].map((match) => match[1]));
        for (const operation of agent.operations) {
          expect(headings.has(operation.name), `${model.version} ${agent.name}.${operation.name}`).toBe(true);
          entries++;
        }
      }
    }
    expect(entries).toBe(1519 + 79);
  });

  it("resolves every relative link and keeps every table whole", () => {
    const { broken, checked } = brokenLinks(files);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
    for (const [name, text] of files) if (name.endsWith(".md")) expect(raggedRows(text), name).toEqual([]);
  });

  it("diffs the User agent exactly: added and removed operations as the WSDLs say, nothing unchanged", () => {
    const older = wsdlOperations(path.join(services86Dir, "Services86-User.md"));
    const newer = wsdlOperations(path.join(services88Dir, "Services88-User.md"));
    const added = [...newer.keys()].filter((name) => !older.has(name)).sort();
    const removed = [...older.keys()].filter((name) => !newer.has(name)).sort();
    expect(added.length + removed.length).toBeGreaterThan(0);
    const ofUser = (list: { agent: string; name: string }[]) => list.filter((entry) => entry.agent === "User").map((entry) => entry.name).sort();
    expect(ofUser(userDiff.operations.added)).toEqual(added);
    expect(ofUser(userDiff.operations.removed)).toEqual(removed);

    const unchanged = [...newer].filter(([name, xml]) => older.get(name) === xml).map(([name]) => name);
    expect(unchanged.length).toBeGreaterThan(40);
    const changed = new Set(ofUser(userDiff.operations.changed));
    expect(unchanged.filter((name) => changed.has(name))).toEqual([]);

    const page = files.get("docs/diff-Services86-Services88.md") ?? "";
    for (const name of [...added, ...removed]) expect(page).toContain(name);
  });
});
