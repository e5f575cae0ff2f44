/** `docs/diff-<Older>-<Newer>.md`: what changed between two versions, linked into both. */
import type { Change, MemberShape, MembersChange, TypeChange, VersionDiff } from "../../model/diff.js";
import type { EndpointSummary } from "../../model/entity-diff.js";
import { render } from "../render.js";
import { plural } from "../text.js";
import { entityFile } from "./entities.js";
import { code, link } from "./markdown.js";
import type { VersionIndex } from "./version-index.js";

/** Two consecutive versions, whose diff the docs link to. */
export interface DiffPair {
  older: string;
  newer: string;
}

export interface DocsDiff extends DiffPair {
  diff: VersionDiff;
}

export function diffFile(older: string, newer: string, ext: "md" | "json"): string {
  return `diff-${older}-${newer}.${ext}`;
}

function shapeText(shape: MemberShape): string {
  const flags = [shape.optional ? "optional" : "", shape.nillable ? "nillable" : ""].filter((f) => f !== "");
  return `${shape.type}${flags.length > 0 ? ` (${flags.join(", ")})` : ""}`;
}

function changeLine(label: string, change: Change | null): string[] {
  return change === null ? [] : [`${label}: ${code(change.before)} → ${code(change.after)}`];
}

function membersLines(noun: string, change: MembersChange): string[] {
  return [
    ...change.added.map((m) => `${noun} added: ${code(`${m.name}: ${shapeText(m)}`)}`),
    ...change.removed.map((m) => `${noun} removed: ${code(`${m.name}: ${shapeText(m)}`)}`),
    ...change.changed.map((m) => `${noun} ${code(m.name)}: ${code(shapeText(m.before))} → ${code(shapeText(m.after))}`),
    ...(change.reordered ? [`${noun}s reordered`] : []),
  ];
}

interface DiffItem {
  text: string;
  details: string[];
}

