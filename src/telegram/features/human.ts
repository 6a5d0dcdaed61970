import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";
import { deliver, turnOf } from "../turn.js";

/** /mens: the handoff dialogue (consent, contact, request for the console), or how to reach a person. */
export const humanFeature = new Composer<BotContext>();

humanFeature.command("mens", async (ctx) => {
  const startedAt = Date.now();
  const at = turnOf(ctx);
  const answered = at ? await ctx.deps.conversations.answerIntent(at, "handoff", "/mens") : undefined;
  if (answered?.reply.kind === "handoff") await deliver(ctx, answered, startedAt);
  else await sendHtml(ctx, texts.humanFallback);
});
