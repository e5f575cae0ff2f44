/** Worker thread side of the parse pool: batches of discovered files in, parse results out, same order. */
import { parentPort } from "node:worker_threads";
import { parseFile } from "./index.js";
import type { ParseBatch, ParsedBatch } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("parse/worker.ts runs only as a worker thread (see pool.ts).");
port.on("message", (batch: ParseBatch) => {
  const reply: ParsedBatch = { id: batch.id, results: batch.files.map(parseFile) };
  port.postMessage(reply);
});
