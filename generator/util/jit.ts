/**
 * V8 optimises a function once it has run through an interrupt budget of bytecode (66 KB by
 * default on Node 20). A run of the generator is one pass over thousands of inputs by a large
 * program: at that budget V8 optimises (and re-optimises, after deopts) hundreds of functions that
 * run a few hundred times, and its compiler threads took about a third of a cold run's CPU, on a
 * machine with two cores that the parse worker and the main thread already fill. At eight times the
 * budget only the functions that stay hot are optimised: the same output for about a quarter less
 * CPU. Only where the generator owns the process (cli.ts runAsProcess), like util/heap.ts: the
 * flag is process-wide, so a library must not set it in its host.
 */
import v8 from "node:v8";

const INTERRUPT_BUDGET = 8 * 67_584;

/** Raises V8's tier-up budget for the rest of this process (and the worker threads it starts). */
export function optimiseOnlyHotCode(): void {
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
