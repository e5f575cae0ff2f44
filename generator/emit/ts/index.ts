/**
 * The TypeScript output: one version's modules (types, wire descriptors and client per agent,
 * entities, the SOAP and REST clients, the index) and the runtime they import.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Agent, Entity, ServicesModel } from "../../ir/types.js";
import type { OutputFiles } from "../../output-files.js";
import { agentView, functionsView } from "./agents.js";
import { typesView } from "./carriers.js";
import { clientView, indexView } from "./clients.js";
import { entitiesView, entityView } from "./entities.js";
import { templatesDir } from "../../paths.js";
import { render } from "../render.js";
import { wireView } from "./wire.js";
import { typeLookup, type TypeLookup } from "./ts-types.js";
import { agentNames, entityNames } from "../naming.js";

/** The modules of the version as a whole but its types (emitTypesModule): the entity index, the SOAP and REST clients, the index. */
export function emitVersionModules(model: ServicesModel): OutputFiles {
  const dir = model.version.toLowerCase();
  const files: OutputFiles = new Map();
  if (model.entities?.length) files.set(`${dir}/entities.ts`, render("ts/entities", entitiesView(model)));
  files.set(`${dir}/soap-client.ts`, render("ts/client", clientView(model, "soap")));
  files.set(`${dir}/rest-client.ts`, render("ts/client", clientView(model, "rest")));
  files.set(`${dir}/index.ts`, render("ts/index", indexView(model)));
  return files;
}

/** The version's types module: it reads the version's name and types, nothing else (emit/index.ts keys it so). */
export function emitTypesModule(model: ServicesModel): OutputFiles {
  return new Map([[`${model.version.toLowerCase()}/types.ts`, render("ts/types", typesView(model, typeLookup(model)))]]);
}

/**
 * An agent's modules: wire descriptors, client, and functions per transport. They read the
 * version's name, the agent and the version's types, nothing else (emit/index.ts keys them so).
 */
export function emitAgent(version: string, agent: Agent, types: TypeLookup): OutputFiles {
  const module = `${version.toLowerCase()}/agents/${agentNames(agent, types).module}`;
  const files: OutputFiles = new Map();
  files.set(`${module}.wire.ts`, render("ts/wire", wireView(agent, types)));
  files.set(`${module}.ts`, render("ts/agent", agentView(version, agent, types)));
  for (const kind of ["rest", "soap"] as const) files.set(`${module}.${kind}.ts`, render("ts/functions", functionsView(version, agent, types, kind)));
  return files;
}

/** An entity's module; like an agent's, it reads the version's name, the entity and the version's types only. */
export function emitEntity(version: string, entity: Entity, types: TypeLookup): OutputFiles {
  return new Map([[`${version.toLowerCase()}/entities/${entityNames(entity, types).module}.ts`, render("ts/entity", entityView(version, entity, types))]]);
}

/** The hand-written runtime, copied verbatim into `<out>/runtime/`. */
export function emitRuntime(): OutputFiles {
  const dir = path.join(templatesDir, "runtime");
  const files: OutputFiles = new Map();
  for (const name of readdirSync(dir).sort()) if (name.endsWith(".ts")) files.set(`runtime/${name}`, readFileSync(path.join(dir, name), "utf8"));
  return files;
}
