import { run, type RunnerHandle } from "@grammyjs/runner";
import { BotError, GrammyError, type Bot } from "grammy";
import type { Logger } from "pino";
import type { Update } from "grammy/types";
import type { RequestHandler } from "express";
import { ALLOWED_UPDATES, BOT_COMMANDS, createBot, type BotOptions } from "./bot.js";
import type { BotContext, BotDeps } from "./context.js";
import { describeError, TelegramSetupError } from "./errors.js";
import { escapeHtml, MESSAGE_LIMIT, splitHtml } from "./format.js";
import { texts } from "./texts.js";
import { createChatOrder } from "./chat-order.js";
import { createWebhookHandler } from "./webhook.js";
import { KeyedQueue } from "./worker.js";

// The Telegram channel: a thin adapter that feeds updates from long polling or a webhook into the one
// `bot.handleUpdate`. Nothing here starts unless TELEGRAM_BOT_TOKEN is set (main.ts imports this lazily).

export { createBot } from "./bot.js";
export type { BotContext, BotDeps } from "./context.js";
export { conversationIdOf } from "./context.js";
export { TelegramSetupError } from "./errors.js";

export interface TelegramChannel {
  /** Present in webhook mode: mount `handler` for POST requests on `path` of the express app. */
  webhook?: { path: string; handler: RequestHandler };
  /** Connects to the Bot API (getMe, setMyCommands, setWebhook or deleteWebhook + polling). */
  start(): Promise<void>;
  /** Stops polling or the webhook worker, letting updates in progress finish. */
  stop(): Promise<void>;
  /** Sends a staff member's reply to a handoff request to the parent's chat (plain text, escaped). */
  sendStaffMessage(chatRef: string, text: string): Promise<void>;
}

export interface TelegramChannelOptions {
  /** Path of the webhook on the express app. Default "/telegram/webhook". */
  webhookPath: string;
  /** Long-poll timeout of getUpdates, seconds. Default 30. */
  pollingTimeoutSeconds: number;
  /** Updates handled at once (different chats). Default 32. */
  concurrency: number;
  /** Queued webhook updates beyond which the webhook answers 503. Default 10,000. */
  maxQueued: number;
  /** How long `stop()` waits for updates in progress. Default 10 s. */
  drainTimeoutMs: number;
  /** Delay before retrying a failed start-up, doubling up to a minute. Default 1 s. */
  reconnectDelayMs: number;
  /** How often the webhook's health (getWebhookInfo) is checked. Default 5 min; 0 turns it off. */
  webhookCheckMs: number;
  /** Passed to createBot (retries, timeouts, rate limit). */
  bot: Partial<BotOptions>;
}

export const defaultTelegramChannelOptions: Omit<TelegramChannelOptions, "bot"> = {
  webhookPath: "/telegram/webhook",
  pollingTimeoutSeconds: 30,
  concurrency: 32,
  maxQueued: 10_000,
  drainTimeoutMs: 10_000,
  reconnectDelayMs: 1_000,
  webhookCheckMs: 5 * 60_000,
};

/** The chat an update belongs to, for the worker's ordering; updates without one get a key of their own. */
export function updateChatKey(update: Update): string {
  for (const [key, value] of Object.entries(update)) {
    if (key === "update_id" || typeof value !== "object" || value === null) continue;
    const v = value as {
      chat?: { id?: number };
      message?: { chat?: { id?: number } };
      from?: { id?: number };
      user?: { id?: number };
    };
    const id = v.chat?.id ?? v.message?.chat?.id ?? v.from?.id ?? v.user?.id;
    if (id !== undefined) return `c${id}`;
  }
  return `u${update.update_id}`;
}

/**
 * Creates the Telegram channel. Long polling with @grammyjs/runner (one chat's updates in order) by default;
 * webhook mode when TELEGRAM_WEBHOOK_URL is set.
 *
 * ```ts
 * const telegram = createTelegramChannel({ config, logger, assistant, stores });
 * if (telegram.webhook) app.post(telegram.webhook.path, telegram.webhook.handler);
 * await telegram.start();
 * ```
 */
