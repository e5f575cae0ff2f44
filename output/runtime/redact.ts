/**
 * Keeps credentials out of every error: one `Redactor` per call knows the secrets of that call
 * (the client's credentials, what an auth provider returned, request values whose property name
 * says secret) and scrubs every error the transports reject with, just before it leaves.
 *
 * A server may echo a secret in another spelling, so every character of a secret is matched in
 * each form an escaping layer can give it: as written, JSON (`\u002B`, `\/`, `\"`), XML (`&#43;`,
 * `&#x2B;`, `&amp;`) and URL (`%2B`, its UTF-8 bytes, either case; `+` for a space), with the
 * escapes' own `\`, `&` and `%` themselves escaped once more (`\\u002B`, `&amp;#43;`, `%252B`), so
 * a JSON string inside XML or a URL inside JSON is found too. One regular expression per secret
 * does it in a single pass, however large the text. What matches is replaced by `***`. Every
 * secret is redacted whatever its length: a one-character password makes messages hard to read,
 * but a length threshold would let short secrets through.
 */
import { defineValue } from "./props.js";

const MASK = "***";
const MAX_DEPTH = 64;

/**
 * Request properties whose values are secrets: every string below a property so named (`Password`,
 * `NewPassword`, `Ticket`, `Credentials.Value`, `ApiKey`, `ClientSecret`, `AccessToken`, …). Names
 * ending in Id/Ids/Type/Types (`TicketId`, `CredentialType`) name ids and kinds, not secrets.
 */
const SECRET_NAME = /pass(?:word|wd|phrase)|pwd|secret|token|ticket|credential|api[-_]?key|private[-_]?key|cookie/i;
const NOT_SECRET_SUFFIX = /(?:Ids?|Types?)$/;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_SUFFIX.test(name);
}

