/**
 * Enum names from the OpenAPI files: a property, request parameter or result of an enum type
 * lists the names the REST API takes and sends, which may be more (or fewer) than the WSDL's.
 * They are recorded beside the WSDL's (`restValues`), so the types can hold both.
 */
import { valueByName } from "../util/records.js";
import { restKey, type DocumentSources } from "./sources.js";
import type { Agent, DocProvenance, EnumType, TypeDef } from "../ir/types.js";
import { elementRefOf } from "../ir/type-ref.js";

export function recordRestEnumValues(types: readonly TypeDef[], agents: readonly Agent[], sources: DocumentSources): TypeDef[] {
  const byName = new Map(types.map((type) => [type.name, type]));
  const found = new Map<string, { names: string[]; source: DocProvenance }>();
  const add = (ref: string, names: readonly string[] | undefined, path: string, line: number): void => {
    const type = byName.get(elementRefOf(ref));
    if (type?.kind !== "enum" || !names?.length) return;
    const known = found.get(type.name);
    if (!known) found.set(type.name, { names: [...names], source: { origin: "openapi", path, line } });
    else for (const name of names) if (!known.names.includes(name)) known.names.push(name);
  };
  for (const type of types) {
    if (type.kind !== "carrier") continue;
    for (const field of type.fields) {
      const listed = sources.fieldEnums.get(`${type.name}.${field.name}`);
      if (listed) add(field.type, listed.names, listed.path, 1);
    }
  }
  for (const agent of agents) {
    for (const operation of agent.operations) {
      const entry = sources.openApi.get(restKey(agent.name, operation.name));
      if (!entry) continue;
      const bodyEnums = Object.fromEntries(entry.operation.bodyProperties.map((property) => [property.name, property.enum ?? []]));
      for (const param of operation.params) add(param.type, valueByName(bodyEnums, param.name), entry.path, entry.operation.line);
      add(operation.returns, entry.operation.responseEnum, entry.path, entry.operation.line);
    }
  }
  return types.map((type) => {
    const listed = type.kind === "enum" ? found.get(type.name) : undefined;
    return listed ? ({ ...(type as EnumType), restValues: listed.names, restValuesSource: listed.source } satisfies EnumType) : type;
  });
}
