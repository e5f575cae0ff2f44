/** Helpers to drive node-soap (the independent SOAP stack) from the runtime's test fixtures; shared ones live in tests/support/node-soap.ts. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../corpus.js";
import { corpusWsdl } from "../support/node-soap.js";

export { toNodeSoap } from "../support/node-soap.js";

/** The real Services88 User WSDL from the corpus (the ```xml fence of its reference page), or undefined. */
export function corpusUserWsdl(): string | undefined {
  return corpusWsdl("Services88", "User");
}

/** Our own small User WSDL in input/ (no GetUser/SaveUser). */
export function inputUserWsdl(): string {
  return readFileSync(path.join(repoRoot, "input", "Services88-User.wsdl"), "utf8");
}
