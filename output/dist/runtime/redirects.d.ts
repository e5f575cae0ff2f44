/**
 * Redirects are never followed. Every request carries a credential (the SOAP envelope holds the
 * ticket; REST sends Authorization and SO-AppToken), and an answer from wherever a 3xx points
 * must never pass for the tenant's. So `fetch` is asked for `redirect: "manual"`, and whatever
 * comes back as a redirect is a RedirectError: a 3xx but 304, the status-0 "opaqueredirect" browsers
 * return, or — from a fetch that ignored the option — a response that says it was redirected
 * or whose URL is not the one requested (its body is never read).
 */
import { RedirectError } from "./errors.js";
import type { FetchResponseLike } from "./http.js";
/** The RedirectError a response amounts to, or undefined when it is an ordinary answer. */
export declare function redirectOf(requestUrl: string, response: FetchResponseLike): RedirectError | undefined;
