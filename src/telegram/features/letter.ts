import { Composer, InputFile } from "grammy";
import {
  formatDutchDate,
  isLetterProblems,
  LETTER_LONG_MAX,
  LETTER_TEXT_MAX,
  parseLetterDate,
  type LetterSummary,
} from "../../core/index.js";
import { docxFileName, letterToDocx } from "../../documents/letter-docx.js";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format.js";
import { decodeCallback } from "../keyboards.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/** A letter being filled in one private chat: in this process's memory only, never stored or logged. */
interface Draft {
  letter: LetterSummary;
  /** The blank asked now. */
  index: number;
  values: Record<string, string>;
  /** After this moment (ms) the draft is forgotten. */
  expires: number;
}

export interface LetterFeatureOptions {
  /** How long an unfinished letter is remembered. Default 30 minutes. */
  idleMs: number;
  now: () => number;
}

const STOP = /^\s*(stop|stoppen|annuleer|annuleren|\/stop)\s*[.!]?\s*$/iu;
const SKIP = /^\s*(-|–|overslaan|sla over|leeg|geen)\s*$/iu;

/**
 * Making a letter in a private chat: a tap on a letter offer ("l:<letter id>") asks the letter's blanks one by one,
 * then sends the letter as a .docx document and as text. What the parent types in the meantime is not a question
 * for the core and is not stored: it lives in the draft (memory) until the letter is sent, stopped or forgotten.
 * Must be mounted before the catch-all text handler.
 */
export function createLetterFeature(options: Partial<LetterFeatureOptions> = {}): Composer<BotContext> {
  const opts: LetterFeatureOptions = { idleMs: 30 * 60_000, now: () => Date.now(), ...options };
  const drafts = new Map<string, Draft>();
  const feature = new Composer<BotContext>();

  const draftOf = (id: string | undefined): Draft | undefined => {
    if (!id) return undefined;
    const draft = drafts.get(id);
    if (draft && draft.expires < opts.now()) {
      drafts.delete(id);
      return undefined;
    }
    return draft;
  };

  async function ask(ctx: BotContext, draft: Draft, problem?: string): Promise<void> {
    const field = draft.letter.fields[draft.index];
    if (!field) return;
    const question = texts.letterAsk(
      draft.index + 1,
      draft.letter.fields.length,
      escapeHtml(field.label),
      field.hint ? escapeHtml(field.hint) : null,
      !field.required,
    );
    await sendHtml(ctx, problem ? `${escapeHtml(problem)}\n\n${question}` : question);
  }

  async function finish(ctx: BotContext, conversationId: string, draft: Draft): Promise<void> {
    const result = ctx.deps.assistant.fillLetter(draft.letter.id, draft.values);
    if (!result) {
      drafts.delete(conversationId);
      await sendHtml(ctx, texts.letterUnknown);
      return;
    }
    if (isLetterProblems(result)) {
      // Ask the first blank that is not right again.
      const name = Object.keys(result.problems)[0] as string;
      draft.index = Math.max(
        0,
        draft.letter.fields.findIndex((f) => f.name === name),
      );
      await ask(ctx, draft, result.problems[name]);
      return;
    }
    drafts.delete(conversationId);
    const file = await letterToDocx(result);
    const deadline = result.deadline ? formatDutchDate(new Date(`${result.deadline}T00:00:00Z`)) : null;
    await ctx.replyWithDocument(new InputFile(file, docxFileName(result)), {
      caption: `${result.title}${deadline ? `\nLet op: uiterlijk ${deadline}.` : ""}`.slice(0, 1024),
    });
    // Plain escaped text, so a long letter splits between paragraphs like any reply.
    const parts = [texts.letterDone(escapeHtml(result.title)), escapeHtml(result.text)];
    if (deadline)
      parts.push([texts.letterDeadline(deadline), escapeHtml(result.deadlineText ?? "")].filter(Boolean).join("\n"));
    parts.push([texts.letterTips, ...result.tips.map((t) => `• ${escapeHtml(t)}`)].join("\n"));
    await sendHtml(ctx, parts.join("\n\n"));
    ctx.log.info({ letter: result.id }, "telegram: letter made");
  }

  feature.callbackQuery(/^l:/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    const letter =
      action?.kind === "letter" ? ctx.deps.assistant.letters().find((l) => l.id === action.letterId) : undefined;
    if (!letter || !ctx.conversationId) {
      await ctx.answerCallbackQuery({ text: texts.unknownButton });
      return;
    }
    await ctx.answerCallbackQuery();
    // A group is no place for names, addresses and what the parent disagrees with.
    if (ctx.chat?.type !== "private") {
      await sendHtml(ctx, texts.letterPrivateOnly);
      return;
    }
    const draft: Draft = { letter, index: 0, values: {}, expires: opts.now() + opts.idleMs };
    drafts.set(ctx.conversationId, draft);
    await sendHtml(
      ctx,
      texts.letterIntro(
        escapeHtml(letter.title),
        escapeHtml(letter.purpose),
        escapeHtml(letter.recipient),
        letter.fields.length,
      ),
    );
    await ask(ctx, draft);
  });

  feature.on("message:text", async (ctx, next) => {
    const conversationId = ctx.conversationId;
    const draft = ctx.chat.type === "private" ? draftOf(conversationId) : undefined;
    if (!draft || !conversationId) return next();
    const text = ctx.message.text;
    if (STOP.test(text)) {
      drafts.delete(conversationId);
      await sendHtml(ctx, texts.letterStopped);
      return;
    }
    // A command (/start, /wissen, /mens) leaves the letter; the command is handled as usual.
    if ((ctx.message.entities ?? []).some((e) => e.type === "bot_command" && e.offset === 0)) {
      drafts.delete(conversationId);
      return next();
    }
    draft.expires = opts.now() + opts.idleMs;
    const field = draft.letter.fields[draft.index];
    if (!field) return next();
    const value = text.trim();
    if (SKIP.test(value) && !field.required) {
      draft.values = Object.fromEntries(Object.entries(draft.values).filter(([name]) => name !== field.name));
    } else if (SKIP.test(value) || value === "") {
      await ask(ctx, draft, texts.letterRequired);
      return;
    } else if (field.kind === "date" && !parseLetterDate(value, new Date(opts.now()))) {
      await ask(ctx, draft, texts.letterDateHelp);
      return;
    } else if (value.length > (field.kind === "long" ? LETTER_LONG_MAX : LETTER_TEXT_MAX)) {
      await ask(ctx, draft, texts.letterTooLong(field.kind === "long" ? LETTER_LONG_MAX : LETTER_TEXT_MAX));
      return;
    } else {
      draft.values[field.name] = value;
    }
    draft.index += 1;
    if (draft.index < draft.letter.fields.length) await ask(ctx, draft);
    else await finish(ctx, conversationId, draft);
  });

  return feature;
}
