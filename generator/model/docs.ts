/**
 * Doc merging: an operation, parameter or field takes its text from the first
 * source that has any, and records which one (provenance).
 */
import type { DocProvenance } from "../ir/types.js";

export interface DocCandidate {
  text: string | undefined;
  source: DocProvenance;
}

export interface MergedDoc {
  doc: string;
  docSource: DocProvenance | null;
}

export const NO_DOC: MergedDoc = { doc: "", docSource: null };

export function firstDoc(candidates: readonly (DocCandidate | null)[]): MergedDoc {
  for (const candidate of candidates) {
    const text = candidate?.text?.trim();
    if (candidate && text) return { doc: text, docSource: candidate.source };
  }
  return NO_DOC;
}

/** Looks a parameter up in a page's doc list, whose spelling is usually camelCase ("personId"). */
export function lookupIgnoringCase<T>(docs: Record<string, T>, name: string): T | undefined {
  // Own keys only: a parameter named `constructor` or `toString` must not find Object.prototype's methods.
  if (Object.hasOwn(docs, name)) return docs[name];
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(docs)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
