/** Worker thread side of the emit helper (helper.ts): makes a version's own pieces and hands each back as soon as it is made. */
import { parentPort } from "node:worker_threads";
import { collectGarbageEagerly, releaseGarbage } from "../util/heap.js";
import { madeVersionPieces, PIECES_AHEAD, type HelperReply, type HelperRequest } from "./helper.js";

/** The worker holds one version's model: collections are cheap, and the memory it spares is the run's peak. */
const WORKER_GARBAGE_BUDGET_BYTES = 32 * 1024 * 1024;

const port = parentPort;
if (!port) throw new Error("emit/worker.ts runs only as a worker thread (see helper.ts).");
const send = (reply: HelperReply): void => port.postMessage(reply);
const versions: Extract<HelperRequest, { type: "version" }>[] = [];
let credit = PIECES_AHEAD;
let wake = (): void => undefined;
port.on("message", (request: HelperRequest) => {
  if (request.type === "took") credit++;
  else versions.push(request);
  wake();
});
const next = (): Promise<void> => new Promise((resolve) => (wake = resolve));

for (;;) {
  const request = versions.shift();
  if (!request) {
    await next();
    continue;
  }
  const { model, options, keyed, collect } = request;
  if (collect) collectGarbageEagerly();
  // Made one by one as credit allows: the generator makes the next piece only when asked.
  const pieces = madeVersionPieces(model, options, keyed);
  for (;;) {
    while (credit === 0) await next();
    const made = pieces.next();
    if (made.done) break;
    credit--;
    send({ type: "piece", ...made.value });
    releaseGarbage(WORKER_GARBAGE_BUDGET_BYTES);
  }
  send({ type: "done", version: model.version });
}
