// The registry this project installs from serves the native builds of rollup and oxc-transform for
// Linux x64 only, so `npm install` here writes a lockfile without their other-platform optional
// packages, and `npm ci` then rejects it as out of sync. This records them as npm would (optional,
// with their os/cpu/libc), so `npm ci` validates them and skips them as foreign. Run after `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

/** The packages whose optional dependencies are one native build per platform. */
const NATIVE_PARENTS = ["node_modules/rollup", "node_modules/oxc-transform"];

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
let added = 0;
for (const parentKey of NATIVE_PARENTS) {
  const parent = lock.packages[parentKey];
  for (const [name, version] of Object.entries(parent?.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const match = /-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z]+))?$/.exec(name);
    if (!match) throw new Error(`Cannot tell the platform of ${name}`);
    const [, os, cpu, abi] = match;
    const entry = { version, cpu: [cpu], ...(parent.dev ? { dev: true } : {}), license: "MIT", optional: true, os: [os] };
    if (os === "linux" && abi) entry.libc = [abi.startsWith("musl") ? "musl" : "glibc"];
    lock.packages[key] = entry;
    added++;
  }
}
const packages = Object.keys(lock.packages).sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0));
lock.packages = Object.fromEntries(packages.map((key) => [key, lock.packages[key]]));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} optional platform package(s) recorded`);
