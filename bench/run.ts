/**
 * `npm run bench`: the generator on ../shared/corpus against its targets.
 *
 *   cold      the whole corpus, --no-cache, fresh --out, as the `superoffice-codegen` command
 *   warm      one cache folder and one --out, after a priming run: nothing changed
 *   one edit  the same after one REST page's description changed
 *   floor     bench/floor.ts: read every input once and run only the plain parsers, one thread
 *   wsdl-tsclient on the 30 Services88 WSDLs (extracted from their pages beforehand)
 *   bundles   bench/bundle.ts: one REST and one SOAP call of the generated clients, minified
 *
 * The corpus is copied into a scratch folder first, so the edits never touch ../shared.
 * Every figure is a median over separate child processes, so peak RSS is per run; the contestants
 * take turns, round by round.
 * The runtime figures come from bench/runtime-bench.ts when it is there.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleFigures, type BundlePart } from "./bundle.js";

/** Cold and warm runs; the floor and wsdl-tsclient (~10 s and ~3 s a run) only in the first SLOW_ROUNDS. */
const ROUNDS = 5;
const SLOW_ROUNDS = 3;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sharedCorpus = path.resolve(repoRoot, "..", "shared", "corpus");
const SERVICES88_PAGES = "mintlify-docs/en/api/web-services/endpoints/soap/reference/Services88";
/** The page the one-edit rounds change: its description gains a sentence each round. */
const EDITED_PAGE = "superoffice-docs/docs/en/api/reference/restful/agent/User_Agent/v1UserAgent_SetExternalUserInfo.md";
const bin = path.join(repoRoot, "generator", "bin.js");
const floorScript = path.join(repoRoot, "bench", "floor.ts");
const rssPreload = pathToFileURL(path.join(repoRoot, "bench", "max-rss.mjs")).href;
const wsdlTsClient = createRequire(import.meta.url).resolve("wsdl-tsclient/dist/src/cli.js");

interface Run {
  seconds: number;
  rssBytes: number;
  exitCode: number;
  stderr: string;
}

interface Figure {
  label: string;
  seconds: number;
  rssBytes: number;
  note: string;
}

if (!existsSync(path.join(sharedCorpus, SERVICES88_PAGES))) {
  process.stderr.write(`bench: the corpus is missing (${sharedCorpus}).\nThe benchmark runs on ../shared/corpus beside the repository; check it out there and retry.\n`);
  process.exit(2);
}

const scratch = mkdtempSync(path.join(tmpdir(), "superoffice-bench-"));
const corpus = path.join(scratch, "corpus");
try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

