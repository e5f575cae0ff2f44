/**
 * Parses many files on several cores: this thread and the worker threads take batches from one
 * queue, largest files first so nobody is left with a big WSDL at the end. This thread starts at
 * once while the workers boot (tsx and the parsers cost each worker ~0.3 s of CPU); small inputs
 * never start a worker. Results come back in input order.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { workerStart } from "../paths.js";
import type { DiscoveredFile, Examined, Examiner } from "../discover/index.js";
import type { ParsedFile } from "./index.js";

export interface ParseBatch {
  type: "parse";
  id: number;
  files: DiscoveredFile[];
}

/** Listed files for discovery to read (discover/index.ts examineFile), while the worker has nothing to parse yet. */
export interface ExamineRequest {
  type: "examine";
  id: number;
  files: readonly string[];
  hashing: boolean;
}

export type WorkerRequest = ParseBatch | ExamineRequest;

export type WorkerMessage = { type: "ready" } | { type: "parsed"; id: number; results: ParsedFile[] } | { type: "examined"; id: number; results: Examined[] };

export interface PoolOptions {
  /**
   * Parsing threads, this one included; 1 parses in this thread only. Default: every core when a
   * worker boots as plain JavaScript (the compiled package, or generator/bin.js's worker bundle),
   * else one less: a worker that must first load tsx and compile the parsers (~4 s of a loaded
   * 2-core machine) joins when the work is nearly done and only adds the cost of its messages.
   */
  threads?: number;
  /** Called with the number of files parsed so far. */
  onProgress?: (done: number) => void;
}

/** Below this many files a worker's start-up costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 50;
/** Enough work per message to amortise the messaging, small enough to balance the tail. */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 32;
/** Batches queued per worker, so it never waits for the next one. */
const IN_FLIGHT = 4;

const WORKER = workerStart("parse/worker", process.env.SUPEROFFICE_CODEGEN_PARSE_WORKER);

/** A worker started ahead of its work (startParseWorkers), whether it has said it is ready, and its examiner once asked for. */
interface StartedWorker {
  worker: Worker;
  ready: boolean;
  examiner?: Examiner;
}

let started: StartedWorker[] = [];

/**
 * Starts the workers of a large parse ahead of it: a run that will parse everything calls this
 * before it discovers the inputs, so the workers boot (~0.3 s each) while this thread reads the
 * files. They do not keep the process alive, and the next parseFiles uses or stops them.
 */
export function startParseWorkers(threads = defaultThreads()): void {
  while (started.length < threads - 1) {
    const entry = newWorker();
    entry.worker.unref();
    entry.worker.once("message", () => (entry.ready = true));
    // A worker that cannot start is as if never started: parseFiles starts others or parses here.
    entry.worker.once("error", () => (started = started.filter((other) => other !== entry)));
    started.push(entry);
  }
}

/**
 * Discovery's examiner on the first worker startParseWorkers started, or undefined when none was:
 * a run that will parse everything lends its idle worker to the reading and classifying of the
 * inputs. One per worker, however many discoveries ask (runs of one process share the started
 * workers), so each answer reaches the request it answers. Rejects when the worker is lost. It
 * does not keep the process alive (the worker stays unreferenced, as the parse may ref it
 * meanwhile): discovery never waits for an answer, it takes back what is unanswered when it runs
 * out of files.
 */
export function examinerOnWorker(): Examiner | undefined {
  const entry = started[0];
  if (!entry) return undefined;
  entry.examiner ??= examinerOf(entry.worker);
  return entry.examiner;
}

