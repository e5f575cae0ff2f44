/** Text as discover hands it to the parsers (BOM off, LF line ends): the parsers never normalise it again. */
import { decodeInput } from "../../generator/discover/decode.js";

export function decoded(text: string): string {
  return decodeInput(Buffer.from(text, "utf8")).text;
}
