/**
 * Issue 11: EVERY request of EVERY operation of the corpus' agents (all Services88 WSDLs and the
 * Services86 User WSDL) is valid against the agent's own WSDL schemas, checked by libxml2
 * (xmllint-wasm, tests/support/xsd.ts) — request values fill every field (tests/support/
 * wire-values.ts), carriers others derive from are sent as each of their derived carriers
 * (xsi:type), and every header is configured, so only the headers the binding declares may appear.
 * One validator run per agent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServicesModel } from "../../generator/ir/types.js";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { generatedOutput, importRuntime, importWire, type GeneratedOutput } from "../support/generated.js";
import { corpusWsdl } from "../support/node-soap.js";
import { buildFrom } from "../support/pipeline.js";
import { WireValues } from "../support/wire-values.js";
import { validateAgainstWsdl } from "../support/xsd.js";

/** Every (version, agent) whose WSDL the corpus has; read before the tests are collected. */
const cases: { version: string; agent: string }[] = [];
if (hasCorpus) {
  const { models } = await buildFrom([corpusRoot]);
  for (const model of models) for (const agent of model.agents) if (corpusWsdl(model.version, agent.name) !== undefined) cases.push({ version: model.version, agent: agent.name });
}

let out: GeneratedOutput;
beforeAll(async () => {
  out = await generatedOutput("e2e-wire-xsd", [corpusRoot]);
});
afterAll(() => out?.remove());

const HEADERS = { applicationToken: "app-token", ticket: "7T:ticket==", timeZone: { SoTimeZoneId: 3, SoTimeZoneLocationCode: "UTC" } };

describe.skipIf(!hasCorpus)("every request of the corpus is valid against its WSDL's XSD", () => {
  it("covers every Services88 agent of the corpus and Services86 User", () => {
    expect(cases.filter((c) => c.version === "Services88").length).toBeGreaterThanOrEqual(30);
    expect(cases).toContainEqual({ version: "Services86", agent: "User" });
  });

  it.each(cases)("$version/$agent", async ({ version, agent }) => {
    const model = out.models.find((m) => m.version === version) as ServicesModel;
    const runtime = await importRuntime(out.dir);
    const wire = await importWire(out.dir, version, agent);
    const values = new WireValues(model, runtime.XSI_TYPE);
    const operations = model.agents.find((a) => a.name === agent)!.operations;
    const requests = operations.map((op) => {
      const request = Object.fromEntries(op.params.map((param) => [param.name, values.value(param.type)]));
      return runtime.buildSoapRequest(wire.schema, wire.operations[op.name]!, request, HEADERS);
    });
    const failures = await validateAgainstWsdl(corpusWsdl(version, agent)!, requests);
    expect(failures.map((f) => `${operations[f.document]?.name ?? "?"}: ${f.message}`)).toEqual([]);
    // The validator checks inside the request wrapper: an element the operation does not declare is reported.
    const broken = requests[0]!.replace(/(<s:Body><[^>]*?)(\/?)>/, (_all, open: string, empty: string) => `${open}><Bogus/>${empty ? `</${operations[0]!.requestElement}>` : ""}`);
    expect(await validateAgainstWsdl(corpusWsdl(version, agent)!, [broken])).not.toEqual([]);
    if (agent === "Selection" || agent === "Workflow") expect(requests.some((request) => /i:type="n\d+:\w+"/.test(request))).toBe(true);
  });
});
