/**
 * The runtime as an app ships it: bundled and minified by esbuild, which renames classes. Every
 * error class still names itself (`error.name === "HttpError"`, what logs print and apps test),
 * and the primitives' type names (XSD_TYPES) are there without the generator's doc notes.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../corpus.js";
import type * as Runtime from "../../templates/runtime/index.js";
import { scratchDir } from "../support/tmp.js";

const scratch = scratchDir("runtime-minified");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function minifiedRuntime(): Promise<{ runtime: typeof Runtime; text: string }> {
  const result = await build({ entryPoints: [path.join(repoRoot, "templates/runtime/index.ts")], bundle: true, minify: true, format: "esm", platform: "neutral", target: "es2022", write: false, logLevel: "silent" });
  const text = result.outputFiles[0]!.text;
  mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, "runtime.min.mjs");
  writeFileSync(file, text);
  return { runtime: (await import(pathToFileURL(file).href)) as typeof Runtime, text };
}

describe("the minified runtime", () => {
  it("names every error by its class", async () => {
    const { runtime } = await minifiedRuntime();
    const errors: Record<string, Error> = {
      SoapFaultError: new runtime.SoapFaultError({ status: 500, faultCode: "s:Client", faultString: "bad" }),
      HttpError: new runtime.HttpError({ status: 502, statusText: "Bad Gateway", body: "", url: "https://h/" }),
      ResponseParseError: new runtime.ResponseParseError("Response is not valid JSON"),
      InvalidRequestError: new runtime.InvalidRequestError("expected an integer number for int", ["UserId"]),
      TimeoutError: new runtime.TimeoutError(5),
      NetworkError: new runtime.NetworkError("https://h/", new TypeError("fetch failed")),
      RedirectError: new runtime.RedirectError({ status: 302, location: undefined, url: "https://h/" }),
      ResponseTooLargeError: new runtime.ResponseTooLargeError(10, 200),
      AuthError: new runtime.AuthError("The auth provider failed"),
    };
    for (const [name, error] of Object.entries(errors)) {
      expect(error.name, name).toBe(name);
      expect(error, name).toBeInstanceOf(runtime.SuperOfficeError);
      expect(String(error).startsWith(`${name}: `), name).toBe(true);
    }
    // A subclass of the app's own is named by its class.
    class LoginRequired extends runtime.SuperOfficeError {}
    expect(new LoginRequired("log in first").name).toBe("LoginRequired");
  });

  it("carries the primitives' type names (XSD_TYPES) but none of the generator's notes", async () => {
    const { text } = await minifiedRuntime();
    expect(text).toContain("unsignedLong");
    expect(text).not.toContain("String.fromCharCode(value)` gives the character");
  });
});
