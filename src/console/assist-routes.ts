import express, { type Router } from "express";
import { z } from "zod";
import type { AnsweredQuestion, Assistant } from "../core/index.js";
import { composeDraft, type DraftQuestion } from "./draft.js";
import type { ConsoleKit } from "./kit.js";
import { assistPage, choiceKey, type AssistQuestion } from "./views.js";

// Assist: a pasted question or whole e-mail, read like the chatbot reads it. Per question found, the best entries
// of the chatbot's own search (the entry the chatbot gives is among them), and a draft that answers every question
// in order. Nothing of the pasted text is stored or logged.

export interface AssistRouteDeps extends ConsoleKit {
  assistant: Assistant;
}

const assistBody = z.object({
  text: z.string().max(10_000).default(""),
  vorm: z.enum(["je", "u"]).default("u"),
  /** Chosen entries: "<question number>:<entry id>", or an entry id for every question it stands under. */
  kies: z.union([z.string(), z.array(z.string())]).optional(),
});

export function assistRoutes(deps: AssistRouteDeps): Router {
  const { assistant, ctxFor, send, route } = deps;
  const router = express.Router();

  const questionsOf = (text: string): AssistQuestion[] =>
    assistant.answerQuestions(text).map((q: AnsweredQuestion) => ({
      question: q.question,
      asked: q.asked,
      kind: q.kind,
      candidates: q.matches.map((m) => ({ ...m, citations: assistant.citationsOf(m.entry.id) })),
    }));

  router.get("/hulp", async (req, res) => {
    route(res, "GET /console/hulp");
    send(
      res,
      assistPage(await ctxFor(req, res, "hulp"), { text: "", form: "u", questions: [], chosen: [], drafts: null }),
    );
  });

  router.post("/hulp", async (req, res) => {
    route(res, "POST /console/hulp");
    const body = assistBody.safeParse(req.body);
    if (!body.success || body.data.text.trim() === "") {
      send(
        res,
        assistPage(await ctxFor(req, res, "hulp", { error: "Plak eerst een vraag of e-mail." }), {
          text: "",
          form: "u",
          questions: [],
          chosen: [],
          drafts: null,
        }),
        400,
      );
      return;
    }
    const { text, vorm } = body.data;
    const questions = questionsOf(text);
    const chosen = chosenKeys(questions, body.data.kies === undefined ? undefined : [body.data.kies].flat());
    send(
      res,
      assistPage(await ctxFor(req, res, "hulp"), {
        text,
        form: vorm,
        questions,
        chosen,
        drafts: draftsFor(questions, chosen),
      }),
    );
  });

  router.post("/api/hulp", (req, res) => {
    route(res, "POST /console/api/hulp");
    const body = assistBody.safeParse(req.body);
    if (!body.success || body.data.text.trim() === "") {
      res.status(400).json({ error: "Stuur een vraag in 'text'." });
      return;
    }
    const questions = questionsOf(body.data.text);
    const candidateJson = (c: AssistQuestion["candidates"][number]) => ({
      id: c.entry.id,
      question: c.entry.question,
      confidence: c.confidence,
      answer: c.entry.answer,
      nextSteps: c.entry.nextSteps,
      citations: c.citations,
    });
    const all = new Map(questions.flatMap((q) => q.candidates.map((c) => [c.entry.id, candidateJson(c)] as const)));
    res.json({
      questions: questions.map((q) => ({
        question: q.question,
        asked: q.asked,
        kind: q.kind,
        candidates: q.candidates.map(candidateJson),
      })),
      // Every entry of every question once, in the order of the questions.
      candidates: [...all.values()],
      draft: draftIn(questions, chosenKeys(questions, undefined), body.data.vorm),
    });
  });

  return router;
}

/**
 * The checkboxes to tick: what the staff member chose, or else the best entry of every question (the one the
 * chatbot gives, or offers first).
 */
function chosenKeys(questions: AssistQuestion[], asked: string[] | undefined): string[] {
  return questions.flatMap((q, i) => {
    const keys = q.candidates.map((c) => choiceKey(i, c.entry.id));
    if (asked === undefined) return keys.slice(0, 1);
    return keys.filter((key, j) => asked.includes(key) || asked.includes(q.candidates[j]?.entry.id ?? ""));
  });
}

/** The draft in both forms, so the page can switch between them without a new request. */
function draftsFor(questions: AssistQuestion[], chosen: string[]): { je: string; u: string } {
  return { je: draftIn(questions, chosen, "je"), u: draftIn(questions, chosen, "u") };
}

/** The draft in one form ("je" or "u"): the JSON API needs only the one asked for. */
function draftIn(questions: AssistQuestion[], chosen: string[], form: "je" | "u"): string {
  const draftQuestions: DraftQuestion[] = questions.map((q, i) => ({
    // A message read as a whole is not quoted back to the parent.
    question: q.asked ? q.question : "",
    entries: q.candidates
      .filter((c) => chosen.includes(choiceKey(i, c.entry.id)))
      .map((c) => ({
        question: c.entry.question,
        answer: c.entry.answer,
        nextSteps: c.entry.nextSteps,
        citations: c.citations,
      })),
  }));
  return composeDraft({ questions: draftQuestions, form });
}
