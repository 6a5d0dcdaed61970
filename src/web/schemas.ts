import { z } from "zod";
import { messages } from "./messages.js";

/** Conversation ids handed out by the web API: random UUIDs (122 random bits), so nobody can guess another's. */
export const isWebConversationId = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id);

const conversationId = z
  .string({ error: "conversationId moet tekst zijn." })
  .max(100, { error: "conversationId is te lang." });

/** POST /api/chat: a tapped choice of a reply (`Reply.choices[].action`); `text` stays its label. */
const chatAction = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("entry"),
      answerId: z.string({ error: "action.answerId moet tekst zijn." }).min(1).max(200),
    }),
    z.object({
      type: z.literal("intent"),
      intent: z.literal("handoff", { error: 'action.intent moet "handoff" zijn.' }),
    }),
  ],
  { error: 'action moet {"type": "entry", "answerId": …} of {"type": "intent", "intent": "handoff"} zijn.' },
);

/** POST /api/chat */
export const chatRequest = (maxChars: number) =>
  z.object(
    {
      conversationId: conversationId.nullish(),
      /** Chosen by the client per message; a retry with the same id gets the first answer (docs/RELIABILITY.md W-08). */
      clientMessageId: z
        .string({ error: "clientMessageId moet tekst zijn." })
        .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
          error: "clientMessageId moet een UUID zijn.",
        })
        .optional(),
      /** A tapped choice: answered as its action says (an unknown entry is answered as the text). */
      action: chatAction.optional(),
      text: z
        .string({ error: (iss) => (iss.input === undefined ? messages.textMissing : messages.textNotText) })
        .max(maxChars, { error: messages.textTooLong(maxChars) })
        .refine((t) => t.trim().length > 0, { error: messages.textMissing }),
    },
    { error: messages.notAnObject },
  );

/** POST /api/feedback */
export const feedbackRequest = z.object(
  {
    conversationId,
    answerId: z.string({ error: "answerId moet tekst zijn." }).min(1).max(200),
    helpful: z.boolean({ error: "helpful moet true of false zijn." }),
    comment: z
      .string({ error: "comment moet tekst zijn." })
      .max(1000, { error: "Je opmerking is te lang. Gebruik maximaal 1000 tekens." })
      .optional(),
  },
  { error: messages.notAnObject },
);

/** POST /api/letters/:id: the blanks, by field name. Unknown names are ignored; every value is text. */
export const letterRequest = z.object(
  {
    fields: z.record(z.string().max(100), z.string({ error: "Elk veld moet tekst zijn." }).max(20_000), {
      error: 'Stuur de velden als JSON-object: {"fields": {"naam": "waarde"}}.',
    }),
    /** The letter as the parent edited it: used for the .docx instead of the filled-in template. */
    text: z.string({ error: "text moet tekst zijn." }).max(40_000, { error: "De brief is te lang." }).optional(),
  },
  { error: 'Stuur de velden als JSON-object: {"fields": {"naam": "waarde"}}.' },
);

/** The body of a 400: the first problem as the message, and each field's problem. */
export function describeIssues(error: z.ZodError): { error: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "(body)";
    fields[key] ??= issue.message;
  }
  const first = error.issues[0];
  const onlyText = Object.keys(fields).every((k) => k === "text" || k === "(body)");
  return { error: onlyText && first ? first.message : messages.invalidRequest, fields };
}
