/** The two index pages: `docs/README.md` (every version, every diff) and `docs/<Version>/README.md` (its agents and entities). */
import type { ServicesModel } from "../../ir/types.js";
import { entitiesProperty, memberName } from "../naming.js";
import { render } from "../render.js";
import { plural } from "../text.js";
import { entityFile } from "./entities.js";
import { agentSummary } from "./agent-page.js";
import { diffFile, type DiffPair } from "./diff-page.js";
import { code, link } from "./markdown.js";
import type { VersionIndex } from "./version-index.js";

function operationCount(model: ServicesModel): number {
  return model.agents.reduce((n, a) => n + a.operations.length, 0);
}

function documentedTypeCount(model: ServicesModel): number {
  return model.types.filter((t) => t.kind !== "array").length;
}

export function versionReadme(index: VersionIndex, previousDiff: DiffPair | null): string {
  const { model } = index;
  const nav = [link("All versions", "../README.md"), link("Types", "types.md")];
  if (previousDiff !== null) nav.push(link(`Changes since ${previousDiff.older}`, `../${diffFile(previousDiff.older, previousDiff.newer, "md")}`));
  const entities = entitiesProperty(model.agents.map((agent) => agent.name));
  return render("docs/version", {
    title: model.version,
    nav: nav.join(" · "),
    facts: `Namespace ${code(model.namespace)}: ${plural(model.agents.length, "agent")}, ${plural(operationCount(model), "operation")}, ${plural(documentedTypeCount(model), "type")}.`,
    agents: [...index.agents.values()].map((a) => ({
      link: link(a.agent.name, a.file),
      operations: String(a.agent.operations.length),
      summary: agentSummary(a.agent),
    })),
    entities: (model.entities ?? []).map((entity) => ({
      link: link(entity.name, entityFile(entity)),
      endpoints: String(entity.endpoints.length),
      client: code(`rest.${entities}.${memberName(entity.name)}`),
    })),
  });
}

export function rootReadme(indexes: VersionIndex[], diffs: readonly DiffPair[], previousDiffs: ReadonlyMap<string, DiffPair>): string {
  return render("docs/index", {
    versions: indexes.map((index) => {
      const previous = previousDiffs.get(index.model.version);
      return {
        link: link(index.model.version, `${index.model.version}/README.md`),
        agents: String(index.model.agents.length),
        operations: String(operationCount(index.model)),
        types: String(documentedTypeCount(index.model)),
        changes: previous === undefined ? "" : link(`since ${previous.older}`, diffFile(previous.older, previous.newer, "md")),
      };
    }),
    hasDiffs: diffs.length > 0,
    diffs: diffs.map((d) => `${link(`${d.older} → ${d.newer}`, diffFile(d.older, d.newer, "md"))} (${link("JSON", diffFile(d.older, d.newer, "json"))})`),
  });
}
