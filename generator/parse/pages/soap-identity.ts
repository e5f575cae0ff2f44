/**
 * Which version, agent and operation a SOAP page documents, read from what the
 * page says (title, endpoint, envelope namespace), never from where it sits:
 * copies of pages end up in folders that do not match.
 */
import type { DiagnosticSink } from "../../diagnostics.js";

export interface SoapIdentity {
  version: string;
  agent: string;
  operation: string;
}

/** One place a page names itself, and the line it does so on. */
export interface IdentityClue {
  what: string;
  line: number;
  found: Partial<SoapIdentity>;
}

/**
 * "Services88 User SetExternalUserInfo", "Services86 User CreateExternalUser SOAP"
 * (H1) or "Services86.UserAgent.CreateExternalUser SOAP" (front matter title).
 * An agent overview ("Services88 User SOAP") yields no operation.
 */
export function identityFromTitle(title: string): Partial<SoapIdentity> {
  const trimmed = title.trim();
  const dotted = /^(Services\d+)\.(\w+?)Agent(?:\.(\w+))?(?:\s+SOAP)?$/.exec(trimmed);
  if (dotted) return withoutUndefined({ version: dotted[1], agent: dotted[2], operation: dotted[3] });
  const spaced = /^(Services\d+)\s+(\w+)(?:\s+(\w+))?$/.exec(trimmed.replace(/\s+SOAP$/, ""));
  if (spaced) return withoutUndefined({ version: spaced[1], agent: spaced[2], operation: spaced[3] });
  return {};
}

/** "Remote/Services88/User.svc" */
export function identityFromEndpoint(text: string): Partial<SoapIdentity> {
  const match = /Remote\/(Services\d+)\/(\w+)\.svc/.exec(text);
  return match ? { version: match[1], agent: match[2] } : {};
}

/** The NetServer namespace of a request envelope, and its wrapper element under Body (the operation). */
export function identityFromRequestEnvelope(xml: string): Partial<SoapIdentity> {
  const version = /NetServer\/(Services\d+)["']/.exec(xml)?.[1];
  const operation = /<(?:[\w-]+:)?Body>\s*<(?:[\w-]+:)?(\w+)[\s>/]/.exec(xml)?.[1];
  return withoutUndefined({ version, operation });
}

function withoutUndefined(found: Partial<Record<keyof SoapIdentity, string | undefined>>): Partial<SoapIdentity> {
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined && value !== ""));
}

const FIELDS: (keyof SoapIdentity)[] = ["version", "agent", "operation"];

/**
 * Takes each field from the first clue that has it (clues in order of trust)
 * and warns when a later clue disagrees. Returns the missing fields when
 * the page does not name itself fully.
 */
export function resolveIdentity(
  clues: IdentityClue[],
  sink: DiagnosticSink,
): { identity: SoapIdentity; missing: [] } | { identity: null; missing: (keyof SoapIdentity)[] } {
  const chosen: Partial<SoapIdentity> = {};
  for (const field of FIELDS) {
    const first = clues.find((clue) => clue.found[field] !== undefined);
    if (!first) continue;
    chosen[field] = first.found[field];
    for (const clue of clues) {
      const other = clue.found[field];
      if (other !== undefined && other !== chosen[field]) {
        sink.warning(clue.line, "page.identity-mismatch", `The ${clue.what} says ${field} "${other}" but the ${first.what} says "${chosen[field]}".`);
      }
    }
  }
  const missing = FIELDS.filter((field) => chosen[field] === undefined);
  if (chosen.version !== undefined && chosen.agent !== undefined && chosen.operation !== undefined) {
    return { identity: { version: chosen.version, agent: chosen.agent, operation: chosen.operation }, missing: [] };
  }
  return { identity: null, missing };
}
