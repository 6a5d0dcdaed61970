import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format.js";
import { decodeCallback, topicQuestionsKeyboard, topicsKeyboard } from "../keyboards.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/** /onderwerpen: the topics as buttons; a topic shows its questions; a question is answered by entry.ts. */
export const topicsFeature = new Composer<BotContext>();

topicsFeature.command("onderwerpen", async (ctx) => {
  await sendHtml(ctx, texts.topicsIntro, { reply_markup: topicsKeyboard(ctx.deps.assistant) });
});

topicsFeature.callbackQuery(/^t:/, async (ctx) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  if (action?.kind !== "topic") return ctx.answerCallbackQuery({ text: texts.unknownButton });
  if (action.topicId === null) {
    await ctx.answerCallbackQuery();
    await sendHtml(ctx, texts.topicsIntro, { reply_markup: topicsKeyboard(ctx.deps.assistant) });
    return;
  }
  const topic = ctx.deps.assistant.topics().find((t) => t.id === action.topicId);
  if (!topic) return ctx.answerCallbackQuery({ text: texts.unknownButton });
  await ctx.answerCallbackQuery();
  ctx.log.info({ topic: topic.id }, "telegram: topic opened");
  await sendHtml(ctx, texts.topicQuestions(escapeHtml(topic.label)), { reply_markup: topicQuestionsKeyboard(topic) });
});
