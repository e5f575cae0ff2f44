import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // vitest's default is cores − 1 forks: one on CI's two cores, leaving the second mostly idle
    // (the suite took 601 s on such a machine, 359 s with two forks). Larger machines keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ["tests/support/corpus-run.ts"],
  },
});
