// Preloaded into each benchmarked child process (node --import): records the process's peak RSS
// (all threads) in the file named by BENCH_RSS_FILE when it exits, however it exits.
import { writeFileSync } from "node:fs";

const target = process.env.BENCH_RSS_FILE;
if (target) process.on("exit", () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
