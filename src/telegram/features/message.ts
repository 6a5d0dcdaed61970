import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { withoutMention } from "../middleware/groups.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";
import { deliverReply } from "../turn.js";

/** Any other text is a question for the core. Must be the last handler. */
export const messageFeature = new Composer<BotContext>();

messageFeature.on("message:text", async (ctx) => {
  const startedAt = Date.now();
  const entities = ctx.message.entities ?? [];
  if (entities.some((e) => e.type === "bot_command" && e.offset === 0)) {
    await sendHtml(ctx, texts.unknownCommand);
    return;
  }
  const text = withoutMention(ctx.message.text, ctx.me.username);
  const reply = await ctx.deps.assistant.reply(ctx.conversationId ?? "tg-none", text);
  await deliverReply(ctx, text, reply, startedAt);
});

// A button the bot no longer knows (an old keyboard): stop the spinner and say so.
messageFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: texts.unknownButton });
});
