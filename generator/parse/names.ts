/**
 * Names from the inputs that become parts of URLs (`Remote/<Version>/<Agent>.svc`,
 * `/api/v1/Agents/<Agent>/<Operation>`), file names and identifiers: only plain ASCII names
 * (an XML NCName without its non-ASCII letters) are taken, so no `..`, slash, backslash,
 * percent escape, query, fragment or control character can steer a request or a file.
 */

export const SAFE_NAME = /^[A-Za-z_][\w.-]*$/;

export function isSafeName(name: string): boolean {
  return SAFE_NAME.test(name);
}

/** A name as it appears in a message: quoted, with control characters escaped. */
export function quoted(name: string): string {
  return JSON.stringify(name);
}

/** `/api/v1/Agents/User/GetUser` → { agent: "User", operation: "GetUser" }; null for any other path. */
export function agentPathOf(urlPath: string): { agent: string; operation: string } | null {
  const match = /^\/api\/v1\/Agents\/([A-Za-z_][\w.-]*)\/([A-Za-z_][\w.-]*)$/.exec(urlPath);
  return match ? { agent: match[1], operation: match[2] } : null;
}
