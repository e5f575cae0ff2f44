/**
 * WSDL 1.1 → operations: portType operations, their messages' wrapper elements,
 * and the SOAP binding's soapAction and headers.
 */
import type { QualifiedName, WsdlHeader, WsdlOperation } from "../types.js";
import { isSafeName, quoted } from "../names.js";
import { ADDRESSING_NS, isSoapNamespace, WSDL_NS } from "./namespaces.js";
import { qualifiedKey, type SchemaNode } from "./schema-index.js";
import { elementType, readElement, wrapperSequence, type SchemaContext } from "./schema.js";
import { childrenNamed, firstChildNamed, namespacedAttr, resolveQName, type XmlElement } from "./xml.js";

/** wsdl:message elements by qualifiedKey. */
type Messages = Map<string, XmlElement>;

interface ResolvedElement {
  name: QualifiedName;
  element: SchemaNode;
}

/** Operations of `portType` in portType order; unresolvable ones and repeated names are reported and left out. */
export function readOperations(
  ctx: SchemaContext,
  definitions: XmlElement,
  targetNamespace: string,
  portType: XmlElement,
  binding: XmlElement | undefined,
): WsdlOperation[] {
  const messages: Messages = new Map();
  for (const message of childrenNamed(definitions, WSDL_NS, "message")) {
    messages.set(qualifiedKey(targetNamespace, message.attrs.name ?? ""), message);
  }
  const bindingOperations = new Map<string, XmlElement>();
  for (const op of binding ? childrenNamed(binding, WSDL_NS, "operation") : []) bindingOperations.set(op.attrs.name ?? "", op);

  const operations: WsdlOperation[] = [];
  const lineOf = new Map<string, number>();
  for (const op of childrenNamed(portType, WSDL_NS, "operation")) {
    const operation = readOperation(ctx, messages, op, bindingOperations.get(op.attrs.name ?? ""));
    if (!operation) continue;
    // One name, one operation: a second would meet the first in every generated name and on the wire.
    const first = lineOf.get(operation.name);
    if (first !== undefined) {
      ctx.sink.warning(operation.line, "wsdl.duplicate-operation", `Operation ${operation.name} is declared again (first at line ${first}); the first declaration is used.`);
      continue;
    }
    lineOf.set(operation.name, operation.line);
    operations.push(operation);
  }
  return operations;
}

function readOperation(ctx: SchemaContext, messages: Messages, op: XmlElement, bindingOp: XmlElement | undefined): WsdlOperation | null {
  const name = op.attrs.name ?? "";
  const line = ctx.lines.lineAt(op.offset);
  if (!isSafeName(name)) return skipOperation(ctx, quoted(name), line, "its name is not a plain operation name (letters, digits, _ . - only), and it would become part of the REST URL and of identifiers");
  const input = firstChildNamed(op, WSDL_NS, "input");
  const request = bodyElement(ctx, messages, input, "input");
  const response = bodyElement(ctx, messages, firstChildNamed(op, WSDL_NS, "output"), "output");
  if (typeof request === "string") return skipOperation(ctx, name, line, request);
  if (typeof response === "string") return skipOperation(ctx, name, line, response);
  const params = wrapperSequence(ctx, request.element);
  if (!params) return skipOperation(ctx, name, line, `wrapper element ${request.name.name} has no complex type`);
  const results = wrapperSequence(ctx, response.element);
  if (!results) return skipOperation(ctx, name, line, `wrapper element ${response.name.name} has no complex type`);
  if (!bindingOp) ctx.sink.warning(line, "wsdl.unbound-operation", `Operation ${name} has no SOAP binding; it has no headers and its soapAction comes from the portType.`);

  return {
    name,
    soapAction: checkedSoapAction(ctx, line, name, soapAction(input, bindingOp)),
    requestElement: request.name,
    responseElement: response.name,
    params: params.map((el) => readElement(ctx, el, request.name.name, request.element.targetNamespace)),
    ...readResults(ctx, results, response.name.name, response.element.targetNamespace),
    requestHeaders: headers(ctx, messages, bindingOp && firstChildNamed(bindingOp, WSDL_NS, "input")),
    responseHeaders: headers(ctx, messages, bindingOp && firstChildNamed(bindingOp, WSDL_NS, "output")),
    line,
  };
}

