/**
 * Issue 3, end to end with the GENERATED clients: the output for the whole corpus is generated
 * into a scratch folder, its `servicesNN/index.ts` imported, and its SoapClient called against a
 * node-soap server built from the REAL corpus WSDL of the agent (User of Services88 and
 * Services86, SoPrincipal of Services88) on 127.0.0.1.
 *
 * What node-soap gives a handler: the request wrapper parsed with the WSDL's types — int/short/
 * long as numbers, booleans, dateTime as Date, enums and flag lists as their text, arrays as
 * `{ <item element>: [...] }`, dictionaries as `{ <entry>: [{ Key, Value }] }`, nil as null
 * (handleNilAsNull). The expectations below are written in that shape, by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusRoot, hasCorpus } from "../corpus.js";
import { generatedOutput, importGenerated, importSoapClient, type ClientClass, type GeneratedOutput } from "../support/generated.js";
import { corpusWsdl, startNodeSoap, type NodeSoapServer } from "../support/node-soap.js";
import { saveUntrustedCredentialsCase, setExternalUserInfoCase } from "../support/user-cases.js";

const TICKET = "7T:e2e-ticket==";
const APP_TOKEN = "e2e-app-token";
/** Markup, a CDATA end, quotes, non-ASCII and an astral character (no leading/trailing blanks: node-soap trims text). */
const NASTY = `<&>"']]> x ø 😀 &amp; </UserName>`;

let out: GeneratedOutput;
beforeAll(async () => {
  out = await generatedOutput("e2e-soap-user", [corpusRoot]);
});
afterAll(() => out?.remove());

type Client = InstanceType<ClientClass>;

/** The canned User node-soap returns (node-soap shape: ISO date strings, wrapped arrays). */
function cannedUser(): Record<string, unknown> {
  return {
    AssociateId: 160,
    Name: "ANN",
    Rank: 4,
    Tooltip: NASTY,
    Role: { Id: 3, Value: "Sales", Tooltip: "" },
    OtherGroups: { UserGroup: [{ Value: "Support", Id: 8, Rank: 2 }] },
    Person: { PersonId: 12, Firstname: "Ann", Lastname: "Andersen", CountryId: 578 },
    Deleted: false,
    Lastlogin: "2025-04-03T11:13:36.120Z",
    Lastlogout: "2025-04-03T17:02:00Z",
    EjUserId: 0,
    Type: "InternalAssociate",
    IsPersonRetired: false,
    IsOnTravel: true,
    Credentials: { Credential: [{ Value: "v", DisplayValue: "********", Type: { DisplayType: "Password", ValueControl: "Password", CanCreatePerson: false } }] },
    UserName: "ann",
  };
}

/** What the client must resolve cannedUser() to: typed values, one-element arrays kept as arrays. */
function typedUser(): Record<string, unknown> {
  return {
    AssociateId: 160,
    Name: "ANN",
    Rank: 4,
    Tooltip: NASTY,
    Role: { Id: 3, Value: "Sales", Tooltip: "" },
    OtherGroups: [{ Value: "Support", Id: 8, Rank: 2 }],
    Person: { PersonId: 12, Firstname: "Ann", Lastname: "Andersen", CountryId: 578 },
    Deleted: false,
    Lastlogin: new Date("2025-04-03T11:13:36.120Z"),
    Lastlogout: new Date("2025-04-03T17:02:00Z"),
    EjUserId: 0,
    Type: "InternalAssociate",
    IsPersonRetired: false,
    IsOnTravel: true,
    Credentials: [{ Value: "v", DisplayValue: "********", Type: { DisplayType: "Password", ValueControl: "Password", CanCreatePerson: false } }],
    UserName: "ann",
  };
}

