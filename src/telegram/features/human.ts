import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";
import { deliverReply } from "../turn.js";

/** The request the core recognises as "I want a person"; its handoff reply comes from the knowledge base. */
const HANDOFF_REQUEST = "Ik wil met een mens praten";

/** /mens: how to reach a person (the core's handoff reply, so the web and Telegram say the same). */
export const humanFeature = new Composer<BotContext>();

humanFeature.command("mens", async (ctx) => {
  const startedAt = Date.now();
  const reply = await ctx.deps.assistant.reply(ctx.conversationId ?? "tg-none", HANDOFF_REQUEST);
  if (reply.kind === "handoff") await deliverReply(ctx, "/mens", reply, startedAt);
  else await sendHtml(ctx, texts.humanFallback);
});
