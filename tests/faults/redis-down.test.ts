import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createSharedState } from "../../src/shared-state.js";
import { postJson, startTestService } from "../web/harness.js";
import { fmt, report, secondsUntil, timed } from "./report.js";
import { startTcpProxy } from "./tcp-proxy.js";

// Redis gone (behind a TCP proxy that cuts every connection and refuses new ones): the service keeps answering,
// the rate limit counts in memory meanwhile (rate-limiter-flexible's insurance limiter), /healthz stays 200 (Redis
// is no part of answering and storing), and the shared count is used again once Redis is back.

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const target = new URL(redisUrl);
const prefix = `ow-test:redis-down:${process.pid}:`;

afterAll(async () => {
  const r = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    const keys = await r.keys(`${prefix}*`);
    if (keys.length) await r.del(...keys);
  } catch {
    // Redis not here: nothing to clean.
  } finally {
    r.disconnect();
  }
});

describe("Redis down", () => {
  it("keeps answering with limits in memory, and shares them again when Redis is back", async (ctx) => {
    const probe = new Redis(redisUrl, {
      lazyConnect: true,
      connectTimeout: 1000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const up = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (!up) return ctx.skip();

    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const shared = await createSharedState(
      { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, DATA_DIR: "./data" },
      undefined,
      { prefix },
    );
    const s = await startTestService({ RATE_LIMIT_PER_MINUTE: 5, TRUST_PROXY: "1" }, { shared });
    try {
      expect(await shared.ready(3000)).toBe(true);
      const chat = (ip: string) =>
        timed(() => postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" }, { "X-Forwarded-For": ip }));
      expect((await chat("192.0.2.1")).status).toBe(200);

      await proxy.cut();
      const during = [];
      for (let i = 0; i < 7; i++) during.push(await chat("192.0.2.2"));
      // Answered at once, and still limited (5 a minute), from memory.
      expect(during.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(Math.max(...during.map((r) => r.ms))).toBeLessThan(2000);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);

      await proxy.restore();
      const recovery = await secondsUntil(
        async () => (await shared.ready(200)) && (await shared.redis?.ping()) === "PONG",
        20_000,
        200,
      );
      // Counting in Redis again: a fresh client gets its five.
      const after = [];
      for (let i = 0; i < 6; i++) after.push((await chat("192.0.2.3")).status);
      expect(after).toEqual([200, 200, 200, 200, 200, 429]);
      const counted = await shared.redis?.keys(`${prefix}chat*`);
      expect(counted?.length).toBeGreaterThan(0);

      report({
        fault: "redis unreachable (connections cut, new ones refused)",
        during: {
          chat: `7 requests: 5 × 200, then 429 from the memory limit; slowest ${fmt(Math.max(...during.map((r) => r.ms)))}`,
          healthz: "200",
        },
        recoverySeconds: Number(recovery.toFixed(2)),
        notes: "recovery: until the Redis client reconnected and limits counted in Redis again",
      });
    } finally {
      await s.close();
      await shared.close();
      await proxy.close();
    }
  }, 60_000);
});
