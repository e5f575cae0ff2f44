/**
 * One walk over a request object before anything is written: a cycle or nesting past
 * MAX_NESTING is an InvalidRequestError (the writers would otherwise recurse until the stack
 * overflows), and the strings below a property whose name says secret (redact.ts
 * `isSecretName`: Password, Ticket, Credentials, ApiKey, …) are collected for the call's
 * redaction, so a fault quoting the password the request carried shows `***`.
 */
import { InvalidRequestError } from "./errors.js";
import { MAX_NESTING } from "./limits.js";
import { isSecretName } from "./redact.js";

/** The request's secret values; throws InvalidRequestError for a cyclic or too deeply nested request. */
export function requestSecrets(request: object | undefined): string[] {
  const secrets: string[] = [];
  if (request === undefined || request === null || typeof request !== "object") return secrets;
  walk(request, false, [], new Set<object>(), new Set<object>(), secrets);
  return secrets;
}

function walk(value: object, secret: boolean, path: string[], ancestors: Set<object>, done: Set<object>, secrets: string[]): void {
  if (ancestors.has(value)) throw new InvalidRequestError("request is cyclic (an object contains itself)", path);
  // A shared (not cyclic) object is walked once; its secrets are collected by the first visit
  // unless only a later visit sits below a secret name, which the second flag check covers.
  if (done.has(value) && !secret) return;
  if (path.length > MAX_NESTING) throw new InvalidRequestError(`request is nested deeper than ${MAX_NESTING}`, path.slice(0, 8));
  ancestors.add(value);
  // `name` decides secrecy: an array item is named by the property holding the array.
  const visit = (key: string, name: string, item: unknown): void => {
    const below = secret || isSecretName(name);
    if (typeof item === "string") {
      if (below) secrets.push(item);
    } else if (item !== null && typeof item === "object" && !isLeaf(item)) {
      path.push(key);
      walk(item, below, path, ancestors, done, secrets);
      path.pop();
    }
  };
  if (Array.isArray(value)) {
    const name = path[path.length - 1] ?? "";
    for (let i = 0; i < value.length; i++) visit(String(i), name, value[i]);
  } else if (value instanceof Map) {
    for (const [key, item] of value as Map<unknown, unknown>) visit(String(key), String(key), item);
  } else {
    for (const key of Object.keys(value)) visit(key, key, (value as Record<string, unknown>)[key]);
  }
  ancestors.delete(value);
  done.add(value);
}

function isLeaf(value: object): boolean {
  return value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}