/** The credentials a URL carries in its user info (`https://user:pass@host`), in every form they may be echoed in. */
export function urlSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.password === "") return [];
  const decoded = safeDecode(parsed.password);
  return [parsed.password, decoded, `${parsed.username}:${parsed.password}`, `${safeDecode(parsed.username)}:${decoded}`];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export class Redactor {
  readonly #secrets: readonly string[];

  constructor(secrets: Iterable<string | undefined>) {
    const unique = new Set<string>();
    for (const secret of secrets) {
      if (typeof secret !== "string" || secret === "") continue;
      unique.add(secret);
    }
    // Longest first, so a secret containing another is masked whole.
    this.#secrets = [...unique].sort((a, b) => b.length - a.length);
  }

  /** A redactor that also knows `more`. */
  with(more: Iterable<string | undefined>): Redactor {
    const added = [...more].filter((secret): secret is string => typeof secret === "string" && secret !== "" && !this.#secrets.includes(secret));
    return added.length === 0 ? this : new Redactor([...this.#secrets, ...added]);
  }

  /** The text with every secret, in any of the spellings above, replaced by `***`. */
  text(text: string): string {
    if (this.#secrets.length === 0 || text === "") return text;
    let out = text;
    if (!/[\\&%+]/.test(out)) {
      for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
      return out;
    }
    for (const secret of this.#secrets) out = out.replace(spellingsOf(secret), MASK);
    return out;
  }

  /**
   * Scrubs an error the runtime made, in place: message, stack, every own property (strings and
   * JSON-like values) and the cause chain. Returns it.
   */
  error<E extends Error>(error: E): E {
    if (this.#secrets.length === 0) return error;
    const record = error as unknown as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(error)) {
      if (key === "cause") continue;
      const descriptor = Object.getOwnPropertyDescriptor(error, key);
      // `stack` may be an accessor (V8): read it through the getter, store the redacted text.
      const value = descriptor !== undefined && "value" in descriptor ? (descriptor.value as unknown) : record[key];
      const next = typeof value === "string" ? this.text(value) : this.#deepValue(value, 0);
      if (next !== value) defineValue(error, key, next, descriptor?.enumerable ?? false);
    }
    if (record.cause !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(error, "cause");
      defineValue(error, "cause", this.#cause(error.cause, 0), descriptor?.enumerable ?? false);
    }
    return error;
  }

  /** The cause itself when no secret shows in it; else an Error of the same name and properties, redacted. */
  #cause(cause: unknown, depth: number): unknown {
    if (typeof cause === "string") return this.text(cause);
    if (!(cause instanceof Error) || depth > 8) return cause;
    const copy = new Error(this.text(cause.message));
    copy.name = cause.name;
    copy.stack = this.text(cause.stack ?? "");
    // Made whole, then kept only if something in it changed: one pass finds and redacts.
    let changed = copy.message !== cause.message || copy.stack !== (cause.stack ?? "");
    for (const key of Object.keys(cause)) {
      // An enumerable cause is redacted as a cause below, once.
      if (key === "cause") continue;
      const value = (cause as unknown as Record<string, unknown>)[key];
      const next = typeof value === "string" ? this.text(value) : this.#deepValue(value, 0);
      changed ||= next !== value;
      if (key !== "__proto__") (copy as unknown as Record<string, unknown>)[key] = next;
    }
    if (cause.cause !== undefined) {
      copy.cause = this.#cause(cause.cause, depth + 1);
      changed ||= copy.cause !== cause.cause;
    }
    return changed ? copy : cause;
  }

  #deepValue(value: unknown, depth: number): unknown {
    if (typeof value === "string") return this.text(value);
    if (value === null || typeof value !== "object" || depth > MAX_DEPTH || value instanceof Date) return value;
    if (Array.isArray(value)) {
      let changed = false;
      const items = value.map((item: unknown) => {
        const next = this.#deepValue(item, depth + 1);
        changed ||= next !== item;
        return next;
      });
      return changed ? items : value;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      const next = this.#deepValue(item, depth + 1);
      // A server may echo a secret as a property name, too.
      const name = this.text(key);
      changed ||= next !== item || name !== key;
      defineValue(out, name, next, true);
    }
    return changed ? out : value;
  }
}

// ---------------------------------------------------------------------------------------------
// One regular expression per secret for all its spellings

/** `\`, `&`, `%` as written or escaped once more (`\\`, `&amp;`, `%25`). */
const BACKSLASH = String.raw`(?:\\\\|\\)`;
const AMP = "(?:&amp;|&)";
const PERCENT = "(?:%25|%)";
const JSON_SIMPLE: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t" };
const XML_NAMED: Readonly<Record<string, string>> = { "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" };
const ENCODER = new TextEncoder();

const compiled = new Map<string, RegExp>();

/** The (cached) expression matching a secret in every spelling. */
function spellingsOf(secret: string): RegExp {
  let re = compiled.get(secret);
  if (re === undefined) {
    let source = "";
    for (const char of secret) source += charSpellings(char);
    re = new RegExp(source, "g");
    if (compiled.size >= 512) compiled.clear();
    compiled.set(secret, re);
  }
  return re;
}

function charSpellings(char: string): string {
  const code = char.codePointAt(0)!;
  const forms = [char.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")];
  let json = "";
  for (let i = 0; i < char.length; i++) json += `${BACKSLASH}u${hexPattern(char.charCodeAt(i), 4)}`;
  forms.push(json);
  if (Object.hasOwn(JSON_SIMPLE, char)) forms.push(`${BACKSLASH}${JSON_SIMPLE[char]!.replace(/[\\/]/g, "\\$&")}`);
  forms.push(`${AMP}#0*${code};`, `${AMP}#[xX]0*${hexPattern(code, 1)};`);
  if (Object.hasOwn(XML_NAMED, char)) forms.push(`${AMP}${XML_NAMED[char]!};`);
  let url = "";
  for (const byte of ENCODER.encode(char)) url += `${PERCENT}${hexPattern(byte, 2)}`;
  forms.push(url);
  if (char === " ") forms.push("\\+");
  return `(?:${forms.join("|")})`;
}

/** Hex digits of `value` (at least `width`), letters in either case. */
function hexPattern(value: number, width: number): string {
  return value
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}
