/**
 * Keeps credentials out of every error: one `Redactor` per call knows the secrets of that call
 * (the client's credentials, what an auth provider returned, request values whose property name
 * says secret) and scrubs every error the transports reject with, just before it leaves.
 *
 * A server may echo a secret in another spelling, so every character of a secret is matched in
 * each form an escaping layer can give it: as written, JSON (`\u002B`, `\/`, `\"`), XML (`&#43;`,
 * `&#x2B;`, `&amp;`) and URL (`%2B`, its UTF-8 bytes, either case; `+` for a space), with the
 * escapes' own `\`, `&` and `%` themselves escaped any number of times more (`\\u002B`, `\\\"`,
 * `&amp;#43;`, `%252B`), so a JSON string inside XML or JSON, or a URL inside JSON, is found
 * too. One regular expression per secret does it in a single pass, however large the text. What
 * matches is replaced by `***`. Every secret is redacted whatever its length: a one-character
 * password makes messages hard to read, but a length threshold would let short secrets through.
 */
import { MAX_NESTING } from "./limits.js";
import { defineValue } from "./props.js";
const MASK = "***";
/**
 * Past this depth (a cause chain counts too) a value is masked whole: the walk must end, and what
 * it has not read must not leave unredacted. Deeper than anything a response can give (JSON and XML
 * nested deeper than MAX_NESTING are refused), so an error body is always walked to its end.
 */
const MAX_DEPTH = 2 * MAX_NESTING;
/**
 * Request properties whose values are secrets: every string below a property so named (`Password`,
 * `NewPassword`, `Ticket`, `Credentials.Value`, `ApiKey`, `ClientSecret`, `AccessToken`, …). Names
 * ending in Id/Ids/Type/Types (`TicketId`, `CredentialType`) name ids and kinds, not secrets.
 */
const SECRET_NAME = /pass(?:word|wd|phrase)|pwd|secret|token|ticket|credential|api[-_]?key|private[-_]?key|cookie/i;
const NOT_SECRET_SUFFIX = /(?:Ids?|Types?)$/;
export function isSecretName(name) {
	return SECRET_NAME.test(name) && !NOT_SECRET_SUFFIX.test(name);
}
/** The credentials a URL carries in its user info (`https://user:pass@host`, `https://key@host`), in every form they may be echoed in. */
export function urlSecrets(url) {
	let username = "";
	let password = "";
	try {
		({username, password} = new URL(url));
	} catch {}
	// User info without a password is a credential itself (an API key in the user name).
	if (!password) return username ? [username, safeDecode(username)] : [];
	const decoded = safeDecode(password);
	return [
		password,
		decoded,
		`${username}:${password}`,
		`${safeDecode(username)}:${decoded}`
	];
}
function safeDecode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
export class Redactor {
	#secrets;
	constructor(secrets) {
		// Longest first, so a secret containing another is masked whole.
		this.#secrets = [...new Set(secrets)].filter((secret) => typeof secret === "string" && secret !== "").sort((a, b) => b.length - a.length);
	}
	/** A redactor that also knows `more`. */
	with(more) {
		const next = new Redactor([...this.#secrets, ...more]);
		return next.#secrets.length === this.#secrets.length ? this : next;
	}
	/** The text with every secret, in any of the spellings above, replaced by `***`. */
	text(text) {
		// Without `\`, `&`, `%` or `+` no escaped spelling can occur: plain search is enough.
		const escaped = /[\\&%+]/.test(text);
		return this.#secrets.reduce((out, secret) => out.replaceAll(escaped ? spellingsOf(secret) : secret, MASK), text);
	}
	/**
	 * Scrubs an error the runtime made, in place: message, stack, every own property (strings and
	 * JSON-like values) and the cause chain. Returns it.
	 */
	error(error) {
		if (this.#secrets.length > 0) this.#scrubOwn(error, error, 0);
		return error;
	}
	/**
	 * Writes the redacted own properties of `from` to `to`: `from` itself (redacted in place, only
	 * what changed is rewritten) or a copy of it (every property). Whether anything changed.
	 */
	#scrubOwn(from, to, depth) {
		let changed = false;
		for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(from))) {
			// `stack` may be an accessor (V8): read it through the getter, store the redacted text. A
			// getter that throws (a fetch error's own) is masked: what it would say is unknown.
			let value = MASK;
			let unreadable = false;
			try {
				value = Reflect.get(from, key);
			} catch {
				unreadable = true;
			}
			const next = this.#scrub(value, depth + 1);
			// A server may echo a secret as a property name, too (a copy can rename; in place cannot).
			const name = from === to ? key : this.text(key);
			const changedHere = unreadable || next !== value || name !== key;
			changed ||= changedHere;
			// In place only what changed is rewritten; a copy takes every property.
			// (An own property's descriptor always says whether it is enumerable.)
			if (changedHere || from !== to) defineValue(to, name, next, descriptor.enumerable);
		}
		return changed;
	}
	/** The value itself when no secret shows in it; else a redacted copy (an Error copied keeps its name). */
	#scrub(value, depth) {
		if (typeof value === "string") return this.text(value);
		if (value === null || typeof value !== "object") return value;
		if (depth > MAX_DEPTH) return MASK;
		if (Array.isArray(value)) {
			const items = value.map((item) => this.#scrub(item, depth + 1));
			return items.some((item, i) => item !== value[i]) ? items : value;
		}
		const isError = value instanceof Error;
		// Only errors and JSON-like values are walked: a class instance (a Date, a Map) is left as it is.
		const prototype = Object.getPrototypeOf(value);
		if (!isError && prototype !== Object.prototype && prototype !== null) return value;
		const copy = isError ? Object.assign(new Error(), {
			name: value.name,
			stack: ""
		}) : {};
		return this.#scrubOwn(value, copy, depth) ? copy : value;
	}
}
// ---------------------------------------------------------------------------------------------
// One regular expression per secret for all its spellings
/**
 * `\` as written or escaped up to four times more (`\\\`, 2^5 - 1 in all); `&` and `%` any number
 * of times below (`&(?:amp;)*`, `%(?:25)*`). Bounded, so a run of them in a hostile text is never
 * scanned more than that many times over; and a secret's first character is tried only at the
 * start of a run (`FIRST`), not at every backslash of it (a run of 64,000 took seconds).
 */
