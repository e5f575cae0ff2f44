/**
 * Incremental runs give a cold run's output byte for byte: after each step of edits, additions and
 * deletions of pages and WSDLs, a run through the cache into the same --out leaves it equal to a
 * --no-cache run into a fresh folder (deleted outputs gone included), and files whose content did
 * not change are not rewritten (mtime kept). Unchanged inputs are not read again (their discovery
 * is remembered), so the steps include a lost parse cache and a file with discovery warnings.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { entityOpenApiDir, openApiDir, restUserDir, services88Dir } from "../corpus.js";
import { scratchDir } from "../support/tmp.js";
import { copyInput, incrementalEqualsCold } from "./support.js";

const scratch = scratchDir("incremental");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const input = copyInput(path.join(scratch, "input"));
const out = path.join(scratch, "out");
const cache = path.join(scratch, "cache");

function mtimes(root: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) found.set(path.relative(root, full).split(path.sep).join("/"), statSync(full).mtimeMs);
  }
  return found;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

const addedWsdlPage = path.join(input, "corpus", "Services88-Webhook.md");
const addedSoapPage = path.join(input, "corpus", "Webhook", "GetWebhook.md");
const addedRestPage = path.join(input, "corpus", "v1UserAgent_CanChangePassword.md");
const seedPage = path.join(input, "seeds", "001_0182cecb279bd4a6.txt");
const notUtf8Page = path.join(input, "corpus", "notes-latin1.md");
const openApiFile = path.join(input, "corpus", "openapi-v3-UserAgent.json");
const entityOpenApiFile = path.join(input, "corpus", "openapi-v3-Presence.json");

/** Each step changes the inputs; `files` says how the set of output files moves, `reused` that nothing is rebuilt. */
const steps: { name: string; change: () => void; files: "more" | "fewer" | "same"; reused?: true }[] = [
  { name: "nothing changed", change: () => undefined, files: "same", reused: true },
  {
    name: "a WSDL page, an operation page and a REST page added",
    change: () => {
      cpSync(path.join(services88Dir, "Services88-Webhook.md"), addedWsdlPage);
      cpSync(path.join(services88Dir, "Webhook", "GetWebhook.md"), addedSoapPage);
      cpSync(path.join(restUserDir, "v1UserAgent_CanChangePassword.md"), addedRestPage);
    },
    files: "more",
  },
  // As `npm run bench` does: a page no version owns, so its agent is built again in each version, and only there.
  { name: "a REST page's description edited", change: () => edit(addedRestPage, "Check if the current assoicate can change the password", "Checks whether the current associate may change the password"), files: "same" },
  { name: "a SOAP page's description edited", change: () => edit(seedPage, "Creates an associate of type external user.", "Creates an external user (incremental test)."), files: "same" },
  { name: "a WSDL edited", change: () => edit(path.join(input, "Services88-User.wsdl"), "<wsdl:portType", "<!-- edited --><wsdl:portType"), files: "same" },
  { name: "an added WSDL page edited", change: () => edit(addedWsdlPage, "<wsdl:portType", "<!-- edited too --><wsdl:portType"), files: "same" },
  { name: "a page touched, its bytes unchanged", change: () => writeFileSync(addedRestPage, readFileSync(addedRestPage)), files: "same", reused: true },
  // Discovery's warnings for it are remembered by the runs after (cache/discovery-memo.ts), which do not read it.
  { name: "a page that is not UTF-8 added", change: () => writeFileSync(notUtf8Page, Buffer.from("# Notes\n\ncaf\xe9\n", "latin1")), files: "same" },
  {
    name: "the parse cache lost (the discovery memo kept) and a WSDL edited",
    change: () => {
      for (const name of readdirSync(cache).filter((file) => file.startsWith("parse-"))) rmSync(path.join(cache, name));
      edit(path.join(input, "Services88-User.wsdl"), "<!-- edited --><wsdl:portType", "<!-- edited again --><wsdl:portType");
    },
    files: "same",
  },
  // The model memo keys every agent and the types by the OpenAPI files, the entities by theirs.
  {
    name: "an agent's OpenAPI file and an entity's added",
    change: () => {
      cpSync(path.join(openApiDir, "openapi-v3-UserAgent.json"), openApiFile);
      cpSync(path.join(entityOpenApiDir, "openapi-v3-Presence.json"), entityOpenApiFile);
    },
    files: "more",
  },
  { name: "the agent's OpenAPI file edited", change: () => edit(openApiFile, '"Creates an associate of type external user."', '"Creates an external user (OpenAPI edit)."'), files: "same" },
  { name: "the entity's OpenAPI file edited", change: () => edit(entityOpenApiFile, "Get the chat presence status for all chat users", "Gets every chat user's presence (edited)"), files: "same" },
  { name: "both OpenAPI files deleted", change: () => [openApiFile, entityOpenApiFile].forEach((file) => rmSync(file)), files: "fewer" },
  {
    name: "the WSDL page and its operation page deleted",
    change: () => {
      rmSync(addedWsdlPage);
      rmSync(addedSoapPage);
    },
    files: "fewer",
  },
  { name: "a seed page and the REST page deleted", change: () => [seedPage, addedRestPage].forEach((file) => rmSync(file)), files: "same" },
];

describe("incremental runs equal cold runs after every change", () => {
  it("runs a first time", async () => {
    const first = await generate({ inputs: [input], out, cache });
    expect(first.exitCode).toBe(0);
  });

  for (const step of steps) {
    it(`${step.name}`, async () => {
      const beforeTimes = mtimes(out);
      const { incremental, before, now } = await incrementalEqualsCold(input, out, cache, step.change);
      expect(incremental.cache.reused).toBe(step.reused === true);

      const sizeChange = Math.sign(now.size - before.size);
      expect(sizeChange).toBe({ more: 1, fewer: -1, same: 0 }[step.files]);
      const nowTimes = mtimes(out);
      const untouched = [...now.keys()].filter((file) => before.get(file) === now.get(file));
      for (const file of untouched) expect(nowTimes.get(file), file).toBe(beforeTimes.get(file));
      if (untouched.length === now.size) expect(incremental.written).toBe(false);
      else expect(incremental.written).toBe(true);
    });
  }
});
