/**
 * Markdown docs: model → view models → `templates/docs/*.hbs`.
 *
 * Every decision (names, links, anchors, signatures, escaped table cells, provenance
 * small print) is made in this folder, one file per page kind (agent-page, types-page,
 * entities, readmes, diff-page) over shared pieces: markdown.ts (anchors, links, escaping),
 * provenance.ts (where a doc came from), values.ts (types and example values) and
 * version-index.ts (every page's file and anchors, known before any page is written).
 * The templates only loop and print. Output is a pure function of the models and diffs,
 * so two runs give the same bytes.
 *
 * Layout (keys of the returned map):
 *   docs/README.md                       versions, links to each version and to the diffs
 *   docs/<Version>/README.md             agents with one-line summaries
 *   docs/<Version>/<Agent>.md            every operation of the agent
 *   docs/<Version>/types.md              carriers, enums, dictionaries
 *   docs/diff-<Older>-<Newer>.md / .json one pair per supplied diff
 */
import type { Entity, ServicesModel } from "../../ir/types.js";
import { compareVersions } from "../../model/order.js";
import { agentPage } from "./agent-page.js";
import { diffFile, diffPage, type DiffPair, type DocsDiff } from "./diff-page.js";
import type { VersionDiff } from "../../model/diff.js";
import { jsonDigest, textDigest } from "../../util/json-digest.js";
import { entityFile, entityPage, type EntityLinks } from "./entities.js";
import { tidy } from "./markdown.js";
import { rootReadme, versionReadme } from "./readmes.js";
import { typesPage } from "./types-page.js";
import { agentIndexes, buildIndex, typeLinks, typesLayout, type AgentIndex, type TypeLinks, type TypesLayout, type VersionIndex } from "./version-index.js";

export type { DocsDiff } from "./diff-page.js";
export { slugify, Slugger } from "./markdown.js";

/** Renders the docs of every model plus one page pair per diff; keys are paths under `docs/`. */
export function emitDocs(models: readonly ServicesModel[], diffs: DocsDiff[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const part of docsParts(models, diffs.map((entry) => ({ older: entry.older, newer: entry.newer, diff: () => entry.diff })))) for (const [file, content] of part.make()) files.set(file, content);
  return files;
}

/** A diff made only when its pages are; `key`, where given, is a digest of everything the diff reads. */
export interface LazyDiff extends DiffPair {
  diff: () => VersionDiff;
  key?: () => string;
}

/**
 * A part of the docs; `key` as OutputPiece's (emit/index.ts): a digest of all the part reads, where
 * that is less than the whole models.
 */
export interface DocsPart {
  key?: () => string;
  make: () => Map<string, string>;
}

/**
 * The docs in parts (the root README, each version's pages, each diff's pair), made one at a time
 * so that a caller writing each before the next never holds all the docs; the indexes every page
 * links through are built once, before any part. Without `pages`, the agent and entity pages are
 * left to the caller (agentDoc, entityDoc: emit/index.ts puts them in the agent's and entity's
 * output pieces).
 */
export function docsParts(models: readonly ServicesModel[], diffs: readonly LazyDiff[], options: { pages: boolean } = { pages: true }): DocsPart[] {
  const sortedModels = [...models].sort((a, b) => compareVersions(a.version, b.version));
  const layouts = new Map<string, TypesLayout>();
  const indexes = new Map<string, VersionIndex>();
  for (const model of sortedModels) {
    if (indexes.has(model.version)) continue;
    const layout = typesLayout(model);
    layouts.set(model.version, layout);
    indexes.set(model.version, buildIndex(model, layout));
  }
  const sortedDiffs = [...diffs].sort((a, b) => compareVersions(a.newer, b.newer) || compareVersions(a.older, b.older));
  const versions = [...indexes.keys()];
  /** Version → the supplied diff from the version just before it. */
  const previousDiffs = new Map<string, LazyDiff>();
  for (let i = 1; i < versions.length; i++) {
    const found = sortedDiffs.find((d) => d.older === versions[i - 1] && d.newer === versions[i]);
    if (found !== undefined) previousDiffs.set(versions[i], found);
  }

  return [
    { make: () => new Map([["docs/README.md", tidy(rootReadme([...indexes.values()], sortedDiffs, previousDiffs))]]) },
    ...[...indexes].flatMap(([version, index]): DocsPart[] => [
      { make: () => new Map([[`docs/${version}/README.md`, tidy(versionReadme(index, previousDiffs.get(version) ?? null))]]) },
      // The types page reads the version's name and types, and its agents' names (to link them).
      {
        key: () => textDigest(`types page\0${version}\0${jsonDigest(index.model.types)}\0${JSON.stringify([...index.agents.keys()])}`),
        make: () => new Map([[`docs/${version}/types.md`, tidy(typesPage(layouts.get(version)!, index))]]),
      },
      ...(options.pages
        ? [
            {
              make: () => {
                const files = new Map<string, string>();
                for (const entry of index.agents.values()) files.set(...agentDoc(version, entry, index));
                for (const entity of index.model.entities ?? []) files.set(...entityDoc(version, entity, index));
                return files;
              },
            },
          ]
        : []),
    ]),
    ...sortedDiffs.map(({ key, ...entry }): DocsPart => ({
      // The pages link by names the diff's key covers (agents, operations, types, entities).
      key: key && (() => textDigest(`diff pages\0${entry.older}\0${entry.newer}\0${key()}`)),
      make: () => {
        const diff: DocsDiff = { older: entry.older, newer: entry.newer, diff: entry.diff() };
        return new Map([
          [`docs/${diffFile(entry.older, entry.newer, "md")}`, tidy(diffPage(diff, indexes))],
          [`docs/${diffFile(entry.older, entry.newer, "json")}`, `${JSON.stringify(diff.diff, null, 2)}\n`],
        ]);
      },
    })),
  ];
}

/** What an agent's and an entity's page link through, for one version: its types, and its agents' pages. */
export function pageLinks(model: ServicesModel): EntityLinks {
  return { ...typeLinks(model, typesLayout(model)), agents: agentIndexes(model) };
}

/** An agent's page, `docs/<Version>/<Agent>.md`: from the agent, the version's name and its types. */
export function agentDoc(version: string, entry: AgentIndex, links: TypeLinks): [string, string] {
  return [`docs/${version}/${entry.file}`, tidy(agentPage(entry, links, version))];
}

/** An entity's page, `docs/<Version>/entities/<Entity>.md`. */
export function entityDoc(version: string, entity: Entity, links: EntityLinks): [string, string] {
  return [`docs/${version}/${entityFile(entity)}`, tidy(entityPage(entity, links, version))];
}
