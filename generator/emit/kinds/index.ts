/**
 * One module per type kind: each owns what every emitter does with a type of its kind (its
 * declaration in `<version>/types.ts`, its wire descriptor, its section on the docs' types page,
 * an example value of it). The map is keyed by `TypeDef["kind"]`, so a new kind in the IR is a
 * compile error here until it has a module. (The diff entry per kind is the model stage's, see
 * model/type-diff.ts: a stage never imports a later one.)
 */
import type { TypeDef } from "../../ir/types.js";
import type { TypeLookup } from "../ts/ts-types.js";
import type { TypeDocsView } from "../docs/types-page.js";
import type { TypeLinks } from "../docs/version-index.js";
import { arrayKind } from "./array.js";
import { carrierKind } from "./carrier.js";
import { dictionaryKind } from "./dictionary.js";
import { enumKind } from "./enum.js";

export interface KindModule<T extends TypeDef> {
  /** Its declaration(s) in `<version>/types.ts`, printed by ts/print.ts; null for a kind only referred to inline (arrays: `X[]`). */
  declaration(type: T, types: TypeLookup): string | null;
  /** Its wire descriptor as printed in a wire module; `nsName` names a namespace's variable (undefined: left out). */
  descriptor(type: T, nsName: (namespace: string) => string | undefined): string;
  /** Fills the facts, fields and values of its section on the types page (a kind without a section leaves the view as it is). */
  docs(type: T, view: TypeDocsView, index: TypeLinks): void;
  /** An example value of it, as TypeScript, for the docs' example calls. */
  example(type: T, index: TypeLinks): string;
}

type KindModules = { [K in TypeDef["kind"]]: KindModule<Extract<TypeDef, { kind: K }>> };

const KINDS: KindModules = { carrier: carrierKind, enum: enumKind, dictionary: dictionaryKind, array: arrayKind };

/** The module of a type's kind. */
export function kindOf<T extends TypeDef>(type: T): KindModule<T> {
  return KINDS[type.kind] as unknown as KindModule<T>;
}
