/**
 * The one writer of doc comments in the generated code: doc text and tags → the lines of a TSDoc
 * comment, every text escaped by escapeTsdoc (../escape.ts) so it stays inside `/** … *\/`.
 */
import { escapeTsdoc } from "../escape.js";

export interface DocTags {
  params?: { name: string; text: string }[];
  returns?: string;
  see?: string[];
  remarks?: string;
}

/** Lines of a complete comment ("/**", " * …", " *\/"), or [] when there is nothing to say. */
export function tsdoc(text: string, tags: DocTags = {}): string[] {
  const body: string[] = [...escapeTsdoc(text)];
  if (tags.remarks) body.push(...(body.length ? [""] : []), "@remarks", ...escapeTsdoc(tags.remarks));
  const tagLines: string[] = [];
  for (const param of tags.params ?? []) if (param.text) tagLines.push(...prefixFirst(`@param ${escapeTsdoc(param.name).join(" ")} - `, escapeTsdoc(param.text)));
  if (tags.returns) tagLines.push(...prefixFirst("@returns ", escapeTsdoc(tags.returns)));
  // A see line quotes the inputs too (a soapAction, an OpenAPI path or operationId): escaped like any text.
  for (const see of tags.see ?? []) tagLines.push(...prefixFirst("@see ", escapeTsdoc(see)));
  if (tagLines.length && body.length) body.push("");
  body.push(...tagLines);
  if (body.length === 0) return [];
  return ["/**", ...body.map((line) => (line ? ` * ${line}` : " *")), " */"];
}

function prefixFirst(prefix: string, lines: readonly string[]): string[] {
  return lines.map((line, index) => (index === 0 ? prefix + line : line));
}
