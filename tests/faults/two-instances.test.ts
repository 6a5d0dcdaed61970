import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/console/password.js";
import { createPostgresStores } from "../../src/stores/index.js";
import type { Stores } from "../../src/stores/types.js";
import { ConsoleClient, FIXTURE_SCRYPT } from "../console/client.js";
import { pgAvailable, pgUrl } from "../security/pg.js";
import { FakeBotApi } from "../telegram/fake-bot-api.js";
import { startChildService, type ChildService } from "./child-service.js";
import { startLoadBalancer, type LoadBalancer } from "./load-balancer.js";

// Two instances of the service (separate processes) on one PostgreSQL database and one Redis, behind a small
// round-robin load balancer on loopback, with a Telegram Bot API stand-in: what must hold when a load balancer
// spreads the traffic (issue 14, part 3).

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisAvailable = await (async () => {
  const r = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
})();
if (!redisAvailable) console.warn(`[faults] Redis not reachable at ${redisUrl}: the two-instance test is SKIPPED`);

const SECRET = "two-instances_0123456789abcdefghijklmnop";
const database = `two_${process.pid}_${Date.now().toString(36)}`;
const prefix = `ow-test:${database}:`;
const admin = () => new pg.Client({ connectionString: pgUrl });
const json = { "content-type": "application/json" };

