/**
 * Issue 11 facts the corpus model must record, and how the types show them: enum names from
 * both sources (with provenance), carriers others derive from, stream responses, per-operation
 * request headers.
 */
import { describe, expect, it } from "vitest";
import { typesView } from "../../generator/emit/ts/carriers.js";
import { typeLookup } from "../../generator/emit/ts/ts-types.js";
import { wireView } from "../../generator/emit/ts/wire.js";
import type { CarrierType, EnumType, ServicesModel } from "../../generator/ir/types.js";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { buildFrom } from "../support/pipeline.js";

const services88 = async (): Promise<ServicesModel> => (await buildFrom([corpusRoot])).models.find((m) => m.version === "Services88")!;

describe.skipIf(!hasCorpus)("the Services88 corpus model", () => {
  it("records the enum names of the WSDL and of the OpenAPI files, and the unions hold both", async () => {
    const model = await services88();
    const enums = model.types.filter((type): type is EnumType => type.kind === "enum");
    const differing = enums.filter((type) => type.restValues && type.restValues.join() !== type.values.map((value) => value.name).join());
    expect(differing.length).toBeGreaterThanOrEqual(20);
    const modification = enums.find((type) => type.name === "ExternalUserInfoModification")!;
    expect(modification.values.map((value) => value.name)).toContain("UndefinedValue16");
    expect(modification.restValues).toEqual(["Unknown", "UserName", "Password", "Role", "Active", "All"]);
    expect(modification.restValuesSource?.path).toMatch(/openapi-v3-\w+\.json$/);

    const view = typesView(model, typeLookup(model));
    const declared = (name: string): string => view.declarations.find((d) => new RegExp(`^export (?:type|interface) ${name}\\b`, "m").test(d)) ?? "";
    const unionOf = (name: string): string => new RegExp(`^export type ${name} = (.*);$`, "m").exec(declared(name))?.[1] ?? "";
    for (const name of ["UserName", "UndefinedValue16", "Unknown", "All"]) expect(unionOf("ExternalUserInfoModification")).toContain(`"${name}"`);
    expect(declared("ExternalUserInfoModification")).toMatch(/Only the REST API's OpenAPI file .* lists `Unknown`, `All`/);
    expect(declared("ExternalUserInfoModification")).toMatch(/Only the WSDL lists `UndefinedValue16`/);
    // Every union holds every name either source lists.
    for (const type of differing) {
      const members = unionOf(type.name);
      for (const name of [...type.values.map((value) => value.name), ...type.restValues!]) expect(members, type.name).toContain(JSON.stringify(name));
    }
    // An empty flag set goes over REST as the zero name the OpenAPI file lists.
    const user = model.agents.find((agent) => agent.name === "User")!;
    expect(wireView(user, typeLookup(model)).declarations.map((d) => d.text)).toContain(`const ExternalUserInfoModification$: EnumDescriptor = {\n  kind: "enum",\n  flags: true,\n  empty: "Unknown",\n};`);
  });

  it("records the carriers derived from a declared carrier, and none for Carrier", async () => {
    const model = await services88();
    const carrier = (name: string) => model.types.find((type): type is CarrierType => type.kind === "carrier" && type.name === name)!;
    expect(carrier("BoardViewSettingsBase").derived).toEqual(["ContactPersonBoardViewSettings", "ProjectBoardViewSettings", "SaleBoardViewSettings"]);
    expect(carrier("WorkflowStepBase").derived).toContain("WorkflowStepSendEmail");
    expect(carrier("Carrier").derived).toBeUndefined();
    const selection = model.agents.find((agent) => agent.name === "Selection")!;
    const wire = wireView(selection, typeLookup(model)).declarations.map((d) => d.text);
    expect(wire.some((text) => text.startsWith("const SaleBoardViewSettings$: CarrierDescriptor = {"))).toBe(true);
    const view = typesView(model, typeLookup(model));
    const sale = view.declarations.find((d) => /^export interface SaleBoardViewSettings\b/m.test(d)) ?? "";
    expect(/\{\n(?:\s+(?:\/\*\*|\*).*\n)*\s+(.*)\n/.exec(sale)?.[1]).toBe(`readonly [XSI_TYPE]: "SaleBoardViewSettings";`);
    expect(view.declarations.find((d) => /^export interface BoardViewSettingsBase\b/m.test(d))).toMatch(/^export type AnyBoardViewSettingsBase = /m);
  });

  it("records stream responses and the request headers each operation declares", async () => {
    const model = await services88();
    const op = (agent: string, name: string) => model.agents.find((a) => a.name === agent)!.operations.find((o) => o.name === name)!;
    expect(op("BLOB", "GetBlobStream").rest.binaryResponse).toContain("application/octet-stream");
    expect(op("BLOB", "GetPersonImageWithSize").rest.binaryResponse).toContain("image/png");
    expect(op("User", "GetUser").rest.binaryResponse).toBeUndefined();
    for (const o of model.agents.find((a) => a.name === "SoPrincipal")!.operations) expect(o.requestHeaders, o.name).toEqual(["ApplicationToken"]);
    expect(op("User", "GetUser").requestHeaders).toEqual(["ApplicationToken", "Credentials", "TimeZone"]);
  });
});
