import express, { type Router } from "express";
import type { Assistant } from "../core/index.js";
import { createAssistInput } from "./assist-input.js";
import type { ConsoleKit } from "./kit.js";
import { entryPage, errorPage, knowledgePage, type AssistCandidate } from "./views.js";

// The knowledge base: search it, browse it by topic, read one entry with its alternates, sources and related
// entries.

export interface KnowledgeRouteDeps extends ConsoleKit {
  assistant: Assistant;
}

export function knowledgeRoutes(deps: KnowledgeRouteDeps): Router {
  const { assistant, ctxFor, send, route } = deps;
  const router = express.Router();

  /**
   * The best entries for a search: the text as a whole and each question in it, best first. What is searched is
   * bounded (see assist-input.ts), so no search costs more than a chat message.
   */
  const assistInput = createAssistInput(assistant);
  const bestEntries = (text: string, limit: number): AssistCandidate[] => {
    const best = new Map<string, { entry: AssistCandidate["entry"]; confidence: number }>();
    for (const part of assistInput(text)) {
      for (const s of assistant.suggest(part, limit)) {
        const seen = best.get(s.entry.id);
        if (!seen || seen.confidence < s.confidence) best.set(s.entry.id, s);
      }
    }
    return [...best.values()]
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, limit)
      .map((s) => ({ ...s, citations: assistant.citationsOf(s.entry.id) }));
  };

  router.get("/kennisbank", async (req, res) => {
    route(res, "GET /console/kennisbank");
    const query = typeof req.query.q === "string" ? req.query.q.slice(0, 300).trim() : "";
    const topic = typeof req.query.onderwerp === "string" ? req.query.onderwerp : null;
    const results = query ? bestEntries(query, 10) : null;
    send(
      res,
      knowledgePage(await ctxFor(req, res, "kennisbank"), { query, topics: assistant.topics(), topic, results }),
    );
  });

  router.get("/kennisbank/:id", async (req, res) => {
    route(res, "GET /console/kennisbank/:id");
    const entry = assistant.entry(req.params.id);
    if (!entry) {
      send(res, errorPage(await ctxFor(req, res, "kennisbank"), 404, "Deze vraag staat niet in de kennisbank."), 404);
      return;
    }
    const related = entry.related.flatMap((id) => assistant.entry(id) ?? []);
    send(
      res,
      entryPage(
        await ctxFor(req, res, "kennisbank"),
        { entry, confidence: 1, citations: assistant.citationsOf(entry.id) },
        related,
      ),
    );
  });

  return router;
}
