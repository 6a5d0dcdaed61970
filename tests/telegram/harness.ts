import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigSchema, type Config } from "../../src/config.js";
import { createAssistant, type Assistant, type Entry, type Knowledge } from "../../src/core/index.js";
import { createLogger } from "../../src/logger.js";
import { createMemoryStores, createSqliteStores } from "../../src/stores/index.js";
import type { Stores } from "../../src/stores/types.js";
import { compose } from "../../src/compose.js";
import type { TelegramChannel, TelegramChannelOptions } from "../../src/telegram/index.js";
import { startService, type RunningService } from "../../src/web/start.js";
import { realKnowledge } from "../helpers.js";
import { FakeBotApi, type RecordedCall } from "./fake-bot-api.js";

// Starts the real Telegram channel against the stand-in Bot API, with the real core and memory stores.

export const WEBHOOK_URL = "https://bot.example.nl/telegram/webhook";
export const WEBHOOK_SECRET = "test-secret_0123456789abcdefghijklmnopqrstuv";

/** Five paragraphs of 999 characters: 5,000 characters with the breaks between them. */
export const LONG_PARAGRAPHS = Array.from({ length: 5 }, (_, i) => {
  const sentence = `Dit is alinea ${i + 1} van een lange uitleg over passend onderwijs en extra hulp op school. `;
  return sentence.repeat(20).slice(0, 998).trimEnd() + ".";
});

/** The real knowledge base plus two test entries: one with an answer of 5,000 characters, one full of < and &. */
export function testKnowledge(): Knowledge {
  const base = realKnowledge();
  const template = base.entries[0] as Entry;
  const extra: Entry[] = [
    {
      ...template,
      id: "test-lange-uitleg",
      question: "Testvraag met een heel lang antwoord",
      answer: LONG_PARAGRAPHS.join("\n\n"),
      related: [],
    },
    {
      ...template,
      id: "test-tekens",
      question: "Testvraag met bijzondere tekens",
      answer:
        "Soms geldt 1 < 2 & 3 > 2. Een tag als <script>alert(1)</script> of </b> en &amp; blijft gewone tekst.\n\n- **Vet** en a_b*c en [x](y) en `x`.",
      related: [],
    },
  ];
  return { ...base, entries: [...base.entries, ...extra] };
}

export interface Harness {
  fake: FakeBotApi;
  channel: TelegramChannel;
  stores: Stores;
  assistant: Assistant;
  config: Config;
  /** Every log line written, as JSON text. */
  logs: string[];
  /** Webhook mode: the running web service the webhook is mounted on. */
  service?: RunningService;
  /** Posts an update to the webhook; `secret` null sends no header. */
  postUpdate(update: unknown, secret?: string | null): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode: "polling" | "webhook";
  config: Partial<Config>;
  channel: Partial<TelegramChannelOptions>;
  /** Wraps the stores (e.g. to make the ledger fail). */
  wrapStores: (stores: Stores) => Stores;
  /** Wraps the assistant (e.g. to make it throw). */
  wrapAssistant: (assistant: Assistant) => Assistant;
  fake: FakeBotApi;
  /** Which stores back the channel. Default memory. */
  store: "memory" | "sqlite";
}

export async function startHarness(options: Partial<HarnessOptions> = {}): Promise<Harness> {
  const mode = options.mode ?? "polling";
  const fake = options.fake ?? (await FakeBotApi.start());
  const logs: string[] = [];
  const config: Config = {
    ...ConfigSchema.parse({}),
    PORT: 0,
    HOST: "127.0.0.1",
    LOG_LEVEL: "debug",
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...(mode === "webhook" ? { TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
    ...options.config,
  };
  const logger = createLogger(config, { write: (line: string) => void logs.push(line) });
  const dataDir = options.store === "sqlite" ? mkdtempSync(join(tmpdir(), "ow-tg-test-")) : undefined;
  const baseStores = dataDir ? createSqliteStores({ dataDir }) : createMemoryStores();
  const stores = options.wrapStores ? options.wrapStores(baseStores) : baseStores;
  const core = createAssistant(testKnowledge(), {
    store: stores.conversations,
    now: () => new Date("2026-11-23T12:00:00Z"),
  });
  const assistant = options.wrapAssistant ? options.wrapAssistant(core) : core;
  // Wired by the composition root like main.ts: in webhook mode the service hosts the channel's webhook.
  const given = {
    assistant,
    stores,
    logger,
    telegram: {
      pollingTimeoutSeconds: 1,
      reconnectDelayMs: 100,
      webhookCheckMs: 0,
      drainTimeoutMs: 5_000,
      ...options.channel,
      bot: { network: { initialDelayMs: 200 }, ...options.channel?.bot },
    },
  };
  const service = mode === "webhook" ? await startService(config, { ...given, drainTimeoutMs: 1_000 }) : undefined;
  const channel = (service ?? (await compose(config, given))).telegram;
  if (!channel) throw new Error("harness: no Telegram channel (no token?)");
  await channel.start();
  return {
    fake,
    channel,
    stores,
    assistant,
    config,
    logs,
    ...(service ? { service } : {}),
    async postUpdate(update, secret = WEBHOOK_SECRET) {
      if (!service || !channel.webhook) throw new Error("harness: not in webhook mode");
      return fetch(`${service.url}${channel.webhook.path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
        },
        body: JSON.stringify(update),
      });
    },
    async close() {
      await (service ? service.close() : channel.stop());
      await stores.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (!options.fake) await fake.close();
    },
  };
}

/** Keys of every inline button's callback data in a sendMessage payload. */
export function callbackData(payload: RecordedCall["payload"]): string[] {
  const rows: Array<Array<{ callback_data?: string }>> = payload.reply_markup?.inline_keyboard ?? [];
  return rows.flat().flatMap((b) => (b.callback_data === undefined ? [] : [b.callback_data]));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
