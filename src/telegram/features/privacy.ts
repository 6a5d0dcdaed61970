import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/** /privacy: what is kept, for how long, and how to erase it. */
export const privacyFeature = new Composer<BotContext>();

privacyFeature.command("privacy", async (ctx) => {
  await sendHtml(ctx, texts.privacy(ctx.deps.config.RETENTION_DAYS));
});
