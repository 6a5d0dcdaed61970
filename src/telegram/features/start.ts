import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/** /start: welcome, what the bot can and cannot do, and the three-line privacy note. */
export const startFeature = new Composer<BotContext>();

startFeature.command("start", async (ctx) => {
  await sendHtml(ctx, texts.start(ctx.deps.config.RETENTION_DAYS));
});
