import type { MiddlewareFn } from "grammy";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { chatIdOf, type BotContext } from "../context.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

export interface RateLimitOptions {
  /** Updates per chat per window. */
  limit: number;
  windowMs: number;
  /** Chats remembered at most; the oldest are forgotten first. */
  maxChats: number;
  /** Counts in this limiter instead (Redis: one count over all instances); its window is its own. */
  limiter?: RateLimiterAbstract;
}

/**
 * A per-chat limit: within a window, updates over the limit are dropped. The first dropped update gets one
 * friendly warning; the rest are dropped silently until the window ends. Button presses are answered, so the
 * parent's app stops showing a spinner.
 */
export function rateLimit(
  options: Pick<RateLimitOptions, "limit"> & Partial<RateLimitOptions>,
): MiddlewareFn<BotContext> {
  const { limit, windowMs = 60_000, maxChats = 50_000, limiter } = options;
  if (limiter) return sharedRateLimit(limiter, limit);
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

/** The same limit counted in a rate-limiter-flexible limiter: the first update over the limit gets the warning. */
function sharedRateLimit(limiter: RateLimiterAbstract, limit: number): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const chatId = chatIdOf(ctx);
    if (chatId === undefined) return next();
    let over = 0;
    try {
      await limiter.consume(String(chatId));
    } catch (err) {
      // A limiter failure lets the update through; only a real "over the limit" stops it.
      if (!(err instanceof RateLimiterRes)) return next();
      over = err.consumedPoints - limit;
    }
    if (over <= 0) return next();
    ctx.log.info({ limited: true }, "telegram: rate limited");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (over === 1) await sendHtml(ctx, texts.rateLimited);
  };
}
