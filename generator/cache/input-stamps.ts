/**
 * Change detection that reads nothing that did not change: every input file's size, mtime, ctime
 * and inode, and a hash of its bytes computed only when that stat differs from the last run's.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { MAX_INPUT_BYTES } from "../discover/index.js";
import { listInputFiles, type Listing } from "../discover/walk.js";

/** A listed input file: path (as listed below its root), size, mtime, ctime, inode, sha256 of its bytes. */
export type InputStamp = [file: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

export interface Stamping {
  stamps: InputStamp[];
  /** Equal exactly when every file's path and content and the entries passed over (symlinks, unreadable folders) are. */
  contentKey: string;
  /** Files whose stat changed since `previous` (their content may not have). */
  restamped: number;
  /** Each root's listing, which discovery takes instead of listing the folders again. */
  listings: Listing[];
}

/**
 * @param previous the last run's stamps: a file whose stat matches its stamp is not read
 * @returns undefined when an input root cannot be listed (discovery reports it)
 */
export async function stampInputs(roots: readonly string[], previous: readonly InputStamp[] = []): Promise<Stamping | undefined> {
  const known = new Map(previous.map((stamp) => [stamp[0], stamp]));
  const stamps: InputStamp[] = [];
  const content = createHash("sha256");
  let restamped = 0;
  const listings: Listing[] = [];
  for (const root of roots) {
    const listing = await listInputFiles(root).catch(() => undefined);
    if (!listing) return undefined;
    listings.push(listing);
    for (const passed of listing.passedOver) content.update(`passed over\0${passed.path}\0${passed.code}\n`);
    for (const file of listing.files) {
      const stamp = stampOf(file, known.get(file));
      if (stamp !== known.get(file)) restamped++;
      stamps.push(stamp);
      content.update(`${file}\0${stamp[5]}\n`);
    }
  }
  return { stamps, contentKey: content.digest("base64url"), restamped, listings };
}

function stampOf(file: string, old: InputStamp | undefined): InputStamp {
  let info;
  try {
    info = statSync(file);
  } catch {
    return [file, -1, 0, 0, 0, "unreadable"];
  }
  if (old && old[1] === info.size && old[2] === info.mtimeMs && old[3] === info.ctimeMs && old[4] === info.ino) return old;
  let hash: string;
  try {
    // Discovery skips such a file from its size alone.
    hash = info.size > MAX_INPUT_BYTES ? `too large: ${info.size}` : createHash("sha256").update(readFileSync(file)).digest("base64url");
  } catch {
    hash = "unreadable";
  }
  return [file, info.size, info.mtimeMs, info.ctimeMs, info.ino, hash];
}
