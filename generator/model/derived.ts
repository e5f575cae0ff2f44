/**
 * WCF known types: a carrier the WSDL derives from another (`SaleBoardViewSettings` from
 * `BoardViewSettingsBase`) may travel wherever its base is declared, named by `xsi:type`.
 * Each carrier that a field, parameter, result or header is declared as, and that has
 * carriers derived from it, records them (`derived`), and so do those of its descendants that
 * have descendants of their own. `Carrier`, the base of almost every carrier but declared
 * nowhere, records none.
 */
import type { Agent, CarrierType, TypeDef } from "../ir/types.js";
import { elementRefOf } from "../ir/type-ref.js";

export function recordDerivedCarriers(types: readonly TypeDef[], agents: readonly Agent[]): TypeDef[] {
  const direct = new Map<string, string[]>();
  for (const type of types) {
    if (type.kind === "carrier" && type.base) direct.set(type.base, [...(direct.get(type.base) ?? []), type.name]);
  }
  const polymorphic = new Set<string>();
  const mark = (name: string): void => {
    if (polymorphic.has(name) || !direct.has(name)) return;
    polymorphic.add(name);
    for (const sub of direct.get(name) ?? []) mark(sub);
  };
  for (const ref of declaredRefs(types, agents)) mark(elementRefOf(ref));
  return types.map((type) => (type.kind === "carrier" && polymorphic.has(type.name) ? withDerived(type, direct.get(type.name) ?? []) : type));
}

function withDerived(type: CarrierType, derived: string[]): CarrierType {
  return { ...type, derived: [...derived].sort() };
}

/** Every type reference a value is declared as: fields, array items, dictionary values, parameters, results, headers. */
function declaredRefs(types: readonly TypeDef[], agents: readonly Agent[]): string[] {
  const refs: string[] = [];
  for (const type of types) {
    if (type.kind === "carrier") refs.push(...type.fields.map((field) => field.type));
    else if (type.kind === "array") refs.push(type.itemType);
    else if (type.kind === "dictionary") refs.push(type.valueType);
  }
  for (const agent of agents) {
    refs.push(...agent.requestHeaders.map((header) => header.type), ...agent.responseHeaders.map((header) => header.type));
    for (const operation of agent.operations) refs.push(operation.returns, ...operation.params.map((param) => param.type), ...operation.results.map((part) => part.type));
  }
  return refs;
}
