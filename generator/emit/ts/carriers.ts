/** View model of `<version>/types.ts`: every carrier, enum and dictionary of the version. */
import type { ServicesModel } from "../../ir/types.js";
import { kindOf } from "../kinds/index.js";
import type { TypeLookup } from "./ts-types.js";

export interface TypesView {
  version: string;
  /** Import lines (the runtime's XSI_TYPE, when a carrier has derived carriers). */
  imports: string[];
  declarations: DeclarationView[];
}

export interface DeclarationView {
  doc: string[];
  /** Exactly one of these is set, so the template only picks a shape. */
  carrier?: {
    name: string;
    extendsClause: string;
    fields: { doc: string[]; signature: string }[];
    /** `AnyX`: the carrier or one derived from it, for carriers others derive from. */
    family?: { doc: string[]; name: string; members: string };
  };
  union?: { name: string; members: string; valuesName: string; valuesDoc: string[]; values: string };
  record?: { name: string; valueType: string };
}

export function typesView(model: ServicesModel, types: TypeLookup): TypesView {
  const declarations = model.types.flatMap((type) => kindOf(type).declaration(type, types) ?? []);
  const polymorphic = model.types.some((type) => type.kind === "carrier" && type.derived);
  return { version: model.version, imports: polymorphic ? ['import type { XSI_TYPE } from "../runtime/index.js";'] : [], declarations };
}
