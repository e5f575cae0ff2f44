/**
 * `mkdir -p` that always ends. Node's recursive mkdir spins forever on a path below /proc, where
 * mkdir answers ENOENT however often the parent is made (`--cache /proc/x` hung the run); this one
 * makes one level at a time, tries each at most twice, and fails with the system's error.
 */
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { errorCode } from "../fs-errors.js";

/** Makes `folder` and its missing parents; an existing file in the way fails with ENOTDIR. */
export async function makeFolders(folder: string): Promise<void> {
  const parent = path.dirname(folder);
  try {
    await mkdir(folder);
    return;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return assertFolder(folder, error);
    if (errorCode(error) !== "ENOENT" || parent === folder) throw error;
  }
  await makeFolders(parent);
  // A second ENOENT (the parent is there, yet this cannot be made) is the system's answer.
  await mkdir(folder).catch((error: unknown) => (errorCode(error) === "EEXIST" ? assertFolder(folder, error) : Promise.reject(error)));
}

/** Resolves where `folder` is a folder (made meanwhile or before); else an ENOTDIR error naming it. */
async function assertFolder(folder: string, cause: unknown): Promise<void> {
  if ((await stat(folder)).isDirectory()) return;
  throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${folder}'`, { cause }), { code: "ENOTDIR", path: folder });
}
