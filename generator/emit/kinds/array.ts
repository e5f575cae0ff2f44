/** `ArrayOfX` types: referred to inline as `X[]`, so they declare nothing and have no section of their own. */
import type { ArrayType } from "../../ir/types.js";
import { arrayOf } from "../../ir/type-ref.js";
import { placeholder } from "../docs/values.js";
import { typeDescriptor } from "../ts/wire.js";
import type { KindModule } from "./index.js";

export const arrayKind: KindModule<ArrayType> = {
  declaration() {
    return null;
  },

  descriptor: typeDescriptor,

  docs() {},

  example(type, index) {
    return placeholder(arrayOf(type.itemType), index);
  },
};