describe.skipIf(!hasCorpus).each(["Services88", "Services86"])("%s User: generated SoapClient against node-soap (corpus WSDL)", (version) => {
  const ns = `http://www.superoffice.net/ws/crm/NetServer/${version}`;
  let server: NodeSoapServer;
  let client: Client;

  beforeAll(async () => {
    server = await startNodeSoap({
      wsdl: corpusWsdl(version, "User")!,
      path: `/Remote/${version}/User.svc`,
      responseHeaders: [[{ Succeeded: true }, ns]],
      handle: ({ op }) => {
        switch (op) {
          case "CreateExternalUser":
            return { Response: 4711 };
          case "CanChangePassword":
            return { Response: true };
          case "GetUserInfoList":
            return {
              Response: { UserInfo: [{ Deleted: false, UserInfoId: 1, UserName: NASTY, Rank: 3, UserType: "ExternalAssociate", GrantedLicenses: { string: ["only-one"] }, CanLogon: true }] },
            };
          case "FindRolesWithFunctionalRights":
            return { Response: { int: [7] } };
          case "SaveUser":
          case "GetUser":
            return { Response: cannedUser() };
          case "GetUserFromPersonId":
            return { Response: { User: [cannedUser()] } };
          case "DeleteExternalUser":
            throw { Fault: { faultcode: "s:Client", faultstring: "Cannot delete <associate> & friends" } };
          default:
            return {};
        }
      },
    });
    const SoapClient = await importSoapClient(out.dir, version);
    client = new SoapClient({ baseUrl: server.baseUrl, ticket: TICKET, applicationToken: APP_TOKEN });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("createExternalUser: strings with markup, nil, numbers, booleans and both headers arrive; the int comes back a number", async () => {
    const id = await client.user!.createExternalUser!({ PersonId: 12, UserName: NASTY, Password: null, RoleId: 3, IsActive: true });
    expect(id).toBe(4711);
    const got = server.last("CreateExternalUser");
    expect(got.args).toEqual({ PersonId: 12, UserName: NASTY, Password: null, RoleId: 3, IsActive: true });
    expect(got.headers).toEqual({ ApplicationToken: APP_TOKEN, Credentials: { Ticket: TICKET } });
    expect(got.http.soapaction).toBe(`"${ns}/User/CreateExternalUser"`);
    expect(got.http["content-type"]).toBe("text/xml; charset=utf-8");
  });

  it("setExternalUserInfo: the flags arrive as the xs:list; void resolves undefined", async () => {
    await expect(client.user!.setExternalUserInfo!(setExternalUserInfoCase.request)).resolves.toBeUndefined();
    expect(server.last("SetExternalUserInfo").args).toEqual(setExternalUserInfoCase.received);
  });

  it("saveUntrustedCredentialsForAssociate: a derived carrier with base fields, dates, flags and a dictionary", async () => {
    const { request, received } = saveUntrustedCredentialsCase(NASTY);
    await client.user!.saveUntrustedCredentialsForAssociate!(request);
    expect(server.last("SaveUntrustedCredentialsForAssociate").args).toEqual(received);
  });

  it("saveUser: the User graph arrives in schema order whatever the key order; the returned User comes back typed", async () => {
    const user = {
      UserName: "ann",
      Lastlogin: new Date("2025-04-03T11:13:36.120Z"),
      Type: "InternalAssociate",
      OtherGroups: [{ Id: 8, Value: "Support" }],
      Person: { Lastname: "Andersen", Firstname: NASTY, PersonId: 12 },
      Rank: 4,
      AssociateId: 160,
      IsOnTravel: true,
      NotInTheSchema: "dropped",
    };
    const saved = (await client.user!.saveUser!({ User: user })) as Record<string, unknown>;
    const args = server.last("SaveUser").args as { User: Record<string, unknown> };
    expect(args).toEqual({
      User: {
        AssociateId: 160,
        Rank: 4,
        OtherGroups: { UserGroup: [{ Value: "Support", Id: 8 }] },
        Person: { PersonId: 12, Firstname: NASTY, Lastname: "Andersen" },
        Lastlogin: new Date("2025-04-03T11:13:36.120Z"),
        Type: "InternalAssociate",
        IsOnTravel: true,
        UserName: "ann",
      },
    });
    expect(Object.keys(args.User)).toEqual(["AssociateId", "Rank", "OtherGroups", "Person", "Lastlogin", "Type", "IsOnTravel", "UserName"]);
    expect(saved).toEqual(typedUser());
    expect(saved.Lastlogin).toBeInstanceOf(Date);
    expect(Array.isArray(saved.OtherGroups)).toBe(true);
    expect(typeof saved.Rank).toBe("number");
  });

  it("getUserInfoList: int[] arrives as ArrayOfint; one-element arrays, enums, booleans and numbers come back typed", async () => {
    const list = await client.user!.getUserInfoList!({ UserInfoIds: [1, 2, 3] });
    expect(server.last("GetUserInfoList").args).toEqual({ UserInfoIds: { int: [1, 2, 3] } });
    expect(list).toEqual([{ Deleted: false, UserInfoId: 1, UserName: NASTY, Rank: 3, UserType: "ExternalAssociate", GrantedLicenses: ["only-one"], CanLogon: true }]);
  });

  it("getUserInfoList with one id: a one-element int[] arrives as one item", async () => {
    await client.user!.getUserInfoList!({ UserInfoIds: [42] });
    // node-soap makes every maxOccurs="unbounded" element an array, one item included.
    expect(server.last("GetUserInfoList").args).toEqual({ UserInfoIds: { int: [42] } });
  });

  it("findRolesWithFunctionalRights: string[] with markup out, a one-item int[] back as an array", async () => {
    const ids = await client.user!.findRolesWithFunctionalRights!({ FunctionalRightNames: ["a&b", "<c>"] });
    expect(server.last("FindRolesWithFunctionalRights").args).toEqual({ FunctionalRightNames: { string: ["a&b", "<c>"] } });
    expect(ids).toEqual([7]);
  });

  it("getUserFromPersonId: an array of one User comes back as an array of one typed User", async () => {
    const users = await client.user!.getUserFromPersonId!({ PersonId: 12 });
    expect(server.last("GetUserFromPersonId").args).toEqual({ PersonId: 12 });
    expect(users).toEqual([typedUser()]);
  });

  it("canChangePassword: a boolean comes back a boolean", async () => {
    await expect(client.user!.canChangePassword!({ AssociateId: 1 })).resolves.toBe(true);
  });

  it("getUser: the response headers node-soap adds reach onResponseHeaders", async () => {
    const headers: unknown[] = [];
    await client.user!.getUser!({ UserId: 160 }, { onResponseHeaders: (h: unknown) => headers.push(h) });
    expect(headers).toEqual([{ Succeeded: true }]);
  });

  it("deleteExternalUser: a fault rejects with the exported SoapFaultError", async () => {
    const module = await importGenerated<{ SoapFaultError: new (...args: never[]) => Error }>(out.dir, `${version.toLowerCase()}/index.ts`);
    const error = await client.user!.deleteExternalUser!({ AssociateId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(module.SoapFaultError);
    expect(error).toMatchObject({ faultCode: "s:Client", faultString: "Cannot delete <associate> & friends" });
  });
});

describe.skipIf(!hasCorpus)("Services88 SoPrincipal: AuthenticateUsernamePassword through the generated client", () => {
  let server: NodeSoapServer;
  let client: Client;

  beforeAll(async () => {
    server = await startNodeSoap({
      wsdl: corpusWsdl("Services88", "SoPrincipal")!,
      path: "/Remote/Services88/SoPrincipal.svc",
      handle: ({ op, args }) => {
        if (op !== "AuthenticateUsernamePassword") return {};
        const ok = args.UserName === "ann" && args.Password === NASTY;
        return {
          Response: ok ? { Associate: "ANN", AssociateId: 160, PersonId: 12, ContactId: 2, UserType: "InternalAssociate" } : null,
          Credentials: { Ticket: ok ? "7T:issued-ticket==" : "" },
          AuthenticationSucceeded: ok,
        };
      },
    });
    const SoapClient = await importSoapClient(out.dir, "Services88");
    client = new SoapClient({ baseUrl: server.baseUrl });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("resolves to Response, Credentials (the ticket) and AuthenticationSucceeded", async () => {
    const result = await client.soPrincipal!.authenticateUsernamePassword!({ UserName: "ann", Password: NASTY });
    expect(server.last("AuthenticateUsernamePassword").args).toEqual({ UserName: "ann", Password: NASTY });
    expect(server.last("AuthenticateUsernamePassword").headers).toBeUndefined();
    expect(result).toEqual({
      Response: { Associate: "ANN", AssociateId: 160, PersonId: 12, ContactId: 2, UserType: "InternalAssociate" },
      Credentials: { Ticket: "7T:issued-ticket==" },
      AuthenticationSucceeded: true,
    });
  });

  it("a failed login: AuthenticationSucceeded false", async () => {
    const result = (await client.soPrincipal!.authenticateUsernamePassword!({ UserName: "ann", Password: "wrong" })) as Record<string, unknown>;
    expect(result.AuthenticationSucceeded).toBe(false);
  });
});
