/**
 * A fixture per construct (issue 15 item 7), laid out as openapi-typescript and hey-api lay out
 * their generator tests: a tiny input per construct kind in tests/fixtures/constructs/<construct>/
 * (see table.ts), generated through the public `generate()` into a scratch folder as users run
 * it, and the files that show the construct compared with __snapshots__/<construct>/, so a
 * regression shows in a snapshot and not only in a corpus run. All outputs are then
 * type-checked in one strict pass, and one call per construct goes over loopback
 * with the generated client (calls.ts).
 *
 * Run `npx vitest run tests/constructs -u` to accept a changed output, and read the diff.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type Diagnostic, type GenerateReport } from "../../generator/index.js";
import { repoRoot } from "../corpus.js";
import { compileStrict } from "../support/compile.js";
import { importGenerated } from "../support/generated.js";
import { Loopback } from "../support/rest-e2e.js";
import { scratchDir } from "../support/tmp.js";
import { CALLS, type AgentClient, type CallContext } from "./calls.js";
import { CONSTRUCTS, outputPath, type Construct } from "./table.js";

/** Repository-relative with forward slashes, as the diagnostics print input paths. */
const fixtures = "tests/fixtures/constructs";
const scratch = scratchDir("constructs");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The output folder of a construct's run: the shared one, or its own. */
const outOf = (construct: Construct): string => path.join(scratch, construct.run === "shared" ? "shared" : construct.name);
const inputOf = (construct: Construct): string => `${fixtures}/${construct.name}`;

const reports = new Map<string, GenerateReport>();
beforeAll(async () => {
  // Inputs relative to the repository, as the diagnostics and provenance in the snapshots print them.
  process.chdir(repoRoot);
  const runs = new Map<string, string[]>();
  for (const construct of CONSTRUCTS) runs.set(outOf(construct), [...(runs.get(outOf(construct)) ?? []), inputOf(construct)]);
  // One after the other (2 cores shared); no cache, so every run parses, models and emits afresh.
  for (const [out, inputs] of runs) reports.set(out, await generate({ inputs, out, cache: false }));
});

/** A construct's own diagnostics (those about its fixture files), one line each. */
function diagnosticsOf(construct: Construct): string {
  const own = (d: Diagnostic): boolean => d.path.startsWith(`${inputOf(construct)}/`);
  const lines = reports.get(outOf(construct))!.diagnostics.filter(own).map((d) => `${d.path}:${d.line}: ${d.severity}: ${d.code}: ${d.message}`);
  return lines.length > 0 ? `${lines.join("\n")}\n` : "(none)\n";
}

const snapshotFile = (construct: Construct, file: string): string => path.join(import.meta.dirname, "__snapshots__", construct.name, `${path.basename(file)}.snap`);

describe.each(CONSTRUCTS.map((construct) => [construct.name, construct] as const))("%s", (_name, construct) => {
  it("reports its diagnostics", async () => {
    await expect(diagnosticsOf(construct)).toMatchFileSnapshot(snapshotFile(construct, "diagnostics.txt"));
  });

  it.each(construct.files.map((file) => outputPath(construct, file)))("writes %s", async (file) => {
    await expect(readFileSync(path.join(outOf(construct), file), "utf8")).toMatchFileSnapshot(snapshotFile(construct, file));
  });
});

it("keeps no snapshot the table no longer names", () => {
  const root = path.join(import.meta.dirname, "__snapshots__");
  const named = CONSTRUCTS.flatMap((construct) => ["diagnostics.txt", ...construct.files.map((file) => outputPath(construct, file))].map((file) => path.relative(root, snapshotFile(construct, file))));
  const present = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  expect(present.sort()).toEqual(named.sort());
});

describe("the runs", () => {
  it("succeed but for the name clashes, which write nothing", () => {
    const summary = [...reports].map(([out, report]) => [path.basename(out), report.exitCode, report.written]);
    expect(summary).toEqual([
      ["shared", 0, true],
      ["entity-openapi", 0, true],
      ["version-diff", 0, true],
      ["name-clashes", 1, false],
    ]);
  });

  it("cover every construct version, each with its one agent", () => {
    const shared = reports.get(path.join(scratch, "shared"))!;
    const versions = CONSTRUCTS.filter((c) => c.run === "shared").map((c) => c.version);
    expect(shared.versions.map((v) => [v.version, v.agents])).toEqual(versions.map((version) => [version, 1]));
  });

  it("compile together under the contract's strict options", () => {
    // One pass over every output folder (the name clashes wrote none).
    expect(compileStrict(scratch)).toEqual([]);
  });
});

describe("one call per construct over loopback", () => {
  const server = new Loopback();
  beforeAll(() => server.start());
  afterAll(() => server.close());

  const withCall = CONSTRUCTS.filter((construct) => CALLS[construct.name] !== undefined);
  it("covers every construct that writes a client", () => {
    expect(withCall.map((c) => c.name)).toEqual(CONSTRUCTS.filter((c) => reports.get(outOf(c))!.written).map((c) => c.name));
  });

  it.each(withCall.map((construct) => [construct.name, construct] as const))("%s", async (name, construct) => {
    type Client = new (options: object) => Record<string, unknown>;
    const index = await importGenerated<{ SoapClient: Client; RestClient: Client; XSI_TYPE: symbol }>(outOf(construct), `${construct.version.toLowerCase()}/index.ts`);
    const soap = new index.SoapClient({ baseUrl: server.baseUrl, ticket: "7T:t==", applicationToken: "app", timeZone: { SoTimeZoneId: 1, SoTimeZoneLocationCode: "UTC" } });
    const rest = new index.RestClient({ baseUrl: server.baseUrl, auth: { scheme: "SoTicket", ticket: "7T:t==" } });
    const context: CallContext = {
      server,
      soap: (agent) => soap[agent] as AgentClient,
      rest: (agent) => rest[agent] as AgentClient,
      entity: (entity) => (rest.entities as Record<string, AgentClient>)[entity]!,
      XSI_TYPE: index.XSI_TYPE,
    };
    await CALLS[name]!(context);
  });
});
