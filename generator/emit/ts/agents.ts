/**
 * View model of `<version>/agents/<agent>.ts`: request types, the agent
 * interface shared by SOAP and REST, and its transport-generic implementation.
 */
import type { Agent, Operation, ServicesModel } from "../../ir/types.js";
import { agentNames, type AgentNames, methodName, requestTypeName, resultTypeName, unusedName } from "../naming.js";
import { functionNames, functionSignature, memberSignature, methodSignature, returnType } from "./signatures.js";
import { plural } from "../text.js";
import { tsdoc } from "./tsdoc.js";
import { docWithFormat, importedTypesOf, typeLookup, type TypeLookup } from "./ts-types.js";
import { operationConstants, SOAP_AGENT, REST_AGENT } from "./wire.js";


export interface AgentView {
  names: AgentNames;
  typeImports: string;
  wireModule: string;
  /** The namespace the wire module is imported as (`wire`, unless a name of the module takes it). */
  wire: string;
  /** The interface's and class's type parameter of the call options (`O`, unless a type of the module takes it). */
  optionsType: string;
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

/** What templates/ts/agent.hbs imports from the runtime. */
const AGENT_MODULE_IMPORTS = ["CallOptions", "Transport"];

export function agentView(version: string, agent: Agent, types: TypeLookup): AgentView {
  const names = agentNames(agent, types);
  const used = new Set<string>();
  const shapes: AgentView["shapes"] = [];
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
  }
  const declared = [...used, names.interfaceName, names.className, ...shapes.map((shape) => shape.name)];
  const wire = unusedName("wire", declared);
  // A carrier named `O` would otherwise be read as the type parameter wherever the methods name it.
  const optionsType = unusedName("O", [...declared, wire, ...AGENT_MODULE_IMPORTS]);
  return {
    names,
    typeImports: [...used].sort().join(", "),
    wireModule: `./${names.module}.wire.js`,
    wire,
    optionsType,
    interfaceDoc: tsdoc(agentDoc(version, agent), { remarks: `SOAP endpoint: \`${agent.endpoint}\`. REST: \`/api/v1/Agents/${agent.name}/…\`.` }),
    classDoc: tsdoc(`{@link ${names.interfaceName}} over any transport: pass the SOAP or REST transport of the runtime.`),
    shapes,
    // The class serves either transport, so each call hands over both halves of the operation.
    methods: agent.operations.map((operation) => {
      const both = operationConstants(agent, operation);
      return {
        doc: methodDoc(version, agent, operation),
        signature: methodSignature(agent, operation, types, { optionsType }),
        call: `return this.#transport.call(${wire}.${SOAP_AGENT}, { ...${wire}.${both.rest}, ...${wire}.${both.soap} }, request, options) as Promise<${returnType(agent, operation, types)}>;`,
      };
    }),
  };
}

/** The TSDoc of an operation's method. */
function methodDoc(version: string, agent: Agent, operation: Operation): string[] {
  const query = operation.rest.query.map((item) => `${item.param} as \`${item.name}\``).join(", ");
  const renamed = (operation.rest.bodyRenames ?? []).map((item) => `${item.param} as \`${item.name}\``).join(", ");
  const rest = `REST: \`${operation.rest.method} ${operation.rest.path}\`${query ? ` (query: ${query})` : ""}${renamed ? ` (body: ${renamed})` : ""}`;
  return tsdoc(operation.doc || `Calls ${agent.name}.${operation.name} of ${version}.`, {
    params: [
      { name: "request", text: operation.params.length ? `The ${operation.params.map((param) => param.name).join(", ")} of the call.` : "Nothing: the operation takes no parameters." },
      { name: "options", text: "Abort signal, timeout and transport options." },
    ],
    // No filler ("The boolean the server returns."): the signature already says the type.
    returns: [operation.returnsDoc, operation.rest.binaryResponse ? "A Uint8Array over both transports: the raw body over REST, the base64Binary decoded over SOAP." : ""].filter(Boolean).join(" "),
    see: [rest, `SOAP action: \`${operation.soapAction}\``],
  });
}

