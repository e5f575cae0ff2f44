/**
 * File-system failures as plain sentences that name the path: what an operator reads in
 * `path:line: error: …` instead of a stack trace.
 */

const REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  ENOSPC: "no space is left on the device",
  EDQUOT: "the disk quota is exceeded",
  EROFS: "the file system is read-only",
  EEXIST: "something is already in the way there",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder, not a file",
  ENOENT: "it does not exist",
  ENOTEMPTY: "the folder is not empty",
  ELOOP: "it goes round in a loop of symbolic links",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many files are open",
  EBUSY: "it is in use",
  EXDEV: "it is on another file system",
  EIO: "the device reported an input/output error",
};

/** "permission denied (EACCES)"; the error's own message without its code prefix for anything else. */
export function fsReason(error: unknown): string {
  const code = errorCode(error);
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  if (error instanceof Error) return error.message.replace(/^\w+: /, "").replace(/, \w+ '[^']*'$/, "");
  return String(error);
}

/** "/x/out: permission denied (EACCES)": the path the system names, else `fallback`. */
export function fsProblem(error: unknown, fallback: string): string {
  const where = typeof (error as { path?: unknown } | null)?.path === "string" ? (error as { path: string }).path : fallback;
  return `${where}: ${fsReason(error)}`;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
