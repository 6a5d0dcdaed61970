import { createHash } from "node:crypto";
import type { Context } from "grammy";
import type pino from "pino";
import type { Config } from "../config.js";
import type { Conversations } from "../conversation/index.js";
import type { Assistant } from "../core/index.js";
import type { SharedState } from "../shared-state.js";
import type { Stores } from "../stores/types.js";

/** What the bot needs from the service; all passed in, nothing read at import time. */
export interface BotDeps {
  config: Config;
  logger: pino.Logger;
  assistant: Assistant;
  stores: Stores;
  /** The seam: answers (with the handoff dialogue when it has one), chosen entries, erasure. */
  conversations: Conversations;
  /** With Redis (REDIS_URL): the per-chat rate limit and, for webhooks, the order of a chat's updates are shared
   * by all instances. Default: this process. */
  shared?: SharedState;
}

/** Per-update additions to grammY's context, set by the first middleware in bot.ts. */
export interface BotFlavor {
  deps: BotDeps;
  /** A child logger for this update (update id and type; never text, names or raw chat ids). */
  log: pino.Logger;
  /** The conversation of this chat: "tg-" + SHA-256 of the chat id; undefined for updates without a chat. */
  conversationId: string | undefined;
}

export type BotContext = Context & BotFlavor;

/** The conversation id of a Telegram chat: never the raw chat id or a name. */
export function conversationIdOf(chatId: number | string): string {
  return `tg-${createHash("sha256").update(String(chatId)).digest("hex")}`;
}

/** The chat an update belongs to (for a button under an old message, the user's private chat). */
export function chatIdOf(ctx: Context): number | undefined {
  return ctx.chat?.id ?? ctx.callbackQuery?.from.id;
}
