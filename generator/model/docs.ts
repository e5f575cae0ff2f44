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
