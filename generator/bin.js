#!/usr/bin/env node
// The `superoffice-codegen` command: the generator is TypeScript run by tsx, so register tsx
// for this process, then hand over to the CLI.
import { register } from "tsx/esm/api";

register();
const { runAsProcess } = await import("./cli.ts");
runAsProcess(process.argv.slice(2));
