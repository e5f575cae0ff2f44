/**
 * Every value of {@link ExternalUserInfoModification}, in schema order.
 */
export const ExternalUserInfoModificationValues = [
	"UserName",
	"Password",
	"Role",
	"Active"
];
