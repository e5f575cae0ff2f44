/**
 * Command line (CONTRACTS §1): argv → options, progress and summary, exit codes.
 * 0 success · 1 errors in the inputs (or warnings under --strict) · 2 bad usage · 3 --check found --out stale.
 */
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, type Config, type PackageIdentity } from "./config.js";
import { formatDiagnostic } from "./diagnostics.js";
import { fsProblem } from "./fs-errors.js";
import { generate, type GenerateOptions, type Progress } from "./index.js";
import { DEFAULT_CACHE_DIR } from "./parse/cache.js";
import { packageRoot } from "./paths.js";
import { reportTargetProblem } from "./safety.js";
import { collectGarbageEagerly } from "./util/heap.js";
import { optimiseOnlyHotCode } from "./util/jit.js";
import { watchAndRun } from "./watch.js";
import { messageOf } from "./util/errors.js";

const USAGE = `Usage: superoffice-codegen [--input DIR]... [--out DIR] [options]

  --input DIR      a docs checkout, WSDL file or folder (repeatable; default: input)
  --out DIR        output folder (default: output)
  --versions LIST  only these versions, e.g. 86,88 (default: all found)
  --agents LIST    only these agents, e.g. User,Contact (default: all)
  --strict         warnings fail the run
  --check          generate in memory and compare with --out; write nothing
  --no-docs        skip the markdown docs
  --quiet          print errors only
  --report FILE    write every diagnostic as JSON
  --cache DIR      cache folder: run memo, parse and compile packs (default: the generator's
                   own node_modules/.cache/superoffice-codegen, else
                   $XDG_CACHE_HOME/superoffice-codegen or ~/.cache/superoffice-codegen)
  --no-cache       neither read nor write the cache
  --watch          regenerate whenever the inputs change (Ctrl-C stops)
  --config FILE    the config file (default: superoffice-codegen.config.mjs or .json,
                   or the "superoffice-codegen" key of package.json, in this folder)
  --package-name NAME, --package-version X.Y.Z, --package-description TEXT,
  --package-license SPDX
                   the generated package's identity
  -v, --version    the generator's version
  -h, --help       this text

Flags override the config file. Exit status: 0 success, 1 errors in the inputs (or warnings
under --strict), 2 bad usage (also --versions/--agents naming nothing in the inputs), 3 --check
found --out stale, 130 interrupted (Ctrl-C) before --out was updated.`;

class UsageError extends Error {}

/**
 * @param signal stops the run where that is safe, and --watch (default: Ctrl-C or SIGTERM of the process)
 */
export async function main(argv: string[], signal?: AbortSignal): Promise<number> {
  let command: CommandLine;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    process.stderr.write(`${messageOf(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.version) {
    process.stdout.write(`${generatorVersion()}\n`);
    return 0;
  }
  let config: Config | undefined;
  try {
    config = (await loadConfig(process.cwd(), command.config))?.config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.file}:0: error: ${error.message}\n`);
    return 2;
  }
  const options = withConfig(command.options, config);
  // Ctrl-C ends a run where that is safe (GenerateOptions.signal), and --watch after it.
  const interrupt = signal ? undefined : stopOnInterrupt();
  const stop = signal ?? interrupt!.signal;
  try {
    if (!command.watch) return await runOnce(options, command, stop);
    await watchAndRun(async () => void (await runOnce(options, command, stop)), {
      roots: options.inputs,
      ignore: [options.out, ...(options.cache === false ? [] : [options.cache ?? DEFAULT_CACHE_DIR])],
      signal: stop,
      onProblem: (message) => process.stderr.write(`${message}\n`),
    });
    return 0;
  } finally {
    interrupt?.dispose();
  }
}

/** One run: diagnostics, the report file, the summary line; its exit status. */
async function runOnce(options: ResolvedOptions, command: CommandLine, signal: AbortSignal): Promise<number> {
  const { quiet, report } = command;
  // Checked before the run: a report that cannot be written must not cost the output first.
  const refusedReport = report === undefined ? null : reportTargetProblem(report, options.inputs, options.out);
  if (refusedReport) {
    process.stderr.write(`${formatDiagnostic(refusedReport)}\n`);
    return 2;
  }
  const progress = progressPrinter(quiet);
  try {
    const result = await generate({ ...options, onProgress: progress.update, signal });
    progress.clear();
    for (const diagnostic of result.diagnostics) {
      if (!quiet || diagnostic.severity === "error") process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    }
    const reportFailed = report !== undefined && !(await writeReport(report, result));
    if (result.stale.length) process.stderr.write(`--check: ${result.stale.length} file(s) in ${options.out} differ from a fresh run:\n${result.stale.map((file) => `  ${file}`).join("\n")}\n`);
    if (!quiet) process.stdout.write(`${summary(result)}\n`);
    // 130: as a shell reports a command Ctrl-C ended.
    return result.interrupted ? 130 : reportFailed ? 1 : result.exitCode;
  } catch (error) {
    // A bug in the generator: clear the progress line before runAsProcess prints the stack.
    progress.clear();
    throw error;
  }
}

/** False (and an error printed) when the report cannot be written. */
async function writeReport(report: string, result: Awaited<ReturnType<typeof generate>>): Promise<boolean> {
  try {
    await writeFile(report, `${JSON.stringify({ exitCode: result.exitCode, diagnostics: result.diagnostics }, null, 2)}\n`);
    return true;
  } catch (error) {
    process.stderr.write(`${formatDiagnostic({ path: report, line: 0, severity: "error", code: "report.unwritable", message: `Cannot write the report: ${fsProblem(error, report)}.` })}\n`);
    return false;
  }
}

type ResolvedOptions = GenerateOptions & { inputs: string[]; out: string };