const BACKSLASH = String.raw`\\{1,31}`;
const FIRST = String.raw`(?<!\\)`;
/** JSON's two-character escapes (the letter after `\`, as a pattern): those JSON.stringify writes, and `\/`, which it does not. */
const JSON_ESCAPES = {
	"\"": "\"",
	"\\": "\\\\",
	"/": "/",
	"\b": "b",
	"\f": "f",
	"\n": "n",
	"\r": "r",
	"	": "t"
};
/** Keys are single characters, so no lookup meets a property of Object.prototype. */
const XML_NAMED = {
	"&": "amp",
	"<": "lt",
	">": "gt",
	"\"": "quot",
	"'": "apos"
};
const ENCODER = new TextEncoder();
const compiled = new Map();
/** The (cached) expression matching a secret in every spelling. */
function spellingsOf(secret) {
	let re = compiled.get(secret);
	if (!re) {
		re = new RegExp([...secret].map((char, i) => charSpellings(char, i === 0)).join(""), "g");
		if (compiled.size >= 512) compiled.clear();
		compiled.set(secret, re);
	}
	return re;
}
/**
 * One character's spellings, in this order (it decides which of two overlapping matches wins):
 * as written, `\uXXXX` per UTF-16 unit or JSON's two-character escape, `&#N;` / `&#xH;` / the
 * XML entity, `%HH` per UTF-8 byte, `+` for a space.
 */
function charSpellings(char, first) {
	const code = char.codePointAt(0);
	const units = char.split("").map((unit) => `u${hexPattern(unit.charCodeAt(0), 4)}`).join(BACKSLASH);
	const json = JSON_ESCAPES[char];
	const named = XML_NAMED[char];
	const bytes = [...ENCODER.encode(char)].map((byte) => `%(?:25)*${hexPattern(byte, 2)}`).join("");
	// Outside unicode mode `\` before any character but a letter, digit or `_` stands for that character.
	return `(?:${char.replace(/\W/g, "\\$&")}|${first ? FIRST : ""}${BACKSLASH}(?:${units}${json ? `|${json}` : ""})|&(?:amp;)*(?:#(?:0*${code}|[xX]0*${hexPattern(code, 1)})${named ? `|${named}` : ""});|${bytes}${char === " " ? "|\\+" : ""})`;
}
/** Hex digits of `value` (at least `width`), letters in either case. */
function hexPattern(value, width) {
	return value.toString(16).padStart(width, "0").replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}
