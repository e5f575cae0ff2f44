/** Paths into ../shared (CI has it beside the clone); tests read it, the project never copies it. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sharedRoot = path.resolve(repoRoot, "..", "shared");
export const corpusRoot = path.join(sharedRoot, "corpus");
export const hasCorpus = existsSync(corpusRoot);

export const services88Dir = path.join(corpusRoot, "mintlify-docs/en/api/web-services/endpoints/soap/reference/Services88");
export const openApiDir = path.join(corpusRoot, "mintlify-docs/en/api/web-services/endpoints/agents-webapi/reference");
export const entityOpenApiDir = path.join(corpusRoot, "mintlify-docs/en/api/web-services/endpoints/rest-webapi/reference");
export const services86Dir = path.join(corpusRoot, "superoffice-docs/docs/en/api/reference/soap/Services86");
export const restUserDir = path.join(corpusRoot, "superoffice-docs/docs/en/api/reference/restful/agent/User_Agent");
export const restUserOldDir = path.join(corpusRoot, "superoffice-docs/docs/api/api-reference/restful/agent/User_Agent");
export const seedsDir = path.join(sharedRoot, "seeds");
