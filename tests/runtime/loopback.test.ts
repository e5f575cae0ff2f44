/**
 * The runtime against an independent SOAP stack: a real node-soap server, built from the real
 * Services88 User WSDL of the corpus, on 127.0.0.1. Checks that the server receives exactly
 * what the runtime sends (as node-soap parses it with the WSDL) and that values it returns come
 * back typed through the hand-written descriptors.
 */
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
import { startNodeSoap, type NodeSoapServer, type ReceivedCall } from "../support/node-soap.js";
import { corpusUserWsdl, toNodeSoap } from "./node-soap-helpers.js";
import { saveUntrustedCredentialsCase, setExternalUserInfoCase } from "../support/user-cases.js";

const wsdl = corpusUserWsdl();
const TICKET = "7T:loopback-ticket";
const APP_TOKEN = "loopback-app-token";
const NASTY = `<&>"']]> \t\r\n x ø 😀 &amp; </UserName>`;

/** A value without the properties whose value is null (node-soap omits them when it writes). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

describe.skipIf(wsdl === undefined)("loopback against a node-soap server (corpus WSDL)", () => {
  let server: NodeSoapServer;
  let transport: SoapTransport;

  beforeAll(async () => {
    server = await startNodeSoap({
      wsdl: wsdl!,
      path: "/Remote/Services88/User.svc",
      responseHeaders: [[{ Succeeded: true }, NS]],
      handle: ({ op }) => {
        switch (op) {
          case "CreateExternalUser":
            return { Response: 4711 };
          case "GetUserInfoList":
            return { Response: { UserInfo: [{ UserInfoId: 1, UserName: NASTY, Rank: 3, CanLogon: true, GrantedLicenses: { string: ["only-one"] } }] } };
          case "FindRolesWithFunctionalRights":
            return { Response: { int: [7] } };
          case "GetUser":
            return { Response: toNodeSoap(sampleUser(), "User", types) };
          case "DeleteExternalUser":
            throw {
              Fault: {
                faultcode: "s:Client",
                faultstring: "Cannot delete <associate> & friends",
                detail: { SoExceptionInfo: { Message: "Not allowed", ExceptionType: "SoAccessDeniedException" } },
              },
            };
          default:
            return {};
        }
      },
    });
    transport = new SoapTransport({ baseUrl: server.baseUrl, ticket: TICKET, applicationToken: APP_TOKEN });
  });

  afterAll(async () => {
    await server?.close();
  });

  const last = (op: string): ReceivedCall => server.last(op);

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
    await expect(transport.call(UserAgent, SetExternalUserInfo, setExternalUserInfoCase.request)).resolves.toBeUndefined();
    expect(last("SetExternalUserInfo").args).toEqual(setExternalUserInfoCase.received);
  });

  it("SaveUntrustedCredentialsForAssociate: a derived carrier with base fields, dates, flags and a dictionary", async () => {
    const { request, received } = saveUntrustedCredentialsCase(NASTY);
    await transport.call(UserAgent, SaveUntrustedCredentialsForAssociate, request);
    expect(last("SaveUntrustedCredentialsForAssociate").args).toEqual(received);
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
