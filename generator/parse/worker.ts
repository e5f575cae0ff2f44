/** Worker thread side of the parse pool (pool.ts): says when the parsers are loaded, then parses batches. */
import { parentPort } from "node:worker_threads";
import { parseFile } from "./index.js";
import type { ParseBatch, WorkerMessage } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("parse/worker.ts runs only as a worker thread (see pool.ts).");
const send = (message: WorkerMessage): void => port.postMessage(message);
port.on("message", (batch: ParseBatch) => send({ type: "parsed", id: batch.id, results: batch.files.map(parseFile) }));
send({ type: "ready" });