export function createTelegramChannel(deps: BotDeps, options: Partial<TelegramChannelOptions> = {}): TelegramChannel {
  const { config } = deps;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token)
    throw new TelegramSetupError("telegram: TELEGRAM_BOT_TOKEN is not set; create a bot with BotFather and set it");
  const opts = { ...defaultTelegramChannelOptions, ...options, bot: options.bot ?? {} };
  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  const webhookSecret = config.TELEGRAM_WEBHOOK_SECRET;
  if (webhookUrl && !webhookSecret)
    throw new TelegramSetupError("telegram: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL");

  const bot = createBot(
    token,
    deps,
    webhookUrl
      ? // In webhook mode handling runs after the ack, in the worker; still, no chat waits long for one 429.
        { maxRetryDelaySeconds: 10, ...opts.bot }
      : { sequential: true, claimUpdates: true, ...opts.bot },
  );
  const life: Lifecycle = {
    bot,
    logger: deps.logger.child({ channel: "telegram" }),
    secrets: [token, webhookSecret],
    opts,
    stopped: false,
    timer: undefined,
    connectWithRetry: (connect) => connectWithRetry(life, connect),
  };
  const mode = webhookUrl && webhookSecret ? webhookMode(life, deps, webhookUrl, webhookSecret) : pollingMode(life);

  return {
    ...(mode.webhook ? { webhook: mode.webhook } : {}),
    sendStaffMessage: (chatRef, text) => sendStaffMessage(bot, chatRef, text),
    async start() {
      life.stopped = false;
      await life.connectWithRetry(mode.connect);
    },
    async stop() {
      life.stopped = true;
      clearTimeout(life.timer);
      await mode.halt();
      life.logger.info("telegram: stopped");
    },
  };
}

/** What both delivery modes share: the bot, logging without secrets, and whether the channel is stopped. */
interface Lifecycle {
  bot: Bot<BotContext>;
  logger: Logger;
  secrets: Array<string | undefined>;
  opts: Omit<TelegramChannelOptions, "bot">;
  stopped: boolean;
  /** A pending retry or restart. */
  timer: NodeJS.Timeout | undefined;
  connectWithRetry: (connect: () => Promise<void>) => Promise<void>;
}

/** Whether the channel was stopped; read afresh after each wait (another call may have stopped it meanwhile). */
const isStopped = (life: Lifecycle) => life.stopped;

/** One way updates arrive: how to connect, how to stop taking them, and (webhook) the handler to mount. */
interface DeliveryMode {
  webhook?: { path: string; handler: RequestHandler };
  connect: () => Promise<void>;
  halt: () => Promise<void>;
}

/** Sends a staff member's reply to a chat: plain text, escaped, under a heading; removes a dialogue keyboard. */
async function sendStaffMessage(bot: Bot<BotContext>, chatRef: string, text: string): Promise<void> {
  // Chat ids are integers (stored as text); Telegram takes them as numbers.
  const chatId = /^-?\d+$/.test(chatRef) ? Number(chatRef) : chatRef;
  const html = `<b>${escapeHtml(texts.staffReplyHeading)}</b>\n${escapeHtml(text)}`;
  for (const chunk of splitHtml(html, MESSAGE_LIMIT)) {
    await bot.api.sendMessage(chatId, chunk, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: { remove_keyboard: true },
    });
  }
}

const refused = (err: unknown): err is GrammyError =>
  err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404);
const refusedError = (err: GrammyError) =>
  new TelegramSetupError(
    `telegram: the Bot API refused the token (${err.error_code}); check TELEGRAM_BOT_TOKEN with BotFather`,
  );

/**
 * Runs `connect`. The first attempt is awaited, so a refused token fails start-up; when the Bot API cannot be
 * reached, start-up goes on and later attempts run in the background with backoff (up to a minute).
 */
async function connectWithRetry(life: Lifecycle, connect: () => Promise<void>): Promise<void> {
  const { logger, secrets } = life;
  try {
    await connect();
    return;
  } catch (err) {
    if (refused(err)) throw refusedError(err);
    logger.warn(
      { error: describeError(err, secrets) },
      "telegram: Bot API not reachable at start-up, retrying in the background",
    );
  }
  let delay = life.opts.reconnectDelayMs;
  void (async () => {
    while (!life.stopped) {
      await new Promise<void>((resolve) => (life.timer = setTimeout(resolve, delay)));
      if (isStopped(life)) return;
      try {
        await connect();
        return;
      } catch (err) {
        if (refused(err)) {
          logger.error({ error: describeError(refusedError(err), secrets) }, "telegram: giving up");
          return;
        }
        logger.warn({ error: describeError(err, secrets), retryInMs: delay }, "telegram: start-up failed, retrying");
        delay = Math.min(delay * 2, 60_000);
      }
    }
  })();
}

/** getMe, once (grammY's own `bot.init()` would retry forever inside start-up), and the command menu. */
async function identify(bot: Bot<BotContext>): Promise<void> {
  if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
}

/**
 * Webhook mode: updates are acknowledged at once and handled by a worker that keeps each chat's order (across
 * instances with Redis); the webhook's health is checked now and then.
 */
