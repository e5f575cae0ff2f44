/** Bit flags of a field: may be null (xsi:nil) / may be left out (minOccurs 0). */
export const NILLABLE = 1;
export const OPTIONAL = 2;
/**
 * Both flags. Generated descriptors use it rather than `NILLABLE | OPTIONAL`: a bundler cannot
 * tell that an operator on imported values has no side effects, and would keep every descriptor.
 */
export const NILLABLE_OPTIONAL = NILLABLE | OPTIONAL;
/** The descriptors of enums that are not flags, and of flags without a name for the empty set: one object each that every descriptor shares. */
export const ENUM = { kind: "enum" };
export const FLAGS = {
	kind: "enum",
	flags: true
};
/** An operation's SOAPAction: its descriptor's, else `${schema.ns}/${schema.name}/${name}`, as NetServer names its operations. */
export function soapActionOf(schema, op) {
	return op.soapAction ?? `${schema.ns}/${schema.name}/${op.name}`;
}
/** An operation's request wrapper element: its descriptor's, else the operation's name. */
export function requestElementOf(op) {
	return op.request ?? op.name;
}
/** An operation's response wrapper element: its descriptor's, else `${name}Response`. */
export function responseElementOf(op) {
	return op.response ?? `${op.name}Response`;
}
/** An operation's HTTP method over REST: its descriptor's, else POST. */
export function restMethodOf(op) {
	return op.rest.method ?? "POST";
}
/** An operation's path over REST: its descriptor's, else `/api/v1/Agents/${schema.name}/${name}`, as the WebAPI names agent operations. */
export function restPathOf(schema, op) {
	return op.rest.path ?? `/api/v1/Agents/${schema.name}/${op.name}`;
}
