/**
 * Sentences every generated SOAP page repeats around the real documentation.
 * Shared by the markdown and the text-dump parser so both drop the same lines.
 */
const BOILERPLATE = [
  /^SOAP request and response examples\b/i,
  /^Implemented by the\b/i,
  /^Handled by the\b/i,
  /^Obtain a ticket from\b/i,
  /^Application tokens must be specified\b/i,
  /\bWSDL file for\b/i,
];

export function isSoapBoilerplate(plainText: string): boolean {
  const text = plainText.trim();
  return BOILERPLATE.some((pattern) => pattern.test(text));
}

/** `**personId:** The person…` (markdown) or `personId: The person…` (rendered text). */
export function splitParamDoc(text: string): { name: string; doc: string } | null {
  const match = /^(?:\*\*)?([A-Za-z_][\w.]*)(?::\*\*|\*\*:|:)[ \t]*([\s\S]*)$/.exec(text.trim());
  return match ? { name: match[1], doc: match[2] } : null;
}

/** `**Returns:** text` (markdown) or `Returns: text` (rendered text); null when the block is something else. */
export function returnsText(text: string): string | null {
  const match = /^(?:\*\*)?Returns(?::\*\*|\*\*:|:)[ \t]*([\s\S]*)$/.exec(text.trim());
  return match ? match[1] : null;
}
