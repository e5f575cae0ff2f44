/**
 * `<out>/package.json`, `tsconfig.json` and `README.md`: the output is a package that installs as it
 * is (`npm install <folder>`, a tarball from `npm pack`, a git dependency): its `exports` point at
 * the compiled modules under dist/ (compile.ts), one entry per version, per agent, per agent and
 * transport (the tree-shakable functions) and the runtime.
 */
import type { ServicesModel } from "../../ir/types.js";

import { compiledPath } from "./compile.js";
import type { PackageIdentity } from "../../config.js";
import type { OutputFiles } from "../../output-files.js";
import { render } from "../render.js";
import { typeLookup } from "../ts/ts-types.js";
import { agentNames, agentProperty } from "../naming.js";
import { functionName } from "../ts/agents.js";
import { compareStrings } from "../../util/order.js";

/** The identity of a package nobody configured; the description names the versions. */
export function defaultIdentity(models: readonly ServicesModel[]): PackageIdentity {
  return {
    name: "superoffice-netserver-clients",
    version: "0.0.0",
    description: `Typed SOAP and REST clients for SuperOffice NetServer ${models.map((model) => model.version).join(", ")}.`,
    // Nobody may reuse it until its owner says otherwise (npm's spelling of "no licence granted").
    license: "UNLICENSED",
  };
}

/**
 * Modules that get a package entry of their own, by the path emit/ts gives them: those of a version
 * folder (`services88/…`, or whatever a version is named) and the runtime's. Importing an agent's
 * (or an entity's) entry loads and type-checks that agent (entity) only. A new kind of module per
 * entry adds its row here.
 */
const VERSION_ENTRIES: { pattern: RegExp; subpath: (match: RegExpExecArray) => string }[] = [
  { pattern: /^([^/]+)\/index\.ts$/, subpath: ([, version]) => version },
  { pattern: /^([^/]+)\/agents\/([^/.]+)\.ts$/, subpath: ([, version, module]) => `${version}/${module}` },
  // The agent's tree-shakable functions over one transport (`<agent>.rest.ts`, `<agent>.soap.ts`).
  { pattern: /^([^/]+)\/agents\/([^/.]+)\.(rest|soap)\.ts$/, subpath: ([, version, module, transport]) => `${version}/${module}/${transport}` },
  { pattern: /^([^/]+)\/entities\/([^/.]+)\.ts$/, subpath: ([, version, module]) => `${version}/entities/${module}` },
];
const RUNTIME_ENTRY = { module: "runtime/index.ts", subpath: "runtime" };

/** What the runtime needs (fetch, AbortController, TextEncoder): see runtime/README.md. */
const NODE_ENGINES = ">=20";

/**
 * @param modules the paths of every emitted module (the entries are chosen among them)
 */
export function emitPackage(models: readonly ServicesModel[], modules: Iterable<string>, identity: Partial<PackageIdentity> = {}): OutputFiles {
  const entries: [string, { types: string; default: string } | string][] = [["./package.json", "./package.json"]];
  const entry = (subpath: string, module: string): void => void entries.push([`./${subpath}`, { types: `./${compiledPath(module, "d.ts")}`, default: `./${compiledPath(module, "js")}` }]);
  const versionFolders = new Set(models.map((model) => model.version.toLowerCase()));
  for (const module of modules) {
    if (module === RUNTIME_ENTRY.module) entry(RUNTIME_ENTRY.subpath, module);
    for (const { pattern, subpath } of VERSION_ENTRIES) {
      const match = pattern.exec(module);
      if (match && versionFolders.has(match[1]!)) entry(subpath(match), module);
    }
  }
  const exportsMap = Object.fromEntries(entries.sort(([a], [b]) => compareStrings(a, b)));
  const pkg = {
    ...defaultIdentity(models),
    ...identity,
    type: "module",
    sideEffects: false,
    engines: { node: NODE_ENGINES },
    exports: exportsMap,
    files: ["dist"],
    // The runtime reads and writes XML itself (see runtime/README.md): no dependencies.
    dependencies: {},
  };
  // For type-checking the sources in place (`npx tsc -p .`); dist/ is written by the generator.
  const tsconfig = {
    compilerOptions: {
      strict: true,
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      lib: ["es2022", "dom"],
      skipLibCheck: true,
      noEmit: true,
    },
    include: ["runtime/**/*.ts", ...models.map((model) => `${model.version.toLowerCase()}/**/*.ts`)],
  };
  return new Map([
    ["package.json", `${JSON.stringify(pkg, null, 2)}\n`],
    ["tsconfig.json", `${JSON.stringify(tsconfig, null, 2)}\n`],
    ["README.md", render("package/README.md", readmeView(models, pkg.name))],
  ]);
}

function readmeView(models: readonly ServicesModel[], name: string): object {
  const latest = models[models.length - 1];
  const firstAgent = latest?.agents[0];
  const names = latest && firstAgent ? agentNames(firstAgent, typeLookup(latest)) : undefined;
  const firstOperation = firstAgent?.operations[0];
  const firstFunction = latest && firstAgent ? functionName(latest, firstAgent, "rest", 0) : "";
  return {
    name,
    versions: models.map((model) => ({
      version: model.version,
      dir: model.version.toLowerCase(),
      agents: model.agents.map((agent) => ({ name: agent.name, property: agentProperty(agent), operations: agent.operations.length })),
    })),
    example: latest && firstAgent && names && firstOperation
      ? {
          dir: latest.version.toLowerCase(),
          version: latest.version,
          property: names.property,
          agent: firstAgent.name,
          module: names.module,
          className: names.className,
          functionName: firstFunction,
          call: `${firstFunction}(rest${firstOperation.params.length ? ", { … }" : ""})`,
        }
      : null,
  };
}
