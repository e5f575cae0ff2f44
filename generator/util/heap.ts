/**
 * V8 grows its heap while a run allocates fast and collects late, so the garbage of one stage (the
 * inputs' parse results, a version's rendered templates) is still held while the next allocates: a
 * cold corpus run peaked at 630 MB of memory with under 150 MB live. Between stages and output
 * pieces the pipeline calls `releaseGarbage`, which collects at once when the heap has grown by
 * GARBAGE_BUDGET_BYTES since the last collection left it: a full collection per that much garbage
 * (a dozen or so per run), about 0.2 GB less at the peak.
 *
 * Only where the generator owns the process (the command: cli.ts runAsProcess calls
 * `collectGarbageEagerly`): exposing V8's `gc` is a process-wide flag, which a library must not set
 * in its host. Called as a library, `releaseGarbage` does nothing.
 */
import v8 from "node:v8";
import vm from "node:vm";

const GARBAGE_BUDGET_BYTES = 64 * 1024 * 1024;

let collectGarbage: (() => void) | undefined;
/** What the heap held after the last collection made here. */
let liveBytes = 0;

/** Lets releaseGarbage collect: for the command's own process only. */
export function collectGarbageEagerly(): void {
  if (collectGarbage) return;
  v8.setFlagsFromString("--expose-gc");
  // A context made after --expose-gc carries V8's `gc`; this one lets the main context stay as it is.
  collectGarbage = vm.runInNewContext("gc") as () => void;
}

/** Collects now when the heap has grown by GARBAGE_BUDGET_BYTES since the last collection here left it. */
export function releaseGarbage(): void {
  if (!collectGarbage || v8.getHeapStatistics().used_heap_size <= liveBytes + GARBAGE_BUDGET_BYTES) return;
  collectGarbage();
  liveBytes = v8.getHeapStatistics().used_heap_size;
}
