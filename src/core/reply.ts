import { z } from "zod";
import { Danger } from "./knowledge/schema.js";

export const ReplyKind = z.enum(["answer", "clarify", "fallback", "smalltalk", "handoff", "crisis"]);
export type ReplyKind = z.infer<typeof ReplyKind>;

export const ReplyCitation = z.object({
  sourceId: z.string(),
  title: z.string(),
  section: z.string(),
  url: z.string().optional(),
  publisher: z.string().optional(),
});
export type ReplyCitation = z.infer<typeof ReplyCitation>;

/** One bot turn, as fixed by CONTRACT.md. Extra fields: `topic` and `deadlines`. */
export const Reply = z.object({
  kind: ReplyKind,
  text: z.string(),
  answerId: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  citations: z.array(ReplyCitation),
  nextSteps: z.array(z.string()),
  suggestions: z.array(z.string()),
  topic: z.string().nullable().optional(),
  deadlines: z.array(z.object({ date: z.string(), label: z.string() })).optional(),
  /** Kind "answer" (and a crisis reply that also answers a school question): the entry's main question. */
  question: z.string().optional(),
  /** Kind "answer": the articles of law the rule rests on ([] if none). */
  legalBasis: z.array(z.string()).optional(),
  /** Kind "answer": the date the entry's facts were last reviewed (YYYY-MM-DD). */
  reviewed: z.string().optional(),
  /** Kind "answer" to a message with two questions: the second entry answered in the same reply. */
  also: z.array(z.object({ answerId: z.string(), question: z.string() })).optional(),
  /** Kind "answer": letters that belong to the answer, offered in `suggestions` too (GET /api/letters has their blanks). */
  letters: z.array(z.object({ id: z.string(), title: z.string(), suggestion: z.string() })).optional(),
  /** Kind "crisis": the dangers recognised, most urgent first. */
  dangers: z.array(Danger).optional(),
});
export type Reply = z.infer<typeof Reply>;
