/**
 * View model of `<version>/agents/<agent>.ts`: request types, the agent
 * interface shared by SOAP and REST, and its transport-generic implementation.
 */
import type { Agent, Operation, ServicesModel } from "../../ir/types.js";
import { agentNames, type AgentNames, methodName, propertyAccess, requestTypeName, resultTypeName } from "../naming.js";
import { memberSignature, methodSignature, returnType } from "./signatures.js";
import { plural } from "../text.js";
import { tsdoc } from "./tsdoc.js";
import { docWithFormat, importedTypesOf, type TypeLookup } from "./ts-types.js";

export interface AgentView {
  names: AgentNames;
  typeImports: string;
  wireModule: string;
  interfaceDoc: string[];
  classDoc: string[];
  /** Request interfaces, and result interfaces of operations whose response has several parts. */
  shapes: { doc: string[]; name: string; fields: { doc: string[]; signature: string }[] }[];
  methods: MethodView[];
}

export interface MethodView {
  doc: string[];
  signature: string;
  call: string;
}

export function agentView(model: ServicesModel, agent: Agent, types: TypeLookup): AgentView {
  const names = agentNames(agent, types);
  const used = new Set<string>();
  const shapes: AgentView["shapes"] = [];
  const methods: MethodView[] = [];
  for (const operation of agent.operations) {
    const refs = [operation.returns, ...operation.params.map((param) => param.type), ...operation.results.map((part) => part.type)];
    for (const ref of refs) for (const name of importedTypesOf(ref, types)) used.add(name);
    const method = `{@link ${names.interfaceName}.${methodName(agent, operation)}}`;
    if (operation.params.length) {
      shapes.push({
        doc: tsdoc(`Request of ${method}.`),
        name: requestTypeName(agent, operation, types),
        fields: operation.params.map((param) => ({ doc: tsdoc(docWithFormat(param.doc, param.type)), signature: `${memberSignature(param, types, "sent")};` })),
      });
    }
    if (operation.results.length) {
      shapes.push({
        doc: tsdoc(`What ${method} resolves to: every part of its response.`),
        name: resultTypeName(agent, operation, types),
        fields: operation.results.map((part) => ({ doc: tsdoc(docWithFormat(part.doc, part.type)), signature: `${memberSignature(part, types, "received")};` })),
      });
    }
    methods.push(methodView(model, agent, operation, names, types));
  }
  return {
    names,
    typeImports: [...used].sort().join(", "),
    wireModule: `./${names.module}.wire.js`,
    interfaceDoc: tsdoc(agentDoc(model, agent), { remarks: `SOAP endpoint: \`${agent.endpoint}\`. REST: \`/api/v1/Agents/${agent.name}/…\`.` }),
    classDoc: tsdoc(`{@link ${names.interfaceName}} over any transport: pass the SOAP or REST transport of the runtime.`),
    shapes,
    methods,
  };
}

function methodView(model: ServicesModel, agent: Agent, operation: Operation, names: AgentNames, types: TypeLookup): MethodView {
  const returns = returnType(agent, operation, types);
  const query = operation.rest.query.map((item) => `${item.param} as \`${item.name}\``).join(", ");
  const renamed = (operation.rest.bodyRenames ?? []).map((item) => `${item.param} as \`${item.name}\``).join(", ");
  const rest = `REST: \`${operation.rest.method} ${operation.rest.path}\`${query ? ` (query: ${query})` : ""}${renamed ? ` (body: ${renamed})` : ""}`;
  return {
    doc: tsdoc(operation.doc || `Calls ${agent.name}.${operation.name} of ${model.version}.`, {
      params: [
        { name: "request", text: operation.params.length ? `The ${operation.params.map((param) => param.name).join(", ")} of the call.` : "Nothing: the operation takes no parameters." },
        { name: "options", text: "Abort signal, timeout and transport options." },
      ],
      // No filler ("The boolean the server returns."): the signature already says the type.
      returns: [operation.returnsDoc, operation.rest.binaryResponse ? "A Uint8Array over both transports: the raw body over REST, the base64Binary decoded over SOAP." : ""].filter(Boolean).join(" "),
      see: [rest, `SOAP action: \`${operation.soapAction}\``],
    }),
    signature: methodSignature(agent, operation, types, "named"),
    call: `return this.#transport.call(${names.schemaName}, ${names.operationsName}${propertyAccess(operation.name)}, request, options) as Promise<${returns}>;`,
  };
}

function agentDoc(model: ServicesModel, agent: Agent): string {
  return agent.doc || `The ${agent.name} agent of ${model.version}: ${plural(agent.operations.length, "operation")}.`;
}
