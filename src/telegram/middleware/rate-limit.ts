import type { MiddlewareFn } from "grammy";
import { chatIdOf, type BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

export interface RateLimitOptions {
  /** Updates per chat per window. */
  limit: number;
  windowMs: number;
  /** Chats remembered at most; the oldest are forgotten first. */
  maxChats: number;
}

/**
 * A per-chat limit: within a window, updates over the limit are dropped. The first dropped update gets one
 * friendly warning; the rest are dropped silently until the window ends. Button presses are answered, so the
 * parent's app stops showing a spinner.
 */
export function rateLimit(options: Pick<RateLimitOptions, "limit"> & Partial<RateLimitOptions>): MiddlewareFn<BotContext> {
  const { limit, windowMs = 60_000, maxChats = 50_000 } = options;
  const windows = new Map<number, { start: number; count: number; warned: boolean }>();
  return async (ctx, next) => {
    const chatId = chatIdOf(ctx);
    if (chatId === undefined) return next();
    const now = Date.now();
    let w = windows.get(chatId);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0, warned: false };
      windows.delete(chatId);
      windows.set(chatId, w);
      if (windows.size > maxChats) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
    }
    w.count++;
    if (w.count <= limit) return next();
    ctx.log.info({ limited: true }, "telegram: rate limited");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (!w.warned) {
      w.warned = true;
      await sendHtml(ctx, texts.rateLimited);
    }
  };
}
