/**
 * User-agent calls asserted at two layers, the runtime with hand-written descriptors
 * (tests/runtime/loopback.test.ts) and the generated client (tests/e2e/soap-user.test.ts):
 * what is sent, and what a node-soap server built from the real WSDL receives.
 */
export const setExternalUserInfoCase = {
  request: { AssociateId: 160, UserName: "x", Password: "y", IsActive: false, RoleId: 179, ExternalUserInfoModification: ["UserName", "Password", "Active"] },
  received: { AssociateId: 160, UserName: "x", Password: "y", IsActive: false, RoleId: 179, ExternalUserInfoModification: "UserName Password Active" },
} as const;

/** A derived carrier with base fields, dates, flags and a dictionary; `comment` carries the hostile text. */
export function saveUntrustedCredentialsCase(comment: string) {
  const validFrom = new Date("2025-04-03T11:13:36Z");
  const validTo = new Date("2026-04-03T11:13:36.250Z");
  const common = { ValidFrom: validFrom, ValidTo: validTo, Comment: comment, SecretValue: "s3cret", PublicValue: "public", IsActive: true };
  return {
    request: {
      AssociateId: 5,
      Type: "saml",
      Credentials: {
        TableRight: { Mask: ["Select", "Update"], Reason: "because" },
        FieldProperties: { SecretValue: { FieldRight: { Mask: ["Read"], Reason: "r" }, FieldType: "System.String", FieldLength: 254 } },
        ...common,
      },
    },
    received: {
      AssociateId: 5,
      Type: "saml",
      Credentials: {
        TableRight: { Mask: "Select Update", Reason: "because" },
        FieldProperties: {
          FieldPropertyDictionaryKeyValuePair: [{ Key: "SecretValue", Value: { FieldRight: { Mask: "Read", Reason: "r" }, FieldType: "System.String", FieldLength: 254 } }],
        },
        ...common,
      },
    },
  };
}
