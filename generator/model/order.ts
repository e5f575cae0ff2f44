/** Orderings of the model's names, so output never depends on locale or input order. */
import { compareStrings } from "../util/order.js";

/** The number in "Services88" (NaN when there is none). */
export function versionNumber(version: string): number {
  const match = /(\d+)/.exec(version);
  return match ? Number(match[1]) : Number.NaN;
}

/** Versions ordered by their number, then by name; versions without a number last. */
export function compareVersions(a: string, b: string): number {
  const na = versionNumber(a);
  const nb = versionNumber(b);
  if (na !== nb) {
    if (Number.isNaN(na)) return 1;
    if (Number.isNaN(nb)) return -1;
    return na - nb;
  }
  return compareStrings(a, b);
}
