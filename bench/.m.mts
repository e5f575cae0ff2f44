import { bundleFigures } from "./bundle.js";
import { mkdirSync } from "node:fs";
mkdirSync("/tmp/hb/scratch", { recursive: true });
console.log(JSON.stringify(await bundleFigures(process.argv[2] ?? "/tmp/hb/corpus88", "/tmp/hb/scratch")));
