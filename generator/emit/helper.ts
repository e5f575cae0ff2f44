/**
 * A second thread for an emit that has to make everything (a cold run, a run whose memo offers no
 * pieces): a worker thread (worker.ts) makes some versions' own pieces (versionPieces: their
 * model files and their agents' and entities' modules and pages, most of the emit's work) while
 * this thread makes the rest (the runtime, the docs across versions) and compiles and writes it all.
 * The worker gets one version's model at a time, the next once it is done, so it never holds
 * more than one; its pieces come back as it makes them, at most PIECES_AHEAD before this thread
 * takes them. The same pieces in either thread: the output does not depend on which made them. A
 * worker that cannot start or dies costs time only: the versions it did not finish are made here.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ServicesModel } from "../ir/types.js";
import type { OutputFiles } from "../output-files.js";
import { workerStart, type WorkerStart } from "../paths.js";
import { collectsEagerly } from "../util/heap.js";
import { versionPieces, type OutputOptions } from "./index.js";

/**
 * This thread → the worker: one version to make; `keyed`: with each piece's key (emit/index.ts
 * OutputPiece.key); `collect`: collect garbage between pieces as this thread does (util/heap.ts).
 */
export type HelperRequest = { type: "version"; model: ServicesModel; options: OutputOptions; keyed: boolean; collect: boolean } | { type: "took" };

/** Pieces the worker makes ahead of this thread's taking them: its output waits in its thread, not piled up in this one's memory. */
export const PIECES_AHEAD = 3;

/** The worker → this thread: a piece made (escaped, not compiled), or a version done. */
export type HelperReply = { type: "piece"; key: string | undefined; files: OutputFiles } | { type: "done"; version: string };

export interface MadePiece {
  key: string | undefined;
  files: OutputFiles;
}

/** Every piece of one version, made, with its key when `keyed`: the same in the worker and here. */
export function* madeVersionPieces(model: ServicesModel, options: OutputOptions, keyed: boolean): Generator<MadePiece> {
  for (const piece of versionPieces(model, options)) yield { key: keyed ? piece.key?.() : undefined, files: piece.make() };
}

export interface EmitHelper {
  /** The versions whose own pieces come from the helper, not from outputPieces. */
  versions: ReadonlySet<string>;
  /** The pieces that came since the last call. */
  arrived(): MadePiece[];
  /** The rest of the pieces, as they come; those of a version the worker did not finish are made here. */
  rest(): AsyncGenerator<MadePiece>;
  /** Stops the worker (when the emit ends early). */
  close(): void;
}

const WORKER = workerStart("emit/worker", process.env.SUPEROFFICE_CODEGEN_EMIT_WORKER);
/** The worker's share of the versions' own work: this thread has the cross-version docs, compiling and writing besides. */
const WORKER_SHARE = 0.6;
/** A piece's garbage dies young: a small young generation keeps the worker's memory (the run's peak is in the emit) low for little more collecting. */
const WORKER_YOUNG_GENERATION_MB = 8;
/** An entity's modules and page cost about what this many operations add to their agent's. */
const ENTITY_WEIGHT = 35;

/**
 * Undefined where a second thread does not pay: one core, one version, or a worker that would
 * first have to load tsx (`start`: how the worker starts, paths.ts).
 */
export function startEmitHelper(models: readonly ServicesModel[], options: OutputOptions, keyed: boolean, start: WorkerStart = WORKER): EmitHelper | undefined {
  if (!start.bootsCheaply || availableParallelism() < 2) return undefined;
  const chosen = helperVersions(models);
  if (chosen.length === 0) return undefined;
  const worker = new Worker(start.file, { workerData: start.workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  // Versions not done yet, the one in the worker first.
  const pending = [...chosen];
  let came: MadePiece[] = [];
  let wake = (): void => undefined;
  let finished = false;
  let lost = false;
  const post = (request: HelperRequest): void => worker.postMessage(request);
  const sendNext = (): void => {
    const model = pending[0];
    if (model) {
      post({ type: "version", model, options, keyed, collect: collectsEagerly() });
      return;
    }
    finished = true;
    void worker.terminate();
  };
  worker.on("message", (reply: HelperReply) => {
    if (reply.type === "piece") came.push({ key: reply.key, files: reply.files });
    else {
      pending.shift();
      sendNext();
    }
    wake();
  });
  const gone = (): void => {
    if (finished) return;
    lost = true;
    wake();
  };
  worker.on("error", gone);
  worker.on("exit", gone);
  sendNext();

  const arrived = (): MadePiece[] => {
    const taken = came;
    came = [];
    if (!lost) for (const _ of taken) post({ type: "took" });
    return taken;
  };
  return {
    versions: new Set(chosen.map((model) => model.version)),
    arrived,
    async *rest() {
      while (!finished && !lost) {
        if (came.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        yield* arrived();
      }
      yield* arrived();
      if (!lost) return;
      void worker.terminate();
      // A version cut short is made again whole: its pieces already handed on are the same files.
      for (const model of pending) yield* madeVersionPieces(model, options, keyed);
    },
    close() {
      finished = true;
      void worker.terminate();
    },
  };
}

/** The versions for the worker: largest first, as long as they stay within its share of the work. */
function helperVersions(models: readonly ServicesModel[]): ServicesModel[] {
  const work = (model: ServicesModel): number => model.agents.reduce((sum, agent) => sum + agent.operations.length, 0) + ENTITY_WEIGHT * (model.entities?.length ?? 0);
  const target = WORKER_SHARE * models.reduce((sum, model) => sum + work(model), 0);
  let share = 0;
  const chosen: ServicesModel[] = [];
  for (const model of [...models].sort((a, b) => work(b) - work(a))) {
    if (share + work(model) > target) continue;
    share += work(model);
    chosen.push(model);
  }
  return chosen;
}
