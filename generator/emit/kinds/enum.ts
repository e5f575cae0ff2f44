/** Enums and flags enums: a union of string literals with its values array, a values table. */
import type { EnumType } from "../../ir/types.js";
import { code, codeCell } from "../docs/markdown.js";
import { typeName } from "../naming.js";
import { enumNames } from "../ts/ts-types.js";
import { literal, printConstArray, printTypeAlias, together, union } from "../ts/print.js";
import { typeDescriptor } from "../ts/wire.js";
import type { KindModule } from "./index.js";

export const enumKind: KindModule<EnumType> = {
  declaration(type) {
    const name = typeName(type.name);
    const names = enumNames(type);
    const literals = names.map(literal);
    const numbering = type.values.some((value) => value.value !== null)
      ? `Values: ${type.values.map((value) => (value.value === null ? value.name : `${value.name} = ${value.value}`)).join(", ")}.`
      : "";
    const kind = type.flags ? "Flags: a set of these names (an array in TypeScript, space-separated in XML)." : "";
    return together(
      printTypeAlias([type.doc, kind, numbering, enumProvenance(type)].filter(Boolean).join("\n\n"), name, union(literals)),
      printConstArray(`Every value of {@link ${name}}, in schema order${names.length > type.values.length ? ", then those only the OpenAPI file lists" : ""}.`, `${name}Values`, literals),
    );
  },

  descriptor: typeDescriptor,

  docs(type, view) {
    view.isEnum = true;
    view.facts.push(
      type.flags
        ? `Flags: a value is a list of names, ${code(`${typeName(type.name)}[]`)} in TypeScript (space-separated in SOAP, comma-separated in REST).`
        : `One of the names below, a string literal in TypeScript.`,
    );
    view.facts.push(`Underlying numeric type ${code(type.underlying)}.`);
    view.facts.push(`A name the server sends that is not listed below arrives unchanged, as its string.`);
    const numbers = new Map(type.values.map((v) => [v.name, v.value]));
    const rest = type.restValues;
    view.values = enumNames(type).map((name) => {
      const value = numbers.get(name);
      const listedBy = numbers.has(name) ? (rest === undefined || rest.includes(name) ? "WSDL, OpenAPI" : "WSDL") : "OpenAPI";
      return { name: codeCell(name), value: value === undefined || value === null ? "—" : String(value), listedBy: rest === undefined ? "WSDL" : listedBy };
    });
    view.hasValues = view.values.length > 0;
  },

  example(type) {
    const first = type.values[0];
    const literal = JSON.stringify(first?.name ?? "");
    return type.flags ? (first ? `[${literal}]` : "[]") : literal;
  },
};

/** Where the names come from, when the WSDL and the OpenAPI files do not list the same ones. */
function enumProvenance(type: EnumType): string {
  const wsdl = type.values.map((value) => value.name);
  const rest = type.restValues ?? [];
  const onlyWsdl = type.restValues ? wsdl.filter((name) => !rest.includes(name)) : [];
  const onlyRest = rest.filter((name) => !wsdl.includes(name));
  const where = type.restValuesSource ? ` (${type.restValuesSource.path})` : "";
  return [
    onlyRest.length ? `Only the REST API's OpenAPI file${where} lists ${onlyRest.map((name) => `\`${name}\``).join(", ")}.` : "",
    onlyWsdl.length ? `Only the WSDL lists ${onlyWsdl.map((name) => `\`${name}\``).join(", ")}.` : "",
    "A name the server sends that is not listed here arrives unchanged, as its string.",
  ]
    .filter(Boolean)
    .join(" ");
}