/** All response parts, and the one that is the call's value: "Response" by name, else the first. */
function readResults(ctx: SchemaContext, results: XmlElement[], wrapper: string, namespace: string): Pick<WsdlOperation, "response" | "results"> {
  const read = results.map((el) => readElement(ctx, el, wrapper, namespace));
  return { response: read.find((el) => el.name === "Response") ?? read[0] ?? null, results: read };
}

function skipOperation(ctx: SchemaContext, name: string, line: number, problem: string): null {
  ctx.sink.error(line, "wsdl.unresolved-operation", `Operation ${name} is skipped: ${problem}.`);
  return null;
}

/** The global element of the message's "parameters" part (or its only part); a problem sentence otherwise. */
function bodyElement(ctx: SchemaContext, messages: Messages, io: XmlElement | undefined, direction: string): ResolvedElement | string {
  if (!io?.attrs.message) return `it has no ${direction} message`;
  const message = lookupMessage(messages, io, io.attrs.message);
  if (!message) return `${direction} message ${io.attrs.message} is not defined`;
  const parts = childrenNamed(message, WSDL_NS, "part");
  const part = parts.find((p) => p.attrs.name === "parameters") ?? (parts.length === 1 ? parts[0] : undefined);
  if (!part?.attrs.element) return `message ${io.attrs.message} has no parameters part with an element`;
  return globalElement(ctx, part, part.attrs.element) ?? `element ${part.attrs.element} of message ${io.attrs.message} is not defined`;
}

/**
 * The soapAction travels as an HTTP header: one with control characters, quotes or non-ASCII
 * (a header injection, or a request the server cannot dispatch) is reported and not sent.
 */
function checkedSoapAction(ctx: SchemaContext, line: number, operation: string, action: string): string {
  if (/^[\x20-\x7e]*$/.test(action) && !action.includes('"')) return action;
  ctx.sink.warning(line, "wsdl.soap-action", `The soapAction ${quoted(action)} of ${operation} is not plain printable ASCII; it is not sent (an empty SOAPAction header goes instead).`);
  return "";
}

function soapAction(input: XmlElement | undefined, bindingOp: XmlElement | undefined): string {
  const soapOperation = bindingOp?.children.find((c) => c.local === "operation" && isSoapNamespace(c.namespace));
  const fromBinding = soapOperation?.attrs.soapAction;
  if (fromBinding) return fromBinding;
  return (input && namespacedAttr(input, ADDRESSING_NS, "Action")) ?? "";
}

/** soap:header entries of a binding input/output, resolved through message part → global element. */
function headers(ctx: SchemaContext, messages: Messages, io: XmlElement | undefined): WsdlHeader[] {
  const result: WsdlHeader[] = [];
  for (const header of io?.children ?? []) {
    if (header.local !== "header" || !isSoapNamespace(header.namespace)) continue;
    const message = header.attrs.message ? lookupMessage(messages, header, header.attrs.message) : undefined;
    const part = message && childrenNamed(message, WSDL_NS, "part").find((p) => p.attrs.name === header.attrs.part);
    const target = part?.attrs.element ? globalElement(ctx, part, part.attrs.element) : undefined;
    if (!part || !target) {
      ctx.sink.warning(ctx.lines.lineAt(header.offset), "wsdl.unresolved-header", `Header part ${header.attrs.part} of message ${header.attrs.message} cannot be resolved; it is skipped.`);
      continue;
    }
    const type = elementType(ctx, target.element.node, target.name.name, target.element.targetNamespace);
    result.push({ name: part.attrs.name ?? "", element: target.name, type });
  }
  return result;
}

function lookupMessage(messages: Messages, owner: XmlElement, qname: string): XmlElement | undefined {
  const name = resolveQName(owner, qname);
  return name ? messages.get(qualifiedKey(name.namespace, name.local)) : undefined;
}

function globalElement(ctx: SchemaContext, owner: XmlElement, qname: string): ResolvedElement | undefined {
  const name = resolveQName(owner, qname);
  const element = name && ctx.index.elements.get(qualifiedKey(name.namespace, name.local));
  return name && element ? { name: { name: name.local, namespace: name.namespace }, element } : undefined;
}
