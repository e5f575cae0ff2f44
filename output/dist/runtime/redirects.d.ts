import type { FetchResponseLike } from "./http.js";
/** Throws the RedirectError a response amounts to (its body cancelled, never read); an ordinary answer passes. */
export declare function refuseRedirect(requestUrl: string, response: FetchResponseLike): void;
