// Wires the real service: configuration from the environment, logger, stores, assistant, HTTP app and (when a
// token is set) the Telegram channel; shuts down gracefully on SIGINT/SIGTERM.
import { configFromEnvironment } from "./config.js";
import { createAssistant } from "./core/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "./knowledge/index.js";
import { createLogger } from "./logger.js";
import { handoffFlowFor } from "./handoff/index.js";
import { createSharedState } from "./shared-state.js";
import { createStores } from "./stores/index.js";
import { knowledgeMasker, startService } from "./web/start.js";

async function main() {
  const config = configFromEnvironment();
  const logger = createLogger(config);
  const { knowledge } = loadKnowledge(defaultKnowledgeDir);
  const mask = knowledgeMasker(knowledge);
  const stores = await createStores(config, { mask });
  const assistant = createAssistant(knowledge, {
    store: stores.conversations,
    maxMessageLength: config.MAX_MESSAGE_CHARS,
  });
  const handoff = handoffFlowFor(config, stores);
  // Rate limits, the login guard and the order of Telegram updates: in Redis with REDIS_URL (several instances).
  const shared = await createSharedState(config, logger);
  if (!(await shared.ready(2000)))
    logger.warn({ event: "redis" }, "redis: not reachable at start-up; limits count in memory until it is");

  // Nothing about Telegram loads without a token.
  const telegram = config.TELEGRAM_BOT_TOKEN
    ? (await import("./telegram/index.js")).createTelegramChannel({
        config,
        logger,
        assistant,
        stores,
        handoff,
        shared,
      })
    : undefined;

  const service = await startService(config, {
    assistant,
    stores,
    logger,
    mask,
    handoff,
    shared,
    ...(telegram
      ? { delivery: { telegram: (chatRef: string, text: string) => telegram.sendStaffMessage(chatRef, text) } }
      : {}),
    ...(telegram?.webhook ? { telegramWebhook: telegram.webhook } : {}),
  });
  console.log(`Luistert op http://localhost:${service.port}`);
  logger.info(
    { event: "started", port: service.port, store: stores.kind, entries: assistant.entryCount },
    "service started",
  );

  if (telegram) {
    telegram
      .start()
      .catch((err: unknown) => logger.error({ err, event: "telegram-start" }, "telegram channel failed to start"));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: "shutdown", signal }, "shutting down");
    // Stop taking work, let requests and updates in progress finish, then close the database.
    const hardStop = setTimeout(() => {
      logger.error({ event: "shutdown-timeout" }, "shutdown took too long");
      process.exit(1);
    }, 20_000);
    hardStop.unref();
    try {
      await Promise.all([service.close(), telegram?.stop()]);
      await stores.close();
      await shared.close();
      logger.info({ event: "stopped" }, "stopped");
      process.exitCode = 0;
      // The process ends by itself once nothing is left; if something lingers, end it anyway.
      setTimeout(() => process.exit(0), 1000).unref();
    } catch (err) {
      logger.error({ err, event: "shutdown-failed" }, "shutdown failed");
      process.exitCode = 1;
    }
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