interface CommandLine {
  /** What the flags say; undefined where they say nothing (the config file or the default decides). */
  options: GenerateOptions;
  quiet: boolean;
  report: string | undefined;
  help: boolean;
  version: boolean;
  watch: boolean;
  config: string | undefined;
}

const IDENTITY_FLAGS = { "package-name": "name", "package-version": "version", "package-description": "description", "package-license": "license" } as const satisfies Record<string, keyof PackageIdentity>;

function parseCommandLine(argv: string[]): CommandLine {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        input: { type: "string", multiple: true },
        out: { type: "string" },
        versions: { type: "string" },
        agents: { type: "string" },
        strict: { type: "boolean" },
        check: { type: "boolean" },
        "no-docs": { type: "boolean" },
        quiet: { type: "boolean" },
        report: { type: "string" },
        cache: { type: "string" },
        "no-cache": { type: "boolean" },
        watch: { type: "boolean" },
        config: { type: "string" },
        "package-name": { type: "string" },
        "package-version": { type: "string" },
        "package-description": { type: "string" },
        "package-license": { type: "string" },
        version: { type: "boolean", short: "v" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  if (values.cache !== undefined && values["no-cache"] === true) throw new UsageError("--cache and --no-cache contradict each other.");
  if (values.watch === true && values.check === true) throw new UsageError("--watch and --check contradict each other: --check writes nothing to watch.");
  const list = (text: string | undefined, name: string): string[] | undefined => {
    if (text === undefined) return undefined;
    const items = text.split(",").map((item) => item.trim()).filter(Boolean);
    if (items.length === 0) throw new UsageError(`--${name} needs a comma-separated list.`);
    return items;
  };
  const identity: Partial<PackageIdentity> = {};
  for (const [flag, field] of Object.entries(IDENTITY_FLAGS)) {
    const value = values[flag as keyof typeof IDENTITY_FLAGS];
    if (value !== undefined) identity[field] = value;
  }
  return {
    help: values.help === true,
    version: values.version === true,
    watch: values.watch === true,
    config: values.config,
    quiet: values.quiet === true,
    report: values.report,
    options: {
      inputs: values.input,
      out: values.out,
      versions: list(values.versions, "versions"),
      agents: list(values.agents, "agents"),
      strict: values.strict === true ? true : undefined,
      check: values.check === true,
      docs: values["no-docs"] === true ? false : undefined,
      cache: values["no-cache"] === true ? false : values.cache,
      package: Object.keys(identity).length ? identity : undefined,
    },
  };
}

/** Flags first, then the config file, then the defaults; package identity field by field. */
function withConfig(flags: GenerateOptions, config: Config = {}): ResolvedOptions {
  const identity = { ...config.package, ...flags.package };
  return {
    ...flags,
    inputs: flags.inputs ?? config.inputs ?? ["input"],
    out: flags.out ?? config.out ?? "output",
    versions: flags.versions ?? config.versions,
    agents: flags.agents ?? config.agents,
    strict: flags.strict ?? config.strict ?? false,
    docs: flags.docs ?? config.docs ?? true,
    package: Object.keys(identity).length ? identity : undefined,
  };
}

function generatorVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** An AbortSignal that Ctrl-C (or a SIGTERM) fires, once; a second Ctrl-C is Node's default (exit at once). `dispose` stops listening. */
function stopOnInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const dispose = (): void => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  };
  const stop = (): void => {
    dispose();
    controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return { signal: controller.signal, dispose };
}

function summary(result: Awaited<ReturnType<typeof generate>>): string {
  const versions = result.versions.map((version) => version.version).join(", ") || "no versions";
  const agents = result.versions.reduce((sum, version) => sum + version.agents, 0);
  const operations = result.versions.reduce((sum, version) => sum + version.operations, 0);
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const action = result.written ? `${result.files} files written` : result.stale.length || result.exitCode === 3 ? "output stale" : result.exitCode === 0 ? `${result.files} files up to date` : "nothing written";
  const cache = result.cache.reused ? "unchanged since the cached run" : `${result.cache.parsed} files parsed, ${result.cache.cached} from cache`;
  return `${versions}: ${agents} agents, ${operations} operations; ${action}; ${errors} errors, ${warnings} warnings; ${cache}; ${result.seconds.toFixed(2)}s`;
}

/** One self-overwriting line on a terminal; nothing when piped or quiet. */
function progressPrinter(quiet: boolean): { update: (progress: Progress) => void; clear: () => void } {
  const live = !quiet && process.stderr.isTTY === true;
  let shown = false;
  return {
    update(progress) {
      if (!live) return;
      const count = progress.total > 1 ? ` ${progress.done}/${progress.total}` : "";
      process.stderr.write(`\r\x1b[K${progress.stage}${count}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[K");
      shown = false;
    },
  };
}

/**
 * Threads for libuv's pool, which runs the writes and oxc-transform's compiles: one per core, two
 * at least. More (libuv's default is 4) gain no speed on the cores there are, and each thread that
 * allocates gets an allocator arena of its own, whose memory the process keeps: about 50 MB more
 * at a cold run's peak.
 */
const THREAD_POOL_SIZE = Math.max(2, availableParallelism());

/** main() as a process: exit status from the run; a bug in the generator prints its stack and exits 1. */

export function runAsProcess(argv: string[]): void {
  // The process is the generator's own: it may collect garbage as it sees fit (util/heap.ts), tune
  // V8's tier-up (util/jit.ts) and size libuv's thread pool (read when first used, after this): see THREAD_POOL_SIZE.
  collectGarbageEagerly();
  optimiseOnlyHotCode();
  process.env.UV_THREADPOOL_SIZE ??= String(THREAD_POOL_SIZE);
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runAsProcess(process.argv.slice(2));
