/** Lists candidate input files below each input root, in a stable order, whatever the folder layout. */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

const CANDIDATE_EXTENSIONS = new Set([".md", ".markdown", ".mdx", ".txt", ".wsdl", ".xml", ".json", ""]);

export async function listInputFiles(root: string): Promise<string[]> {
  const info = await stat(root);
  if (info.isFile()) return [root];
  const found: string[] = [];
  await walk(root, found);
  return found.sort();
}

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    // Hidden folders and dependencies are never documentation; symlinks could loop.
    if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.isSymbolicLink()) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, found);
    else if (entry.isFile() && CANDIDATE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.push(full);
  }
}
