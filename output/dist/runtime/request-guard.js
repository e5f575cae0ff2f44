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
	if (request === undefined || request === null || typeof request !== "object") return secrets;
	try {
		walk(request, false, {
			path: [],
			stack: [],
			secrets
		});
	} catch (error) {
		// A getter or proxy of the request that throws is the request's problem, told as such.
		throw asSuperOfficeError(error, (message) => new InvalidRequestError(`request cannot be read: ${message}`));
	}
	return secrets;
}
function walk(value, secret, state) {
	const { path, stack } = state;
	// A cycle nests without end, so the depth limit catches it; only then is it told from deep nesting.
	if (stack.length > MAX_NESTING) {
		const cyclic = new Set(stack).size < stack.length;
		throw new InvalidRequestError(cyclic ? "request is cyclic (an object contains itself)" : `request is nested deeper than ${MAX_NESTING}`, path.slice(0, 8));
	}
	stack.push(value);
	if (Array.isArray(value)) {
		// An array item is named, for secrecy, by the property holding the array.
		const below = secret || secretName(path[path.length - 1] ?? "");
		for (let i = 0; i < value.length; i++) visit(String(i), below, value[i], state);
	} else if (value instanceof Map) {
		for (const [key, item] of value) visit(String(key), secret || secretName(String(key)), item, state);
	} else {
		for (const key of Object.keys(value)) visit(key, secret || secretName(key), value[key], state);
	}
	stack.pop();
}
function visit(key, secret, item, state) {
	if (typeof item === "string") {
		if (secret) state.secrets.push(item);
	} else if (item !== null && typeof item === "object" && !isLeaf(item)) {
		state.path.push(key);
		walk(item, secret, state);
		state.path.pop();
	}
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
function isLeaf(value) {
	return value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}