async function main(): Promise<void> {
  progress("copying the corpus");
  cpSync(sharedCorpus, corpus, { recursive: true });
  const generator = (name: string, extra: string[]): Promise<Run> => runChild(["--import", rssPreload, bin, "--input", corpus, "--out", path.join(scratch, name), "--quiet", ...extra]);

  const wsdls = await extractServices88Wsdls(path.join(scratch, "wsdl"));
  const cache = path.join(scratch, "cache");
  // The cached runs regenerate one --out, as a maintainer's do: a warm run finds it up to date.
  const incremental = "incremental";
  await generator(incremental, ["--cache", cache]);

  // Interleaved rounds, so a neighbour's load drifting over the minute hits every contestant alike.
  const cold: Run[] = [];
  const warm: Run[] = [];
  const parseCacheOnly: Run[] = [];
  const oneEdit: Run[] = [];
  const floor: Run[] = [];
  const tsclient: Run[] = [];
  let clientsMade = 0;
  for (let round = 0; round < ROUNDS; round++) {
    progress(`round ${round + 1} of ${ROUNDS}`);
    cold.push(await generator(`cold-${round}`, ["--no-cache"]));
    warm.push(await generator(incremental, ["--cache", cache]));
    // As after an edit to the model code (its memo is keyed by that code): parse results cached, model and emit rerun.
    for (const file of readdirSync(cache).filter((name) => name.startsWith("run-") || name.startsWith("model-"))) rmSync(path.join(cache, file));
    parseCacheOnly.push(await generator(incremental, ["--cache", cache]));
    editPage(round);
    oneEdit.push(await generator(incremental, ["--cache", cache]));
    if (round >= SLOW_ROUNDS) continue;
    floor.push(await runChild(["--import", rssPreload, "--import", "tsx", floorScript, corpus]));
    const out = path.join(scratch, `wsdl-tsclient-${round}`);
    tsclient.push(await runChild(["--import", rssPreload, wsdlTsClient, ...wsdls, "-o", out, "--quiet"], { allowFailure: true }));
    clientsMade = existsSync(out) ? readdirSync(out).length : 0;
  }

  const runtime = await runtimeFigures();
  progress("bundles");
  const bundles = await bundleFigures(path.join(scratch, "cold-0"), scratch);

  const figures: Figure[] = [
    { label: "cold (--no-cache)", ...median(cold), note: `median of ${ROUNDS}; whole corpus, every version, docs` },
    { label: "warm (cache)", ...median(warm), note: `median of ${ROUNDS}; nothing changed: the run memo finds --out up to date` },
    { label: "one page edited", ...median(oneEdit), note: `median of ${ROUNDS}; ${path.basename(EDITED_PAGE)} changed, cache otherwise warm` },
    { label: "warm, parse cache only", ...median(parseCacheOnly), note: `median of ${ROUNDS}; run memo and model memo removed: model + emit rerun` },
    { label: "parse floor (1 thread)", ...median(floor), note: `median of ${SLOW_ROUNDS}; remark + fast-xml-parser + JSON.parse only` },
    { label: "wsdl-tsclient", ...median(tsclient), note: `median of ${SLOW_ROUNDS}; ${clientsMade} of ${wsdls.length} Services88 WSDLs gave a client` },
  ];
  const [coldFigure, warmFigure, oneEditFigure, parseCacheFigure, floorFigure, tsclientFigure] = figures;
  const peak = Math.max(coldFigure.rssBytes, warmFigure.rssBytes, oneEditFigure.rssBytes);

  const lines = [
    table(
      ["", "seconds", "peak RSS", ""],
      figures.map((figure) => [figure.label, figure.seconds.toFixed(2), megabytes(figure.rssBytes), figure.note]),
    ),
    "",
    table(
      ["ratio", "value", "target", ""],
      [
        ratioRow("cold / floor", coldFigure.seconds / floorFigure.seconds, 0.12),
        ratioRow("warm / floor", warmFigure.seconds / floorFigure.seconds, 0.01),
        ratioRow("one edit / floor", oneEditFigure.seconds / floorFigure.seconds, 0.03),
        ["warm, parse cache only / floor", (parseCacheFigure.seconds / floorFigure.seconds).toFixed(3), "-", "for information"],
        ["cold / wsdl-tsclient", (coldFigure.seconds / tsclientFigure.seconds).toFixed(2), "-", "for information"],
        ["peak RSS (cold, warm, one edit)", megabytes(peak), "≤ 450 MB", peak <= 450 * 1024 ** 2 ? "met" : "MISSED"],
        ["one REST call, bundled (getUser of user.rest)", kilobytes(bundles.restBytes), "≤ 20 KB", bundles.restBytes <= 20 * 1024 ? "met" : "MISSED"],
        ["one SOAP call, bundled (getUser of user.soap)", kilobytes(bundles.soapBytes), "≤ 30 KB", bundles.soapBytes <= 30 * 1024 ? "met" : "MISSED"],
        ["one REST call through UserAgentClient", kilobytes(bundles.restClassBytes), "-", "for information: the whole agent"],
        ["one SOAP call through UserAgentClient", kilobytes(bundles.soapClassBytes), "-", "for information: the whole agent"],
        ["SOAP code in the REST-only bundle (functions)", bundles.soapInRest.length === 0 ? "none" : bundles.soapInRest.join(", "), "none", bundles.soapInRest.length === 0 ? "met" : "MISSED"],
        ["the REST call's bytes by module", "-", "-", partsNote(bundles.restParts)],
        ["the SOAP call's bytes by module", "-", "-", partsNote(bundles.soapParts)],
        runtime.ok
          ? ratioRow(`runtime ours/soap (${runtime.ours.toFixed(1)} / ${runtime.soap.toFixed(1)} µs per call)`, runtime.ours / runtime.soap, 0.2)
          : ["runtime ours/soap", "-", "≤ 0.2", runtime.reason],
      ],
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

function runChild(args: string[], options: { allowFailure?: boolean } = {}): Promise<Run> {
  const rssFile = path.join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, BENCH_RSS_FILE: rssFile } });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const run: Run = { seconds, rssBytes: existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : 0, exitCode: code ?? 1, stderr };
      if (run.exitCode !== 0 && !options.allowFailure) reject(new Error(`bench: \`node ${args.join(" ")}\` exited with ${run.exitCode}:\n${stderr}`));
      else resolve(run);
    });
  });
}

