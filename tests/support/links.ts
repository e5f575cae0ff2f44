/** Checks generated markdown the way a reader's renderer would: links, anchors, tables. */
import path from "node:path";

/** Lines outside fenced code blocks. */
export function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced) lines.push(line);
  }
  return lines;
}

/** An independent GitHub-style slugger for the checker. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = heading[1].toLowerCase().replace(/[^\p{L}\p{N}_ -]/gu, "").replace(/ /g, "-");
      let slug = base;
      while (anchors.has(slug)) {
        const n = (counts.get(base) ?? 0) + 1;
        counts.set(base, n);
        slug = `${base}-${n}`;
      }
      anchors.add(slug);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
  }
  return anchors;
}

/** Every relative `](…)` link outside code blocks, checked for file and anchor. */
export function brokenLinks(files: Map<string, string>): { broken: string[]; checked: number } {
  const broken: string[] = [];
  let checked = 0;
  const anchors = new Map<string, Set<string>>();
  for (const [name, text] of files) {
    if (!name.endsWith(".md")) continue;
    for (const line of proseLines(text)) {
      for (const match of line.matchAll(/\]\(([^)\s]*)\)/g)) {
        const target = match[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        checked++;
        const [filePart, anchor] = target.split("#", 2) as [string, string | undefined];
        const resolved = filePart === "" ? name : path.posix.normalize(path.posix.join(path.posix.dirname(name), filePart));
        const targetText = files.get(resolved);
        if (targetText === undefined) {
          broken.push(`${name}: ${target} (no file ${resolved})`);
          continue;
        }
        if (anchor === undefined) continue;
        if (!anchors.has(resolved)) anchors.set(resolved, anchorsOf(targetText));
        if (!anchors.get(resolved)!.has(anchor)) broken.push(`${name}: ${target} (no anchor in ${resolved})`);
      }
    }
  }
  return { broken, checked };
}

/** Table rows whose cell count differs from their header's (an unescaped pipe). */
export function raggedRows(markdown: string): string[] {
  const ragged: string[] = [];
  let columns = 0;
  for (const line of proseLines(markdown)) {
    if (!line.startsWith("|")) {
      columns = 0;
      continue;
    }
    const cells = line.replace(/\\\|/g, "").split("|").length - 2;
    if (columns === 0) columns = cells;
    else if (cells !== columns) ragged.push(line);
  }
  return ragged;
}
