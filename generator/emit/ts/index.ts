/**
 * The TypeScript output: one version's modules (types, wire descriptors and client per agent,
 * entities, the SOAP and REST clients, the index) and the runtime they import.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ServicesModel } from "../../ir/types.js";
import type { OutputFiles } from "../../output-files.js";
import { agentView, functionsView } from "./agents.js";
import { typesView } from "./carriers.js";
import { clientView, indexView } from "./clients.js";
import { entitiesView, entityView } from "./entities.js";
import { templatesDir } from "../../paths.js";
import { render } from "../render.js";
import { wireView } from "./wire.js";
import { typeLookup } from "./ts-types.js";
import { agentNames, entityNames } from "../naming.js";

export function emitVersion(model: ServicesModel): OutputFiles {
  const types = typeLookup(model);
  const dir = model.version.toLowerCase();
  const files: OutputFiles = new Map();
  files.set(`${dir}/types.ts`, render("ts/types", typesView(model, types)));
  for (const agent of model.agents) {
    const names = agentNames(agent, types);
    files.set(`${dir}/agents/${names.module}.wire.ts`, render("ts/wire", wireView(agent, types)));
    files.set(`${dir}/agents/${names.module}.ts`, render("ts/agent", agentView(model, agent, types)));
    for (const kind of ["rest", "soap"] as const) files.set(`${dir}/agents/${names.module}.${kind}.ts`, render("ts/functions", functionsView(model, agent, types, kind)));
  }
  for (const entity of model.entities ?? []) files.set(`${dir}/entities/${entityNames(entity, types).module}.ts`, render("ts/entity", entityView(model, entity, types)));
  if (model.entities?.length) files.set(`${dir}/entities.ts`, render("ts/entities", entitiesView(model)));
  files.set(`${dir}/soap-client.ts`, render("ts/client", clientView(model, "soap")));
  files.set(`${dir}/rest-client.ts`, render("ts/client", clientView(model, "rest")));
  files.set(`${dir}/index.ts`, render("ts/index", indexView(model)));
  return files;
}

/** The hand-written runtime, copied verbatim into `<out>/runtime/`. */
export function emitRuntime(): OutputFiles {
  const dir = path.join(templatesDir, "runtime");
  const files: OutputFiles = new Map();
  for (const name of readdirSync(dir).sort()) if (name.endsWith(".ts")) files.set(`runtime/${name}`, readFileSync(path.join(dir, name), "utf8"));
  return files;
}
