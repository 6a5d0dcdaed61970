import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { withoutMention } from "../middleware/groups.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";
import { deliver, turnOf } from "../turn.js";

/** Any other text is a question for the seam (the handoff dialogue, else the core). Must be the last handler. */
export const messageFeature = new Composer<BotContext>();

messageFeature.on("message:text", async (ctx) => {
  const startedAt = Date.now();
  const entities = ctx.message.entities ?? [];
  if (entities.some((e) => e.type === "bot_command" && e.offset === 0)) {
    await sendHtml(ctx, texts.unknownCommand);
    return;
  }
  const at = turnOf(ctx);
  if (!at) return;
  const text = withoutMention(ctx.message.text, ctx.me.username);
  await deliver(ctx, await ctx.deps.conversations.answer(at, text), startedAt);
});

// A button the bot no longer knows (an old keyboard): stop the spinner and say so.
messageFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: texts.unknownButton });
});
