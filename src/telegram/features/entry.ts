import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { decodeCallback } from "../keyboards.js";
import { texts } from "../texts.js";
import { deliver, turnOf } from "../turn.js";

/** A tapped suggestion or topic question ("e:<entry id>"): answers that entry, through the handoff flow like text. */
export const entryFeature = new Composer<BotContext>();

entryFeature.callbackQuery(/^e:/, async (ctx) => {
  const startedAt = Date.now();
  const action = decodeCallback(ctx.callbackQuery.data);
  const at = turnOf(ctx);
  const answered = action?.kind === "entry" && at ? await ctx.deps.conversations.answerEntry(at, action.entryId) : null;
  if (!answered) return ctx.answerCallbackQuery({ text: texts.unknownButton });
  await ctx.answerCallbackQuery();
  await deliver(ctx, answered, startedAt);
});
