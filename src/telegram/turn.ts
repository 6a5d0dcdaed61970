import type { Reply } from "../core/index.js";
import type { BotContext } from "./context.js";
import { describeError } from "./errors.js";
import { sendReply } from "./send.js";

/**
 * Sends a reply of the core and then records both turns in the masked transcript. The parent gets the answer
 * first; a transcript that cannot be written is logged, not shown.
 */
export async function deliverReply(
  ctx: BotContext,
  parentText: string,
  reply: Reply,
  startedAt: number,
): Promise<void> {
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
  await recordTurns(ctx, parentText, reply);
}

export async function recordTurns(ctx: BotContext, parentText: string, reply: Reply | null): Promise<void> {
  const id = ctx.conversationId;
  if (!id) return;
  const { conversations } = ctx.deps.stores;
  try {
    await conversations.appendTurns(id, [
      { role: "parent", text: parentText, channel: "telegram" },
      ...(reply
        ? [
            {
              role: "assistant" as const,
              text: reply.text,
              kind: reply.kind,
              answerId: reply.answerId,
              channel: "telegram" as const,
            },
          ]
        : []),
    ]);
  } catch (err) {
    ctx.log.warn({ error: describeError(err, []) }, "telegram: transcript not written");
  }
}
