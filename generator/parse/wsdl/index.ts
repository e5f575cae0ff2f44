/**
 * WSDL parser stage: one WCF WSDL (SuperOffice NetServer agent) → ParsedWsdl.
 * Never throws; problems become diagnostics, and the value is null only when
 * the text is not a usable WSDL at all.
 */
import { DiagnosticSink } from "../../diagnostics.js";
import type { ParsedWsdl, ParseResult } from "../types.js";
import { isSoapNamespace, SOAP11_NS, WSDL_NS, XSD_NS } from "./namespaces.js";
import { isSafeName, quoted } from "../names.js";
import { LineIndex } from "../../util/text.js";
import { readOperations } from "./operations.js";
import { indexSchemas } from "./schema-index.js";
import { buildNamedTypes, createSchemaContext } from "./schema.js";
import { childrenNamed, findDoctype, firstChildNamed, firstStartTag, readXml, resolveQName, type XmlElement } from "./xml.js";

/**
 * @param xml WSDL text (already taken out of a markdown fence when needed).
 * @param path input path used in diagnostics and `source`.
 * @param firstLine 1-based file line where `xml` begins; all reported lines are file lines.
 */
export function parseWsdl(xml: string, path: string, firstLine = 1): ParseResult<ParsedWsdl> {
  const sink = new DiagnosticSink(path);
  const lines = new LineIndex(xml, firstLine);
  const unusable = () => ({ value: null, diagnostics: sink.items });

  const read = readXml(xml, lines);
  if ("problem" in read) {
    const first = firstStartTag(xml);
    if (first && first.tag.slice(first.tag.indexOf(":") + 1) !== "definitions") {
      sink.error(lines.lineAt(first.offset), "wsdl.not-wsdl", `Expected a wsdl:definitions document, found <${first.tag}> (which is not well-formed XML either).`);
    } else {
      sink.error(read.problem.line, "wsdl.malformed-xml", read.problem.message);
    }
    return unusable();
  }
  const definitions = read.root;
  if (definitions.local !== "definitions" || definitions.namespace !== WSDL_NS) {
    sink.error(lines.lineAt(definitions.offset), "wsdl.not-wsdl", `Expected a wsdl:definitions document, found <${definitions.tag}>.`);
    return unusable();
  }
  const doctype = findDoctype(xml);
  if (doctype) {
    sink.warning(lines.lineAt(doctype.offset), "wsdl.doctype", `DOCTYPE ignored: its ${doctype.entityCount} entity definition(s) are not expanded.`);
  }

  for (const wsdlImport of childrenNamed(definitions, WSDL_NS, "import")) {
    sink.warning(lines.lineAt(wsdlImport.offset), "wsdl.external-import", `Imported WSDL ${wsdlImport.attrs.location ?? wsdlImport.attrs.namespace} is not loaded.`);
  }
  const portTypes = childrenNamed(definitions, WSDL_NS, "portType");
  if (portTypes.length === 0) {
    sink.error(lines.lineAt(definitions.offset), "wsdl.no-port-type", "The WSDL has no portType, so it defines no agent.");
    return unusable();
  }
  const portType = portTypes[0];
  if (portTypes.length > 1) {
    sink.warning(lines.lineAt(portTypes[1].offset), "wsdl.multiple-port-types", `The WSDL has ${portTypes.length} portTypes; only ${portType.attrs.name} is read.`);
  }
  const agent = portType.attrs.name ?? "";
  if (!isSafeName(agent)) {
    sink.error(lines.lineAt(portType.offset), "wsdl.unsafe-name", `The portType name ${quoted(agent)} is not a plain agent name (letters, digits, _ . - only); it would become part of the endpoint URL and of file names, so the WSDL is skipped.`);
    return unusable();
  }
  const targetNamespace = definitions.attrs.targetNamespace ?? "";
  const version = versionOf(targetNamespace, sink, lines.lineAt(definitions.offset));
  if (version === null) return unusable();

  const wsdlTypes = firstChildNamed(definitions, WSDL_NS, "types");
  const schemas = wsdlTypes ? childrenNamed(wsdlTypes, XSD_NS, "schema") : [];
  const ctx = createSchemaContext(indexSchemas(schemas, sink, lines), sink, lines);
  buildNamedTypes(ctx);
  const binding = findBinding(definitions, targetNamespace, agent);
  const operations = readOperations(ctx, definitions, targetNamespace, portType, binding);

  return {
    value: {
      source: { path, line: lines.lineAt(definitions.offset) },
      targetNamespace,
      version,
      agent,
      address: checkedAddress(addressOf(definitions, targetNamespace, binding), version, agent, sink, lines.lineAt(definitions.offset)),
      types: ctx.types,
      operations,
    },
    diagnostics: sink.items,
  };
}

