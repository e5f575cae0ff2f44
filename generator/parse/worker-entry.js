// Node 20 cannot start a worker thread from a .ts file, not even under tsx: the loader hooks of
// the parent do not reach the worker. This plain module registers tsx inside the worker, then
// loads the TypeScript worker. Works the same under `tsx`, `node --import tsx` and vitest.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
