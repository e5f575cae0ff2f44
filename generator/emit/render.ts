/**
 * Renders `templates/<name>.hbs` with a view model. Templates are compiled once
 * per process; they only loop and print, so the one helper is `eq` (for
 * conditionals over view-model fields), plus partials from `templates/partials/`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { templatesDir } from "../paths.js";

const handlebars = Handlebars.create();
handlebars.registerHelper("eq", (a: unknown, b: unknown) => a === b);
const compiled = new Map<string, Handlebars.TemplateDelegate>();
let partialsLoaded = false;

export function render(name: string, view: object): string {
  if (!partialsLoaded) loadPartials();
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(path.join(templatesDir, `${name}.hbs`), "utf8").replace(/\r\n/g, "\n");
    template = compile(source);
    compiled.set(name, template);
  }
  return template(view);
}

// strict: a view-model field missing from the template's data is a bug, not an empty string.
// No template reads @index and the like, and `eq` is the only helper: without data frames and
// helper lookups the compiled templates call straight through.
function compile(source: string): Handlebars.TemplateDelegate {
  return handlebars.compile(source, { noEscape: true, strict: true, data: false, knownHelpers: { eq: true }, knownHelpersOnly: true });
}

function loadPartials(): void {
  partialsLoaded = true;
  const dir = path.join(templatesDir, "partials");
  let names: string[];
  try {
    names = readdirSync(dir).filter((file) => file.endsWith(".hbs"));
  } catch {
    return;
  }
  // Compiled here: a partial registered as text is compiled again at every render that uses it
  // (Handlebars caches it only in the render's own copy of the partials).
  for (const file of names) handlebars.registerPartial(file.slice(0, -4), compile(readFileSync(path.join(dir, file), "utf8").replace(/\r\n/g, "\n")));
}
