import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/**
 * Messages the bot cannot read (stickers, photos, voice, locations, …) and edited messages get a short reply that
 * only new text is understood. Service messages (someone joined, a pinned message) get nothing.
 */
export const nonTextFeature = new Composer<BotContext>();

nonTextFeature.on(
  [
    "message:sticker",
    "message:photo",
    "message:voice",
    "message:audio",
    "message:video",
    "message:video_note",
    "message:animation",
    "message:document",
    "message:location",
    "message:venue",
    "message:contact",
    "message:poll",
    "message:dice",
    "message:game",
    "message:story",
  ],
  async (ctx) => {
    ctx.log.info({ nonText: true }, "telegram: non-text message");
    await sendHtml(ctx, texts.onlyText);
  },
);

nonTextFeature.on("edited_message", async (ctx) => {
  await sendHtml(ctx, texts.edited);
});
