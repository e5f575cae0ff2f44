/**
 * A digest of a value's JSON text, computed once per object: the model memo (model/memo.ts) notes
 * the digest it stored beside a part it gives back, so the emit's piece keys (emit/index.ts) need not
 * stringify that part again. Sound because the model is not changed once built: a noted digest is
 * always the one JSON.stringify would give.
 */
import { createHash } from "node:crypto";

const noted = new WeakMap<object, string>();

export function jsonDigest(value: object): string {
  let known = noted.get(value);
  if (known === undefined) noted.set(value, (known = textDigest(JSON.stringify(value))));
  return known;
}

/** `digest` must be jsonDigest's for `value`: the digest of its JSON text, stored when it was made. */
export function noteJsonDigest(value: object, digest: string): void {
  noted.set(value, digest);
}

export function textDigest(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}
