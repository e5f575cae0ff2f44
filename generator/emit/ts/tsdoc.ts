/** Doc text → the lines of a TSDoc comment, safe inside `/** … *\/`. */

export interface DocTags {
  params?: { name: string; text: string }[];
  returns?: string;
  see?: string[];
  remarks?: string;
}

/** Lines of a complete comment ("/**", " * …", " *\/"), or [] when there is nothing to say. */
export function tsdoc(text: string, tags: DocTags = {}): string[] {
  const body: string[] = [...proseLines(text)];
  if (tags.remarks) body.push(...(body.length ? [""] : []), "@remarks", ...proseLines(tags.remarks));
  const tagLines: string[] = [];
  for (const param of tags.params ?? []) if (param.text) tagLines.push(...prefixFirst(`@param ${param.name} - `, proseLines(param.text)));
  if (tags.returns) tagLines.push(...prefixFirst("@returns ", proseLines(tags.returns)));
  for (const see of tags.see ?? []) tagLines.push(`@see ${see}`);
  if (tagLines.length && body.length) body.push("");
  body.push(...tagLines);
  if (body.length === 0) return [];
  return ["/**", ...body.map((line) => (line ? ` * ${line}` : " *")), " */"];
}

function proseLines(text: string): string[] {
  const cleaned = text.replace(/\*\//g, "*\\/").replace(/[ \t]+$/gm, "").trim();
  if (!cleaned) return [];
  // A line starting with "@" would read as a tag.
  return cleaned.split("\n").map((line) => line.replace(/^(\s*)@/, "$1\\@"));
}

function prefixFirst(prefix: string, lines: string[]): string[] {
  return lines.map((line, index) => (index === 0 ? prefix + line : line));
}
