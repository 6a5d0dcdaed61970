import type { MiddlewareFn } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import type { BotContext } from "../context.js";

/**
 * In groups the bot only answers when it is addressed: a command (for this bot), a mention of its username, or a
 * reply to one of its messages. Button presses under its own messages always count. Private chats pass as is.
 */
export function onlyWhenAddressed(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const type = ctx.chat?.type;
    if (type !== "group" && type !== "supergroup") return next();
    if (ctx.callbackQuery) return next();
    const msg = ctx.message ?? ctx.editedMessage;
    if (msg && isAddressed(msg, ctx.me.id, ctx.me.username)) return next();
    // Not for us: stay silent.
  };
}

export function isAddressed(msg: Message, botId: number, username: string): boolean {
  if (msg.reply_to_message?.from?.id === botId) return true;
  const text = msg.text ?? msg.caption ?? "";
  const entities: MessageEntity[] = msg.entities ?? msg.caption_entities ?? [];
  const name = `@${username}`.toLowerCase();
  for (const e of entities) {
    const part = text.slice(e.offset, e.offset + e.length).toLowerCase();
    if (e.type === "mention" && part === name) return true;
    if (e.type === "text_mention" && e.user.id === botId) return true;
    if (e.type === "bot_command" && e.offset === 0) {
      const at = part.indexOf("@");
      return at === -1 || part.slice(at) === name;
    }
  }
  return false;
}

/** The text of a message without the mention of the bot, for the question itself. */
export function withoutMention(text: string, username: string): string {
  const escaped = username.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text
    .replace(new RegExp(`@${escaped}\\b`, "gi"), " ")
    .replace(/\s+/g, " ")
    .trim();
}
