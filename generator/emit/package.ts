/** `<out>/package.json`, `tsconfig.json` and `README.md`: the output is a ready-to-publish package. */
import type { ServicesModel } from "../model/types.js";
import { agentProperty } from "./agents.js";
import type { OutputFiles } from "./index.js";
import { render } from "./render.js";

export function emitPackage(models: readonly ServicesModel[]): OutputFiles {
  // `npm run build` compiles the sources into dist/; the exports point at what it builds.
  const entry = (dir: string) => ({ types: `./dist/${dir}/index.d.ts`, default: `./dist/${dir}/index.js` });
  const exportsMap: Record<string, { types: string; default: string }> = {};
  for (const model of models) exportsMap[`./${model.version.toLowerCase()}`] = entry(model.version.toLowerCase());
  exportsMap["./runtime"] = entry("runtime");
  const pkg = {
    name: "superoffice-netserver-clients",
    version: "0.0.0",
    description: `Typed SOAP and REST clients for SuperOffice NetServer ${models.map((model) => model.version).join(", ")}.`,
    type: "module",
    sideEffects: false,
    exports: exportsMap,
    files: ["dist"],
    scripts: { build: "tsc -p .", prepublishOnly: "tsc -p ." },
    devDependencies: { typescript: "^5.0.0" },
    // The runtime reads and writes XML itself (see runtime/README.md): no dependencies.
    dependencies: {},
  };
  const tsconfig = {
    compilerOptions: {
      strict: true,
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      lib: ["es2022", "dom"],
      declaration: true,
      skipLibCheck: true,
      outDir: "dist",
      rootDir: ".",
    },
    include: ["runtime/**/*.ts", ...models.map((model) => `${model.version.toLowerCase()}/**/*.ts`)],
  };
  return new Map([
    ["package.json", `${JSON.stringify(pkg, null, 2)}\n`],
    ["tsconfig.json", `${JSON.stringify(tsconfig, null, 2)}\n`],
    ["README.md", render("package/README.md", readmeView(models))],
  ]);
}

function readmeView(models: readonly ServicesModel[]): object {
  const latest = models[models.length - 1];
  const firstAgent = latest?.agents[0];
  const firstOperation = firstAgent?.operations[0];
  return {
    versions: models.map((model) => ({
      version: model.version,
      dir: model.version.toLowerCase(),
      agents: model.agents.map((agent) => ({ name: agent.name, property: agentProperty(agent), operations: agent.operations.length })),
    })),
    example: latest && firstAgent && firstOperation
      ? { dir: latest.version.toLowerCase(), version: latest.version, property: agentProperty(firstAgent), agent: firstAgent.name }
      : null,
  };
}
