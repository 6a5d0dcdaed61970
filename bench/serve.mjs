// A service variant in a process of its own, for bench/http.ts: the load generator and the service under test do
// not share a process, so the service's CPU time and memory (RSS) are its own. It runs the built service (dist/,
// `npm run build`) with the flags of `npm start`, as in production. Prints "ready <port>" when it listens.
//
//   bare     express, JSON body parsing, a fixed JSON reply: nothing else
//   chat     the complete service on SQLite in a temp folder, request logging into /dev/null
//   stubbed  the same with the answering core replaced by a fixed reply (state still read and written)
//   layer    the stubbed service on memory stores: the HTTP layer alone
//   shedding the complete service with MAX_IN_FLIGHT 16
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import pino from "pino";
import { createLogger } from "../dist/logger.js";
import { createMemoryStores, createSqliteStores } from "../dist/stores/index.js";
import { startService } from "../dist/web/start.js";

const variant = process.argv[2] ?? "chat";
const logger = createLogger({ LOG_LEVEL: "info" }, pino.destination({ dest: "/dev/null", sync: false }));
const limits = {
  PORT: 0,
  HOST: "127.0.0.1",
  RATE_LIMIT_PER_MINUTE: 1_000_000_000,
  MAX_IN_FLIGHT: variant === "shedding" ? 16 : 10_000,
};
const dataDir = mkdtempSync(join(tmpdir(), "ow-bench-"));

async function start() {
  if (variant === "bare") {
    const app = express();
    app.post("/api/chat", express.json(), (_req, res) => {
      res.json({
        conversationId: "00000000-0000-4000-8000-000000000000",
        reply: { kind: "answer", text: "Vast antwoord." },
      });
    });
    const server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    return { port: server.address().port, close: () => new Promise((r) => server.close(() => r())) };
  }
  if (variant === "chat" || variant === "shedding") {
    const service = await startService({ ...limits, DATA_DIR: dataDir }, { logger });
    return { port: service.port, close: () => service.close() };
  }
  // Load the knowledge and build the assistant the usual way, then replace reply() by a fixed answer.
  const full = await startService({ ...limits, DATA_DIR: dataDir }, { logger });
  const fixed = await full.assistant.reply("bench-fixed", "Wat is een TLV?");
  await full.close();
  const stores = variant === "layer" ? createMemoryStores() : createSqliteStores({ dataDir });
  const service = await startService(limits, {
    logger,
    stores,
    assistant: {
      ...full.assistant,
      async reply(id) {
        const state = await stores.conversations.get(id);
        await stores.conversations.set(id, { lastEntryId: fixed.answerId, turns: (state?.turns ?? 0) + 1 });
        return fixed;
      },
    },
  });
  return {
    port: service.port,
    close: async () => {
      await service.close();
      await stores.close();
    },
  };
}

const running = await start();
process.stdout.write(`ready ${running.port}\n`);
const stop = async () => {
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
