/**
 * --watch: one run at once, then another after the inputs change. Changes are debounced (an
 * editor's save or a `git checkout` is one burst of events, so one run), a change during a run
 * queues exactly one more, and events inside the output or cache folders are not changes. Each
 * run goes through the caches, so only what changed is parsed again.
 */
import { watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { messageOf } from "./util/errors.js";

export interface WatchOptions {
  /** The input roots (folders or files). */
  roots: readonly string[];
  /** Folders whose changes are the generator's own writes. */
  ignore: readonly string[];
  /** Quiet time after the last event before a run starts. */
  debounceMs?: number;
  /** Stops watching; resolves once the run in progress has finished. */
  signal: AbortSignal;
  /** Called when a root cannot be watched (a message for the user, the rest keeps going). */
  onProblem: (message: string) => void;
}

const DEFAULT_DEBOUNCE_MS = 200;

export async function watchAndRun(run: () => Promise<void>, options: WatchOptions): Promise<void> {
  const ignored = options.ignore.map((dir) => path.resolve(dir));
  const isOwnWrite = (file: string): boolean => ignored.some((dir) => file === dir || file.startsWith(`${dir}${path.sep}`));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let queued = false;

  const start = (): void => {
    if (options.signal.aborted) return;
    if (running) {
      queued = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
      if (queued) {
        queued = false;
        start();
      }
    });
  };
  const changed = (file: string): void => {
    if (isOwnWrite(file)) return;
    clearTimeout(timer);
    timer = setTimeout(start, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  };

  const watchers: FSWatcher[] = [];
  for (const root of options.roots) {
    const absolute = path.resolve(root);
    try {
      const folder = (await stat(absolute)).isDirectory();
      const watcher = watch(absolute, { recursive: folder }, (_event, name) => changed(folder && name ? path.join(absolute, name.toString()) : absolute));
      watcher.on("error", (error) => options.onProblem(`${root}: watching stopped: ${error.message}`));
      watchers.push(watcher);
    } catch (error) {
      options.onProblem(`${root}: cannot be watched: ${messageOf(error)}`);
    }
  }

  start();
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  queued = false;
  // Let the run in progress finish: it replaces the output atomically, so stopping it halfway would only waste it.
  while (running) await running;
}
