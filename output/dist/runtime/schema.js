const NILLABLE = 1;
const OPTIONAL = 2;
export {
  NILLABLE,
  OPTIONAL
};
