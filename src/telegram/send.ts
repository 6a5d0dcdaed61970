import { GrammyError } from "grammy";
import type { InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import type { Reply } from "../core/index.js";
import { chatIdOf, type BotContext } from "./context.js";
import { formatReply, htmlToPlain, MESSAGE_LIMIT, splitHtml } from "./format.js";
import { choicesOf, replyKeyboard } from "./keyboards.js";

export interface SendOptions {
  reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
}

/** Whether Telegram refused a message because of its formatting. */
export function isParseError(err: unknown): boolean {
  return (
    err instanceof GrammyError &&
    err.error_code === 400 &&
    /can't parse entities|unsupported start tag|can't find end/i.test(err.description)
  );
}

/**
 * Sends HTML to the chat of the update, split into messages of at most 4,096 characters at paragraph
 * boundaries; the keyboard goes under the last one. A message Telegram cannot parse is sent once more as
 * plain text, never the same payload again. In groups the first message replies to the parent's message.
 */
export async function sendHtml(ctx: BotContext, html: string, options: SendOptions = {}): Promise<Message[]> {
  const chatId = chatIdOf(ctx);
  if (chatId === undefined) return [];
  const chunks = splitHtml(html, MESSAGE_LIMIT).filter((c) => htmlToPlain(c).trim().length > 0);
  const inGroup = ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
  const replyTo = inGroup ? ctx.message?.message_id : undefined;
  const sent: Message[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    const common = {
      link_preview_options: { is_disabled: true },
      ...(i === 0 && replyTo !== undefined
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(last && options.reply_markup ? { reply_markup: options.reply_markup } : {}),
    };
    try {
      sent.push(await ctx.api.sendMessage(chatId, chunk, { ...common, parse_mode: "HTML" }));
    } catch (err) {
      if (!isParseError(err)) throw err;
      ctx.log.warn({ method: "sendMessage", chunk: i }, "telegram: HTML refused, sending as plain text");
      sent.push(await ctx.api.sendMessage(chatId, htmlToPlain(chunk).trim(), common));
    }
  }
  return sent;
}

/**
 * The keyboard of a handoff dialogue reply: its choices ("Ja, dat mag", "Hier in de chat") as a one-time reply
 * keyboard, so a tap sends the text as the parent's message; without choices the keyboard is removed.
 */
export function handoffKeyboard(reply: Reply): ReplyKeyboardMarkup | ReplyKeyboardRemove {
  const choices = choicesOf(reply);
  if (choices.length === 0) return { remove_keyboard: true };
  return {
    keyboard: choices.map((c) => [{ text: c.action.type === "text" ? c.action.text : c.label }]),
    one_time_keyboard: true,
    resize_keyboard: true,
    is_persistent: false,
  };
}

/** Sends a reply of the core: formatted, split, with its suggestion and feedback buttons. */
export function sendReply(ctx: BotContext, reply: Reply): Promise<Message[]> {
  const reply_markup =
    reply.kind === "handoff" && ctx.deps.conversations.dialogue ? handoffKeyboard(reply) : replyKeyboard(reply);
  return sendHtml(ctx, formatReply(reply), reply_markup ? { reply_markup } : {});
}
