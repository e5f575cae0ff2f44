/**
 * Emit, the stage's entry: models → the output folder's files (model files, runtime, TypeScript
 * clients per version from ts/, docs from docs/, package.json and the compiled modules from
 * package/), piece by piece so that the writer can put each on disk before the next is made.
 * Nothing is written here (write/ does); the same models give the same bytes.
 */
import type { Diagnostic } from "../diagnostics.js";
import { consecutivePairs, diffInputDigest, diffModels } from "../model/diff.js";
import type { ServicesModel } from "../ir/types.js";
import type { CompileCache, OutputFiles } from "../output-files.js";
import { compiledPath, compileOutput } from "./package/compile.js";
import { agentDoc, docsParts, entityDoc, pageLinks, type LazyDiff } from "./docs/index.js";
import type { EntityLinks } from "./docs/entities.js";
import { agentIndex } from "./docs/version-index.js";
import { emitAgent, emitEntity, emitRuntime, emitTypesModule, emitVersionModules } from "./ts/index.js";
import { typeLookup } from "./ts/ts-types.js";
import { emitPackage } from "./package/package.js";
import type { PackageIdentity } from "../config.js";
import { compareStrings } from "../util/order.js";
import { jsonDigest, textDigest } from "../util/json-digest.js";

export { nameCollisions } from "./collisions.js";

export interface OutputOptions {
  docs: boolean;
  /** The generated package's name, version, description, license (defaults: package/package.ts). */
  package?: Partial<PackageIdentity>;
}

/** One piece of the output, made on its own. */
export interface OutputPiece {
  /**
   * Where the piece's files depend on a slice of the models only (an agent's or an entity's
   * modules and docs page, a version's types module and page, a diff's pages, a version's model
   * file and other modules): a digest of that slice, so a run can tell its files are a previous
   * run's without making them. The same key gives the same files only under the same generator
   * sources and options: the caller compares keys of runs with the same run key alone (index.ts).
   */
  key?: () => string;
  /** The piece's files, escaped (not compiled: withCompiled). */
  make(): OutputFiles;
}

/**
 * The output but the package files, as pieces: the runtime, each version's own pieces
 * (versionPieces), the docs across versions. A caller that writes each piece before making the next never
 * holds the whole output. The same models give the same pieces.
 */
export function outputPieces(selected: readonly ServicesModel[], options: OutputOptions): OutputPiece[] {
  const pieces: OutputPiece[] = [{ make: () => escaped(emitRuntime()) }];
  for (const model of selected) pieces.push(...versionPieces(model, options));
  if (options.docs) for (const part of docsParts(selected, lazyDiffs(selected), { pages: false })) pieces.push({ key: part.key, make: () => escaped(part.make()) });
  return pieces;
}

/** The diffs of consecutive versions, each made only where its pages are, keyed by what it reads. */
function lazyDiffs(selected: readonly ServicesModel[]): LazyDiff[] {
  return consecutivePairs(selected).map(([older, newer]) => ({
    older: older.version,
    newer: newer.version,
    diff: () => diffModels(older, newer),
    key: () => textDigest(`${diffInputDigest(older)}\0${diffInputDigest(newer)}`),
  }));
}

/** One version's own pieces: its model file, its types module, its other version modules, and each agent's and entity's modules and page; they read that version's model alone. */
function versionPieces(model: ServicesModel, options: OutputOptions): OutputPiece[] {
  const types = typeLookup(model);
  let agentsDigest: string | undefined;
  let links: EntityLinks | undefined;
  const docLinks = (): EntityLinks => (links ??= pageLinks(model));
  // The model memo notes the digests of the parts it gives (util/json-digest.ts): not stringified again.
  const sliceKey = (kind: string, slice: object, withAgentLinks = false) => (): string => {
    // An entity's page links to its agents' operations: their pages and anchors join its slice.
    if (withAgentLinks) agentsDigest ??= textDigest(JSON.stringify([...docLinks().agents].map(([name, entry]) => [name, entry.file, [...entry.anchors]])));
    return textDigest(`${kind}\0${model.version}\0${jsonDigest(model.types)}\0${withAgentLinks ? agentsDigest : ""}\0${jsonDigest(slice)}`);
  };
  // The model file and the clients and index read the whole version: a digest of all of it, from
  // its parts' digests (an edit of one version keeps the other versions' files).
  let modelDigest: string | undefined;
  const wholeKey = (kind: string) => (): string => {
    modelDigest ??= textDigest(JSON.stringify({ ...model, agents: model.agents.map((agent) => jsonDigest(agent)), types: jsonDigest(model.types), entities: model.entities?.map((entity) => jsonDigest(entity)) }));
    return textDigest(`${kind}\0${modelDigest}`);
  };
  const pieces: OutputPiece[] = [
    { key: wholeKey("model file"), make: () => escaped(new Map([[`ir/${model.version}.json`, `${JSON.stringify(model, null, 2)}\n`]])) },
    // The types module (the largest of a version) reads the types alone: an edit that leaves them keeps it.
    { key: sliceKey("types", {}), make: () => escaped(emitTypesModule(model)) },
    { key: wholeKey("version modules"), make: () => escaped(emitVersionModules(model)) },
  ];
  for (const agent of model.agents) {
    pieces.push({
      key: sliceKey("agent", agent),
      make: () => {
        const files = emitAgent(model.version, agent, types);
        if (options.docs) files.set(...agentDoc(model.version, agentIndex(model.version, agent), docLinks()));
        return escaped(files);
      },
    });
  }
  for (const entity of model.entities ?? []) {
    pieces.push({
      key: sliceKey("entity", entity, options.docs),
      make: () => {
        const files = emitEntity(model.version, entity, types);
        if (options.docs) files.set(...entityDoc(model.version, entity, docLinks()));
        return escaped(files);
      },
    });
  }
  return pieces;
}

