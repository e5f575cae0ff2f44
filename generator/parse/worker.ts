/**
 * Worker thread side of the parse pool (pool.ts): says when the parsers are loaded, then parses
 * batches; before that, in a run that parses everything, it reads a share of the inputs for discovery.
 */
import { parentPort } from "node:worker_threads";
import { examineFile } from "../discover/index.js";
import { parseFile } from "./index.js";
import type { WorkerMessage, WorkerRequest } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("parse/worker.ts runs only as a worker thread (see pool.ts).");
const send = (message: WorkerMessage): void => port.postMessage(message);
port.on("message", (request: WorkerRequest) =>
  send(request.type === "parse" ? { type: "parsed", id: request.id, results: request.files.map(parseFile) } : { type: "examined", id: request.id, results: request.files.map((file) => examineFile(file, request.hashing)) }),
);
send({ type: "ready" });
