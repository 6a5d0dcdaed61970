import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";
import { deliver, turnOf } from "../turn.js";

/** /mens: the handoff dialogue (consent, contact, request for the console), or how to reach a person. */
export const humanFeature = new Composer<BotContext>();

/** /terug: back to the chatbot while a request is open or claimed (closes it with a note for staff). */
humanFeature.command("terug", async (ctx) => {
  const startedAt = Date.now();
  const at = turnOf(ctx);
  const answered = at && at.dialogue !== false ? await ctx.deps.conversations.handBack(at, "/terug") : null;
  if (answered) await deliver(ctx, answered, startedAt);
  else await sendHtml(ctx, texts.backNothing);
});

humanFeature.command("mens", async (ctx) => {
  const startedAt = Date.now();
  const at = turnOf(ctx);
  const answered = at ? await ctx.deps.conversations.answerIntent(at, "handoff", "/mens") : undefined;
  if (answered?.reply.kind === "handoff") await deliver(ctx, answered, startedAt);
  else await sendHtml(ctx, texts.humanFallback);
});