export function diffPage(entry: DocsDiff, indexes: Map<string, VersionIndex>): string {
  const { diff } = entry;
  const older = indexes.get(entry.older);
  const newer = indexes.get(entry.newer);
  const versionLink = (version: string, index: VersionIndex | undefined) => (index === undefined ? version : link(version, `${version}/README.md`));
  const agentRef = (name: string, index: VersionIndex | undefined, label: string) => {
    const agent = index?.agents.get(name);
    return agent === undefined ? code(label) : link(code(label), `${index!.model.version}/${agent.file}`);
  };
  const operationRef = (agentName: string, op: string, index: VersionIndex | undefined) => {
    const agent = index?.agents.get(agentName);
    const anchor = agent?.anchors.get(op);
    const label = code(`${agentName}.${op}`);
    return agent === undefined || anchor === undefined ? label : link(label, `${index!.model.version}/${agent.file}#${anchor}`);
  };
  const typeRef = (name: string, index: VersionIndex | undefined) => {
    const anchor = index?.typeAnchors.get(name);
    return anchor === undefined ? code(name) : link(code(name), `${index!.model.version}/types.md#${anchor}`);
  };

  const groups: { heading: string; lists: { label: string; items: DiffItem[] }[] }[] = [
    {
      heading: "Agents",
      lists: [
        { label: "Added", items: diff.agents.added.map((a) => ({ text: `${agentRef(a.name, newer, a.name)} (${plural(a.operations.length, "operation")})`, details: [] })) },
        { label: "Removed", items: diff.agents.removed.map((a) => ({ text: `${agentRef(a.name, older, a.name)} (${plural(a.operations.length, "operation")})`, details: [] })) },
        {
          label: "Changed",
          items: diff.agents.changed.map((a) => ({
            text: agentRef(a.name, newer, a.name),
            details: [
              ...a.requestHeaders.added.map((h) => `request header added: ${code(h)}`),
              ...a.requestHeaders.removed.map((h) => `request header removed: ${code(h)}`),
              ...a.responseHeaders.added.map((h) => `response header added: ${code(h)}`),
              ...a.responseHeaders.removed.map((h) => `response header removed: ${code(h)}`),
            ],
          })),
        },
      ],
    },
    {
      heading: "Operations",
      lists: [
        { label: "Added", items: diff.operations.added.map((o) => ({ text: `${operationRef(o.agent, o.name, newer)}: ${code(o.signature)}`, details: [] })) },
        { label: "Removed", items: diff.operations.removed.map((o) => ({ text: `${operationRef(o.agent, o.name, older)}: ${code(o.signature)}`, details: [] })) },
        {
          label: "Changed",
          items: diff.operations.changed.map((o) => ({
            text: operationRef(o.agent, o.name, newer),
            details: [
              ...(o.before === o.after ? [`signature: ${code(o.after)}`] : [`before: ${code(o.before)}`, `after: ${code(o.after)}`]),
              ...membersLines("parameter", o.params),
              ...changeLine("returns", o.returns),
              ...changeLine("REST", o.rest),
              ...changeLine("SOAP action", o.soapAction),
              ...(o.requestHeaders?.added ?? []).map((h) => `request header added: ${code(h)}`),
              ...(o.requestHeaders?.removed ?? []).map((h) => `request header removed: ${code(h)}`),
            ],
          })),
        },
      ],
    },
    {
      heading: "Types",
      lists: [
        { label: "Added", items: diff.types.added.map((t) => ({ text: `${typeRef(t.name, newer)}: ${t.description}`, details: [] })) },
        { label: "Removed", items: diff.types.removed.map((t) => ({ text: `${typeRef(t.name, older)}: ${t.description}`, details: [] })) },
        {
          label: "Changed",
          items: diff.types.changed.map((t) => ({
            text: `${typeRef(t.name, newer)} (${t.kind === "retyped" ? t.after : t.kind})`,
            details: typeChangeLines(t),
          })),
        },
      ],
    },
  ];
  const entityRef = (item: EndpointSummary, index: VersionIndex | undefined) => {
    const entity = index?.model.entities?.find((candidate) => candidate.name === item.entity);
    return entity === undefined ? code(item.endpoint) : link(code(item.endpoint), `${index!.model.version}/${entityFile(entity)}`);
  };
  const entities = diff.entities;
  if (entities) {
    groups.push({
      heading: "Entity endpoints",
      lists: [
        { label: "Added", items: entities.added.map((e) => ({ text: `${entityRef(e, newer)}: ${code(e.signature)}`, details: [] })) },
        { label: "Removed", items: entities.removed.map((e) => ({ text: `${entityRef(e, older)}: ${code(e.signature)}`, details: [] })) },
        { label: "Changed", items: entities.changed.map((e) => ({ text: entityRef(e, newer), details: e.changes.map((c) => `${c.what}: ${code(c.before || "(none)")} → ${code(c.after || "(none)")}`) })) },
      ],
    });
  }
  const s = diff.summary;
  return render("docs/diff", {
    title: `Changes from ${entry.older} to ${entry.newer}`,
    nav: [link("All versions", "README.md"), versionLink(entry.older, older), versionLink(entry.newer, newer), link("JSON", diffFile(entry.older, entry.newer, "json"))].join(" · "),
    summary: [
      { what: "Agents", added: String(s.agentsAdded), removed: String(s.agentsRemoved), changed: String(s.agentsChanged) },
      { what: "Operations", added: String(s.operationsAdded), removed: String(s.operationsRemoved), changed: String(s.operationsChanged) },
      { what: "Types", added: String(s.typesAdded), removed: String(s.typesRemoved), changed: String(s.typesChanged) },
      ...(entities ? [{ what: "Entity endpoints", added: String(entities.added.length), removed: String(entities.removed.length), changed: String(entities.changed.length) }] : []),
    ],
    unchanged: groups.every((g) => g.lists.every((l) => l.items.length === 0)),
    groups: groups
      .map((g) => ({ heading: g.heading, lists: g.lists.filter((l) => l.items.length > 0) }))
      .filter((g) => g.lists.length > 0),
  });
}

/** The detail lines of a changed type, by what changed. */
function typeChangeLines(change: TypeChange): string[] {
  switch (change.kind) {
    case "retyped":
      return changeLine("kind", { before: change.before, after: change.after });
    case "carrier":
      return [...changeLine("base", change.base), ...membersLines("field", change.fields)];
    case "enum":
      return [
        ...change.values.added.map((v) => `value added: ${code(v.value === null ? v.name : `${v.name} = ${v.value}`)}`),
        ...change.values.removed.map((v) => `value removed: ${code(v.value === null ? v.name : `${v.name} = ${v.value}`)}`),
        ...change.values.changed.map((v) => `value ${code(v.name)}: ${code(String(v.before ?? "implicit"))} → ${code(String(v.after ?? "implicit"))}`),
        ...changeLine("flags", change.flags),
        ...changeLine("underlying type", change.underlying),
      ];
    case "dictionary":
      return [...changeLine("key type", change.keyType), ...changeLine("value type", change.valueType)];
  }
}