function webhookMode(life: Lifecycle, deps: BotDeps, url: string, secret: string): DeliveryMode {
  const { bot, logger, secrets, opts } = life;
  let monitor: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const queue = new KeyedQueue(opts.concurrency, opts.maxQueued);
  const handleQueued = async (update: Update) => {
    await ready;
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      if (err instanceof BotError) await bot.errorHandler(err as BotError<BotContext>);
      else
        logger.error(
          { updateId: update.update_id, error: describeError(err, secrets) },
          "telegram: update not handled",
        );
    }
  };
  // With Redis, a chat's updates are handled in order across all instances (chat-order.ts); otherwise, and
  // should Redis not take an update, in order within this instance.
  const redis = deps.shared?.redis;
  const order = redis
    ? createChatOrder({ redis, prefix: deps.shared?.prefix ?? "", queue, handle: handleQueued, logger })
    : undefined;
  const handler = createWebhookHandler({
    secret,
    ledger: deps.stores.updates,
    enqueue: async (update) => {
      const chat = updateChatKey(update);
      if (order && (await order.push(chat, update))) return true;
      if (order)
        logger.warn(
          { updateId: update.update_id },
          "telegram: redis did not take the update; handled on this instance",
        );
      return queue.push(chat, () => handleQueued(update));
    },
    hasRoom: () => queue.hasRoom,
    isOpen: () => !life.stopped,
    logger,
  });

  const checkWebhook = async () => {
    const info = await bot.api.getWebhookInfo();
    const recentError = info.last_error_date !== undefined && Date.now() / 1000 - info.last_error_date < 15 * 60;
    if (info.url !== url) logger.error("telegram: the registered webhook URL differs from TELEGRAM_WEBHOOK_URL");
    if (info.pending_update_count > 100 || recentError) {
      logger.warn(
        {
          pending: info.pending_update_count,
          lastErrorAgoS: info.last_error_date ? Math.round(Date.now() / 1000 - info.last_error_date) : null,
        },
        "telegram: webhook has a backlog or recent delivery errors",
      );
    }
  };

  return {
    webhook: { path: opts.webhookPath, handler },
    async connect() {
      await identify(bot);
      markReady();
      await bot.api.setMyCommands(BOT_COMMANDS);
      await bot.api.setWebhook(url, {
        secret_token: secret,
        allowed_updates: [...ALLOWED_UPDATES],
        max_connections: 40,
        drop_pending_updates: false,
      });
      await checkWebhook();
      if (opts.webhookCheckMs > 0 && !monitor) {
        monitor = setInterval(() => {
          checkWebhook().catch((err: unknown) =>
            logger.warn({ error: describeError(err, secrets) }, "telegram: webhook check failed"),
          );
        }, opts.webhookCheckMs);
        monitor.unref();
      }
      logger.info({ mode: "webhook", bot: bot.botInfo.username }, "telegram: started");
    },
    async halt() {
      order?.stop();
      clearInterval(monitor);
      monitor = undefined;
      const drained = await queue.drain(opts.drainTimeoutMs);
      if (!drained) logger.warn({ pending: queue.pending }, "telegram: stopped with updates still in progress");
    },
  };
}

/** Long polling with @grammyjs/runner; a runner that stops on its own is restarted. */
function pollingMode(life: Lifecycle): DeliveryMode {
  const { bot, logger, secrets, opts } = life;
  let runner: RunnerHandle | undefined;
  const startPolling = () => {
    runner = run(bot, {
      runner: {
        fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: opts.pollingTimeoutSeconds },
        // Grows by 100 ms per failed poll: quick recovery after a blip, no hammering in a long outage.
        retryInterval: "quadratic",
        maxRetryTime: Number.POSITIVE_INFINITY,
        // The runner would print errors with console.error; apiHealthLog logs them without the token.
        silent: true,
      },
      sink: { concurrency: opts.concurrency },
    });
    runner.task()?.catch((err: unknown) => {
      if (life.stopped) return;
      logger.error({ error: describeError(err, secrets) }, "telegram: polling stopped, restarting");
      life.timer = setTimeout(() => {
        if (!life.stopped)
          life
            .connectWithRetry(connect)
            .catch((e: unknown) => logger.error({ error: describeError(e, secrets) }, "telegram: restart failed"));
      }, 5_000);
    });
  };
  const connect = async () => {
    await identify(bot);
    // Exactly one delivery mode: polling only after the webhook is removed.
    await bot.api.deleteWebhook({ drop_pending_updates: false });
    await bot.api.setMyCommands(BOT_COMMANDS);
    if (life.stopped) return;
    startPolling();
    logger.info({ mode: "polling", bot: bot.botInfo.username }, "telegram: started");
  };
  return {
    connect,
    async halt() {
      if (runner?.isRunning()) await runner.stop();
      runner = undefined;
    },
  };
}
