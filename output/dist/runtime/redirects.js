/**
 * Redirects are never followed. Every request carries a credential (the SOAP envelope holds the
 * ticket; REST sends Authorization and SO-AppToken), and an answer from wherever a 3xx points
 * must never pass for the tenant's. So `fetch` is asked for `redirect: "manual"`, and whatever
 * comes back as a redirect is a RedirectError: a 3xx but 304, the status-0 "opaqueredirect" browsers
 * return, or — from a fetch that ignored the option — a response that says it was redirected
 * or whose URL is not the one requested (its body is never read).
 */
import { RedirectError, safeUrl } from "./errors.js";
import { cancelBody } from "./limits.js";
/** Throws the RedirectError a response amounts to (its body cancelled, never read); an ordinary answer passes. */
export function refuseRedirect(requestUrl, response) {
	const status = response.status;
	// 304 Not Modified answers a conditional request; it points nowhere.
	const isRedirect = status >= 300 && status < 400 && status !== 304 || status === 0 || response.type === "opaqueredirect";
	// Where a fetch that followed a redirect anyway ended, when that is not the requested URL.
	const url = response.url;
	const final = typeof url === "string" && url !== "" && url !== requestUrl ? url : undefined;
	if (!isRedirect && response.redirected !== true && (final === undefined || sameResource(final, requestUrl))) return;
	cancelBody(response);
	// A redirect fetch followed anyway is known by where it ended, not by its Location.
	throw new RedirectError({
		status,
		location: target(requestUrl, isRedirect ? response.headers.get("location") : final),
		url: safeUrl(requestUrl),
		followed: !isRedirect
	});
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
/** The Location resolved against the request, without user info, query values (names kept) or fragment. */
function target(requestUrl, location) {
	if (!location?.trim()) return undefined;
	try {
		const parsed = new URL(location, requestUrl);
		parsed.username = parsed.password = parsed.hash = "";
		// forEach, not keys(): iterating URLSearchParams needs the dom.iterable lib, which many consumers' settings lack.
		const pairs = [];
		parsed.searchParams.forEach((_, name) => pairs.push(`${encodeURIComponent(name)}=***`));
		// No pairs: the empty search removes the query, "?" included.
		parsed.search = pairs.join("&");
		return parsed.href;
	} catch {
		return "(invalid URL)";
	}
}
