const EFieldRightValues = ["Read", "Update", "Mandatory"];
const ETableRightValues = ["Select", "Update", "Insert", "Delete"];
const ExternalUserInfoModificationValues = ["UserName", "Password", "Role", "Active"];
export {
  EFieldRightValues,
  ETableRightValues,
  ExternalUserInfoModificationValues
};