function median(runs: Run[]): { seconds: number; rssBytes: number } {
  const middle = <T>(values: T[], by: (value: T) => number): number => {
    const sorted = values.map(by).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  return { seconds: middle(runs, (run) => run.seconds), rssBytes: middle(runs, (run) => run.rssBytes) };
}

/** The WSDL fence of each Services88-<Agent>.md page as a plain .wsdl file, which is what wsdl-tsclient reads. */
async function extractServices88Wsdls(folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  const services88Pages = path.join(corpus, SERVICES88_PAGES);
  for (const page of readdirSync(services88Pages).filter((name) => /^Services88-\w+\.md$/.test(name)).sort()) {
    const fence = /^```xml\r?\n([\s\S]*?)\r?\n```/m.exec(readFileSync(path.join(services88Pages, page), "utf8"));
    if (!fence) continue;
    const file = path.join(folder, page.replace(/\.md$/, ".wsdl"));
    writeFileSync(file, fence[1]);
    files.push(file);
  }
  return files;
}

type RuntimeFigures = { ok: true; ours: number; soap: number } | { ok: false; reason: string };

async function runtimeFigures(): Promise<RuntimeFigures> {
  const file = path.join(repoRoot, "bench", "runtime-bench.ts");
  if (!existsSync(file)) return { ok: false, reason: "bench/runtime-bench.ts not there" };
  progress("runtime");
  try {
    const module: unknown = await import(pathToFileURL(file).href);
    const benchRuntime = typeof module === "object" && module !== null && "benchRuntime" in module ? module.benchRuntime : undefined;
    if (typeof benchRuntime !== "function") return { ok: false, reason: "runtime-bench.ts exports no benchRuntime()" };
    const result: unknown = await benchRuntime();
    const figures = result as { ours?: unknown; soap?: unknown };
    if (typeof figures.ours !== "number" || typeof figures.soap !== "number") return { ok: false, reason: "benchRuntime() gave no { ours, soap }" };
    return { ok: true, ours: figures.ours, soap: figures.soap };
  } catch (error) {
    return { ok: false, reason: `benchRuntime() failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
}

function ratioRow(label: string, value: number, target: number): string[] {
  return [label, value.toFixed(3), `≤ ${target}`, value <= target ? "met" : "MISSED"];
}

/** Changes the edited page's description, differently each round, so its parse result and output change. */
function editPage(round: number): void {
  const file = path.join(corpus, EDITED_PAGE);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace("Modifies an external user.", `Modifies an external user. Edited in round ${round + 1}.`));
}

/** The largest modules of a bundle, e.g. "runtime/rest.ts 5.4 KB, services88/agents/user.wire.ts 4.4 KB, …". */
function partsNote(parts: readonly BundlePart[]): string {
  return `${parts.slice(0, 6).map((part) => `${part.module} ${kilobytes(part.bytes)}`).join(", ")}${parts.length > 6 ? ", …" : ""}`;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2)} MB`;
}

function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  const format = (row: string[]): string => row.map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ").trimEnd();
  return [format(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(format)].join("\n");
}

function progress(stage: string): void {
  process.stderr.write(`bench: ${stage}…\n`);
}
