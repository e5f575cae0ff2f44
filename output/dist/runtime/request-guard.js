/**
 * One walk over a request object before anything is written: a cycle or nesting past
 * MAX_NESTING is an InvalidRequestError (the writers would otherwise recurse until the stack
 * overflows), and the strings below a property whose name says secret (redact.ts
 * `isSecretName`: Password, Ticket, Credentials, ApiKey, …) are collected for the call's
 * redaction, so a fault quoting the password the request carried shows `***`.
 */
import { asSuperOfficeError, InvalidRequestError } from "./errors.js";
import { MAX_NESTING } from "./limits.js";
import { isSecretName } from "./redact.js";
/** The request's secret values; throws InvalidRequestError for a cyclic or too deeply nested request. */
export function requestSecrets(request) {
	const secrets = [];
	const path = [];
	/** The objects from the root down to the current one. */
	const stack = [];
	const walk = (value, secret) => {
		// A cycle nests without end, so the depth limit catches it; only then is it told from deep nesting.
		if (stack.length > MAX_NESTING) {
			const cyclic = new Set(stack).size < stack.length;
			throw new InvalidRequestError(cyclic ? "request is cyclic (an object contains itself)" : `request is nested deeper than ${MAX_NESTING}`, path.slice(0, 8));
		}
		stack.push(value);
		// An array's items are secret where the property holding the array is: an index names nothing.
		const isArray = Array.isArray(value);
		const entries = isArray ? value.entries() : value instanceof Map ? value : propertiesOf(value);
		for (const [key, item] of entries) {
			const name = String(key);
			const below = secret || !isArray && secretName(name);
			if (typeof item === "string") {
				if (below) secrets.push(item);
			} else if (item !== null && typeof item === "object" && !(item instanceof Date || ArrayBuffer.isView(item) || item instanceof ArrayBuffer)) {
				// (a Date or bytes is a value, not an object to walk)
				path.push(name);
				walk(item, below);
				path.pop();
			}
		}
		stack.pop();
	};
	try {
		if (typeof request === "object" && request !== null) walk(request, false);
	} catch (error) {
		// A getter or proxy of the request that throws is the request's problem, told as such.
		throw asSuperOfficeError(error, (message) => new InvalidRequestError(`request cannot be read: ${message}`));
	}
	return secrets;
}
/**
 * What the writers may read of an object, as [name, value]: every own property, enumerable or not
 * (REST reads own ones), and the getters of its prototypes (SOAP reads `request[name]`), so a
 * secret a class instance hands over through a getter is found too.
 */
function propertiesOf(value) {
	const names = [];
	for (let o = value; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) names.push(...Object.getOwnPropertyNames(o));
	// A name both own and a prototype's is read twice: its secrets are counted once all the same (redact.ts).
	return names.map((name) => [name, value[name]]);
}
/** isSecretName, remembered: requests repeat the same few property names. */
const known = new Map();
function secretName(name) {
	let secret = known.get(name);
	if (secret === undefined) {
		secret = isSecretName(name);
		if (known.size < 4096) known.set(name, secret);
	}
	return secret;
}
