/** View model of `<version>/types.ts`: every carrier, enum and dictionary of the version. */
import type { ServicesModel } from "../../ir/types.js";
import { kindOf } from "../kinds/index.js";
import type { TypeLookup } from "./ts-types.js";

export interface TypesView {
  version: string;
  /** Import lines (the runtime's XSI_TYPE, when a carrier has derived carriers). */
  imports: string[];
  /** Finished declarations (kinds/ through print.ts), in model order. */
  declarations: string[];
}

export function typesView(model: ServicesModel, types: TypeLookup): TypesView {
  const declarations = model.types.flatMap((type) => kindOf(type).declaration(type, types) ?? []);
  const polymorphic = model.types.some((type) => type.kind === "carrier" && type.derived);
  return { version: model.version, imports: polymorphic ? ['import type { XSI_TYPE } from "../runtime/index.js";'] : [], declarations };
}
