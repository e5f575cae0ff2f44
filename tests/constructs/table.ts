/**
 * The construct fixtures (issue 15 item 7): one folder per construct kind under
 * tests/fixtures/constructs/, and the output files that show the construct, snapshotted under
 * tests/constructs/__snapshots__/<construct>/.
 *
 * Each construct is its own Services version with its own agent, so one generate() over all of
 * them keeps them apart (types.ts, ir/ and docs are per version; REST pages and OpenAPI files
 * join by agent name) while the runtime is compiled once. Three constructs need a run of their own:
 * entity endpoints go to every version of a run, a version diff needs two versions of one agent,
 * and a name clash fails the run it is in.
 */

export interface Construct {
  /** Folder under tests/fixtures/constructs/ and under __snapshots__/. */
  name: string;
  /** "shared": part of the one run of every such construct; "own": a run of its own. */
  run: "shared" | "own";
  /** The Services version its WSDL declares. */
  version: string;
  /** Output files that show the construct, relative to the output folder (`{v}` is the version folder, e.g. services01). */
  files: string[];
}

export const CONSTRUCTS: readonly Construct[] = [
  // A base chain Carrier ← Activity ← Meeting where only the leaf is declared: plain `extends`, no union.
  { name: "inheritance", run: "shared", version: "Services01", files: ["{v}/types.ts", "{v}/agents/inheritance.wire.ts"] },
  // A base declared as parameter, result and array item with derived carriers (one derived again): AnyX unions, XSI_TYPE, `derived`.
  { name: "derived-carriers", run: "shared", version: "Services02", files: ["{v}/types.ts", "{v}/agents/derived.ts", "{v}/agents/derived.wire.ts", "ir/{V}.json"] },
  // Enums with EnumerationValue, an ActualType, implicit values, and a name only the OpenAPI file lists.
  { name: "enums", run: "shared", version: "Services03", files: ["{v}/types.ts", "{v}/agents/enums.wire.ts", "ir/{V}.json", "docs/{V}/types.md"] },
  // xs:list flag enums as parameter, field and result.
  { name: "flags", run: "shared", version: "Services04", files: ["{v}/types.ts", "{v}/agents/flags.ts", "{v}/agents/flags.wire.ts"] },
  // IsDictionary carriers of strings and of carriers, and the Arrays namespace's ArrayOfKeyValueOfstringint.
  { name: "dictionaries", run: "shared", version: "Services05", files: ["{v}/types.ts", "{v}/agents/dictionaries.wire.ts", "docs/{V}/types.md"] },
  // ArrayOfint, ArrayOfstring, ArrayOfArrayOfstring and ArrayOfArrayOf<carrier>.
  { name: "arrays", run: "shared", version: "Services06", files: ["{v}/agents/arrays.ts", "{v}/agents/arrays.wire.ts", "ir/{V}.json"] },
  // Nillable and non-nillable fields, parameters and returns; arrays whose items are nillable (ArrayOfstring) and not (ArrayOfint).
  { name: "nillable", run: "shared", version: "Services07", files: ["{v}/types.ts", "{v}/agents/nillable.ts", "{v}/agents/nillable.wire.ts"] },
  // Responses with WCF out parameters beside Response, and with several parts and no Response.
  { name: "multi-part", run: "shared", version: "Services08", files: ["{v}/agents/multiPart.ts", "{v}/agents/multiPart.wire.ts", "ir/{V}.json"] },
  // base64Binary downloads the OpenAPI file answers as bytes (octet-stream, pdf; png), and an upload.
  { name: "streams", run: "shared", version: "Services09", files: ["{v}/agents/streams.ts", "{v}/agents/streams.wire.ts", "ir/{V}.json"] },
  // TypeScript keywords, runtime and global names as types, fields, operations and enum names; a type name that starts with a digit; operations that sanitise alike.
  { name: "reserved-names", run: "shared", version: "Services10", files: ["{v}/types.ts", "{v}/agents/reserved.ts", "{v}/agents/reserved.wire.ts"] },
  // Request and response headers declared per operation by the binding (one operation with none).
  { name: "headers", run: "shared", version: "Services11", files: ["{v}/agents/headers.wire.ts", "{v}/soap-client.ts", "docs/{V}/Headers.md"] },
  // Operations without parameters, void operations, and both.
  { name: "no-params-void", run: "shared", version: "Services12", files: ["{v}/agents/empty.ts", "{v}/agents/empty.wire.ts"] },
  // REST-only details: query vs body parameters (a REST page, an OpenAPI file), an id array as the body, a carrier as the body.
  { name: "rest-params", run: "shared", version: "Services13", files: ["{v}/agents/restParams.wire.ts", "ir/{V}.json", "docs/{V}/RestParams.md"] },
  // An entity OpenAPI file (GET/PUT/DELETE by id, a list query) over a WSDL carrier.
  { name: "entity-openapi", run: "own", version: "Services88", files: ["{v}/entities/widget.ts", "{v}/types.ts", "docs/{V}/entities/Widget.md"] },
  // One agent in two versions, changed in every kind, and docs the newer version inherits from the older one's SOAP page.
  { name: "version-diff", run: "own", version: "Services87", files: ["docs/diff-Services86-Services87.json", "docs/diff-Services86-Services87.md", "{v}/agents/changes.ts", "docs/{V}/Changes.md"] },
  // Types that sanitise alike (A-B/A_B, Promise/Promise_, an enum and a carrier): the run fails naming both, and writes nothing.
  { name: "name-clashes", run: "own", version: "Services88", files: [] },
];

/** An output path of a construct with its version filled in. */
export function outputPath(construct: Construct, file: string): string {
  return file.replaceAll("{v}", construct.version.toLowerCase()).replaceAll("{V}", construct.version);
}
