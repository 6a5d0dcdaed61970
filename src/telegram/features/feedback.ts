import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { describeError } from "../errors.js";
import { decodeCallback, withoutFeedback } from "../keyboards.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/** "Was dit nuttig?" 👍/👎: stores the feedback, thanks the parent and takes the buttons away. */
export const feedbackFeature = new Composer<BotContext>();

feedbackFeature.callbackQuery(/^f:/, async (ctx) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  if (action?.kind !== "feedback" || !ctx.conversationId || !ctx.deps.assistant.entry(action.answerId)) {
    return ctx.answerCallbackQuery({ text: texts.unknownButton });
  }
  await ctx.deps.stores.feedback.add({
    conversationId: ctx.conversationId,
    answerId: action.answerId,
    helpful: action.helpful,
  });
  ctx.log.info({ answerId: action.answerId, helpful: action.helpful }, "telegram: feedback");
  await ctx.answerCallbackQuery({ text: texts.feedbackThanks });
  const message = ctx.callbackQuery.message;
  if (message && "reply_markup" in message) {
    await ctx.editMessageReplyMarkup({ reply_markup: withoutFeedback(message.reply_markup) }).catch((err: unknown) => {
      ctx.log.debug({ error: describeError(err, []) }, "telegram: buttons not updated");
    });
  }
  if (!action.helpful) await sendHtml(ctx, texts.feedbackSorry);
});
