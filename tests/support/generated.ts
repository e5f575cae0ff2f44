/**
 * Generated output on disk for end-to-end tests: discover → parse → model (in memory, see
 * pipeline.ts) → emitOutput → a scratch folder inside the repo, so the generated TypeScript
 * resolves node_modules and vitest can import it. Once per input set and test process.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { emitOutput } from "../../generator/emit/index.js";
import type { ServicesModel } from "../../generator/ir/types.js";
import { lowerCamel } from "../../generator/emit/naming.js";
import type * as Runtime from "../../templates/runtime/index.js";
import type { AgentSchema, OperationDescriptor, RestOperationDescriptor, SoapOperationDescriptor, SoapSchema, TypeDescriptor } from "../../templates/runtime/index.js";
import { buildFrom, sharedCorpusRun } from "./pipeline.js";
import { scratchDir } from "./tmp.js";

export interface GeneratedOutput {
  /** The output folder (`<out>` of CONTRACTS §2). */
  dir: string;
  models: ServicesModel[];
  files: ReadonlyMap<string, string>;
  /** Deletes the folder. */
  remove(): void;
}

const outputs = new Map<string, Promise<GeneratedOutput>>();

/**
 * Generates the output (without docs) of `inputs` into `.vitest-tmp/<name>-<pid>/out`; for the whole
 * corpus, the folder the global set-up wrote (corpus-run.ts), which `remove` leaves alone.
 */
export function generatedOutput(name: string, inputs: string[]): Promise<GeneratedOutput> {
  const shared = sharedCorpusRun(inputs);
  const key = shared ? shared.outDir : `${name}\n${inputs.join("\n")}`;
  let out = outputs.get(key);
  if (!out) {
    out = shared ? sharedOutput(shared.outDir, inputs) : writtenOutput(name, inputs);
    outputs.set(key, out);
  }
  return out;
}

async function writtenOutput(name: string, inputs: string[]): Promise<GeneratedOutput> {
  const { models } = await buildFrom(inputs);
  const files = emitOutput(models, { docs: false });
  const root = scratchDir(name);
  const dir = path.join(root, "out");
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { dir, models, files, remove: () => rmSync(root, { recursive: true, force: true }) };
}

async function sharedOutput(dir: string, inputs: string[]): Promise<GeneratedOutput> {
  const { models } = await buildFrom(inputs);
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file).split(path.sep).join("/"), readFileSync(file, "utf8"));
  }
  return { dir, models, files, remove: () => undefined };
}

/** Dynamic import of a generated module (vitest transforms the TypeScript). */
export function importGenerated<T>(dir: string, file: string): Promise<T> {
  return import(pathToFileURL(path.join(dir, file)).href) as Promise<T>;
}

/** The generated runtime copy (`<out>/runtime/index.ts`). */
export function importRuntime(dir: string): Promise<typeof Runtime> {
  return importGenerated<typeof Runtime>(dir, "runtime/index.ts");
}

/**
 * The generated wire descriptors of one agent (`<out>/servicesNN/agents/<agent>.wire.ts`) as one
 * agent-wide schema, the way hand-written descriptors are laid out: the SOAP binding with every
 * type any operation (or header) reaches, and each operation with both halves (REST and SOAP)
 * by operation name, resolving by the schema's types; its primitives with both transports'
 * conversions (the runtime's `XSD_TYPES`), since each half's record names its own transport's.
 */
export interface AgentWire {
  schema: AgentSchema;
  operations: Readonly<Record<string, OperationDescriptor>>;
}

export async function importWire(dir: string, version: string, agent: string): Promise<AgentWire> {
  const stem = lowerCamel(agent);
  const module = await importGenerated<Record<string, unknown>>(dir, `${version.toLowerCase()}/agents/${stem}.wire.ts`);
  const binding = module.SOAP_AGENT as SoapSchema | undefined;
  if (binding === undefined) throw new Error(`${version}/${agent}: the wire module exports no SOAP_AGENT`);
  const types: Record<string, TypeDescriptor> = { ...binding.types };
  const operations: Record<string, OperationDescriptor> = Object.create(null);
  for (const [key, value] of Object.entries(module)) {
    const rest = key.endsWith("Rest") ? (value as RestOperationDescriptor) : undefined;
    const soap = rest ? (module[`${key.slice(0, -4)}Soap`] as SoapOperationDescriptor | undefined) : undefined;
    if (!rest || !soap) continue;
    const { types: own, ...both } = { ...rest, ...soap };
    const { types: _, ...restHalf } = rest.rest;
    for (const name of Object.keys(own ?? {})) Object.defineProperty(types, name, { value: own![name], enumerable: true, writable: true, configurable: true });
    operations[rest.name] = { ...both, rest: restHalf };
  }
  const { XSD_TYPES } = await importRuntime(dir);
  for (const name of Object.keys(types)) if (types[name]?.kind === "primitive") types[name] = XSD_TYPES[name]!;
  return { schema: { ...binding, types }, operations };
}

/** A generated client class (`SoapClient` or `RestClient`) of a version's index.ts. */
export type ClientClass = new (options: Record<string, unknown>) => Record<string, Record<string, (request?: object, options?: object) => Promise<unknown>>>;

export async function importSoapClient(dir: string, version: string): Promise<ClientClass> {
  const module = await importGenerated<{ SoapClient: ClientClass }>(dir, `${version.toLowerCase()}/index.ts`);
  return module.SoapClient;
}
