/**
 * What the cache and the output writer do to files alike: make folders, and replace a file in one
 * rename.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { errorCode } from "../fs-errors.js";

/**
 * Puts a file at `target` in one rename: `fill` writes it to a temporary file beside `target`
 * first, which is removed whatever happens (a reader never sees half a file).
 */
export async function replaceAtomically(target: string, fill: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await fill(temporary);
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * `mkdir -p` that always ends: makes `folder` and its missing parents one level at a time, each
 * tried at most twice, and fails with the system's error (an existing file in the way: ENOTDIR).
 * Node's recursive mkdir spins for ever below /proc, where mkdir answers ENOENT however often the
 * parent is made (`--cache /proc/x` hung the run).
 */
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
