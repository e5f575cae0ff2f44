const ExternalUserInfoModificationValues = ["UserName", "Password", "Role", "Active"];
export {
  ExternalUserInfoModificationValues
};
