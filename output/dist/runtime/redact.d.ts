export declare function isSecretName(name: string): boolean;
/** The credentials a URL carries in its user info (`https://user:pass@host`, `https://key@host`), in every form they may be echoed in. */
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
