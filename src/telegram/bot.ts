import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, GrammyError, HttpError } from "grammy";
import type { BotCommand } from "grammy/types";
import { chatIdOf, conversationIdOf, type BotContext, type BotDeps } from "./context.js";
import { describeError } from "./errors.js";
import { StoreUnavailableError } from "../stores/errors.js";
import { choiceFeature } from "./features/choice.js";
import { entryFeature } from "./features/entry.js";
import { eraseFeature } from "./features/erase.js";
import { feedbackFeature } from "./features/feedback.js";
import { helpFeature } from "./features/help.js";
import { humanFeature } from "./features/human.js";
import { createLetterFeature } from "./features/letter.js";
import { messageFeature } from "./features/message.js";
import { nonTextFeature } from "./features/non-text.js";
import { privacyFeature } from "./features/privacy.js";
import { startFeature } from "./features/start.js";
import { topicsFeature } from "./features/topics.js";
import { onlyWhenAddressed } from "./middleware/groups.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { sendHtml } from "./send.js";
import { texts } from "./texts.js";
import { apiHealthLog, networkRetry, type NetworkRetryOptions } from "./transformers.js";

export interface BotOptions {
  /** Longest 429 `retry_after` the bot waits for; a longer one fails the call. Default 60 s. */
  maxRetryDelaySeconds: number;
  /** Retries after a 429 or a 5xx. Default 3. */
  maxRetryAttempts: number;
  /** Retries after a network error (other calls than getUpdates). */
  network: Partial<NetworkRetryOptions>;
  /** Timeout of one Bot API call in seconds, long polls included. Default 45. */
  timeoutSeconds: number;
  /** Handle one chat's updates one at a time (needed with the concurrent runner). Default false. */
  sequential: boolean;
  /** Claim each update id in the ledger before handling it (long polling; the webhook claims on receipt). */
  claimUpdates: boolean;
  /** Updates per chat per minute. Default: config.RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute: number;
}

/** The update types the bot handles; everything else is not even delivered. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

/** The command menu registered with setMyCommands. */
export const BOT_COMMANDS: BotCommand[] = texts.commands.map((c) => ({ ...c }));

/** The Bot API root without a trailing slash (grammY refuses one). */
export function apiRootOf(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * Builds the bot: API transformers (auto-retry for 429/5xx, bounded network retries, health logging), then the
 * middleware (per-update context, group filter, rate limit) and the features, the catch-all text handler last.
 * The bot does not connect; see index.ts.
 */
export function createBot(token: string, deps: BotDeps, options: Partial<BotOptions> = {}): Bot<BotContext> {
  const { config, logger } = deps;
  const opts: BotOptions = {
    maxRetryDelaySeconds: 60,
    maxRetryAttempts: 3,
    network: {},
    timeoutSeconds: 45,
    sequential: false,
    claimUpdates: false,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    ...options,
  };
  const secrets = [token, config.TELEGRAM_WEBHOOK_SECRET];
  const bot = new Bot<BotContext>(token, {
    client: { apiRoot: apiRootOf(config.TELEGRAM_API_ROOT), timeoutSeconds: opts.timeoutSeconds },
  });

  // Innermost first: health log sees every raw call; auto-retry waits out 429 and 5xx; networkRetry is outermost.
  bot.api.config.use(apiHealthLog(logger, secrets));
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: opts.maxRetryAttempts,
      maxDelaySeconds: opts.maxRetryDelaySeconds,
      rethrowHttpErrors: true,
    }),
  );
  bot.api.config.use(networkRetry(opts.network));

  if (opts.sequential) bot.use(sequentialize<BotContext>((ctx) => String(chatIdOf(ctx) ?? `u${ctx.update.update_id}`)));

  bot.use(async (ctx, next) => {
    const type = Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
    const chatId = chatIdOf(ctx);
    ctx.deps = deps;
    ctx.conversationId = chatId === undefined ? undefined : conversationIdOf(chatId);
    ctx.log = logger.child({
      channel: "telegram",
      updateId: ctx.update.update_id,
      type,
      conversation: ctx.conversationId?.slice(0, 15),
    });
    const startedAt = Date.now();
    await next();
    ctx.log.debug({ ms: Date.now() - startedAt }, "telegram: update handled");
  });

  if (opts.claimUpdates) {
    bot.use(async (ctx, next) => {
      let fresh = true;
      try {
        fresh = await deps.stores.updates.claim(ctx.update.update_id);
      } catch (err) {
        ctx.log.warn({ error: describeError(err, secrets) }, "telegram: update ledger unavailable, handling anyway");
      }
      if (!fresh) {
        ctx.log.info({ duplicate: true }, "telegram: update seen before, skipped");
        return;
      }
      await next();
    });
  }

  bot.use(onlyWhenAddressed());
  bot.use(
    rateLimit({
      limit: opts.rateLimitPerMinute,
      ...(deps.shared?.kind === "redis"
        ? { limiter: deps.shared.limiter({ name: "tg_chat", points: opts.rateLimitPerMinute, durationSeconds: 60 }) }
        : {}),
    }),
  );

  bot.use(startFeature);
  bot.use(helpFeature);
  bot.use(topicsFeature);
  bot.use(entryFeature);
  bot.use(choiceFeature);
  bot.use(feedbackFeature);
  bot.use(humanFeature);
  bot.use(eraseFeature);
  bot.use(privacyFeature);
  bot.use(createLetterFeature()); // before the catch-all: a letter's answers are not questions
  bot.use(nonTextFeature);
  bot.use(messageFeature); // must be the last handler

  bot.catch(async (err: BotError<BotContext>) => {
    const ctx = err.ctx;
    // Set by the first middleware; an update that failed before it has none.
    const log = Object.hasOwn(ctx, "log")
      ? ctx.log
      : logger.child({ channel: "telegram", updateId: ctx.update.update_id });
    log.error({ error: describeError(err.error, secrets) }, "telegram: update failed");
    // The parent always gets a kind reply, unless Telegram itself is the problem.
    if (err.error instanceof GrammyError || err.error instanceof HttpError) return;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      // The seam's failure policy: a store that fails fails the turn; the parent is told to try again later.
      await sendHtml(ctx, err.error instanceof StoreUnavailableError ? texts.unavailable : texts.sorry);
    } catch (sendErr) {
      log.warn({ error: describeError(sendErr, secrets) }, "telegram: could not send the error reply");
    }
  });

  return bot;
}
