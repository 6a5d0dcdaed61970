import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/** /help: how to ask, and the commands. */
export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", async (ctx) => {
  await sendHtml(ctx, texts.help);
});