/** `package.json`, `tsconfig.json` and the package README, once every module's path is known. */
export function packagePiece(selected: readonly ServicesModel[], modules: Iterable<string>, options: OutputOptions): OutputFiles {
  return escaped(emitPackage(selected, modules, options.package));
}

/** Every piece made, then the package files. */
function* emitPieces(selected: readonly ServicesModel[], options: OutputOptions): Generator<OutputFiles> {
  const modules: string[] = [];
  for (const piece of outputPieces(selected, options)) {
    const files = piece.make();
    modules.push(...files.keys());
    yield files;
  }
  yield packagePiece(selected, modules, options);
}

/** Emits the selected versions (and agents) as one file map, by path; docs diff each version against the selected one before it. */
export function emitOutput(selected: readonly ServicesModel[], options: OutputOptions): OutputFiles {
  return byPath(collect(emitPieces(selected, options)));
}

/** What `generate` writes, as one file map (tests; the generator writes piece by piece). */
export async function emitCompiledOutput(selected: readonly ServicesModel[], options: OutputOptions, cache?: CompileCache): Promise<{ files: OutputFiles; diagnostics: Diagnostic[] }> {
  const pieces = await Promise.all([...emitPieces(selected, options)].map((files) => withCompiled(files, cache)));
  return { files: byPath(collect(pieces.map((piece) => piece.files))), diagnostics: pieces.flatMap((piece) => piece.diagnostics) };
}

/** An escaped piece and its modules compiled under dist/ (compile.ts). */
export async function withCompiled(files: OutputFiles, cache?: CompileCache): Promise<{ files: OutputFiles; diagnostics: Diagnostic[] }> {
  const compiled = await compileOutput(files, cache);
  // The compiler may write an escape back as its character (a test catches it). The sources are
  // escaped, so only a module whose source holds a backslash can compile to such a character:
  // a few runtime modules, not the 95 % whose scan would cost a tenth of a second a run.
  const mayUnescape = new Set([...files].filter(([, source]) => source.includes("\\")).flatMap(([file]) => [compiledPath(file, "js"), compiledPath(file, "d.ts")]));
  for (const [file, content] of compiled.files) if (mayUnescape.has(file)) compiled.files.set(file, escapeControlCharacters(content));
  return { files: new Map([...files, ...compiled.files]), diagnostics: compiled.diagnostics };
}

function collect(pieces: Iterable<OutputFiles>): OutputFiles {
  const files: OutputFiles = new Map();
  for (const piece of pieces) for (const [file, content] of piece) files.set(file, content);
  return files;
}

function byPath(files: OutputFiles): OutputFiles {
  return new Map([...files].sort(([a], [b]) => compareStrings(a, b)));
}

function escaped(files: OutputFiles): OutputFiles {
  for (const [file, content] of files) files.set(file, escapeControlCharacters(content));
  return files;
}

/** Every control and bidi-override character but tab and newline. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Such characters from the inputs (`&#27;` in a doc, a NUL in a name) never reach a generated file:
 * identifiers are sanitised before, and what is left sits in string literals (where a `\uXXXX`
 * escape means the same), comments and docs (where it reads as text).
 */
function escapeControlCharacters(content: string): string {
  // Most files hold none: testing first spares building a copy of each.
  CONTROL_CHARACTERS.lastIndex = 0;
  if (!CONTROL_CHARACTERS.test(content)) return content;
  return content.replace(CONTROL_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
