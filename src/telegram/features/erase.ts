import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/**
 * /wissen: erases the conversation (state, transcript, feedback) at once. The bot cannot empty the parent's own
 * app, so the reply says how to do that.
 */
export const eraseFeature = new Composer<BotContext>();

eraseFeature.command("wissen", async (ctx) => {
  const id = ctx.conversationId;
  if (!id) return;
  const erased = await ctx.deps.conversations.erase(id);
  ctx.log.info({ erased }, "telegram: conversation erased");
  await sendHtml(ctx, `${erased ? texts.erased : texts.nothingToErase}\n\n${texts.eraseInApp}`);
});
