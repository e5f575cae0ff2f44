/**
 * The TypeScript shape of an operation, printed the same in the generated code
 * and in the docs: request members, the result type, the method signature.
 */
import type { Agent, Operation, Member } from "../../ir/types.js";
import { methodName, propertyKey, requestTypeName, resultTypeName, typeName } from "../naming.js";
import { tsValueType, type Direction, type TypeLookup } from "./ts-types.js";

/**
 * `PersonId: number`, a member of a request or result type. Every WCF parameter is minOccurs=0,
 * yet a call without one is nearly always a bug, so request members are required; response parts
 * are present on the wire whenever the server sets them. Nillable ones accept (or may be) null.
 */
export function memberSignature(member: Member, types: TypeLookup, direction: Direction): string {
  return `${propertyKey(member.name)}: ${tsValueType(member.type, member.nillable, types, direction)}`;
}

/** What the call resolves to: void, the Response value, or an object of every response part. */
export function returnType(agent: Agent, operation: Operation, types: TypeLookup): string {
  if (operation.results.length > 0) return resultTypeName(agent, operation, types);
  // Raw bytes over REST, base64 over SOAP: the same Uint8Array either way.
  if (operation.rest.binaryResponse) return operation.returnsNillable ? "Uint8Array | null" : "Uint8Array";
  return operation.returns === "void" ? "void" : tsValueType(operation.returns, operation.returnsNillable, types);
}

/**
 * `createExternalUser(request: UserCreateExternalUserRequest, options?: O): Promise<number>` as the
 * agent module declares it (the request type by name, `optionsType` the type of the options), or
 * `createExternalUser(request: { PersonId: number; … }): Promise<number>` with the request written
 * out and no options, as the docs print it ("inline").
 */
export function methodSignature(agent: Agent, operation: Operation, types: TypeLookup, request: { optionsType: string } | "inline"): string {
  const shape = request === "inline" ? `{ ${operation.params.map((param) => memberSignature(param, types, "sent")).join("; ")} }` : requestTypeName(agent, operation, types);
  const options = request === "inline" ? "" : `, options?: ${request.optionsType}`;
  return `${methodName(agent, operation)}(${requestParameter(operation, shape)}${options}): Promise<${returnType(agent, operation, types)}>`;
}

/**
 * A tree-shakable function of an operation (`<agent>.rest.ts`, `<agent>.soap.ts`):
 * `getUser(transport: RestTransport, request: UserGetUserRequest, options?: RestCallOptions): Promise<User>`.
 */
export function functionSignature(name: string, agent: Agent, operation: Operation, types: TypeLookup, transport: { className: string; callOptions: string }): string {
  const request = requestParameter(operation, requestTypeName(agent, operation, types));
  return `${name}(transport: ${transport.className}, ${request}, options?: ${transport.callOptions}): Promise<${returnType(agent, operation, types)}>`;
}

/** The request parameter: omittable when the operation takes none. */
function requestParameter(operation: Operation, shape: string): string {
  return operation.params.length ? `request: ${shape}` : "request?: Record<string, never>";
}

/**
 * The function names of an agent's operations in a module that imports `taken`: the method
 * names, stepping aside with a `_` suffix for reserved words (`delete` is a method, not a
 * function) and for the module's imports.
 */
export function functionNames(agent: Agent, taken: Iterable<string>): Map<string, string> {
  const used = new Set(taken);
  const names = new Map<string, string>();
  for (const operation of agent.operations) {
    let name = typeName(methodName(agent, operation));
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    names.set(operation.name, name);
  }
  return names;
}
