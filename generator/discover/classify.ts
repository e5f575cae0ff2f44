/**
 * Decides what an input file is from its content, not its name or folder,
 * so a misplaced page still lands in the right parser.
 */
import { basename } from "node:path";
import { LineIndex } from "../util/text.js";

export type InputKind = "wsdl" | "soap-page" | "soap-text-dump" | "rest-page" | "rest-entity-page" | "openapi" | "entity-openapi" | "index-page" | "other";

export interface XmlPart {
  text: string;
  /** 1-based line of the file where the XML starts. */
  firstLine: number;
}

export interface Classified {
  kind: InputKind;
  /** For WSDL: the XML and the 1-based line of the file where it starts. */
  xml?: XmlPart;
  /** For a WSDL page with further ```xml fences holding a WSDL: each of them (read as WSDLs too). */
  moreXml?: XmlPart[];
  /** Why a file that looks like an input is not read as one. */
  skippedBecause?: { code: string; message: string };
}

const WSDL_ROOT = /<(?:[\w-]+:)?definitions[\s>]/;
const REST_REQUEST_LINE = /^(?:GET|POST|PUT|PATCH|DELETE) \/api\/v1\/Agents\/\w+\/\w+/m;
/** An entity page: a title such as `# GET Contact/{id}` (`# DEL …` too) and a ```http block with `GET /api/v1/Contact/{id}` (any entity but Agents). */
const REST_ENTITY_TITLE = /^# [A-Z]{3,6} \w/m;
const REST_ENTITY_REQUEST = /^```http[^\n]*\n\s*(?:GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(?!Agents\/)\w/m;
const SOAP_PAGE_MARK = "SOAP request and response examples";
const TEXT_DUMP_TITLE = /^Services\d+ \w+ \w+\s*$/;

export function classify(filePath: string, text: string): Classified {
  const lower = filePath.toLowerCase();
  if (lower.endsWith(".json")) return { kind: openApiKind(text) };
  if (lower.endsWith(".wsdl") || lower.endsWith(".xml")) {
    return WSDL_ROOT.test(text.slice(0, 4096)) || lower.endsWith(".wsdl") ? { kind: "wsdl", xml: { text, firstLine: 1 } } : { kind: "other" };
  }
  const fences = xmlFences(text);
  const wsdlFences = fences.filter((fence) => WSDL_ROOT.test(fence.text.slice(0, 4096)));
  if (wsdlFences.length > 0) return wsdlFences.length === 1 ? { kind: "wsdl", xml: wsdlFences[0] } : { kind: "wsdl", xml: wsdlFences[0], moreXml: wsdlFences.slice(1) };
  const fence = fences[0];
  // A WSDL page whose fence holds something else (an HTML error page, say) still goes to the WSDL parser to be reported.
  if (fence && isWsdlPageTitle(text)) return { kind: "wsdl", xml: fence };
  if (WSDL_PAGE_NAME.test(basename(filePath))) {
    return { kind: "other", skippedBecause: { code: "input.not-a-wsdl-page", message: `The file is named like a WSDL page (ServicesNN-Agent), but ${fence ? "its ```xml fence holds" : "it has"} no wsdl:definitions; it was skipped.` } };
  }
  if (REST_REQUEST_LINE.test(text)) return { kind: "rest-page" };
  if (REST_ENTITY_TITLE.test(text) && REST_ENTITY_REQUEST.test(text)) return { kind: "rest-entity-page" };
  if (text.includes(SOAP_PAGE_MARK)) {
    if (text.includes("SOAP request and response examples, and WSDL files")) return { kind: "index-page" };
    if (!text.startsWith("---") && TEXT_DUMP_TITLE.test(text.slice(0, text.indexOf("\n") >>> 0))) return { kind: "soap-text-dump" };
    return { kind: "soap-page" };
  }
  if (/^```http\s*\n\/api\/v1\/\w+\/Agent\s*$/m.test(text)) return { kind: "index-page" };
  return { kind: "other" };
}

/** Agent OpenAPI files have their paths under /api/v1/Agents/; entity files (`/api/v1/Contact/{id}`) under any other segment. */
function openApiKind(text: string): InputKind {
  if (!/"openapi"\s*:/.test(text.slice(0, 65536))) return "other";
  if (text.includes('"/api/v1/Agents/')) return "openapi";
  return /"\/api\/v1\/\w/.test(text) ? "entity-openapi" : "other";
}

/** How the docs name their WSDL pages: Services88-User.md. */
const WSDL_PAGE_NAME = /^Services\d+-[\w.-]+\.(?:md|mdx|markdown|txt)$/i;

function isWsdlPageTitle(text: string): boolean {
  return /^(?:title:.*WSDL\s*$|uid:\s*wsdl-|# .*WSDL\s*$)/im.test(text.slice(0, 2048));
}

/** The first ```xml fenced block: its text and the file line its first line sits on. */
export function findXmlFence(text: string): XmlPart | null {
  return xmlFences(text, 1)[0] ?? null;
}

/** The ```xml fenced blocks (at most `limit`), in file order. */
function xmlFences(text: string, limit = Infinity): XmlPart[] {
  const fences: XmlPart[] = [];
  const lines = new LineIndex(text);
  const open = /^```xml[^\n]*\n/gm;
  for (let match = open.exec(text); match && fences.length < limit; match = open.exec(text)) {
    const start = match.index + match[0].length;
    const close = text.indexOf("\n```", start - 1);
    const end = close < 0 ? text.length : close + 1;
    fences.push({ text: text.slice(start, end), firstLine: lines.lineAt(start) });
    open.lastIndex = Math.max(end + 3, open.lastIndex);
  }
  return fences;
}
