/**
 * Command line (CONTRACTS §1): argv → options, progress and summary, exit codes.
 * 0 success · 1 errors in the inputs (or warnings under --strict) · 2 bad usage · 3 --check found --out stale.
 */
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "./diagnostics.js";
import { fsProblem } from "./fs-errors.js";
import { generate, type GenerateOptions, type Progress } from "./index.js";
import { reportTargetProblem } from "./safety.js";

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
  --cache DIR      parse cache folder (default: the generator's own node_modules/.cache/superoffice-codegen,
                   else $XDG_CACHE_HOME/superoffice-codegen or ~/.cache/superoffice-codegen)
  --no-cache       neither read nor write the parse cache
  --help           this text`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { options, quiet, report } = parsed;
  // Checked before the run: a report that cannot be written must not cost the output first.
  const refusedReport = report === undefined ? null : reportTargetProblem(report, options.inputs ?? []);
  if (refusedReport) {
    process.stderr.write(`${formatDiagnostic(refusedReport)}\n`);
    return 2;
  }
  const progress = progressPrinter(quiet);
  try {
    const result = await generate({ ...options, onProgress: progress.update });
    progress.clear();
    for (const diagnostic of result.diagnostics) {
      if (!quiet || diagnostic.severity === "error") process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    }
    const reportFailed = report !== undefined && !(await writeReport(report, result));
    if (result.stale.length) process.stderr.write(`--check: ${result.stale.length} file(s) in ${options.out} differ from a fresh run:\n${result.stale.map((file) => `  ${file}`).join("\n")}\n`);
    if (!quiet) process.stdout.write(`${summary(result)}\n`);
    return reportFailed ? 1 : result.exitCode;
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

function parseCommandLine(argv: string[]): { options: GenerateOptions & { out: string }; quiet: boolean; report: string | undefined; help: boolean } {
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
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.cache !== undefined && values["no-cache"] === true) throw new UsageError("--cache and --no-cache contradict each other.");
  const list = (text: string | undefined, name: string): string[] | undefined => {
    if (text === undefined) return undefined;
    const items = text.split(",").map((item) => item.trim()).filter(Boolean);
    if (items.length === 0) throw new UsageError(`--${name} needs a comma-separated list.`);
    return items;
  };
  return {
    help: values.help === true,
    quiet: values.quiet === true,
    report: values.report,
    options: {
      inputs: values.input ?? ["input"],
      out: values.out ?? "output",
      versions: list(values.versions, "versions"),
      agents: list(values.agents, "agents"),
      strict: values.strict === true,
      check: values.check === true,
      docs: values["no-docs"] !== true,
      cache: values["no-cache"] === true ? false : values.cache,
    },
  };
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

/** main() as a process: exit status from the run; a bug in the generator prints its stack and exits 1. */
export function runAsProcess(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runAsProcess(process.argv.slice(2));
