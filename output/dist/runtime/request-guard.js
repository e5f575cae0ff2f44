import { asSuperOfficeError, InvalidRequestError } from "./errors.js";
import { MAX_NESTING } from "./limits.js";
import { isSecretName } from "./redact.js";
function requestSecrets(request) {
  const secrets = [];
  if (request === void 0 || request === null || typeof request !== "object") return secrets;
  try {
    walk(request, false, { path: [], stack: [], secrets });
  } catch (error) {
    throw asSuperOfficeError(error, (message) => new InvalidRequestError(`request cannot be read: ${message}`));
  }
  return secrets;
}
function walk(value, secret, state) {
  const { path, stack } = state;
  if (stack.length > MAX_NESTING) {
    const cyclic = new Set(stack).size < stack.length;
    throw new InvalidRequestError(cyclic ? "request is cyclic (an object contains itself)" : `request is nested deeper than ${MAX_NESTING}`, path.slice(0, 8));
  }
  stack.push(value);
  if (Array.isArray(value)) {
    const below = secret || secretName(path[path.length - 1] ?? "");
    for (let i = 0; i < value.length; i++) visit(String(i), below, value[i], state);
  } else if (value instanceof Map) {
    for (const [key, item] of value) visit(String(key), secret || secretName(String(key)), item, state);
  } else {
    for (const key of Object.keys(value)) visit(key, secret || secretName(key), value[key], state);
  }
  stack.pop();
}
function visit(key, secret, item, state) {
  if (typeof item === "string") {
    if (secret) state.secrets.push(item);
  } else if (item !== null && typeof item === "object" && !isLeaf(item)) {
    state.path.push(key);
    walk(item, secret, state);
    state.path.pop();
  }
}
const known = /* @__PURE__ */ new Map();
function secretName(name) {
  let secret = known.get(name);
  if (secret === void 0) {
    secret = isSecretName(name);
    if (known.size < 4096) known.set(name, secret);
  }
  return secret;
}
function isLeaf(value) {
  return value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}
export {
  requestSecrets
};
