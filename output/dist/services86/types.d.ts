/**
 * Flags: a set of these names (an array in TypeScript, space-separated in XML).
 *
 * A name the server sends that is not listed here arrives unchanged, as its string.
 */
export type ExternalUserInfoModification = "UserName" | "Password" | "Role" | "Active";
/**
 * Every value of {@link ExternalUserInfoModification}, in schema order.
 */
export declare const ExternalUserInfoModificationValues: readonly ["UserName", "Password", "Role", "Active"];
/**
 * The SoCredentials carrier.
 */
export interface SoCredentials {
	Ticket?: string | null;
}
/**
 * The SoExceptionInfo carrier.
 */
export interface SoExceptionInfo {
	Message?: string | null;
	StackTrace?: string | null;
	FriendlyText?: string | null;
	ExceptionType?: string | null;
	Source?: string | null;
	InnerException?: SoExceptionInfo | null;
	Parameters?: SoExceptionInfoParameters | null;
}
/**
 * The SoExceptionInfoParameters dictionary (SoExceptionInfoParametersKeyValuePair entries on the wire).
 */
export type SoExceptionInfoParameters = Record<string, string | null>;
/**
 * The SoExtraInfo dictionary (ExtraInfoNameValuePair entries on the wire).
 */
export type SoExtraInfo = Record<string, string | null>;
/**
 * The SoTimeZone carrier.
 */
export interface SoTimeZone {
	SoTimeZoneId?: number;
	SoTimeZoneLocationCode?: string | null;
}
