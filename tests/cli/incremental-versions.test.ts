/**
 * Incremental runs across versions: the User agent in Services85, 87 and 88 with its REST agent
 * pages, the REST agent and entity OpenAPI files and the User entity's pages, so that an edit of one
 * input reaches outputs of other versions (REST docs every version reads, carrier docs in every
 * version's types, the diffs between versions, the entities of every version). After every step, a run
 * through the cache into the same --out equals a --no-cache run into a fresh folder, byte for byte,
 * and the step changed the output (so the comparison says something).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { scratchDir } from "../support/tmp.js";
import { incrementalEqualsCold } from "./support.js";

const scratch = scratchDir("incremental-versions");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const input = path.join(scratch, "input");
const out = path.join(scratch, "out");
const cache = path.join(scratch, "cache");

const generation2023 = "superoffice-docs-2023/docs/en/api/reference";
/** Corpus folders and files the input is made of, each copied under the same relative path. */
const PARTS = [
  `${generation2023}/soap/Services85/Services85-User.md`,
  `${generation2023}/soap/Services85/User`,
  `${generation2023}/soap/Services87/Services87-User.md`,
  `${generation2023}/soap/Services87/User`,
  "mintlify-docs/en/api/web-services/endpoints/soap/reference/Services88/Services88-User.md",
  "mintlify-docs/en/api/web-services/endpoints/soap/reference/Services88/User",
  `${generation2023}/restful/agent/User_Agent`,
  `${generation2023}/restful/rest/User`,
  "mintlify-docs/en/api/web-services/endpoints/agents-webapi/reference/openapi-v3-UserAgent.json",
  "mintlify-docs/en/api/web-services/endpoints/rest-webapi/reference/openapi-v3-User.json",
];

const at = (part: string): string => path.join(input, part);
const services85Wsdl = at(PARTS[0]);
const services87GetUser = at(`${PARTS[3]}/GetUser.md`);
const services88Wsdl = at(PARTS[4]);
const restGetUser = at(`${PARTS[6]}/v1UserAgent_GetUser.md`);
const entityDelete = at(`${PARTS[7]}/v1User_DeleteUser.md`);
const agentOpenApi = at(PARTS[8]);
const entityOpenApi = at(PARTS[9]);

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

let removedWsdl = "";

/** Each step changes the inputs; `reaches`: output paths (prefixes) where some file must change. */
const steps: { name: string; change: () => void; reaches?: string[] }[] = [
  { name: "a Services87 SOAP page gains a description", change: () => edit(services87GetUser, "## GetUser\n", "## GetUser\n\nReturns the user with the given id (edited in Services87).\n"), reaches: ["services87/agents/", "docs/Services87/"] },
  // Services87 keeps the description its own page now gives.
  { name: "a REST agent page's description edited (the versions without their own read it)", change: () => edit(restGetUser, "Gets a User object.", "Gets one User object by its id."), reaches: ["services85/agents/", "services88/agents/"] },
  { name: "a carrier field's description edited in the REST agent OpenAPI file (every version's types)", change: () => edit(agentOpenApi, '"The name of the license owner"', '"The name of the licence owner"'), reaches: ["services85/types.ts", "services87/types.ts", "services88/types.ts"] },
  { name: "an operation renamed in the Services85 WSDL (the diffs change)", change: () => edit(services85Wsdl, '<wsdl:operation name="GetUserGroup">', '<wsdl:operation name="GetUserGroupRenamed">'), reaches: ["services85/agents/", "docs/diff-Services85-Services87"] },
  { name: "the REST entity OpenAPI file's summary edited", change: () => edit(entityOpenApi, '"summary": "Gets a User object."', '"summary": "Gets one User object."'), reaches: ["services85/entities/", "services88/entities/"] },
  { name: "the REST entity OpenAPI file deleted (the entity pages alone describe the entity)", change: () => rmSync(entityOpenApi) },
  { name: "a REST entity page's description edited", change: () => edit(entityDelete, "Deletes the User\n", "Deletes the User, for good.\n"), reaches: ["services85/entities/", "services88/entities/"] },
  { name: "the Services87 SOAP page deleted", change: () => rmSync(services87GetUser) },
  {
    name: "the Services88 WSDL page deleted (the version goes)",
    change: () => {
      removedWsdl = readFileSync(services88Wsdl, "utf8");
      rmSync(services88Wsdl);
    },
  },
  { name: "the Services88 WSDL page back", change: () => writeFileSync(services88Wsdl, removedWsdl), reaches: ["services88/", "docs/diff-Services87-Services88"] },
];

describe.skipIf(!hasCorpus)("incremental runs equal cold runs when an edit reaches other versions", () => {
  it("runs a first time", async () => {
    for (const part of PARTS) {
      mkdirSync(path.dirname(at(part)), { recursive: true });
      cpSync(path.join(corpusRoot, part), at(part), { recursive: true });
    }
    const first = await generate({ inputs: [input], out, cache });
    expect(first.exitCode).toBe(0);
    expect(first.versions.map((version) => version.version)).toEqual(["Services85", "Services87", "Services88"]);
  });

  for (const step of steps) {
    it(step.name, async () => {
      const { before, now } = await incrementalEqualsCold(input, out, cache, step.change);
      expect(now).not.toEqual(before);
      const changed = [...now.keys()].filter((file) => now.get(file) !== before.get(file));
      for (const folder of step.reaches ?? []) expect(changed.some((file) => file.startsWith(folder)), folder).toBe(true);
    });
  }
});
