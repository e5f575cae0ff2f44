import { RedirectError, safeUrl } from "./errors.js";
function redirectOf(requestUrl, response) {
  const status = response.status;
  if (status >= 300 && status < 400 && status !== 304 || status === 0 || response.type === "opaqueredirect") {
    return new RedirectError({ status, location: target(requestUrl, response.headers.get("location")), url: safeUrl(requestUrl) });
  }
  const final = typeof response.url === "string" && response.url !== "" && response.url !== requestUrl ? response.url : void 0;
  if (response.redirected === true || final !== void 0 && !sameResource(final, requestUrl)) {
    return new RedirectError({ status, location: final === void 0 ? void 0 : target(requestUrl, final), url: safeUrl(requestUrl), followed: true });
  }
  return void 0;
}
function sameResource(a, b) {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname && x.search === y.search;
  } catch {
    return false;
  }
}
function target(requestUrl, location) {
  if (location === null || location.trim() === "") return void 0;
  let parsed;
  try {
    parsed = new URL(location, requestUrl);
  } catch {
    return "(invalid URL)";
  }
  parsed.username = "";
  parsed.password = "";
  parsed.hash = "";
  const names = [...parsed.searchParams.keys()];
  parsed.search = names.length === 0 ? "" : `?${names.map((name) => `${encodeURIComponent(name)}=***`).join("&")}`;
  return parsed.toString();
}
export {
  redirectOf
};
