// Node 20 cannot start a worker thread from a .ts file, not even under tsx: the loader hooks of
// the parent do not reach the worker. This plain module registers tsx inside the worker, then
// loads the TypeScript module named in workerData (paths.ts workerStart). Works the same under
// `tsx`, `node --import tsx` and vitest.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