function examinerOf(worker: Worker): Examiner {
  const waiting = new Map<number, { resolve: (results: Examined[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  worker.on("message", (message: WorkerMessage) => {
    if (message.type !== "examined") return;
    waiting.get(message.id)?.resolve(message.results);
    waiting.delete(message.id);
  });
  const lost = (): void => {
    for (const { reject } of waiting.values()) reject(new Error("The parse worker stopped."));
    waiting.clear();
  };
  worker.once("error", lost);
  worker.once("exit", lost);
  return (files, hashing) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const request: ExamineRequest = { type: "examine", id, files, hashing };
      worker.postMessage(request);
    });
}

function newWorker(): StartedWorker {
  return { worker: new Worker(WORKER.file, { workerData: WORKER.workerData }), ready: false };
}

function defaultThreads(): number {
  return availableParallelism() - (WORKER.bootsCheaply ? 0 : 1);
}

export async function parseFiles(files: readonly DiscoveredFile[], options: PoolOptions = {}): Promise<ParsedFile[]> {
  const ahead = started;
  started = [];
  // Nothing to parse (all cached): the parser modules are not even loaded.
  if (files.length === 0) {
    for (const { worker } of ahead) void worker.terminate();
    return [];
  }
  const batches = makeBatches(files);
  const queue = batches.map((_, id) => id);
  const results: ParsedFile[] = new Array(files.length);
  let done = 0;
  const finish = (id: number, parsed: ParsedFile[]): void => {
    batches[id].forEach((fileIndex, position) => (results[fileIndex] = parsed[position]));
    done += parsed.length;
    options.onProgress?.(done);
  };

  let wake = (): void => undefined;
  const threads = options.threads ?? defaultThreads();
  const workerCount = files.length < MIN_FILES_FOR_WORKERS ? 0 : Math.max(0, Math.min(threads - 1, batches.length - 1));
  for (const { worker } of ahead.slice(workerCount)) void worker.terminate();
  const workers = Array.from({ length: workerCount }, (_, index) => feedWorker(ahead[index] ?? newWorker(), files, batches, queue, finish, () => wake()));
  try {
    // WSDLs and OpenAPI files (the largest, so first in the queue) need no markdown machinery:
    // this thread parses them while the page parsers (remark and friends, ~0.2 s) load.
    const { isDataFile, parseDataFile } = await import("./data-files.js");
    const allParsers = import("./index.js");
    let parseFile: ((file: DiscoveredFile) => ParsedFile) | undefined;
    // A failed load surfaces at the await below; here it must not become an unhandled rejection.
    void allParsers.then((parsers) => (parseFile = parsers.parseFile), () => undefined);
    while (done < files.length) {
      const id = queue.shift();
      if (id !== undefined) {
        const batch = batches[id].map((fileIndex) => files[fileIndex]);
        parseFile ??= batch.every(isDataFile) ? undefined : (await allParsers).parseFile;
        finish(id, batch.map(parseFile ?? parseDataFile));
        // Let worker replies in, and hand the workers their next batches.
        await new Promise(setImmediate);
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return results;
}

/**
 * A worker fed from the shared queue once it is ready. If it dies (a bug or out of memory in the
 * worker, not a parse error: parseFile catches those), its batches go back to the queue.
 */
function feedWorker({ worker, ready }: StartedWorker, files: readonly DiscoveredFile[], batches: number[][], queue: number[], finish: (id: number, parsed: ParsedFile[]) => void, wake: () => void): Worker {
  worker.ref();
  const inFlight = new Set<number>();
  let alive = true;
  const send = (): void => {
    const id = queue.shift();
    if (id === undefined) return;
    inFlight.add(id);
    const batch: ParseBatch = { type: "parse", id, files: batches[id].map((fileIndex) => files[fileIndex]) };
    worker.postMessage(batch);
  };
  const fill = (): void => {
    for (let slot = 0; slot < IN_FLIGHT; slot++) send();
  };
  worker.on("message", (message: WorkerMessage) => {
    if (message.type === "parsed") {
      inFlight.delete(message.id);
      finish(message.id, message.results);
      send();
    } else if (message.type === "ready") {
      fill();
    }
    wake();
  });
  const lost = (): void => {
    if (!alive) return;
    alive = false;
    queue.unshift(...inFlight);
    inFlight.clear();
    wake();
  };
  worker.on("error", lost);
  worker.on("exit", lost);
  if (ready) fill();
  return worker;
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
