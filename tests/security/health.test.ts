import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../src/stores/errors.js";
import { createMemoryStores } from "../../src/stores/index.js";
import type { Stores } from "../../src/stores/types.js";
import { gate, postJson, startTestService } from "../web/harness.js";

// Finding 2 of issue 14: health probes were shed with the traffic (94 % got 503 under overload), and /healthz said
// 200 while every write failed. docs/CONTRACT.md: /livez 200 while the process runs, /healthz 200 only when the service
// can answer and store; neither is ever turned away by load shedding or rate limits.

/** Memory stores whose writes fail while `broken.on` is true, the way a full disk or a read-only database fails. */
function breakableStores(): { stores: Stores; broken: { on: boolean } } {
  const real = createMemoryStores();
  const broken = { on: false };
  const fail = () => {
    throw new StoreUnavailableError("stores: SQLite is not available (SQLITE_FULL)", "SQLITE_FULL");
  };
  // Every write of the ports the chat uses fails the same way.
  const writing = <T extends object>(target: T, methods: Array<keyof T>): T =>
    new Proxy(target, {
      get(t, key, receiver) {
        const value = Reflect.get(t, key, receiver) as unknown;
        if (typeof value === "function" && methods.includes(key as keyof T)) {
          return (...args: unknown[]) =>
            broken.on
              ? Promise.reject(new StoreUnavailableError("write failed", "SQLITE_FULL"))
              : (value as (...a: unknown[]) => unknown).apply(t, args);
        }
        return value;
      },
    });
  const stores: Stores = {
    ...real,
    conversations: writing(real.conversations, ["set", "delete", "appendTurn", "appendTurns", "erase"]),
    feedback: writing(real.feedback, ["add"]),
    updates: writing(real.updates, ["claim"]),
    sessions: writing(real.sessions, ["set", "touch", "destroy"]),
    // Reading still works: a full disk or a read-only file can be read.
    ping: () => real.ping(),
    checkWritable: async () => (broken.on ? fail() : real.checkWritable()),
    close: () => real.close(),
  };
  return { stores, broken };
}

describe("health endpoints", () => {
  it("answers /livez and /healthz at once while the service sheds every other request", async () => {
    const held = gate();
    let waiting = 0;
    const s = await startTestService(
      { MAX_IN_FLIGHT: 2 },
      {
        wrap: (a) => ({
          ...a,
          reply: async (id, text) => {
            waiting++;
            await held.opened;
            return a.reply(id, text);
          },
        }),
      },
    );
    try {
      const slow = [postJson(`${s.url}/api/chat`, { text: "a" }), postJson(`${s.url}/api/chat`, { text: "b" })];
      while (waiting < 2) await new Promise((r) => setTimeout(r, 5));
      // Overloaded: chat is shed...
      expect((await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" })).status).toBe(503);
      // ...but every probe gets through, fast.
      for (let i = 0; i < 20; i++) {
        for (const path of ["/livez", "/healthz"]) {
          const start = performance.now();
          const r = await fetch(`${s.url}${path}`);
          expect(r.status, path).toBe(200);
          expect(performance.now() - start).toBeLessThan(500);
        }
      }
      held.open();
      await Promise.all(slow);
    } finally {
      held.open();
      await s.close();
    }
  });

  it("/livez only says the process runs: no store is asked, nothing else is told", async () => {
    const { stores, broken } = breakableStores();
    const s = await startTestService({}, { stores });
    try {
      broken.on = true;
      stores.ping = () => Promise.reject(new StoreUnavailableError("down", "ECONNREFUSED"));
      const r = await fetch(`${s.url}/livez`);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ status: "ok" });
      expect(r.headers.get("cache-control")).toBe("no-store");
    } finally {
      await s.close();
    }
  });

  it("/healthz answers 503 while the database refuses writes, and 200 again when it takes them", async () => {
    const { stores, broken } = breakableStores();
    const s = await startTestService({}, { stores });
    try {
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      broken.on = true;
      // Chat fails as it should: the turn cannot be stored.
      const chat = await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" });
      expect(chat.status).toBe(503);
      // The probe sees it within a second (its result is cached for at most that long).
      await expect
        .poll(async () => (await fetch(`${s.url}/healthz`)).status, { timeout: 3000, interval: 200 })
        .toBe(503);
      const body = (await (await fetch(`${s.url}/healthz`)).json()) as Record<string, unknown>;
      expect(body).toEqual({ status: "unavailable" });
      broken.on = false;
      await expect
        .poll(async () => (await fetch(`${s.url}/healthz`)).status, { timeout: 3000, interval: 200 })
        .toBe(200);
      expect((await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