describe.skipIf(!pgAvailable || !redisAvailable)("two instances behind a load balancer", () => {
  let a: ChildService;
  let b: ChildService;
  let lb: LoadBalancer;
  let botApi: FakeBotApi;
  let stores: Stores;
  let databaseUrl: string;
  /** What beforeAll made, undone in reverse by afterAll (also when beforeAll failed half-way). */
  const undo: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${database}`);
    await c.end();
    const url = new URL(pgUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    botApi = await FakeBotApi.start();
    undo.push(() => botApi.close());
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      RATE_LIMIT_PER_MINUTE: "10",
      TRUST_PROXY: "1",
      OPENING_HOURS: "altijd",
      CONSOLE_SESSION_SECRET: "s".repeat(40),
      TELEGRAM_BOT_TOKEN: botApi.token,
      TELEGRAM_API_ROOT: botApi.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.nl/telegram/webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      // Every request and update logged, to check below that no message text is.
      LOG_LEVEL: "info",
    };
    // The first instance migrates the database; the second starts on it.
    a = await startChildService(env);
    undo.push(() => a.stop());
    b = await startChildService(env);
    undo.push(() => b.stop());
    lb = await startLoadBalancer([a.url, b.url]);
    undo.push(() => lb.close());
    stores = await createPostgresStores({ connectionString: databaseUrl });
    undo.push(() => stores.close());
  }, 180_000);

  afterAll(async () => {
    for (const step of undo.reverse()) await step();
    const r = new Redis(redisUrl);
    const keys = await r.keys(`${prefix}*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await c.end();
  }, 60_000);

  const chat = (body: Record<string, unknown>, client = "198.51.100.1") =>
    fetch(`${lb.url}/api/chat`, {
      method: "POST",
      headers: { ...json, "x-test-client": client },
      body: JSON.stringify(body),
    });

  it("counts the chat rate limit once over both instances", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await chat({ text: "Wat is een OPP?" }, "198.51.100.7");
      statuses.push(res.status);
      await res.text();
    }
    // RATE_LIMIT_PER_MINUTE=10 for the whole service: each instance alone would have let 10 through.
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(lb.counts[0]).toBeGreaterThan(5);
    expect(lb.counts[1]).toBeGreaterThan(5);
  });

  it("continues a conversation on the other instance", async () => {
    const first = (await (await chat({ text: "Wat is een TLV?" }, "198.51.100.2")).json()) as {
      conversationId: string;
      reply: { kind: string };
    };
    const second = (await (
      await chat({ conversationId: first.conversationId, text: "Wie vraagt die aan?" }, "198.51.100.2")
    ).json()) as {
      conversationId: string;
      reply: { kind: string };
    };
    expect(second.conversationId).toBe(first.conversationId);
    for (const instance of [a, b]) {
      const transcript = (await (await fetch(`${instance.url}/api/conversations/${first.conversationId}`)).json()) as {
        turns: Array<{ text: string }>;
      };
      expect(transcript.turns.map((t) => t.text).slice(0, 3)).toEqual([
        "Wat is een TLV?",
        expect.any(String),
        "Wie vraagt die aan?",
      ]);
    }
  });

  it("lets one of two staff members claiming a request at the same moment win, and shares the login guard", async () => {
    const id = (
      (await (await chat({ text: "ik wil graag een medewerker spreken" }, "198.51.100.3")).json()) as {
        conversationId: string;
      }
    ).conversationId;
    await chat({ conversationId: id, text: "ja" }, "198.51.100.3");
    await chat({ conversationId: id, text: "Hier in de chat" }, "198.51.100.3");
    const request = (await stores.handoffs.list(["open"])).find((h) => h.conversationId === id);
    expect(request).toBeDefined();

    const staff = await Promise.all(
      ["een@steunpunt.example", "twee@steunpunt.example"].map(async (email) => {
        await stores.staff.add({
          email,
          passwordHash: await hashPassword(`pw-${email}`, FIXTURE_SCRYPT),
          role: "agent",
        });
        const c = new ConsoleClient(lb.url);
        expect((await c.login(email, `pw-${email}`)).status).toBe(303);
        // Each opens the request (the page's form says it is open).
        expect((await c.get(`/console/verzoeken/${request?.id}`)).text).toContain('name="van" value="open"');
        return c;
      }),
    );
    const [one, two] = await Promise.all(
      staff.map((c) => c.post(`/console/verzoeken/${request?.id}/oppakken`, { van: "open" })),
    );
    const outcomes = [one?.location, two?.location].map((l) => /melding=([a-z-]+)/.exec(l ?? "")?.[1]).sort();
    expect(outcomes).toEqual(["al-opgepakt", "opgepakt"]);
    const claims = (await stores.audit.list({ targetId: request?.id })).filter((e) => e.action === "handoff.claim");
    expect(claims).toHaveLength(1);
    expect((await stores.handoffs.get(request?.id as string))?.claimedBy).toBe(claims[0]?.staffId);

    // Five wrong passwords in a row, spread over both instances, lock the login (CONSOLE_MAX_FAILED_LOGINS=5).
    const guarded = new ConsoleClient(lb.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await guarded.login("een@steunpunt.example", `fout-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  }, 60_000);

  it("shows staff on the other instance what the parent typed, as typed, while the request is open", async () => {
    const parent = "198.51.100.4";
    const id = (
      (await (await chat({ text: "ik wil graag een medewerker spreken" }, parent)).json()) as { conversationId: string }
    ).conversationId;
    await chat({ conversationId: id, text: "ja" }, parent);
    await chat({ conversationId: id, text: "Hier in de chat" }, parent);
    const request = (await stores.handoffs.list(["open"])).find((h) => h.conversationId === id);
    expect(request).toBeDefined();
    await stores.staff.add({
      email: "vier@steunpunt.example",
      passwordHash: await hashPassword("pw-vier", FIXTURE_SCRYPT),
      role: "agent",
    });
    const onB = new ConsoleClient(b.url);
    expect((await onB.login("vier@steunpunt.example", "pw-vier")).status).toBe(303);
    // The parent's message reaches instance A; the staff member reads the request on instance B.
    const sent = await fetch(`${a.url}/api/chat`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ conversationId: id, text: "Bel me gerust op 06-12345678" }),
    });
    expect(sent.status).toBe(200);
    await expect
      .poll(async () => (await onB.get(`/console/verzoeken/${request?.id}`)).text, { timeout: 5000 })
      .toContain("Bel me gerust op 06-12345678");
    // What is stored stays masked.
    const stored = (await stores.conversations.turns(id)).filter((t) => t.role === "parent").at(-1);
    expect(stored?.text).toContain("Bel me gerust op");
    expect(stored?.text).not.toContain("06-12345678");
  }, 30_000);

  it("answers a Telegram update delivered to both instances once", async () => {
    const update = botApi.message(5001, "/help");
    const post = (s: ChildService) =>
      fetch(`${s.url}/telegram/webhook`, {
        method: "POST",
        headers: { ...json, "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
    const [ra, rb] = await Promise.all([post(a), post(b)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await botApi.waitForSent(1, 5001, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(botApi.sent(5001)).toHaveLength(1);
  }, 30_000);

  it("logs ids, kinds and timings, never what parents or staff wrote", () => {
    const logs = a.output() + b.output();
    expect(logs).toContain('"msg":"request"');
    for (const text of [
      "Wat is een TLV",
      "Wie vraagt die aan",
      "medewerker spreken",
      "Hier in de chat",
      "pw-een@",
      "fout-3",
      SECRET,
    ]) {
      expect(logs, text).not.toContain(text);
    }
  });

  it("handles one chat's webhook updates in order, one at a time, across both instances", async () => {
    // Telegram answers slowly, so that handling on two instances at once would show.
    botApi.delayMs.sendMessage = 300;
    try {
      const chatId = 5002;
      const commands = ["/start", "/help", "/privacy", "/start", "/help", "/privacy"];
      for (const [i, command] of commands.entries()) {
        const target = i % 2 === 0 ? a : b;
        const res = await fetch(`${target.url}/telegram/webhook`, {
          method: "POST",
          headers: { ...json, "x-telegram-bot-api-secret-token": SECRET },
          body: JSON.stringify(botApi.message(chatId, command)),
        });
        expect(res.status).toBe(200);
      }
      const sent = await botApi.waitForSent(6, chatId, 20_000);
      const kinds = sent.map((c) => {
        const text = String(c.payload.text);
        return text.startsWith("Hoi!") ? "/start" : text.includes("Zo werkt het") ? "/help" : "/privacy";
      });
      expect(kinds).toEqual(commands);
      // One at a time: each reply was asked for only after the previous one had been answered.
      for (let i = 1; i < sent.length; i++)
        expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(290);
    } finally {
      botApi.delayMs.sendMessage = 0;
    }
  }, 60_000);
});
