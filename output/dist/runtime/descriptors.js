import { primitiveKind } from "./values.js";
/**
 * Symbol under which a value carries the name of its (derived) carrier type. The reader sets it
 * (non-enumerable) when a response names a derived type with xsi:type; the writer then writes
 * that type's fields and `xsi:type`. Set it yourself to send a derived carrier.
 */
export const XSI_TYPE = Symbol.for("superoffice.runtime.xsiType");
export class SchemaIndex {
	types;
	cache = new Map();
	constructor(types) {
		this.types = types;
	}
	/** Resolves a type reference; throws TypeError for names the schema does not know (a generator bug). */
	resolve(type) {
		const hit = this.cache.get(type);
		if (hit !== undefined) return hit;
		const resolved = this.build(type);
		this.cache.set(type, resolved);
		return resolved;
	}
	/** The carrier of that name, if the schema has one (for xsi:type lookups). */
	carrier(name) {
		if (!Object.prototype.hasOwnProperty.call(this.types, name)) return undefined;
		const resolved = this.resolve(name);
		return resolved.kind === "carrier" ? resolved : undefined;
	}
	/** The carrier `name` when it is `declared` or derives from it (a value may travel as it); else undefined. */
	derivedCarrier(name, declared) {
		const found = this.carrier(name);
		let at = found === undefined ? undefined : this.types[name];
		for (let depth = 0, current = name; at?.kind === "carrier" && depth <= 32; depth++) {
			if (current === declared.name) return found;
			if (at.base === undefined) return undefined;
			current = at.base;
			at = Object.prototype.hasOwnProperty.call(this.types, current) ? this.types[current] : undefined;
		}
		return undefined;
	}
	build(type) {
		const own = Object.prototype.hasOwnProperty.call(this.types, type) ? this.types[type] : undefined;
		if (own === undefined) {
			if (type === "anyType") return { kind: "anyType" };
			const prim = primitiveKind(type);
			if (prim !== undefined) return {
				kind: "primitive",
				prim,
				name: type
			};
			throw new TypeError(`Type "${type}" is not in the agent schema`);
		}
		switch (own.kind) {
			case "enum": return {
				kind: "enum",
				flags: own.flags === true,
				name: type,
				empty: own.empty
			};
			case "array": return {
				kind: "array",
				name: type,
				ns: own.ns,
				element: own.element,
				item: own.item,
				itemsNotNil: own.itemsNotNil === true
			};
			case "dictionary": return {
				kind: "dictionary",
				name: type,
				ns: own.ns,
				entry: own.entry,
				key: own.key,
				value: own.value,
				valueNotNil: own.valueNotNil === true
			};
			case "carrier": {
				const fields = this.flatten(type, own, 0);
				const byName = new Map();
				for (const field of fields) if (!byName.has(field.name)) byName.set(field.name, field);
				return {
					kind: "carrier",
					name: type,
					ns: own.ns,
					fields,
					byName,
					derived: own.derived ?? [],
					ownFrom: fields.length - own.fields.length
				};
			}
		}
	}
	flatten(name, carrier, depth) {
		if (depth > 32) throw new TypeError(`Carrier "${name}" has a cyclic base chain`);
		const out = [];
		if (carrier.base !== undefined) {
			const base = Object.prototype.hasOwnProperty.call(this.types, carrier.base) ? this.types[carrier.base] : undefined;
			if (base === undefined || base.kind !== "carrier") throw new TypeError(`Base "${carrier.base}" of "${name}" is not a carrier`);
			out.push(...this.flatten(carrier.base, base, depth + 1));
		}
		for (const field of carrier.fields) out.push(toResolved(field, carrier.ns));
		return out;
	}
}
function toResolved(field, ns) {
	return {
		name: field[0],
		type: field[1],
		flags: field[2] ?? 0,
		ns
	};
}
/** The types one call resolves by: the operation's own record when it has one, else the schema's. */
export function callTypes(schema, op) {
	const types = op.types ?? schema.types;
	if (types === undefined) throw new TypeError(`Operation "${op.name}" has no types, nor has its schema`);
	return types;
}
const indexes = new WeakMap();
/** The (cached) index of a `types` record. */
export function indexOf(types) {
	let index = indexes.get(types);
	if (index === undefined) {
		index = new SchemaIndex(types);
		indexes.set(types, index);
	}
	return index;
}
/** Sets a property without ever invoking the `__proto__` setter. */
export function setSafe(target, key, value) {
	if (key === "__proto__") Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true
	});
	else target[key] = value;
}
