/**
 * Digests of a value's JSON text, computed once per object and view: the model memo (model/memo.ts)
 * notes the digests it stored beside a part it gives back, so the emit's piece keys (emit/index.ts)
 * need not stringify that part again. Sound because the model is not changed once built: a noted
 * digest is always the one the view's JSON.stringify would give.
 */
import { createHash } from "node:crypto";

/** What of a value a digest covers: all of it, or what a replacer leaves (model/diff.ts: no docs). */
export interface JsonView {
  replacer?: (key: string, value: unknown) => unknown;
}

const WHOLE: JsonView = {};
const noted = new WeakMap<JsonView, WeakMap<object, string>>();

function notesOf(view: JsonView): WeakMap<object, string> {
  let notes = noted.get(view);
  if (!notes) noted.set(view, (notes = new WeakMap()));
  return notes;
}

export function jsonDigest(value: object, view: JsonView = WHOLE): string {
  const notes = notesOf(view);
  let known = notes.get(value);
  if (known === undefined) notes.set(value, (known = textDigest(JSON.stringify(value, view.replacer))));
  return known;
}

/** `digest` must be jsonDigest's for `value` in `view`: the digest of its JSON text, stored when it was made. */
export function noteJsonDigest(value: object, digest: string, view: JsonView = WHOLE): void {
  notesOf(view).set(value, digest);
}

export function textDigest(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}
