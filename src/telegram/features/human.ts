import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";
import { deliverReply } from "../turn.js";
import { answerText } from "./message.js";

/** The request the core recognises as "I want a person"; its handoff reply comes from the knowledge base. */
const HANDOFF_REQUEST = "Ik wil met een mens praten";

/** /mens: the handoff dialogue (consent, contact, request for the console), or how to reach a person. */
export const humanFeature = new Composer<BotContext>();

humanFeature.command("mens", async (ctx) => {
  const startedAt = Date.now();
  const reply = await answerText(ctx, "/mens", HANDOFF_REQUEST);
  if (reply.kind === "handoff") await deliverReply(ctx, "/mens", reply, startedAt);
  else await sendHtml(ctx, texts.humanFallback);
});
