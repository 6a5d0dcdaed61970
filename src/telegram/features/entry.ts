import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { decodeCallback } from "../keyboards.js";
import { texts } from "../texts.js";
import { deliverReply } from "../turn.js";

/** A tapped suggestion or topic question ("e:<entry id>"): answers that entry. */
export const entryFeature = new Composer<BotContext>();

entryFeature.callbackQuery(/^e:/, async (ctx) => {
  const startedAt = Date.now();
  const action = decodeCallback(ctx.callbackQuery.data);
  const reply =
    action?.kind === "entry" && ctx.conversationId
      ? await ctx.deps.assistant.replyWithEntry(ctx.conversationId, action.entryId)
      : null;
  if (!reply || action?.kind !== "entry") return ctx.answerCallbackQuery({ text: texts.unknownButton });
  await ctx.answerCallbackQuery();
  const question = ctx.deps.assistant.entry(action.entryId)?.question ?? action.entryId;
  await deliverReply(ctx, question, reply, startedAt);
});
