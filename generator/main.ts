#!/usr/bin/env node
// The published `superoffice-codegen` command (package.json `bin`, compiled to dist/generator/main.js).
// In this repository `npm run generate` starts generator/bin.js, which runs the sources instead.
import { runAsProcess } from "./cli.js";

runAsProcess(process.argv.slice(2));
