import { Composer } from "grammy";
import type { Reply } from "../../core/index.js";
import type { BotContext } from "../context.js";
import { withoutMention } from "../middleware/groups.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";
import { deliverReply } from "../turn.js";

/** Any other text is a question for the core. Must be the last handler. */
export const messageFeature = new Composer<BotContext>();

messageFeature.on("message:text", async (ctx) => {
  const startedAt = Date.now();
  const entities = ctx.message.entities ?? [];
  if (entities.some((e) => e.type === "bot_command" && e.offset === 0)) {
    await sendHtml(ctx, texts.unknownCommand);
    return;
  }
  const text = withoutMention(ctx.message.text, ctx.me.username);
  const reply = await answerText(ctx, text, text);
  await deliverReply(ctx, text, reply, startedAt);
});

/**
 * The reply to a parent's text: through the handoff dialogue when the bot has one (in private chats only: a
 * group is no place to share a conversation or a phone number), else straight from the core.
 * `asked` is what the core reads (e.g. "Ik wil met een mens praten" for /mens).
 */
export async function answerText(ctx: BotContext, text: string, asked: string): Promise<Reply> {
  const conversationId = ctx.conversationId ?? "tg-none";
  const answer = () => ctx.deps.assistant.reply(conversationId, asked);
  const flow = ctx.deps.handoff;
  if (!flow || !ctx.conversationId || ctx.chat?.type !== "private") return answer();
  const turn = await flow.respond(
    { conversationId, channel: "telegram", chatRef: String(ctx.chat.id) },
    text === "/mens" ? asked : text,
    answer,
  );
  return turn.reply;
}

// A button the bot no longer knows (an old keyboard): stop the spinner and say so.
messageFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: texts.unknownButton });
});
