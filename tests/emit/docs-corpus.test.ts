/**
 * Issue 5, done when, on the real corpus: every operation has its docs entry,
 * every relative link resolves, and the diff of each pair of consecutive versions
 * lists exactly the agents and operations added and removed between their WSDLs
 * (computed here from the raw files) and no unchanged operation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { emitDocs } from "../../generator/emit/docs/index.js";
import { diffConsecutive, type VersionDiff } from "../../generator/model/diff.js";
import type { ServicesModel } from "../../generator/ir/types.js";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { censusOperationCount, censusVersions } from "../support/corpus-census.js";
import { brokenLinks, raggedRows } from "../support/links.js";
import { buildFrom } from "../support/pipeline.js";

/** Operation name → its request and response wrapper XML, version name neutralised. */
function wsdlOperations(text: string): Map<string, string> {
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
  let diffs: { older: string; newer: string; diff: VersionDiff }[];
  beforeAll(async () => {
    models = (await buildFrom([corpusRoot])).models;
    diffs = diffConsecutive(models);
    files = emitDocs(models, diffs);
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
    expect(entries).toBe(censusOperationCount());
  });

  it("resolves every relative link and keeps every table whole", () => {
    const { broken, checked } = brokenLinks(files);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
    for (const [name, text] of files) if (name.endsWith(".md")) expect(raggedRows(text), name).toEqual([]);
  });

  it("diffs each pair of consecutive versions exactly: agents and operations added and removed as the WSDLs say, nothing unchanged", () => {
    const versions = censusVersions();
    expect(diffs.map((entry) => `${entry.older}→${entry.newer}`)).toEqual(versions.slice(1).map((entry, index) => `${versions[index]?.version}→${entry.version}`));
    let unchangedOperations = 0;
    for (const [index, { diff }] of diffs.entries()) {
      const older = new Map(versions[index]?.wsdls.map((wsdl) => [wsdl.agent, wsdlOperations(wsdl.text)]));
      const newer = new Map(versions[index + 1]?.wsdls.map((wsdl) => [wsdl.agent, wsdlOperations(wsdl.text)]));
      const pair = `${diff.older}→${diff.newer}`;
      expect(diff.agents.added.map((agent) => agent.name).sort(), pair).toEqual([...newer.keys()].filter((name) => !older.has(name)).sort());
      expect(diff.agents.removed.map((agent) => agent.name).sort(), pair).toEqual([...older.keys()].filter((name) => !newer.has(name)).sort());
      const page = files.get(`docs/diff-${diff.older}-${diff.newer}.md`) ?? "";
      for (const [agent, newerOperations] of newer) {
        const olderOperations = older.get(agent);
        if (!olderOperations) continue;
        const ofAgent = (list: { agent: string; name: string }[]) => list.filter((entry) => entry.agent === agent).map((entry) => entry.name).sort();
        const added = [...newerOperations.keys()].filter((name) => !olderOperations.has(name)).sort();
        const removed = [...olderOperations.keys()].filter((name) => !newerOperations.has(name)).sort();
        expect(ofAgent(diff.operations.added), `${pair} ${agent}`).toEqual(added);
        expect(ofAgent(diff.operations.removed), `${pair} ${agent}`).toEqual(removed);
        const unchanged = [...newerOperations].filter(([name, xml]) => olderOperations.get(name) === xml).map(([name]) => name);
        unchangedOperations += unchanged.length;
        const changed = new Set(ofAgent(diff.operations.changed));
        expect(unchanged.filter((name) => changed.has(name)), `${pair} ${agent}`).toEqual([]);
        for (const name of [...added, ...removed]) expect(page, `${pair} ${agent}.${name}`).toContain(name);
      }
    }
    // The comparison above only means something if the WSDLs share unchanged operations.
    expect(unchangedOperations).toBeGreaterThan(40);
  });
});
