/** Worker thread side of the emit helper (helper.ts): makes a version's own pieces and hands each back as soon as it is made. */
import { parentPort } from "node:worker_threads";
import { versionPieces } from "./index.js";
import type { HelperReply, HelperRequest } from "./helper.js";

const port = parentPort;
if (!port) throw new Error("emit/worker.ts runs only as a worker thread (see helper.ts).");
const send = (reply: HelperReply): void => port.postMessage(reply);
port.on("message", ({ model, options, keyed }: HelperRequest) => {
  for (const piece of versionPieces(model, options)) send({ type: "piece", key: keyed ? piece.key?.() : undefined, files: piece.make() });
  send({ type: "done", version: model.version });
});
