/**
 * Keeps credentials out of every error: one `Redactor` per call knows the secrets of that call
 * (the client's credentials, what an auth provider returned, request values whose property name
 * says secret) and scrubs every error the transports reject with, just before it leaves.
 *
 * A server may echo a secret in another spelling, so each text is matched in the layers a
 * response can wrap it in, each layer decoded from the one before: JSON escapes (`\u002B`,
 * `\/`, `\"`), XML references (`&amp;`, `&#43;`, `&#x2B;`) and URL percent-encoding (`%2B`).
 * What matches in any layer is replaced, in the original text, by `***`. Every secret is
 * redacted whatever its length: a one-character password makes messages hard to read, but a
 * length threshold would let short secrets through.
 */

const MASK = "***";
/** Decoding layers tried: enough for a JSON string inside XML inside a URL. */
const MAX_LAYERS = 4;
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
      // Form encoding writes a space as "+".
      if (secret.includes(" ")) unique.add(secret.replace(/ /g, "+"));
    }
    // Longest first, so a secret containing another is masked whole.
    this.#secrets = [...unique].sort((a, b) => b.length - a.length);
  }

  /** A redactor that also knows `more`. */
  with(more: Iterable<string | undefined>): Redactor {
    const added = [...more].filter((secret): secret is string => typeof secret === "string" && secret !== "" && !this.#secrets.includes(secret));
    return added.length === 0 ? this : new Redactor([...this.#secrets, ...added]);
  }

  get empty(): boolean {
    return this.#secrets.length === 0;
  }

  /** The text with every secret, in any of the spellings above, replaced by `***`. */
  text(text: string): string {
    if (this.#secrets.length === 0 || text === "") return text;
    if (!/[\\&%]/.test(text)) return this.#plain(text);
    let layer = text;
    let found = this.#occursIn(layer);
    for (let i = 1; i < MAX_LAYERS && !found; i++) {
      const next = decodeLayer(layer, false).text;
      if (next === layer) break;
      layer = next;
      found = this.#occursIn(layer);
    }
    return found ? this.#mapped(text) : text;
  }

  /** A copy of a JSON-like value (parsed error bodies, exception infos) with every string redacted. */
  deep<T>(value: T): T {
    if (this.#secrets.length === 0) return value;
    return this.#deepValue(value, 0) as T;
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
      if (next !== value) Object.defineProperty(error, key, { value: next, enumerable: descriptor?.enumerable ?? false, writable: true, configurable: true });
    }
    if (record.cause !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(error, "cause");
      Object.defineProperty(error, "cause", { value: this.cause(error.cause, 0), enumerable: descriptor?.enumerable ?? false, writable: true, configurable: true });
    }
    return error;
  }

  /** The cause itself when no secret shows in it; else an Error of the same name and properties, redacted. */
  cause(cause: unknown, depth = 0): unknown {
    if (typeof cause === "string") return this.text(cause);
    if (!(cause instanceof Error) || depth > 8 || !this.#shows(cause, 0)) return cause;
    const copy = new Error(this.text(cause.message));
    copy.name = cause.name;
    copy.stack = this.text(cause.stack ?? "");
    for (const key of Object.keys(cause)) {
      if (key === "__proto__" || key === "cause") continue;
      const value = (cause as unknown as Record<string, unknown>)[key];
      (copy as unknown as Record<string, unknown>)[key] = typeof value === "string" ? this.text(value) : this.#deepValue(value, 0);
    }
    if (cause.cause !== undefined) copy.cause = this.cause(cause.cause, depth + 1);
    return copy;
  }

  #shows(value: unknown, depth: number): boolean {
    if (typeof value === "string") return this.text(value) !== value;
    if (!(value instanceof Error) || depth > 8) return false;
    const own = Object.keys(value).map((key) => (value as unknown as Record<string, unknown>)[key]);
    return [value.message, value.stack, ...own].some((item) => (typeof item === "string" ? this.text(item) !== item : this.#deepValue(item, 0) !== item)) || this.#shows(value.cause, depth + 1);
  }

  #occursIn(text: string): boolean {
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return false;
  }

  #plain(text: string): string {
    let out = text;
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  }

  /** Finds secrets in every decoded layer and masks the original spans they came from. */
  #mapped(text: string): string {
    const ranges: [number, number][] = [];
    let layer: Layer = { text, start: null, end: null };
    for (let i = 0; i < MAX_LAYERS; i++) {
      for (const secret of this.#secrets) {
        for (let at = layer.text.indexOf(secret); at >= 0; at = layer.text.indexOf(secret, at + secret.length)) {
          const last = at + secret.length - 1;
          ranges.push([layer.start === null ? at : layer.start[at]!, layer.end === null ? last + 1 : layer.end[last]!]);
        }
      }
      const next = decodeLayer(layer.text, true);
      if (next.text === layer.text) break;
      // Offsets of the next layer point into this one; compose them down to the original text.
      const start = next.start!;
      const end = next.end!;
      if (layer.start !== null) {
        for (let k = 0; k < start.length; k++) {
          start[k] = layer.start[start[k]!]!;
          end[k] = layer.end![end[k]! - 1]! ;
        }
      }
      layer = next;
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = "";
    let pos = 0;
    for (const [from, to] of ranges) {
      if (to <= pos) continue;
      out += text.slice(pos, Math.max(pos, from)) + (from >= pos ? MASK : "");
      pos = to;
    }
    return out + text.slice(pos);
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
      Object.defineProperty(out, name, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return changed ? out : value;
  }
}

/** A decoded text and, per UTF-16 unit, the span [start, end) it came from in the text before (null: identity). */
interface Layer {
  text: string;
  start: Int32Array | null;
  end: Int32Array | null;
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const REFERENCE = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(amp|lt|gt|quot|apos));/;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** One layer of JSON, XML and URL escapes decoded; `withOffsets` also records where each unit came from. */
function decodeLayer(text: string, withOffsets: boolean): Layer {
  let out = "";
  const start: number[] = [];
  const end: number[] = [];
  const emit = (decoded: string, from: number, to: number): void => {
    out += decoded;
    if (withOffsets) for (let k = 0; k < decoded.length; k++) (start.push(from), end.push(to));
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) {
      const n = text[i + 1]!;
      if (n === "u" && /^[\da-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        emit(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
        i += 6;
        continue;
      }
      const simple = JSON_ESCAPES[n];
      if (simple !== undefined && Object.prototype.hasOwnProperty.call(JSON_ESCAPES, n)) {
        emit(simple, i, i + 2);
        i += 2;
        continue;
      }
    } else if (c === "&") {
      const m = REFERENCE.exec(text.slice(i, i + 12));
      if (m !== null) {
        const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : -1;
        const decoded = code < 0 ? NAMED[m[3]!]! : code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
        emit(decoded, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    } else if (c === "%") {
      const bytes: number[] = [];
      let j = i;
      while (j + 2 < text.length && text[j] === "%" && /^[\da-fA-F]{2}$/.test(text.slice(j + 1, j + 3))) {
        bytes.push(parseInt(text.slice(j + 1, j + 3), 16));
        j += 3;
      }
      if (bytes.length > 0) {
        emitPercent(text, bytes, i, emit);
        i = j;
        continue;
      }
    }
    emit(c, i, i + 1);
    i += 1;
  }
  if (!withOffsets) return { text: out, start: null, end: null };
  return { text: out, start: Int32Array.from(start), end: Int32Array.from(end) };
}

/** A run of %HH bytes: each UTF-8 sequence becomes its character(s), spanning its own %HH triplets; invalid bytes stay as written. */
function emitPercent(text: string, bytes: readonly number[], from: number, emit: (decoded: string, from: number, to: number) => void): void {
  let k = 0;
  while (k < bytes.length) {
    const lead = bytes[k]!;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    let decoded: string | undefined;
    if (length > 0 && k + length <= bytes.length) {
      try {
        decoded = UTF8.decode(Uint8Array.from(bytes.slice(k, k + length)));
      } catch {
        decoded = undefined;
      }
    }
    const at = from + k * 3;
    if (decoded === undefined) {
      emit(text.slice(at, at + 3), at, at + 3);
      k += 1;
    } else {
      emit(decoded, at, at + length * 3);
      k += length;
    }
  }
}
