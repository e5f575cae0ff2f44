/**
 * Parses many files on every core: worker threads take batches from one queue, largest files
 * first so no thread is left with a big WSDL at the end. Small inputs are parsed in-process,
 * where starting workers would cost more than it saves. Results come back in input order.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DiscoveredFile } from "../discover/index.js";
import type { ParsedFile } from "./index.js";

export interface ParseBatch {
  id: number;
  files: DiscoveredFile[];
}

export interface ParsedBatch {
  id: number;
  results: ParsedFile[];
}

export interface PoolOptions {
  /** Worker threads; default os.availableParallelism(). 1 parses in-process. */
  threads?: number;
  /** Called with the number of files parsed so far. */
  onProgress?: (done: number) => void;
}

/** Below this many files a worker's start-up (tsx, parser modules) costs more than the parse. */
export const MIN_FILES_FOR_WORKERS = 50;
/** Enough work per message to amortise the messaging, small enough to balance the tail. */
const BATCH_BYTES = 512 * 1024;
const BATCH_FILES = 64;
/** Batches queued per worker, so it never waits for the next one. */
const IN_FLIGHT = 2;

const WORKER_ENTRY = new URL("./worker-entry.js", import.meta.url);

export async function parseFiles(files: readonly DiscoveredFile[], options: PoolOptions = {}): Promise<ParsedFile[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.ceil(files.length / BATCH_FILES)));
  const results: (ParsedFile | undefined)[] = new Array(files.length);
  if (files.length >= MIN_FILES_FOR_WORKERS && threads >= 2) {
    // A worker that cannot start or dies (not a parser error: parseFile catches those) must not
    // cost the run: whatever is left is parsed in this thread.
    await parseOnWorkers(files, threads, results, options.onProgress).catch(() => undefined);
  }
  return parseRestInProcess(files, results, options.onProgress);
}

/** Loaded only here: a run whose files all come from the cache or the workers never pays for the parser modules. */
async function parseRestInProcess(files: readonly DiscoveredFile[], results: (ParsedFile | undefined)[], onProgress: PoolOptions["onProgress"]): Promise<ParsedFile[]> {
  const missing = files.flatMap((_, index) => (results[index] ? [] : [index]));
  if (missing.length > 0) {
    const { parseFile } = await import("./index.js");
    let done = files.length - missing.length;
    for (const index of missing) {
      results[index] = parseFile(files[index]);
      done++;
      if (onProgress && (done % 100 === 0 || done === files.length)) onProgress(done);
    }
  }
  return results as ParsedFile[];
}

function parseOnWorkers(files: readonly DiscoveredFile[], threads: number, results: (ParsedFile | undefined)[], onProgress: PoolOptions["onProgress"]): Promise<void> {
  const batches = makeBatches(files);
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  let done = 0;
  return new Promise<void>((resolve, reject) => {
    const stop = (error?: unknown): void => {
      for (const worker of workers) void worker.terminate();
      if (error === undefined) resolve();
      else reject(error);
    };
    const send = (worker: Worker): void => {
      if (next >= batches.length) return;
      const id = next++;
      const message: ParseBatch = { id, files: batches[id].map((index) => files[index]) };
      worker.postMessage(message);
    };
    for (let count = 0; count < threads; count++) {
      const worker = new Worker(WORKER_ENTRY);
      workers.push(worker);
      worker.on("message", (reply: ParsedBatch) => {
        const indices = batches[reply.id];
        reply.results.forEach((result, position) => (results[indices[position]] = result));
        done += indices.length;
        onProgress?.(done);
        if (++finished === batches.length) stop();
        else send(worker);
      });
      worker.on("error", stop);
      worker.on("exit", (code) => {
        if (finished < batches.length) stop(new Error(`A parse worker exited with code ${code}.`));
      });
      for (let slot = 0; slot < IN_FLIGHT; slot++) send(worker);
    }
  });
}

/** File indices grouped into batches, largest files first. */
function makeBatches(files: readonly DiscoveredFile[]): number[][] {
  const order = files.map((_, index) => index).sort((a, b) => files[b].text.length - files[a].text.length);
  const batches: number[][] = [];
  let batch: number[] = [];
  let bytes = 0;
  for (const index of order) {
    batch.push(index);
    bytes += files[index].text.length;
    if (bytes >= BATCH_BYTES || batch.length >= BATCH_FILES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) batches.push(batch);
  return batches;
}