/** The transports a tree-shakable function module is written for. */
const FUNCTION_TRANSPORTS = {
  rest: { className: "RestTransport", callOptions: "RestCallOptions", agent: REST_AGENT, title: "REST" },
  soap: { className: "SoapTransport", callOptions: "SoapCallOptions", agent: SOAP_AGENT, title: "SOAP" },
} as const;

export type FunctionTransport = keyof typeof FUNCTION_TRANSPORTS;

export interface FunctionsView {
  doc: string[];
  transportClass: string;
  callOptions: string;
  typeImports: string;
  /** Request and result interfaces, from the agent's module. */
  shapeImports: string;
  agentModule: string;
  wireModule: string;
  wire: string;
  functions: MethodView[];
}

/**
 * View model of `<version>/agents/<agent>.rest.ts` and `.soap.ts`: one function per operation
 * that takes the transport (`getUser(transport, { UserId: 1 })`) and hands it that transport's
 * descriptors only. An app imports the functions it calls; a bundler drops the others, their
 * descriptors, and on REST everything of SOAP (and the other way round).
 */
export function functionsView(version: string, agent: Agent, types: TypeLookup, kind: FunctionTransport): FunctionsView {
  const transport = FUNCTION_TRANSPORTS[kind];
  const names = agentNames(agent, types);
  const { names: functionName, wire, typeImports, shapeImports } = functionNamesOf(agent, types, kind);
  return {
    doc: tsdoc(
      `The ${agent.name} agent of ${version} over ${transport.title}: one function per operation, called with a \`${transport.className}\` of the runtime and the request, doing what the method of the same name of {@link ${names.interfaceName}} does.\n\nImport only the functions you call: a bundler leaves out the others, their descriptors and everything of the other transport.`,
    ),
    transportClass: transport.className,
    callOptions: transport.callOptions,
    typeImports: [...typeImports].sort().join(", "),
    shapeImports: [...shapeImports].sort().join(", "),
    agentModule: `./${names.module}.js`,
    wireModule: `./${names.module}.wire.js`,
    wire,
    functions: agent.operations.map((operation) => ({
      // A link, not a copy of the method's TSDoc: the editor shows it, and the module stays small to type-check.
      doc: [`/** {@link ${names.interfaceName}.${methodName(agent, operation)}} over ${transport.title}, through \`transport\`. */`],
      signature: functionSignature(functionName.get(operation.name) as string, agent, operation, types, transport),
      call: `return transport.call(${wire}.${transport.agent}, ${wire}.${operationConstants(agent, operation)[kind]}, request, options) as Promise<${returnType(agent, operation, types)}>;`,
    })),
  };
}

/** What a function module imports, and so the names its functions and the wire namespace step aside for. */
function functionNamesOf(agent: Agent, types: TypeLookup, kind: FunctionTransport): { names: Map<string, string>; wire: string; typeImports: Set<string>; shapeImports: Set<string> } {
  const transport = FUNCTION_TRANSPORTS[kind];
  const typeImports = new Set<string>();
  // The interface too: the functions' TSDoc links to its methods.
  const shapeImports = new Set<string>([agentNames(agent, types).interfaceName]);
  for (const operation of agent.operations) {
    if (operation.params.length) shapeImports.add(requestTypeName(agent, operation, types));
    if (operation.results.length) shapeImports.add(resultTypeName(agent, operation, types));
    else if (!operation.rest.binaryResponse) for (const name of importedTypesOf(operation.returns, types)) typeImports.add(name);
  }
  const imported = [transport.className, transport.callOptions, ...typeImports, ...shapeImports];
  const wire = unusedName("wire", imported);
  return { names: functionNames(agent, [...imported, wire]), wire, typeImports, shapeImports };
}

/** The name of an operation's function (the `index`th of the agent) in the agent's module for that transport. */
export function functionName(model: ServicesModel, agent: Agent, kind: FunctionTransport, index: number): string {
  const operation = agent.operations[index];
  if (!operation) return "";
  return functionNamesOf(agent, typeLookup(model), kind).names.get(operation.name) as string;
}

function agentDoc(version: string, agent: Agent): string {
  return agent.doc || `The ${agent.name} agent of ${version}: ${plural(agent.operations.length, "operation")}.`;
}
