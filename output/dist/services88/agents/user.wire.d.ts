import { type AgentSchema, type OperationDescriptor } from "../../runtime/schema.js";
export declare const userSchema: AgentSchema;
export declare const userOperations: Readonly<Record<"CreateExternalUser" | "SaveUntrustedCredentialsForAssociate" | "SetExternalUserInfo" | "SetPassword", OperationDescriptor>>;
