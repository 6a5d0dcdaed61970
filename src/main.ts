// Runs the real service: configuration from the environment, everything else built by the composition root
// (src/compose.ts) through startService, the Telegram channel when a token is set; shuts down gracefully on
// SIGINT/SIGTERM.
import { configFromEnvironment } from "./config.js";
import { startService } from "./web/start.js";

async function main() {
  const config = configFromEnvironment();
  const service = await startService(config, { telegram: true });
  const { logger, telegram } = service;
  console.log(`Luistert op http://localhost:${service.port}`);
  logger.info(
    { event: "started", port: service.port, store: service.stores.kind, entries: service.assistant.entryCount },
    "service started",
  );
  telegram
    ?.start()
    .catch((err: unknown) => logger.error({ err, event: "telegram-start" }, "telegram channel failed to start"));

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
      await service.close();
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
