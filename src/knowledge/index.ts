import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAssistant, type Assistant, type AssistantOptions } from "../core/index.js";
import { loadKnowledge } from "./load.js";

export { loadKnowledge } from "./load.js";
export type { LoadedKnowledge } from "./load.js";

/** The repository's `knowledge/` folder. */
export const defaultKnowledgeDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "knowledge");

/** Loads the knowledge folder and builds the assistant; throws KnowledgeError when the knowledge is broken. */
export function loadAssistant(options: Partial<AssistantOptions> & { knowledgeDir?: string } = {}): Assistant {
  const { knowledge } = loadKnowledge(options.knowledgeDir ?? defaultKnowledgeDir);
  return createAssistant(knowledge, options);
}
