/**
 * Schema-directed XML writing of request values (document/literal, DataContractSerializer shapes).
 *
 * Namespaces: elements in the writer's default namespace (the agent namespace, declared by the
 * caller on the request wrapper) are unprefixed. Any other namespace gets one prefix for the
 * whole message — `i` for XMLSchema-instance (every `i:nil`), `n1`, `n2`, … for others in the
 * order they are first used (XMLSchema, the Serialization Arrays namespace, …) — collected in `declarations` so the caller can
 * declare them once on the Envelope.
 */
import { type SchemaIndex } from "./descriptors.js";
import { type TypeDescriptor, type TypeRef, type XmlTreeWrite } from "./schema.js";
export declare const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
/**
 * Writes primitives (by their codecs) and plain enums (not flags) itself; any other value goes to
 * `tree` (`writeXmlTree`, which the descriptors of operations that send one name:
 * `SoapOperationDescriptor.write`), so a call whose parameters are all simple bundles none of that.
 */
export declare class XmlWriter {
	#private;
	/** The XML written so far. */
	out: string;
	readonly index: SchemaIndex;
	readonly defaultNs: string;
	/** ` xmlns:p="ns"` of every prefix taken so far, in the order taken. */
	declarations: string;
	constructor(types: Readonly<Record<string, TypeDescriptor>>, defaultNs: string, tree?: XmlTreeWrite);
	/** Writes one element `name` in `ns` (undefined: the default namespace) holding `value` of `type`; undefined writes nothing. */
	writeElement(ns: string | undefined, name: string, type: TypeRef, flags: number, value: unknown): void;
	/** Element `tag` holding `content` (escaped text), or empty. */
	text(tag: string, content: string): void;
	/** `name` in `ns` as a tag: unprefixed in the default namespace (also for an undefined `ns`, a descriptor's that leaves it out). */
	qualified(ns: string | undefined, name: string): string;
	/** The message-wide prefix of a namespace (declared later on the Envelope). */
	prefix(ns: string): string;
}
/**
 * Writes a carrier, array, dictionary, anyType or flags value as element `tag` (its start tag's
 * name), recursing through `writer.writeElement`. Throws ValueError (with a path).
 */
export declare const writeXmlTree: XmlTreeWrite;
