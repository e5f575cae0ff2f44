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
export declare function isSecretName(name: string): boolean;
/** The credentials a URL carries in its user info (`https://user:pass@host`), in every form they may be echoed in. */
export declare function urlSecrets(url: string): string[];
export declare class Redactor {
    #private;
    constructor(secrets: Iterable<string | undefined>);
    /** A redactor that also knows `more`. */
    with(more: Iterable<string | undefined>): Redactor;
    /** The text with every secret, in any of the spellings above, replaced by `***`. */
    text(text: string): string;
    /**
     * Scrubs an error the runtime made, in place: message, stack, every own property (strings and
     * JSON-like values) and the cause chain. Returns it.
     */
    error<E extends Error>(error: E): E;
}
