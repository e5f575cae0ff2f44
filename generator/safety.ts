/**
 * What the generator refuses before it reads or writes anything (exit 2): an empty `--out` or
 * `--input`, an input that does not exist, and an output folder that overlaps an input. The
 * output folder is replaced on every run, so `--out` inside an input, equal to one or a parent of
 * one would delete what the generator did not write. Paths are compared after resolving `.`, `..`,
 * trailing slashes and symlinks (of the deepest part that exists), and without regard to case, so a
 * case-insensitive file system cannot hide an overlap.
 */
import { existsSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostics.js";

export function usageProblems(inputs: readonly string[], out: string, cache?: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const refuse = (where: string, code: string, message: string): void => {
    problems.push({ path: where, line: 0, severity: "error", code, message });
  };
  if (out.trim() === "") refuse("--out", "usage.empty-out", "--out is empty; name the folder to write the output to.");
  for (const input of inputs) {
    if (input.trim() === "") refuse("--input", "usage.empty-input", "--input is empty; name a folder or file to read.");
    else if (!existsSync(input)) refuse(input, "usage.missing-input", `The input ${input} does not exist.`);
  }
  if (problems.length > 0) return problems;
  const target = canonicalPath(out);
  for (const input of inputs) {
    const source = canonicalPath(input);
    if (contains(source, target)) refuse(out, "usage.out-in-input", `The output folder ${out} is the input ${input} or lies inside it; the output folder is replaced on every run, so choose one outside the inputs.`);
    else if (contains(target, source)) refuse(out, "usage.input-in-out", `The input ${input} is inside the output folder ${out}, which is replaced on every run; choose an output folder that holds no input.`);
  }
  // The writer would take the cache for a stranger's files in the output folder, or delete it as stale.
  if (cache !== undefined && contains(target, canonicalPath(cache))) refuse(cache, "usage.cache-in-out", `The cache folder ${cache} is the output folder ${out} or lies inside it, which is replaced on every run; choose a cache folder outside it.`);
  return problems;
}

/** True when `inner` is `outer` or lies below it, ignoring case. */
function contains(outer: string, inner: string): boolean {
  const a = outer.toLowerCase();
  const b = inner.toLowerCase();
  return b === a || b.startsWith(a.endsWith(path.sep) ? a : a + path.sep);
}

/** Absolute path with symlinks of its deepest existing ancestor resolved; the rest appended as written (normalised). */
export function canonicalPath(file: string): string {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync.native(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return absolute;
      rest.push(path.basename(at));
    }
  }
}

/** `--report FILE` must go into a folder that exists, must not name a folder, and must not overwrite or land in an input or the output folder. */
export function reportTargetProblem(report: string, inputs: readonly string[], out: string): Diagnostic | null {
  const refuse = (message: string): Diagnostic => ({ path: report || "--report", line: 0, severity: "error", code: "usage.report", message });
  if (report.trim() === "") return refuse("--report is empty; name the file to write the report to.");
  const folder = path.dirname(path.resolve(report));
  const folderInfo = statOrNull(folder);
  if (!folderInfo) return refuse(`The folder ${folder} of the report does not exist; nothing was written.`);
  if (!folderInfo.isDirectory()) return refuse(`${folder} is a file, so the report cannot be written into it; nothing was written.`);
  if (statOrNull(report)?.isDirectory()) return refuse(`The report ${report} is a folder, not a file; nothing was written.`);
  const inside = inputs.find((input) => input.trim() !== "" && contains(canonicalPath(input), canonicalPath(report)));
  if (inside !== undefined) return refuse(`The report ${report} would be written into the input ${inside}; nothing was written.`);
  // A report there would be a stranger's file to the next run, and --check would find it stale for ever.
  if (out.trim() !== "" && contains(canonicalPath(out), canonicalPath(report))) return refuse(`The report ${report} would be written into the output folder ${out}, which is replaced on every run; nothing was written.`);
  return null;
}

/** A file's stat, or null when it cannot be had (missing, unreadable). Synchronous: see its callers. */
export function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
