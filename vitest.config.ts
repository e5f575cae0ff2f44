import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // vitest runs cores − 1 forks by default: one on CI's two cores, which left the second mostly idle
    // (the whole suite took 601 s there, 359 s with two; every test passed either way).
    maxWorkers: 2,
    minWorkers: 1,
    globalSetup: ["tests/support/corpus-run.ts"],
  },
});
