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
/**
 * What XML 1.0 cannot carry even as a reference, as the characters of a character class (lone
 * surrogates only, by the `u` flag): U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF,
 * U+D800-U+DFFF. The characters themselves, not escapes, make the shortest pattern source.
 */
const UNCARRIABLE = "\0-\b\v\f\u000e-\u001f￾￿\ud800-\udfff";
const TEXT_SPECIAL = new RegExp(`[&<>\r${UNCARRIABLE}]`, "gu");
const ATTR_SPECIAL = new RegExp(`[&<>"'\t\n\r${UNCARRIABLE}]`, "gu");
/** The reference written for each special character; what has none is replaced by U+FFFD. */
const REFERENCES = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	"\"": "&quot;",
	"'": "&apos;",
	"	": "&#x9;",
	"\n": "&#xA;",
	"\r": "&#xD;"
};
// Single characters only: no key of Object.prototype can be looked up.
const replacement = (ch) => REFERENCES[ch] ?? "�";
/**
 * `text` with every character `special` matches replaced. The test first is the quick way out for
 * the common text that needs none (replace would cost three times as much); on a global pattern
 * it leaves `lastIndex` at 0 when nothing matches, and replace starts from 0 anyway.
 */
function escapeBy(special, text) {
	return special.test(text) ? text.replace(special, replacement) : text;
}
/** Escapes element content. */
export function escapeText(text) {
	return escapeBy(TEXT_SPECIAL, text);
}
/** Escapes an attribute value written between double quotes. */
export function escapeAttr(text) {
	return escapeBy(ATTR_SPECIAL, text);
}
