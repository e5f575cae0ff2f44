/**
 * The single-threaded parse floor: read every corpus input once and run the plain parsers over it
 * and nothing else — remark-parse on each markdown page (whole document), fast-xml-parser on each
 * XML fence (the WSDLs and the SOAP examples), JSON.parse on each OpenAPI file. No model, no emit.
 *
 * Usage: node --import tsx bench/floor.ts CORPUS_DIR   → prints one JSON line { seconds, files, bytes, maxRssBytes }
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Nodes, Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";

const corpus = process.argv[2];
if (!corpus) throw new Error("usage: floor.ts CORPUS_DIR");

const started = performance.now();
const markdown = unified().use(remarkParse);
// Attributes on: a WSDL cannot be read without them.
const xml = new XMLParser({ ignoreAttributes: false });
let files = 0;
let bytes = 0;
for (const file of await listFiles(corpus)) {
  const extension = path.extname(file);
  if (extension !== ".md" && extension !== ".json") continue;
  const text = await readFile(file, "utf8");
  files++;
  bytes += text.length;
  if (extension === ".json") {
    JSON.parse(text);
    continue;
  }
  parseXmlFences(markdown.parse(text) as Root);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, files, bytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);

function parseXmlFences(node: Nodes): void {
  if (node.type === "code" && node.lang === "xml") xml.parse(node.value);
  if ("children" in node) for (const child of node.children) parseXmlFences(child);
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}
