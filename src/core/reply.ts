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

/** What tapping a suggestion does: answer an entry, start an intent (the handoff), open a letter, or send a text. */
export const ReplyAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("entry"), answerId: z.string() }),
  z.object({ type: z.literal("intent"), intent: z.literal("handoff") }),
  z.object({ type: z.literal("letter"), letterId: z.string() }),
  z.object({ type: z.literal("text"), text: z.string() }),
]);
export type ReplyAction = z.infer<typeof ReplyAction>;

/** A suggestion with what tapping it does; `label` is the suggestion's text. */
export const ReplyChoice = z.object({ label: z.string(), action: ReplyAction });
export type ReplyChoice = z.infer<typeof ReplyChoice>;

/** One bot turn, as fixed by docs/CONTRACT.md. Extra fields: `topic`, `deadlines`, `choices` and the ones below. */
export const Reply = z.object({
  kind: ReplyKind,
  text: z.string(),
  answerId: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  citations: z.array(ReplyCitation),
  nextSteps: z.array(z.string()),
  suggestions: z.array(z.string()),
  /** One per suggestion, in the same order and with the same label: what tapping it does. */
  choices: z.array(ReplyChoice).optional(),
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
