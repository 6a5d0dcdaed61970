import type { Answered, TurnContext } from "../conversation/index.js";
import { chatIdOf, type BotContext } from "./context.js";
import { sendReply } from "./send.js";

/**
 * Where an update's turn happens, for the seam: the chat's conversation, and the handoff dialogue only in a
 * private chat (a group is no place to share a conversation or a phone number). Undefined without a chat.
 */
export function turnOf(ctx: BotContext): TurnContext | undefined {
  const chatId = chatIdOf(ctx);
  if (!ctx.conversationId || chatId === undefined) return undefined;
  return {
    conversationId: ctx.conversationId,
    channel: "telegram",
    chatRef: String(chatId),
    dialogue: (ctx.chat?.type ?? "private") === "private",
  };
}

/** Sends a turn the seam answered (and already recorded): formatted, split, with its buttons; logs ids and timing. */
export async function deliver(ctx: BotContext, { reply, relayed }: Answered, startedAt: number): Promise<void> {
  // A message for the staff member who picked up the request: stored and passed on, nothing from the bot.
  if (reply.text === "") {
    ctx.log.info({ kind: reply.kind, relayed, ms: Date.now() - startedAt }, "telegram: passed on to staff");
    return;
  }
  const sent = await sendReply(ctx, reply);
  ctx.log.info(
    {
      kind: reply.kind,
      answerId: reply.answerId,
      confidence: reply.confidence,
      messages: sent.length,
      ms: Date.now() - startedAt,
    },
    "telegram: replied",
  );
}
