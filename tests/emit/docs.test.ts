import { describe, expect, it } from "vitest";
import { emitDocs, slugify, Slugger } from "../../generator/emit/docs/index.js";
import { provenanceNote } from "../../generator/emit/docs/provenance.js";
import { diffConsecutive, diffModels } from "../../generator/model/diff.js";
import type { Operation, ServicesModel } from "../../generator/ir/types.js";
import { operation, param, restPage, services86, services88 } from "../fixtures/models.js";
import { brokenLinks, proseLines, raggedRows } from "../support/links.js";

function generate(models: ServicesModel[] = [services86(), services88()]): Map<string, string> {
  return emitDocs(models, diffConsecutive(models));
}

function file(files: Map<string, string>, name: string): string {
  const text = files.get(name);
  if (text === undefined) throw new Error(`missing ${name}; have ${[...files.keys()].join(", ")}`);
  return text;
}


describe("emitDocs", () => {
  it("writes the documented layout", () => {
    expect([...generate().keys()]).toEqual([
      "docs/README.md",
      "docs/Services86/README.md",
      "docs/Services86/types.md",
      "docs/Services86/User.md",
      "docs/Services88/README.md",
      "docs/Services88/types.md",
      "docs/Services88/User.md",
      "docs/diff-Services86-Services88.md",
      "docs/diff-Services86-Services88.json",
    ]);
  });

  it("documents every operation with seed prose, signature, SOAP action, REST endpoint and examples", () => {
    const user = file(generate(), "docs/Services86/User.md");
    expect(user).toContain("## CreateExternalUser\n");
    expect(user).toContain("## SetExternalUserInfo\n");
    expect(user).toContain("## SetPassword\n");
    expect(user).toContain("Creates an associate of type external user.");
    expect(user).toContain("| `UserName` | `string \\| null` | Login username. |");
    expect(user).toContain(
      "createExternalUser(request: { PersonId: number; UserName: string | null; Password: string | null; RoleId: number; IsActive: boolean }): Promise<number>",
    );
    expect(user).toContain("setPassword(request: { AssociateId: number; Password: string | null }): Promise<boolean>");
    expect(user).toContain("ExternalUserInfoModification: ExternalUserInfoModification[] }): Promise<void>");
    expect(user).toContain("**Returns:** `number` — Returns the created associateId.");
    expect(user).toContain("action `http://www.superoffice.net/ws/crm/NetServer/Services86/User/CreateExternalUser`");
    expect(user).toContain("**REST:** `POST /api/v1/Agents/User/SetExternalUserInfo`");
    expect(user).toContain("const result = await soap.user.createExternalUser({\n  PersonId: 0,\n  UserName: \"text\",");
    expect(user).toContain("await rest.user.setExternalUserInfo({");
    expect(user).toContain('  ExternalUserInfoModification: ["UserName"],');
    expect(user).toContain('const result = await rest.user.setPassword({ AssociateId: 0, Password: "text" });');
    // Operations appear sorted.
    expect(user.indexOf("## CreateExternalUser")).toBeLessThan(user.indexOf("## SetExternalUserInfo"));
    expect(user.indexOf("## SetExternalUserInfo")).toBeLessThan(user.indexOf("## SetPassword"));
  });

  it("an input path with a line break, a pipe, backticks or markup shows as the text it is, on one line", () => {
    const note = provenanceNote("Description", { origin: "rest-page", path: "d5/a\nb|c`d<b>e</b>[x](y).md", line: 9 });
    expect(note).toBe("<sub>Description from the REST reference page (``d5/a\\nb|c`d<b>e</b>[x](y).md:9``).</sub>");
  });

  it("says in small print where an inherited doc came from, and nothing for SOAP-page docs", () => {
    const user = file(generate(), "docs/Services88/User.md");
    expect(user).toContain("Modifies an external user.\n\nChanges external users information according to the flags set in  externalUserInfoModification.");
    expect(user).toContain("<sub>Description from the REST reference page (`input/seeds/002_4ba421d35adb619a.txt:12`).</sub>");
    expect(user).toContain("| `AssociateId` | `number` | The associateId to alter. <sub>(from REST page)</sub> |");
    const create = user.slice(user.indexOf("## CreateExternalUser"), user.indexOf("## SaveUntrusted"));
    expect(create).not.toContain("<sub>");

    const older = services86();
    const newer = services88();
    const op = newer.agents[0].operations.find((o) => o.name === "SetPassword")!;
    op.doc = "Sets a password.";
    op.docSource = { origin: "previous-version", path: "input/seeds/003_ed54bfc7b7221d82.txt", line: 14, version: "Services86" };
    const files = emitDocs([older, newer], []);
    expect(file(files, "docs/Services88/User.md")).toContain(
      "<sub>Description from the Services86 reference (`input/seeds/003_ed54bfc7b7221d82.txt:14`).</sub>",
    );
    expect(file(files, "docs/Services88/types.md")).toContain("<sub>Description from the OpenAPI file (`corpus/openapi/User.json:10`).</sub>");
  });

  it("links types to their sections and documents carriers, enums and dictionaries", () => {
    const files = generate();
    const user = file(files, "docs/Services88/User.md");
    expect(user).toContain("| `Credentials` | [`UntrustedCredentials \\| null`](types.md#untrustedcredentials) |  |");
    expect(user).toContain("| `ExternalUserInfoModification` | [`ExternalUserInfoModification[]`](types.md#externaluserinfomodification) |");
    const types = file(files, "docs/Services88/types.md");
    expect(types).toContain("### UntrustedCredentials\n\nCredentials for a system not trusted by NetServer.");
    expect(types).toContain("Extends [`Carrier`](#carrier).");
    expect(types).toContain("| `ValidFrom?` | `Date` | Start of the validity period. <sub>(from OpenAPI)</sub> |");
    expect(types).toContain("| `Comment?` | `string \\| null` | A comment \\| with a pipe. <sub>(from OpenAPI)</sub> |");
    expect(types).toContain("| `Mask?` | [`ETableRight[]`](#etableright) |  |");
    expect(types).toContain("| `Select` | 1 |");
    expect(types).toContain("| `UserName` | — |");
    expect(types).toMatch(/### ExternalUserInfoModification\n\nFlags: /);
    expect(types).toContain("A map from `string` to [`FieldProperty`](#fieldproperty)");
    expect(types.indexOf("## Carriers")).toBeLessThan(types.indexOf("## Enums"));
    expect(types.indexOf("## Enums")).toBeLessThan(types.indexOf("## Dictionaries"));
    for (const [name, text] of files) if (name.endsWith(".md")) expect(raggedRows(text), name).toEqual([]);
  });

  it("writes version pages and the diff between consecutive versions", () => {
    const files = generate([services88(), services86()]);
    const root = file(files, "docs/README.md");
    expect(root).toContain("| [Services86](Services86/README.md) | 1 | 3 | 1 |  |");
    expect(root).toContain("| [Services88](Services88/README.md) | 1 | 4 | 9 | [since Services86](diff-Services86-Services88.md) |");
    const v88 = file(files, "docs/Services88/README.md");
    expect(v88).toContain("[Changes since Services86](../diff-Services86-Services88.md)");
    expect(v88).toContain("| [User](User.md) | 4 |");
    expect(file(files, "docs/Services86/README.md")).not.toContain("Changes since");
    const diff = file(files, "docs/diff-Services86-Services88.md");
    expect(diff).toContain(
      "- [`User.SaveUntrustedCredentialsForAssociate`](Services88/User.md#saveuntrustedcredentialsforassociate): `SaveUntrustedCredentialsForAssociate(AssociateId: int, Type: string, Credentials: UntrustedCredentials): void`",
    );
    expect(diff).toContain("  - request header added: `TimeZone: SoTimeZone`");
    expect(JSON.parse(file(files, "docs/diff-Services86-Services88.json"))).toEqual(diffModels(services86(), services88()));
  });

  it("says which request headers an operation sends only where they are not the agent's", () => {
    const model = services88();
    model.agents[0].operations.find((o) => o.name === "SetPassword")!.requestHeaders = ["ApplicationToken"];
    const page = file(generate([model]), "docs/Services88/User.md");
    expect(page).toContain("- SOAP request headers: `ApplicationToken` (`string`), `Credentials` (`SoCredentials`), `TimeZone` (`SoTimeZone`)");
    const own = page.match(/\*\*SOAP request headers:\*\* .*/g);
    expect(own).toEqual(["**SOAP request headers:** `ApplicationToken` (`string`)"]);
    expect(page.slice(page.indexOf("## SetPassword"))).toContain(own![0]);
  });

  it("lists the request headers an operation gained or lost in the version diff", () => {
    const older = services88();
    const newer = services88();
    newer.version = "Services90";
    // Only the version name in the SOAP actions changes, which the diff ignores.
    for (const op of newer.agents[0].operations) op.soapAction = op.soapAction.replace("Services88", "Services90");
    newer.agents[0].operations.find((o) => o.name === "SetPassword")!.requestHeaders = ["ApplicationToken"];
    const diff = file(generate([older, newer]), "docs/diff-Services88-Services90.md");
    expect(diff).toContain("- [`User.SetPassword`](Services90/User.md#setpassword)\n  - signature: `SetPassword(AssociateId: int, Password: string): boolean`\n  - request header removed: `Credentials`\n  - request header removed: `TimeZone`");
  });

  it("shows the old and the new signature of a changed operation", () => {
    const older = services88();
    const newer = services88();
    newer.version = "Services90";
    newer.agents[0].operations.find((o) => o.name === "CreateExternalUser")!.params[0].type = "long";
    newer.agents[0].operations = newer.agents[0].operations.filter((o) => o.name !== "SetPassword");
    const files = generate([older, newer]);
    const diff = file(files, "docs/diff-Services88-Services90.md");
    expect(diff).toContain("- [`User.CreateExternalUser`](Services90/User.md#createexternaluser)");
    expect(diff).toContain("  - before: `CreateExternalUser(PersonId: int, UserName: string, Password: string, RoleId: int, IsActive: boolean): int`");
    expect(diff).toContain("  - after: `CreateExternalUser(PersonId: long, UserName: string, Password: string, RoleId: int, IsActive: boolean): int`");
    expect(diff).toContain("  - parameter `PersonId`: `int` → `long`");
    // Removed operations link to the older version's page.
    expect(diff).toContain("- [`User.SetPassword`](Services88/User.md#setpassword): `SetPassword(AssociateId: int, Password: string): boolean`");
    expect(brokenLinks(files).broken).toEqual([]);
  });

  it("resolves every relative link to an existing file and anchor", () => {
    const { broken, checked } = brokenLinks(generate());
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it("keeps links, headings and tables intact for hostile names and prose", () => {
    const model = services88();
    const agent = model.agents[0];
    agent.doc = "Manages users. See [the guide](../guide.md) or [the site](https://docs.superoffice.com/).\n# Not a heading\n```\nnot a fence";
    const hostile: Operation = operation("Services88", {
      name: "Delete",
      params: [param("Default", "string", "A | pipe\nand a second line", restPage("x.md", 1)), param("Ids", "int[]"), param("Credentials", "UntrustedCredentials[]")],
      returns: "Carriers",
      doc: "Deletes.\nsetext?\n---\n[relative](Other.md#x)",
      docSource: null,
    });
    agent.operations.push(hostile);
    const typesAgent = structuredClone(agent);
    typesAgent.name = "Types";
    typesAgent.operations = [operation("Services88", { name: "Types", params: [], returns: "Enums[]" })];
    model.agents.push(typesAgent);
    for (const name of ["Carriers", "Enums"]) {
      model.types.push({ name, namespace: "ns", doc: "", docSource: null, definedBy: ["User"], kind: "carrier", base: "Carrier", fields: [] });
    }
    model.types.push({ name: "Promise", namespace: "ns", doc: "", docSource: null, definedBy: ["Types"], kind: "enum", flags: false, underlying: "int", values: [{ name: "A", value: 1 }] });
    model.types.sort((a, b) => (a.name < b.name ? -1 : 1));
    const files = generate([services86(), model]);
    expect(brokenLinks(files).broken).toEqual([]);
    for (const [name, text] of files) if (name.endsWith(".md")) expect(raggedRows(text), name).toEqual([]);
    expect(files.has("docs/Services88/Types-agent.md")).toBe(true);
    const user = file(files, "docs/Services88/User.md");
    expect(user).toContain("delete(request: { Default: string | null; Ids: number[]; Credentials: UntrustedCredentials[] }): Promise<Carriers>");
    expect(user).toContain("await soap.user.delete({ Default: \"text\", Ids: [0], Credentials: [] })");
    expect(user).toContain("| `Default` | `string \\| null` | A \\| pipe and a second line <sub>(from REST page)</sub> |");
    expect(user).toContain("\\# Not a heading");
    expect(user).toContain("[the site](https://docs.superoffice.com/)");
    expect(user).not.toContain("(../guide.md)");
    expect(user).toContain("| [Delete](#delete) |");
    expect(proseLines(user).filter((l) => l.startsWith("#")).length).toBe(1 + agent.operations.length);
    const types = file(files, "docs/Services88/types.md");
    expect(types).toContain("### Carriers");
    expect(user).toContain("[`Carriers`](types.md#carriers-1)");
  });

  it("gives agents named like the version's pages, or like the pages given instead, one page each", () => {
    const model = services88();
    const names = ["README", "README-agent", "types", "Types-agent"];
    for (const name of names) model.agents.push({ ...structuredClone(model.agents[0]), name });
    const files = generate([model]);
    const pages = ["README-agent.md", "README-agent-agent.md", "types-agent.md", "Types-agent-agent.md"];
    names.forEach((name, i) => expect(file(files, `docs/Services88/${pages[i]}`), name).toContain(`# Services88 ${name} agent`));
    // The version's own pages, and ordinary agents' names, stay as they were.
    for (const page of ["README.md", "types.md", "User.md"]) expect(files.has(`docs/Services88/${page}`), page).toBe(true);
    expect(brokenLinks(files).broken).toEqual([]);
  });

  it("is byte-for-byte deterministic, whatever the input order", () => {
    const first = generate();
    const second = generate();
    expect([...second.entries()]).toEqual([...first.entries()]);
    const shuffled = [services88(), services86()];
    for (const model of shuffled) {
      model.types.reverse();
      for (const agent of model.agents) agent.operations.reverse();
    }
    const third = emitDocs(shuffled, diffConsecutive(shuffled).reverse());
    expect([...third.entries()]).toEqual([...first.entries()]);
  });

  it("slugs headings like GitHub", () => {
    expect(slugify("Services88 User agent")).toBe("services88-user-agent");
    expect(slugify("Get_MDO.List (v2)")).toBe("get_mdolist-v2");
    const slugger = new Slugger();
    expect(["Added", "Added", "Added-1", "Added"].map((h) => slugger.slug(h))).toEqual(["added", "added-1", "added-1-1", "added-2"]);
  });

  it("renders a corpus-sized model with every link resolving", () => {
    const model = services88();
    const template = model.agents[0];
    model.agents = [];
    for (let a = 0; a < 60; a++) {
      const agent = structuredClone(template);
      agent.name = `Agent${String(a).padStart(2, "0")}`;
      agent.operations = [];
      for (let o = 0; o < 26; o++) {
        for (const op of template.operations) agent.operations.push({ ...structuredClone(op), name: `${op.name}${o}` });
      }
      agent.operations.sort((x, y) => (x.name < y.name ? -1 : 1));
      model.agents.push(agent);
    }
    const files = emitDocs([services86(), model], diffConsecutive([services86(), model]));
    expect(files.size).toBe(1 + 3 + 2 + 60 + 2);
    expect(brokenLinks(files).broken).toEqual([]);
  });

  it("summarises an operation in the agent index by its first paragraph's first sentence, never the next paragraph", () => {
    const model = services88();
    const user = model.agents[0];
    if (!user?.operations[0]) throw new Error("fixture has no operation");
    user.operations[0] = { ...user.operations[0], doc: "Sets the password\n\nThe next paragraph. Second sentence." };
    const page = file(generate([model]), "docs/Services88/User.md");
    const row = page.split("\n").find((line) => line.startsWith(`| [${user.operations[0]?.name}]`));
    expect(row).toMatch(/\| Sets the password \|$/);
  });
});
