import { createAssistant, type Assistant, type AssistantOptions, type Knowledge } from "../src/core/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "../src/knowledge/index.js";

let cached: Knowledge | undefined;

/** The repository's real knowledge base, loaded once per test file. */
export function realKnowledge(): Knowledge {
  cached ??= loadKnowledge(defaultKnowledgeDir).knowledge;
  return cached;
}

/** An assistant over the real knowledge base with a fixed clock (23 November 2026). */
export function realAssistant(options: Partial<AssistantOptions> = {}): Assistant {
  return createAssistant(realKnowledge(), { now: () => new Date("2026-11-23T12:00:00Z"), ...options });
}
