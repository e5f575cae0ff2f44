/**
 * Names from the inputs that would meet in the output: two schema types, agents, entities or
 * operations whose TypeScript names come out the same (`A-B` and `A_B`, `Promise` and `Promise_`),
 * members declared twice, a field that an extending carrier redeclares with another type, and two
 * output files whose paths differ only in case (one file on a case-insensitive file system). Each
 * is an error naming both (and the other's input file), so exit 0 keeps meaning "the output compiles".
 */
import type { Diagnostic } from "../diagnostics.js";
import type { ServicesModel, TypeDef } from "../ir/types.js";
import { quotedFile } from "../model/shown-paths.js";

import { agentNames, entitiesProperty, entityNames, requestTypeName, resultTypeName, typeName } from "./naming.js";

import { entityMethods } from "./ts/entities.js";
import { tsValueType, typeLookup } from "./ts/ts-types.js";

/** What a generated name declares: a type, a value, or both (a class). */
type Space = "type" | "value" | "both";

interface Declared {
  what: string;
  space: Space;
  where: string;
}

/** @param files every output path, in path order */
export function nameCollisions(models: readonly ServicesModel[], files: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const folders = new Map<string, ServicesModel>();
  for (const model of models) {
    const folder = model.version.toLowerCase();
    const known = folders.get(folder);
    if (known) diagnostics.push({ path: model.agents[0]?.sources[0] ?? model.version, line: 0, severity: "error", code: "emit.name-collision", message: `The versions ${known.version} and ${model.version} would both be written to the folder ${folder}; rename one of them.` });
    folders.set(folder, model);
    diagnostics.push(...versionCollisions(model));
  }
  diagnostics.push(...pathCollisions(files, models));
  return diagnostics;
}

function versionCollisions(model: ServicesModel): Diagnostic[] {
  const types = typeLookup(model);
  const diagnostics: Diagnostic[] = [];
  const fail = (where: string, message: string): void => {
    diagnostics.push({ path: where, line: 0, severity: "error", code: "emit.name-collision", message });
  };
  const typeSource = (type: TypeDef): string => model.agents.find((agent) => agent.name === type.definedBy[0])?.sources[0] ?? model.version;
  // Everything `<version>/index.ts` exports, by name.
  const exported = new Map<string, Declared[]>();
  const declare = (name: string, declared: Declared): void => {
    const known = exported.get(name) ?? [];
    const clash = known.find((other) => other.space === "both" || declared.space === "both" || other.space === declared.space);
    if (clash) fail(declared.where, `In ${model.version}, ${declared.what} and ${clash.what}${alsoIn(clash.where, declared.where)} would both be named ${name} in the generated code; rename one of them.`);
    known.push(declared);
    exported.set(name, known);
  };
  for (const type of model.types) {
    if (type.kind === "array") continue;
    const where = typeSource(type);
    const name = typeName(type.name);
    declare(name, { what: `the ${type.kind} ${JSON.stringify(type.name)}`, space: "type", where });
    if (type.kind === "enum") declare(`${name}Values`, { what: `the values of the enum ${JSON.stringify(type.name)}`, space: "value", where });
    if (type.kind === "carrier") diagnostics.push(...memberCollisions(model, type, where));
  }
  const agents: Placed[] = [];
  for (const agent of model.agents) {
    const where = agent.sources[0] ?? model.version;
    const names = agentNames(agent, types);
    agents.push({ name: agent.name, where, ...names });
    declare(names.interfaceName, { what: `the interface of the agent ${JSON.stringify(agent.name)}`, space: "type", where });
    declare(names.className, { what: `the client class of the agent ${JSON.stringify(agent.name)}`, space: "both", where });
    for (const operation of agent.operations) {
      const what = `the ${JSON.stringify(operation.name)} operation of ${JSON.stringify(agent.name)}`;
      if (operation.params.length) declare(requestTypeName(agent, operation, types), { what: `the request of ${what}`, space: "type", where });
      if (operation.results.length) declare(resultTypeName(agent, operation, types), { what: `the result of ${what}`, space: "type", where });
      const params = new Set<string>();
      for (const param of operation.params) {
        if (params.has(param.name)) fail(where, `The operation ${agent.name}.${operation.name} of ${model.version} has two parameters named ${JSON.stringify(param.name)}.`);
        params.add(param.name);
      }
    }
  }
  diagnostics.push(...placeCollisions(model.version, AGENT_PLACE, agents));
  // index.ts exports the entity modules beside the agents': their names meet the agents' and the types'.
  const entities: Placed[] = [];
  for (const entity of model.entities ?? []) {
    const where = entity.sources[0] ?? model.version;
    const names = entityNames(entity, types);
    entities.push({ name: entity.name, where, ...names });
    const what = `the entity ${JSON.stringify(entity.name)}`;
    declare(names.className, { what: `the client class of ${what}`, space: "both", where });
    declare(names.schemaName, { what: `the schema of ${what}`, space: "value", where });
    for (const method of entityMethods(entity, types)) {
      // entity.hbs declares a request type only for an endpoint that takes something.
      if (method.fields.length) declare(method.requestName, { what: `the request of the ${JSON.stringify(method.endpoint.name)} endpoint of ${what}`, space: "type", where });
    }
  }
  diagnostics.push(...placeCollisions(model.version, entityPlace(model), entities));
  return diagnostics;
}

