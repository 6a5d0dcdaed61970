// Telegram figures on loopback: updates posted to the webhook of the complete service (secret check, SQLite update
// ledger, per-chat worker, real core, masked transcript, sendMessage to the stand-in Bot API of the tests).
// Prints how fast updates are acknowledged and how many are handled per second end to end, and checks that a
// second delivery of every update adds no message.
//
// npx tsx bench/telegram.ts        (BENCH_TELEGRAM_UPDATES=2000 by default; about 30 s)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pino from "pino";
import { ConfigSchema, type Config } from "../src/config.js";
import { createAssistant } from "../src/core/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "../src/knowledge/index.js";
import { createLogger } from "../src/logger.js";
import { createMemoryStores, createStores } from "../src/stores/index.js";
import { knowledgeMasker, startService } from "../src/web/start.js";
import { FakeBotApi } from "../tests/telegram/fake-bot-api.js";

const total = Number(process.env.BENCH_TELEGRAM_UPDATES ?? 2000);
const chats = 300;
const connections = 32;
const secret = "bench-secret_0123456789abcdefghijklmnop";

const questions = [
  "Wat is een TLV?",
  "Mijn kind krijgt geen hulp op school, wat kan ik doen?",
  "Wat is een ontwikkelingsperspectief?",
  "Hoe maak ik bezwaar tegen een besluit van het samenwerkingsverband?",
  "Wat is zorgplicht?",
  "Wie betaalt het leerlingenvervoer?",
  "/help",
];

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function main(): Promise<void> {
  const fake = await FakeBotApi.start();
  const dataDir = mkdtempSync(join(tmpdir(), "ow-bench-tg-"));
  const config: Config = {
    ...ConfigSchema.parse({}),
    PORT: 0,
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: 1_000_000_000,
    MAX_IN_FLIGHT: 10_000,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: "https://bot.example.nl/telegram/webhook",
    TELEGRAM_WEBHOOK_SECRET: secret,
  };
  // Log as in production (one JSON line per update), but into /dev/null.
  const logger = createLogger({ LOG_LEVEL: "info" }, pino.destination({ dest: "/dev/null", sync: false }));
  const { knowledge } = loadKnowledge(defaultKnowledgeDir);
  const stores =
    process.env.BENCH_TELEGRAM_STORE === "memory"
      ? createMemoryStores({ mask: knowledgeMasker(knowledge) })
      : await createStores(config, { mask: knowledgeMasker(knowledge) });
  const assistant = createAssistant(knowledge, {
    store: stores.conversations,
    maxMessageLength: config.MAX_MESSAGE_CHARS,
  });
  const service = await startService(config, { assistant, stores, logger, telegram: { webhookCheckMs: 0 } });
  const channel = service.telegram;
  if (!channel) throw new Error("bench: no Telegram channel");
  await channel.start();
  const url = `${service.url}${channel.webhook?.path}`;

  const makeUpdates = (n: number, chatBase: number) =>
    Array.from({ length: n }, (_, i) =>
      fake.message(chatBase + (i % chats), questions[i % questions.length] as string),
    );

  /** Posts every update with `connections` posters; returns the ack latencies (ms), sorted, and the statuses. */
  async function post(updates: unknown[]) {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < updates.length) {
          const body = JSON.stringify(updates[next++]);
          const t = performance.now();
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
            body,
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    return { latencies: latencies.sort((a, b) => a - b), statuses };
  }

  /** Posts one update every 1000/rate ms without waiting for earlier ones; returns the sorted ack latencies. */
  async function postPaced(updates: unknown[], rate: number) {
    const t0 = performance.now();
    const latencies = await Promise.all(
      updates.map(async (update, i) => {
        const due = t0 + (i * 1000) / rate;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        const t = performance.now();
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
          body: JSON.stringify(update),
        });
        await res.arrayBuffer();
        return performance.now() - t;
      }),
    );
    return latencies.sort((a, b) => a - b);
  }

  try {
    // Warm-up: JIT, SQLite statements, keep-alive connections.
    const warm = makeUpdates(200, 1_000_000);
    await post(warm);
    await fake.waitFor(() => fake.sent().length >= warm.length, 60_000, "warm-up replies");

    const updates = makeUpdates(total, 2_000_000);
    const before = fake.sent().length;
    const t0 = performance.now();
    const { latencies, statuses } = await post(updates);
    const tAck = performance.now() - t0;
    await fake.waitFor(() => fake.sent().length - before >= total, 120_000, "replies");
    const tDone = performance.now() - t0;
    const delivered = fake.sent().length - before;

    // Telegram delivers again when it is unsure: every update a second time must add nothing.
    const again = await post(updates);
    await new Promise((r) => setTimeout(r, 500));
    const extra = fake.sent().length - before - delivered;

    // The target of docs/RELIABILITY.md section 4: ack p99 ≤ 1 s at 50 updates/s.
    const pacedCount = 250;
    const paced = makeUpdates(pacedCount, 3_000_000);
    const sentBeforePaced = fake.sent().length;
    const pacedLatencies = await postPaced(paced, 50);
    await fake.waitFor(() => fake.sent().length - sentBeforePaced >= pacedCount, 60_000, "paced replies");

    console.log(
      `Telegram webhook (${stores.kind} ledger, real core, stand-in Bot API on loopback; ${connections} posters, ${chats} chats)`,
    );
    console.log(
      `  acknowledged                   ${fmt(total / (tAck / 1000)).padStart(7)} updates/s   p50 ${fmt(pct(latencies, 50), 1).padStart(6)} ms   p99 ${fmt(
        pct(latencies, 99),
        1,
      ).padStart(7)} ms   (${fmt(total)} updates, statuses ${JSON.stringify(Object.fromEntries(statuses))})`,
    );
    console.log(
      `  handled end to end             ${fmt(total / (tDone / 1000)).padStart(7)} updates/s   (${fmt(delivered)} messages sent in ${fmt(tDone)} ms)`,
    );
    console.log(
      `  acknowledged at 50 updates/s   p50 ${fmt(pct(pacedLatencies, 50), 1).padStart(6)} ms   p99 ${fmt(pct(pacedLatencies, 99), 1).padStart(7)} ms   (${pacedCount} updates, all answered)`,
    );
    console.log(
      `  redelivered once more          ${fmt(again.latencies.length)} updates, statuses ${JSON.stringify(Object.fromEntries(again.statuses))}, ${extra} extra messages`,
    );
  } finally {
    await channel.stop();
    await service.close();
    await stores.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
