/**
 * The one place templates are loaded and rendered. Templates only loop and print:
 * every decision is made in the TypeScript view model handed to `render`.
 */
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** `<repo>/templates`, found from this file so the cwd does not matter. */
export const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "templates");

const hbs = Handlebars.create();
hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);

const compiled = new Map<string, Handlebars.TemplateDelegate<object>>();

/** Renders `templates/<name>.hbs` (e.g. "docs/agent") with a view model; each template is compiled once. */
export function render(name: string, view: object): string {
  let template = compiled.get(name);
  if (template === undefined) {
    const source = readFileSync(path.join(templatesDir, `${name}.hbs`), "utf8").replace(/\r\n/g, "\n");
    template = hbs.compile<object>(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}