/** What the output holds beside the version folders, which a version folder must not take over (compared lower-cased). */
const OUTPUT_FOLDERS = new Set(["runtime", "docs", "ir", "dist", "node_modules", "package.json", "tsconfig.json", "readme.md"]);

/**
 * "…/NetServer/Services88" → "Services88". The version names output files and folders, so one that
 * is not a plain name ("..", "", "runtime") makes the WSDL unusable (null) instead of escaping --out.
 */
function versionOf(targetNamespace: string, sink: DiagnosticSink, line: number): string | null {
  const segment = targetNamespace.replace(/\/+$/, "").split("/").pop() ?? "";
  if (!/^[A-Za-z][\w.-]*$/.test(segment) || OUTPUT_FOLDERS.has(segment.toLowerCase())) {
    sink.error(line, "wsdl.version", `Target namespace ${quoted(targetNamespace)} does not end in a version name such as Services88; the WSDL is skipped.`);
    return null;
  }
  if (!/^Services\d+$/.test(segment)) {
    sink.warning(line, "wsdl.version", `Target namespace ${targetNamespace} does not end in ServicesNN; version "${segment}" is used.`);
  }
  return segment;
}

/** The binding of the agent's portType, preferring SOAP 1.1 (what basicHttpBinding serves). */
function findBinding(definitions: XmlElement, targetNamespace: string, portTypeName: string): XmlElement | undefined {
  const candidates = childrenNamed(definitions, WSDL_NS, "binding").filter((binding) => {
    const type = binding.attrs.type ? resolveQName(binding, binding.attrs.type) : null;
    return type?.namespace === targetNamespace && type.local === portTypeName;
  });
  return candidates.find((binding) => binding.children.some((c) => c.local === "binding" && c.namespace === SOAP11_NS)) ?? candidates[0];
}

/**
 * The endpoint is always `Remote/<Version>/<Agent>.svc` below the client's base URL, whatever the
 * WSDL says: the soap:address is untrusted. One that does not end in Remote/<name>/<Agent>.svc (or carries a
 * query, fragment, credentials, `..`, backslashes, escapes or control characters) is reported and ignored ("").
 */
function checkedAddress(address: string, version: string, agent: string, sink: DiagnosticSink, line: number): string {
  if (address === "") return "";
  let url: URL | null = null;
  try {
    url = new URL(address);
  } catch {
    url = null;
  }
  const plain = /^[\x21-\x7e]+$/.test(address) && !/[\\%?#]|\/\.\.?(?:\/|$)/.test(address);
  const servicePath = new RegExp(`/Remote/[A-Za-z_][\\w.-]*/${agent.replace(/\./g, "\\.")}\\.svc$`, "i");
  if (url && plain && /^https?:$/.test(url.protocol) && url.username === "" && url.password === "" && servicePath.test(url.pathname)) return address;
  sink.warning(line, "wsdl.address", `The soap:address ${quoted(address)} is not a plain URL ending in Remote/<Version>/${agent}.svc; it is ignored, and the client posts to \${baseUrl}/Remote/${version}/${agent}.svc.`);
  return "";
}

/** soap:address of the port serving `binding` (any port when there is no binding); "" when absent. */
function addressOf(definitions: XmlElement, targetNamespace: string, binding: XmlElement | undefined): string {
  for (const service of childrenNamed(definitions, WSDL_NS, "service")) {
    for (const port of childrenNamed(service, WSDL_NS, "port")) {
      const portBinding = port.attrs.binding ? resolveQName(port, port.attrs.binding) : null;
      const serves = !binding || (portBinding?.namespace === targetNamespace && portBinding.local === binding.attrs.name);
      const address = port.children.find((c) => c.local === "address" && isSoapNamespace(c.namespace));
      if (serves && address?.attrs.location) return address.attrs.location;
    }
  }
  return "";
}
