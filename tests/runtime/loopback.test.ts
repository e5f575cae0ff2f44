/**
 * The runtime against an independent SOAP stack: a real node-soap server, built from the real
 * Services88 User WSDL of the corpus, on 127.0.0.1. Checks that the server receives exactly
 * what the runtime sends (as node-soap parses it with the WSDL) and that values it returns come
 * back typed through the hand-written descriptors.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import soap from "soap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SoapFaultError, SoapTransport, type SoapResponseHeaders } from "../../templates/runtime/index.js";
import {
  CreateExternalUser,
  DeleteExternalUser,
  FindRolesWithFunctionalRights,
  GetUser,
  GetUserInfoList,
  NS,
  sampleUser,
  SaveUntrustedCredentialsForAssociate,
  SetExternalUserInfo,
  types,
  UserAgent,
} from "./fixtures.js";
import { corpusUserWsdl, toNodeSoap } from "./node-soap-helpers.js";

const wsdl = corpusUserWsdl();
const TICKET = "7T:loopback-ticket";
const APP_TOKEN = "loopback-app-token";
const NASTY = `<&>"']]> \t\r\n x ø 😀 &amp; </UserName>`;

interface Received {
  op: string;
  args: Record<string, unknown>;
  headers: Record<string, unknown> | undefined;
}

/** A value without the properties whose value is null (node-soap omits them when it writes). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

describe.skipIf(wsdl === undefined)("loopback against a node-soap server (corpus WSDL)", () => {
  const received: Received[] = [];
  let server: http.Server;
  let transport: SoapTransport;

  const record = (op: string) => (args: Record<string, unknown>, _cb: unknown, headers?: Record<string, unknown>) => {
    received.push({ op, args, headers });
  };

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const services = {
      WcfUserService: {
        BasicHttpBinding_User: {
          CreateExternalUser: (args: Record<string, unknown>, cb: unknown, headers?: Record<string, unknown>) => {
            record("CreateExternalUser")(args, cb, headers);
            return { Response: 4711 };
          },
          SetExternalUserInfo: (args: Record<string, unknown>, cb: unknown, headers?: Record<string, unknown>) => {
            record("SetExternalUserInfo")(args, cb, headers);
            return {};
          },
          SaveUntrustedCredentialsForAssociate: (args: Record<string, unknown>, cb: unknown, headers?: Record<string, unknown>) => {
            record("SaveUntrustedCredentialsForAssociate")(args, cb, headers);
            return {};
          },
          GetUserInfoList: (args: Record<string, unknown>, cb: unknown, headers?: Record<string, unknown>) => {
            record("GetUserInfoList")(args, cb, headers);
            return { Response: { UserInfo: [{ UserInfoId: 1, UserName: NASTY, Rank: 3, CanLogon: true, GrantedLicenses: { string: ["only-one"] } }] } };
          },
          FindRolesWithFunctionalRights: (args: Record<string, unknown>, cb: unknown, headers?: Record<string, unknown>) => {
            record("FindRolesWithFunctionalRights")(args, cb, headers);
            return { Response: { int: [7] } };
          },
          GetUser: () => ({ Response: toNodeSoap(sampleUser(), "User", types) }),
          DeleteExternalUser: () => {
            throw {
              Fault: {
                faultcode: "s:Client",
                faultstring: "Cannot delete <associate> & friends",
                detail: { SoExceptionInfo: { Message: "Not allowed", ExceptionType: "SoAccessDeniedException" } },
              },
            };
          },
        },
      },
    };
    const soapServer = soap.listen(server, {
      path: "/Remote/Services88/User.svc",
      services,
      xml: wsdl!,
      handleNilAsNull: true,
    } as soap.IServerOptions);
    soapServer.addSoapHeader(() => ({ Succeeded: true }), "", "tns", NS);
    const { port } = server.address() as AddressInfo;
    transport = new SoapTransport({ baseUrl: `http://127.0.0.1:${port}`, ticket: TICKET, applicationToken: APP_TOKEN });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const last = (op: string): Received => {
    const found = received.filter((r) => r.op === op).at(-1);
    if (!found) throw new Error(`server did not receive ${op}`);
    return found;
  };

  it("CreateExternalUser: strings, nil, booleans and the headers arrive exactly; the int comes back typed", async () => {
    const headers: SoapResponseHeaders[] = [];
    const id = await transport.call(
      UserAgent,
      CreateExternalUser,
      { PersonId: 12, UserName: NASTY, Password: null, RoleId: 3, IsActive: true },
      { onResponseHeaders: (h) => headers.push(h) },
    );
    expect(id).toBe(4711);
    const got = last("CreateExternalUser");
    expect(got.args).toEqual({ PersonId: 12, UserName: NASTY, Password: null, RoleId: 3, IsActive: true });
    expect(got.headers).toEqual({ ApplicationToken: APP_TOKEN, Credentials: { Ticket: TICKET } });
    expect(headers).toEqual([{ Succeeded: true }]);
  });

  it("SetExternalUserInfo: flags arrive as the xs:list", async () => {
    await expect(
      transport.call(UserAgent, SetExternalUserInfo, { AssociateId: 160, UserName: "x", Password: "y", IsActive: false, RoleId: 179, ExternalUserInfoModification: ["UserName", "Password", "Active"] }),
    ).resolves.toBeUndefined();
    expect(last("SetExternalUserInfo").args).toEqual({
      AssociateId: 160,
      UserName: "x",
      Password: "y",
      IsActive: false,
      RoleId: 179,
      ExternalUserInfoModification: "UserName Password Active",
    });
  });

  it("SaveUntrustedCredentialsForAssociate: a derived carrier with base fields, dates, flags and a dictionary", async () => {
    const validFrom = new Date("2025-04-03T11:13:36Z");
    const validTo = new Date("2026-04-03T11:13:36.250Z");
    await transport.call(UserAgent, SaveUntrustedCredentialsForAssociate, {
      AssociateId: 5,
      Type: "saml",
      Credentials: {
        TableRight: { Mask: ["Select", "Update"], Reason: "because" },
        FieldProperties: { SecretValue: { FieldRight: { Mask: ["Read"], Reason: "r" }, FieldType: "System.String", FieldLength: 254 } },
        ValidFrom: validFrom,
        ValidTo: validTo,
        Comment: NASTY,
        SecretValue: "s3cret",
        PublicValue: "public",
        IsActive: true,
      },
    });
    const args = last("SaveUntrustedCredentialsForAssociate").args;
    expect(args).toEqual({
      AssociateId: 5,
      Type: "saml",
      Credentials: {
        TableRight: { Mask: "Select Update", Reason: "because" },
        FieldProperties: {
          FieldPropertyDictionaryKeyValuePair: [{ Key: "SecretValue", Value: { FieldRight: { Mask: "Read", Reason: "r" }, FieldType: "System.String", FieldLength: 254 } }],
        },
        ValidFrom: validFrom,
        ValidTo: validTo,
        Comment: NASTY,
        SecretValue: "s3cret",
        PublicValue: "public",
        IsActive: true,
      },
    });
  });

  it("GetUserInfoList: int[] arrives in the Arrays namespace; one-element arrays come back as arrays", async () => {
    const list = await transport.call(UserAgent, GetUserInfoList, { UserInfoIds: [1, 2, 3] });
    expect(last("GetUserInfoList").args).toEqual({ UserInfoIds: { int: [1, 2, 3] } });
    expect(list).toEqual([{ UserInfoId: 1, UserName: NASTY, Rank: 3, CanLogon: true, GrantedLicenses: ["only-one"] }]);
  });

  it("FindRolesWithFunctionalRights: string[] out, int[] with one item back", async () => {
    const ids = await transport.call(UserAgent, FindRolesWithFunctionalRights, { FunctionalRightNames: ["a&b", "<c>"] });
    expect(last("FindRolesWithFunctionalRights").args).toEqual({ FunctionalRightNames: { string: ["a&b", "<c>"] } });
    expect(ids).toEqual([7]);
  });

  it("GetUser: a full carrier graph with dates, flags, arrays and dictionaries comes back typed", async () => {
    const user = await transport.call(UserAgent, GetUser, { UserId: 160 });
    expect(user).toEqual(withoutNulls(sampleUser()));
    const typed = user as { Lastlogin: Date; TableRight: { Mask: string[] }; LicenseOwners: unknown[] };
    expect(typed.Lastlogin).toBeInstanceOf(Date);
    expect(typed.TableRight.Mask).toEqual(["Select", "Update", "Insert", "Delete"]);
  });

  it("a fault from the server is a SoapFaultError with its detail", async () => {
    const error = await transport.call(UserAgent, DeleteExternalUser, { AssociateId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SoapFaultError);
    const fault = error as SoapFaultError;
    expect(fault.faultCode).toBe("s:Client");
    expect(fault.faultString).toBe("Cannot delete <associate> & friends");
    expect(fault.exceptionInfo).toEqual({ Message: "Not allowed", ExceptionType: "SoAccessDeniedException" });
  });
});
