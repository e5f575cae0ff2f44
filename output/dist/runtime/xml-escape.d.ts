/**
 * Escaping of text and attribute values for XML 1.0.
 *
 * - `&`, `<`, `>` are always escaped (so `]]>` can never appear), quotes in attribute values.
 * - CR is written as `&#xD;` (a literal CR would be normalised to LF by the receiving parser);
 *   in attribute values TAB and LF are written as `&#x9;`/`&#xA;` too (else they become spaces).
 * - Characters XML 1.0 cannot carry at all, not even as character references — C0 controls
 *   other than TAB/LF/CR, U+FFFE, U+FFFF and unpaired surrogates — are replaced by U+FFFD,
 *   the same substitution UTF-8 encoding applies to unpaired surrogates. Sending them as
 *   `&#x1;` would make the request ill-formed for strict parsers; throwing would make one bad
 *   character in a CRM text fail the whole call.
 */
/** Escapes element content. */
export declare function escapeText(text: string): string;
/** Escapes an attribute value written between double quotes. */
export declare function escapeAttr(text: string): string;
