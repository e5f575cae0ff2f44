/**
 * One writer per output folder: `.<out>.lock` beside it holds the owner's pid. A second run waits
 * for the first to finish (bounded), and a lock whose process is gone (killed) is taken over.
 * The lock file is made with its content in one step (written aside, then hard-linked into place),
 * so no run ever sees a half-written lock.
 */
import { randomBytes } from "node:crypto";
import { link, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { errorCode } from "../fs-errors.js";

/** How long a run waits for another run on the same output folder. */
const WAIT_MS = 10 * 60 * 1000;
const POLL_MS = 100;
/** A lock without a readable owner (a file system without hard links, written in two steps) is stale after this. */
const OWNERLESS_STALE_MS = 1_000;

export class OutputLockedError extends Error {}

interface Owner {
  pid: number;
  token: string;
}

export function lockFileOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

/** Runs `work` holding the lock of `target` (whose parent folder must exist). */
export async function withOutputLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const lockFile = lockFileOf(target);
  const owner: Owner = { pid: process.pid, token: randomBytes(8).toString("hex") };
  const deadline = Date.now() + WAIT_MS;
  while (!(await tryCreate(lockFile, owner))) {
    const holder = await readOwner(lockFile);
    if (holder === undefined) continue; // released meanwhile
    if (holder === null ? await ownerlessTooLong(lockFile) : !isAlive(holder.pid)) {
      await takeOverStale(lockFile, holder);
      continue;
    }
    if (Date.now() > deadline) {
      throw new OutputLockedError(`${target} is being written by another superoffice-codegen run (process ${holder?.pid ?? "unknown"}, lock ${lockFile}); nothing was written. Run again when it has finished.`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    const holder = await readOwner(lockFile);
    if (holder?.token === owner.token) await rm(lockFile, { force: true });
  }
}

/** True when the lock was created with our content; false when another run holds it. */
async function tryCreate(lockFile: string, owner: Owner): Promise<boolean> {
  const content = JSON.stringify(owner);
  const temporary = `${lockFile}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, content);
  try {
    await link(temporary, lockFile);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
    // No hard links here: exclusive create, written in two steps (see OWNERLESS_STALE_MS).
    try {
      await writeFile(lockFile, content, { flag: "wx" });
      return true;
    } catch (again) {
      if (errorCode(again) === "EEXIST") return false;
      throw again;
    }
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The owner; null when the file holds no readable owner; undefined when there is no lock. */
async function readOwner(lockFile: string): Promise<Owner | null | undefined> {
  let text: string;
  try {
    text = await readFile(lockFile, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    return typeof value.pid === "number" && typeof value.token === "string" ? { pid: value.pid, token: value.token } : null;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

async function ownerlessTooLong(lockFile: string): Promise<boolean> {
  const info = await stat(lockFile).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > OWNERLESS_STALE_MS;
}

/** Removes a stale lock unless another run replaced it meanwhile (then its lock stays). */
async function takeOverStale(lockFile: string, stale: Owner | null): Promise<void> {
  const current = await readOwner(lockFile);
  if (current === undefined) return;
  if (stale === null ? current !== null : current?.token !== stale.token) return;
  await rm(lockFile, { force: true });
}
