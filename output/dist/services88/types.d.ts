/**
 * The Carrier carrier.
 */
export interface Carrier {
	TableRight?: TableRight | null;
	FieldProperties?: FieldPropertyDictionary | null;
}
/**
 * Flags: a set of these names (an array in TypeScript, space-separated in XML).
 *
 * Values: Read = 1, Update = 2, Mandatory = 8.
 *
 * A name the server sends that is not listed here arrives unchanged, as its string.
 */
export type EFieldRight = "Read" | "Update" | "Mandatory";
/**
 * Every value of {@link EFieldRight}, in schema order.
 */
export declare const EFieldRightValues: readonly ["Read", "Update", "Mandatory"];
/**
 * Flags: a set of these names (an array in TypeScript, space-separated in XML).
 *
 * Values: Select = 1, Update = 2, Insert = 4, Delete = 8.
 *
 * A name the server sends that is not listed here arrives unchanged, as its string.
 */
export type ETableRight = "Select" | "Update" | "Insert" | "Delete";
/**
 * Every value of {@link ETableRight}, in schema order.
 */
export declare const ETableRightValues: readonly ["Select", "Update", "Insert", "Delete"];
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
 * The FieldProperty carrier.
 */
export interface FieldProperty {
	FieldRight?: FieldRight | null;
	FieldType?: string | null;
	FieldLength?: number;
}
/**
 * The FieldPropertyDictionary dictionary (FieldPropertyDictionaryKeyValuePair entries on the wire).
 */
export type FieldPropertyDictionary = Record<string, FieldProperty | null>;
/**
 * The FieldRight carrier.
 */
export interface FieldRight {
	Mask?: EFieldRight[];
	Reason?: string | null;
}
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
/**
 * The TableRight carrier.
 */
export interface TableRight {
	Mask?: ETableRight[];
	Reason?: string | null;
}
/**
 * The UntrustedCredentials carrier.
 */
export interface UntrustedCredentials extends Carrier {
	/**
	 * Read as a Date (a time without zone as UTC); sent as UTC with `Z`.
	 */
	ValidFrom?: Date;
	/**
	 * Read as a Date (a time without zone as UTC); sent as UTC with `Z`.
	 */
	ValidTo?: Date;
	Comment?: string | null;
	SecretValue?: string | null;
	PublicValue?: string | null;
	IsActive?: boolean;
}
