const TEXT_SPECIAL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const TEXT_ALL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const ATTR_SPECIAL = /[&<>"'\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const ATTR_ALL = /[&<>"'\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
function replacement(ch) {
  switch (ch) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case '"':
      return "&quot;";
    case "'":
      return "&apos;";
    case "	":
      return "&#x9;";
    case "\n":
      return "&#xA;";
    case "\r":
      return "&#xD;";
    default:
      return "\uFFFD";
  }
}
function escapeText(text) {
  return TEXT_SPECIAL.test(text) ? text.replace(TEXT_ALL, replacement) : text;
}
function escapeAttr(text) {
  return ATTR_SPECIAL.test(text) ? text.replace(ATTR_ALL, replacement) : text;
}
export {
  escapeAttr,
  escapeText
};
