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
const TEXT_SPECIAL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const TEXT_ALL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const ATTR_SPECIAL = /[&<>"'\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const ATTR_ALL = /[&<>"'\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
function replacement(ch) {
	switch (ch) {
		case "&": return "&amp;";
		case "<": return "&lt;";
		case ">": return "&gt;";
		case "\"": return "&quot;";
		case "'": return "&apos;";
		case "	": return "&#x9;";
		case "\n": return "&#xA;";
		case "\r": return "&#xD;";
		default: return "�";
	}
}
/** Escapes element content. */
export function escapeText(text) {
	return TEXT_SPECIAL.test(text) ? text.replace(TEXT_ALL, replacement) : text;
}
/** Escapes an attribute value written between double quotes. */
export function escapeAttr(text) {
	return ATTR_SPECIAL.test(text) ? text.replace(ATTR_ALL, replacement) : text;
}
