/**
 * The parse pool: a worker thread starts from the TypeScript sources under vitest too, and the
 * pool's results equal in-process parsing, in input order, whatever thread parsed them.
 */
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
import { discoverInputs, type DiscoveredFile } from "../../generator/discover/index.js";
import { parseFile } from "../../generator/parse/index.js";
import { MIN_FILES_FOR_WORKERS, parseFiles, startParseWorkers, type ParseBatch, type WorkerMessage } from "../../generator/parse/pool.js";
import { workerStart } from "../../generator/paths.js";

let files: DiscoveredFile[];

beforeAll(async () => {
  const { files: inputFiles } = await discoverInputs(["input"]);
  // Copies under other paths: enough files for workers, and every result names its own file.
  files = Array.from({ length: Math.ceil(MIN_FILES_FOR_WORKERS / inputFiles.length) + 1 }, (_, copy) => inputFiles.map((file) => ({ ...file, path: `copy-${copy}/${file.path}` }))).flat();
  expect(files.length).toBeGreaterThanOrEqual(MIN_FILES_FOR_WORKERS);
});

describe("parse pool", () => {
  it("a worker boots from worker-entry.js (tsx in the worker), says it is ready and parses a batch like parseFile", async () => {
    const start = workerStart("parse/worker", undefined);
    const worker = new Worker(start.file, { workerData: start.workerData });
    try {
      const messages: WorkerMessage[] = [];
      const next = (): Promise<WorkerMessage> =>
        new Promise((resolve, reject) => {
          worker.once("message", (message: WorkerMessage) => resolve(message));
          worker.once("error", reject);
        });
      messages.push(await next());
      const batch: ParseBatch = { type: "parse", id: 7, files: files.slice(0, 7) };
      const reply = next();
      worker.postMessage(batch);
      messages.push(await reply);
      expect(messages[0]).toEqual({ type: "ready" });
      expect(messages[1]).toEqual({ type: "parsed", id: 7, results: batch.files.map(parseFile) });
    } finally {
      await worker.terminate();
    }
  });

  it("gives the in-process results in input order, with workers and without", async () => {
    const expected = files.map(parseFile);
    const progress: number[] = [];
    expect(await parseFiles(files, { threads: 3, onProgress: (done) => progress.push(done) })).toEqual(expected);
    expect(progress.at(-1)).toBe(files.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await parseFiles(files, { threads: 1 })).toEqual(expected);
  });

  it("feeds workers started ahead, ready or still booting, as the workers it starts itself", async () => {
    const expected = files.map(parseFile);
    startParseWorkers(3);
    expect(await parseFiles(files, { threads: 2 })).toEqual(expected);
    startParseWorkers(2);
    // Long enough for the worker to be ready before its work comes.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await parseFiles(files, { threads: 2 })).toEqual(expected);
  });

  it("parses nothing for no files, workers started ahead or not", async () => {
    startParseWorkers(2);
    expect(await parseFiles([])).toEqual([]);
  });
});
