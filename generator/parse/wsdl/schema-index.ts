/**
 * First pass over wsdl:types: every named type and global element of every
 * xs:schema, keyed by qualified name, so references resolve in any order.
 */
import type { DiagnosticSink } from "../../diagnostics.js";
import { XSD_NS } from "./namespaces.js";
import type { LineIndex } from "../../util/text.js";
import type { XmlElement } from "./xml.js";

/** A schema component together with the targetNamespace of the schema it sits in. */
export interface SchemaNode {
  node: XmlElement;
  targetNamespace: string;
}

export interface SchemaIndex {
  /** Named complexType/simpleType by qualifiedKey. */
  types: Map<string, SchemaNode>;
  /** Global elements by qualifiedKey (operation wrappers, header elements…). */
  elements: Map<string, SchemaNode>;
  /** Named types in document order. */
  typeOrder: SchemaNode[];
}

export function qualifiedKey(namespace: string, local: string): string {
  return `{${namespace}}${local}`;
}

/** Schema children that carry nothing the model needs. */
const IGNORED_SCHEMA_CHILDREN = new Set(["annotation", "attribute"]);

export function indexSchemas(schemas: XmlElement[], sink: DiagnosticSink, lines: LineIndex): SchemaIndex {
  const index: SchemaIndex = { types: new Map(), elements: new Map(), typeOrder: [] };
  for (const schema of schemas) {
    const targetNamespace = schema.attrs.targetNamespace ?? "";
    for (const child of schema.children) {
      if (child.namespace !== XSD_NS) continue;
      const entry = { node: child, targetNamespace };
      const key = qualifiedKey(targetNamespace, child.attrs.name ?? "");
      if ((child.local === "complexType" || child.local === "simpleType") && child.attrs.name) {
        if (index.types.has(key)) {
          sink.warning(lines.lineAt(child.offset), "wsdl.duplicate-type", `Type ${child.attrs.name} is defined twice in ${targetNamespace}; the first definition is used.`);
          continue;
        }
        index.types.set(key, entry);
        index.typeOrder.push(entry);
      } else if (child.local === "element" && child.attrs.name) {
        if (!index.elements.has(key)) index.elements.set(key, entry);
      } else if (child.local === "import" || child.local === "include") {
        // WCF's single-file WSDL imports namespaces only; a schemaLocation means types live elsewhere.
        if (child.attrs.schemaLocation) {
          sink.warning(lines.lineAt(child.offset), "wsdl.external-schema", `Schema ${child.attrs.schemaLocation} is not loaded; its types will be undefined.`);
        }
      } else if (!IGNORED_SCHEMA_CHILDREN.has(child.local)) {
        sink.warning(lines.lineAt(child.offset), "wsdl.unknown-construct", `Unknown construct <${child.tag}> in schema ${targetNamespace}: skipped.`);
      }
    }
  }
  return index;
}
