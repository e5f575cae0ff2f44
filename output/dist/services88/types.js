/**
 * Every value of {@link EFieldRight}, in schema order.
 */
export const EFieldRightValues = [
	"Read",
	"Update",
	"Mandatory"
];
/**
 * Every value of {@link ETableRight}, in schema order.
 */
export const ETableRightValues = [
	"Select",
	"Update",
	"Insert",
	"Delete"
];
/**
 * Every value of {@link ExternalUserInfoModification}, in schema order.
 */
export const ExternalUserInfoModificationValues = [
	"UserName",
	"Password",
	"Role",
	"Active"
];
