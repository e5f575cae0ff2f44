/** Helpers to drive node-soap (the independent SOAP stack) from the runtime's test fixtures. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot, services88Dir } from "../corpus.js";
import type { TypeDescriptor } from "../../templates/runtime/index.js";

/** The real Services88 User WSDL from the corpus (the ```xml fence of its reference page), or undefined. */
export function corpusUserWsdl(): string | undefined {
  const page = path.join(services88Dir, "Services88-User.md");
  if (!existsSync(page)) return undefined;
  const text = readFileSync(page, "utf8");
  const m = /```xml\r?\n([\s\S]*?)\r?\n```/.exec(text);
  return m?.[1];
}

/** Our own small User WSDL in input/ (no GetUser/SaveUser). */
export function inputUserWsdl(): string {
  return readFileSync(path.join(repoRoot, "input", "Services88-User.wsdl"), "utf8");
}

const PRIMITIVE_DATE = new Set(["dateTime"]);

/**
 * Converts a value in the runtime's shape (arrays as arrays, dictionaries as records, flags as
 * arrays, Dates) to node-soap's object shape (item/entry wrapper objects, lists as strings, ISO
 * strings since node-soap's server cannot serialise Date objects).
 */
export function toNodeSoap(value: unknown, type: string, types: Readonly<Record<string, TypeDescriptor>>): unknown {
  if (value === null || value === undefined) return undefined;
  const desc = types[type];
  if (desc === undefined) {
    if (PRIMITIVE_DATE.has(type) && value instanceof Date) return value.toISOString();
    return value;
  }
  switch (desc.kind) {
    case "enum":
      return desc.flags && Array.isArray(value) ? value.join(" ") : value;
    case "array": {
      const items = (value as unknown[]).map((item) => toNodeSoap(item, desc.item, types));
      return items.length === 0 ? {} : { [desc.element]: items };
    }
    case "dictionary": {
      const entries = Object.entries(value as Record<string, unknown>).map(([Key, v]) => ({ Key, Value: toNodeSoap(v, desc.value, types) }));
      return entries.length === 0 ? {} : { [desc.entry]: entries };
    }
    case "carrier": {
      const out: Record<string, unknown> = {};
      const chain: (readonly [string, string, number?])[] = [];
      let current: TypeDescriptor | undefined = desc;
      const own: (readonly (readonly [string, string, number?])[])[] = [];
      while (current !== undefined && current.kind === "carrier") {
        own.unshift(current.fields);
        current = current.base === undefined ? undefined : types[current.base];
      }
      for (const fields of own) chain.push(...fields);
      const record = value as Record<string, unknown>;
      for (const [name, fieldType] of chain) {
        const converted = toNodeSoap(record[name], fieldType, types);
        if (converted !== undefined) out[name] = converted;
      }
      return out;
    }
  }
}