/** An agent or an entity, as far as its property on the clients and its module file go. */
interface Placed {
  name: string;
  where: string;
  property: string;
  module: string;
}

/** Where agents and entities are placed: agents on both clients (`soap.user`), entities behind `rest.entities` (`entitiesProperty`). */
interface Place {
  plural: string;
  property: (name: string) => string;
  folder: string;
}

const AGENT_PLACE: Place = { plural: "agents", property: (name) => `the client property ${name}`, folder: "agents" };

function entityPlace(model: ServicesModel): Place {
  const entities = entitiesProperty(model.agents.map((agent) => agent.name));
  return { plural: "entities", property: (name) => `the REST client property ${entities}.${name}`, folder: "entities" };
}

/** Two agents (or two entities) on one client property, or in one module file: one would overwrite the other. */
function placeCollisions(version: string, place: Place, items: readonly Placed[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const properties = new Map<string, Placed>();
  const modules = new Map<string, Placed>();
  for (const item of items) {
    const fail = (other: Placed, both: string): void => {
      const message = `In ${version}, the ${place.plural} ${JSON.stringify(other.name)}${alsoIn(other.where, item.where)} and ${JSON.stringify(item.name)} would both be ${both}; rename one of them.`;
      diagnostics.push({ path: item.where, line: 0, severity: "error", code: "emit.name-collision", message });
    };
    const property = properties.get(item.property);
    if (property) fail(property, place.property(item.property));
    properties.set(item.property, item);
    const module = modules.get(item.module.toLowerCase());
    if (module && module !== property) fail(module, `written to ${place.folder}/${item.module}.ts (file names are compared without case)`);
    modules.set(item.module.toLowerCase(), item);
  }
  return diagnostics;
}

/** ` (in a.wsdl)`: where the other side of a collision comes from, when the diagnostic's path does not say it. */
function alsoIn(other: string, path: string): string {
  return other === path ? "" : ` (in ${quotedFile(other)})`;
}

/** Fields declared twice in a carrier, or redeclared with another type than a base declares. */
function memberCollisions(model: ServicesModel, carrier: Extract<TypeDef, { kind: "carrier" }>, where: string): Diagnostic[] {
  const types = typeLookup(model);
  const diagnostics: Diagnostic[] = [];
  const own = new Set<string>();
  const inherited = new Map<string, { owner: string; type: string }>();
  const seen = new Set<string>([carrier.name]);
  for (let base = carrier.base === null ? undefined : types.get(carrier.base); base?.kind === "carrier" && !seen.has(base.name); base = base.base === null ? undefined : types.get(base.base)) {
    seen.add(base.name);
    for (const field of base.fields) if (!inherited.has(field.name)) inherited.set(field.name, { owner: base.name, type: tsValueType(field.type, field.nillable, types) });
  }
  for (const field of carrier.fields) {
    const fail = (message: string): void => {
      diagnostics.push({ path: where, line: 0, severity: "error", code: "emit.name-collision", message });
    };
    if (own.has(field.name)) fail(`The carrier ${carrier.name} of ${model.version} has two fields named ${JSON.stringify(field.name)}.`);
    own.add(field.name);
    const base = inherited.get(field.name);
    const type = tsValueType(field.type, field.nillable, types);
    if (base && base.type !== type) fail(`The carrier ${carrier.name} of ${model.version} redeclares the field ${JSON.stringify(field.name)} of its base ${base.owner} as ${type} instead of ${base.type}.`);
  }
  return diagnostics;
}

/** Output paths equal but for case, or a file where another path needs a folder. */
function pathCollisions(files: readonly string[], models: readonly ServicesModel[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const where = models.flatMap((model) => model.agents.flatMap((agent) => agent.sources)).sort()[0] ?? "--out";
  const byFolded = new Map<string, string>();
  for (const file of files) {
    const folded = file.toLowerCase();
    const known = byFolded.get(folded);
    if (known !== undefined) diagnostics.push({ path: where, line: 0, severity: "error", code: "emit.path-collision", message: `The output files ${known} and ${file} differ only in case: on a case-insensitive file system they are one file. Rename the versions or agents they come from.` });
    else byFolded.set(folded, file);
  }
  for (const [folded, file] of byFolded) {
    for (let at = folded.indexOf("/"); at >= 0; at = folded.indexOf("/", at + 1)) {
      const folder = byFolded.get(folded.slice(0, at));
      if (folder !== undefined) diagnostics.push({ path: where, line: 0, severity: "error", code: "emit.path-collision", message: `The output file ${folder} is also the folder of ${file}. Rename the version or agent it comes from.` });
    }
  }
  return diagnostics;
}
