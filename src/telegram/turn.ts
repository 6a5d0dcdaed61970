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
export async function deliver(ctx: BotContext, { reply }: Answered, startedAt: number): Promise<void> {
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
