/**
 * --versions and --agents: which models are emitted, which diagnostics concern the user, and the
 * names that match nothing. A selection that matches nothing at all is a usage error (exit 2,
 * like an unknown option: the inputs are fine, the command asked for what they do not hold) that
 * lists what the inputs do hold; a name that matches nothing beside others that do is a warning.
 */
import type { Diagnostic } from "./diagnostics.js";
import type { DiscoveredFile } from "./discover/index.js";
import type { ServicesModel } from "./ir/types.js";
import type { ParsedFile } from "./parse/index.js";

export interface Selection {
  versions?: readonly string[];
  agents?: readonly string[];
}

/** Diagnostic codes of a selection problem; an error among them makes the exit status 2. */
const USAGE_CODE = /^options\./;

export function isUsageError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === "error" && USAGE_CODE.test(diagnostic.code);
}

/** "88", "services88" and "Services88" name the same version. */
function versionKey(version: string): string {
  return version.toLowerCase().replace(/^services/, "");
}

/**
 * The files that can feed the selected versions, before anything is parsed: a version inherits
 * docs from the versions before it only, so a WSDL or SOAP page of a version newer than every
 * selected one cannot. Everything else is kept: older versions feed the selected ones, other
 * agents share carriers with them, and REST pages and OpenAPI files have no version. Only given files discovery read when `selection.versions`
 * is set (a remembered file has no text to tell its version by).
 * @returns the files to parse, and the versions of those left out (for listing what the inputs hold)
 */
export function preselect<F extends Pick<DiscoveredFile, "kind"> & { text?: string; xml?: { text: string } }>(files: readonly F[], selection: Selection): { files: F[]; skippedVersions: string[] } {
  const numbers = selection.versions?.map((version) => Number(versionKey(version)));
  if (!numbers || numbers.some((number) => !Number.isInteger(number))) return { files: [...files], skippedVersions: [] };
  const newest = Math.max(...numbers);
  const skipped = new Set<string>();
  const kept = files.filter((file) => {
    const version = namedVersion(file);
    if (version === undefined || Number(versionKey(version)) <= newest) return true;
    skipped.add(version);
    return false;
  });
  return { files: kept, skippedVersions: [...skipped] };
}

/** The one Services version a WSDL or SOAP page names (its namespace, its SOAP actions); undefined when it names none or several. */
function namedVersion(file: Pick<DiscoveredFile, "kind"> & { text?: string; xml?: { text: string } }): string | undefined {
  if (file.kind !== "wsdl" && file.kind !== "soap-page" && file.kind !== "soap-text-dump") return undefined;
  const names = new Set(Array.from((file.xml?.text ?? file.text ?? "").matchAll(/\/NetServer\/(Services\d+)\b/g), (match) => match[1]));
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * The selected models, each with its selected agents, and what was named but not found.
 * @param skippedVersions versions preselect left out, which the inputs hold all the same
 */
export function selectModels(models: readonly ServicesModel[], selection: Selection, skippedVersions: readonly string[] = []): { models: ServicesModel[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const wantedVersions = selection.versions?.map(versionKey);
  const versions = wantedVersions ? models.filter((model) => wantedVersions.includes(versionKey(model.version))) : [...models];
  if (selection.versions) {
    const held = [...new Set([...models.map((model) => model.version), ...skippedVersions])].sort((a, b) => Number(versionKey(a)) - Number(versionKey(b)));
    diagnostics.push(...unmatched("versions", selection.versions, held, versionKey));
    // Nothing selected: the agents cannot be checked against anything.
    if (versions.length === 0) return { models: [], diagnostics };
  }
  if (!selection.agents) return { models: versions, diagnostics };
  const wantedAgents = selection.agents.map((agent) => agent.toLowerCase());
  const available = [...new Set(versions.flatMap((model) => model.agents.map((agent) => agent.name)))].sort();
  diagnostics.push(...unmatched("agents", selection.agents, available, (name) => name.toLowerCase()));
  return { models: versions.map((model) => ({ ...model, agents: model.agents.filter((agent) => wantedAgents.includes(agent.name.toLowerCase())) })), diagnostics };
}

function unmatched(option: "versions" | "agents", wanted: readonly string[], available: readonly string[], key: (name: string) => string): Diagnostic[] {
  const keys = new Set(available.map(key));
  const missing = wanted.filter((name) => !keys.has(key(name)));
  if (missing.length === 0) return [];
  const noun = option === "versions" ? "version" : "agent";
  const found = available.length ? `the inputs hold ${available.join(", ")}` : `the inputs hold no ${noun} at all`;
  const nothing = missing.length === wanted.length;
  return [{
    path: `--${option}`,
    line: 0,
    severity: nothing ? "error" : "warning",
    code: `options.unknown-${noun}`,
    message: `No ${noun} named ${missing.join(", ")} is in the inputs${nothing ? "" : " (ignored)"}; ${found}.`,
  }];
}

/**
 * Diagnostics about what the selection leaves out (a page or WSDL of an unselected version or
 * agent) are dropped: the user asked about the rest. Problems of files nobody can place are kept.
 */
export function selectedDiagnostics(parsed: readonly ParsedFile[], diagnostics: readonly Diagnostic[], selection: Selection): Diagnostic[] {
  if (!selection.versions && !selection.agents) return [...diagnostics];
  const versions = selection.versions?.map(versionKey);
  const agents = selection.agents?.map((agent) => agent.toLowerCase());
  const unselected = new Set<string>();
  for (const file of parsed) {
    const scope = scopeOf(file);
    if (!scope) continue;
    const versionOut = versions && scope.version !== undefined && !versions.includes(versionKey(scope.version));
    const agentOut = agents && !agents.includes(scope.agent.toLowerCase());
    if (versionOut || agentOut) unselected.add(file.path);
  }
  return diagnostics.filter((diagnostic) => !unselected.has(diagnostic.path));
}

/** The version (when the file has one) and agent a parsed file is about. */
function scopeOf(file: ParsedFile): { version?: string; agent: string } | undefined {
  const value = file.value;
  switch (value?.kind) {
    case "wsdl":
      return { version: value.wsdl.version, agent: value.wsdl.agent };
    case "soap-page":
      return { version: value.page.version, agent: value.page.agent };
    case "rest-page":
      return { agent: value.page.agent };
    case "openapi":
      return { agent: value.openApi.agent };
    default:
      return undefined;
  }
}
