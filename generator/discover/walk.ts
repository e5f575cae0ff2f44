/** Lists candidate input files below each input root, in a stable order, whatever the folder layout. */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fsReason } from "../fs-errors.js";
import { CACHE_TAG } from "../paths.js";

const CANDIDATE_EXTENSIONS = new Set([".md", ".markdown", ".mdx", ".txt", ".wsdl", ".xml", ".json", ""]);

export interface Listing {
  files: string[];
  /** Entries passed over that the operator should hear about: symlinks (never followed, so they cannot loop) and unreadable folders. */
  passedOver: { path: string; code: string; message: string }[];
}

/**
 * Throws only when the root itself cannot be read. Synchronous on purpose: the corpus's ~650 folders
 * listed one awaited readdir at a time left this thread waiting on the thread pool ~0.1 s a run.
 */
export async function listInputFiles(root: string): Promise<Listing> {
  const listing: Listing = { files: [], passedOver: [] };
  const info = statSync(root);
  if (info.isFile()) return { ...listing, files: [root] };
  if (!info.isDirectory()) throw new Error(`${root} is neither a file nor a folder`);
  walk(root, listing, true);
  listing.files.sort();
  return listing;
}

function walk(dir: string, listing: Listing, isRoot = false): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (isRoot) throw error;
    listing.passedOver.push({ path: dir, code: "input.unreadable-folder", message: `The folder cannot be read (${fsReason(error)}); the rest of the input is read without it.` });
    return;
  }
  // A tagged cache folder (ours, or any tool's) holds no documentation, and changes every run.
  if (!isRoot && entries.some((entry) => entry.name === CACHE_TAG && entry.isFile())) return;
  for (const entry of entries) {
    // Hidden folders and dependencies are never documentation.
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      listing.passedOver.push({ path: full, code: "input.symlink", message: "Symbolic links inside an input are not followed (they could loop or lead outside it); pass its target as an --input to read it." });
    } else if (entry.isDirectory()) walk(full, listing);
    else if (entry.isFile() && CANDIDATE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) listing.files.push(full);
  }
}
