/**
 * Adds `extra` to `headers` in place. Returns the values that are secrets by their header name
 * (`X-Api-Key`, `X-Auth-Token`, …), for the call's redaction.
 */
export declare function addHeaders(headers: Record<string, string>, extra?: Readonly<Record<string, string>>): string[];
/** `value` where it can be sent as a header value (a string without CR, LF or NUL); else an InvalidRequestError at `path`. */
export declare function headerValue(value: unknown, path: readonly string[]): string;
/** Sets one header in place, replacing any of the same name whatever its case. */
export declare function setHeader(headers: Record<string, string>, name: string, value: string): void;
