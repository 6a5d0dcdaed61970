import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStores } from "../../src/stores/index.js";
import { postJson, startTestService } from "../web/harness.js";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres.js";
import { fmt, report, secondsUntil, timed } from "./report.js";

// PostgreSQL stopped and started again (a real server of the test's own, `pg_ctl stop -m fast` / `start`): while it
// is down, clients get a quick 503 and the probes say so; when it is back, the service serves again without a
// restart, and conversations go on.

let pgServer: PrivatePostgres | string = "not started";
beforeAll(async () => {
  pgServer = await startPrivatePostgres();
  if (typeof pgServer === "string")
    console.warn(`[faults] private PostgreSQL not available (${pgServer}): the stop/start test is SKIPPED`);
}, 60_000);
afterAll(async () => {
  if (typeof pgServer !== "string") await pgServer.destroy();
});

describe("PostgreSQL stopped and started", () => {
  it("answers 503 at once while it is down and serves again within seconds after it is back", async (ctx) => {
    if (typeof pgServer === "string") return ctx.skip();
    const server = pgServer;
    const stores = await createPostgresStores({ connectionString: server.url, schema: "faults" });
    const s = await startTestService({}, { stores });
    try {
      const first = await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" });
      expect(first.status).toBe(200);
      const { conversationId } = (await first.json()) as { conversationId: string };

      await server.stop();
      const down = await Promise.all([
        ...Array.from({ length: 8 }, (_, i) =>
          timed(() =>
            postJson(`${s.url}/api/chat`, i % 2 ? { text: "Wat is een OPP?" } : { conversationId, text: "En dan?" }),
          ),
        ),
        timed(() => fetch(`${s.url}/healthz`)),
        timed(() => fetch(`${s.url}/livez`)),
      ]);
      const chats = down.slice(0, 8);
      const [health, live] = down.slice(8) as [(typeof down)[0], (typeof down)[0]];
      for (const c of chats) {
        expect(c.status).toBe(503);
        expect(c.ms).toBeLessThan(3000);
      }
      expect(health.status).toBe(503);
      expect(live.status).toBe(200);
      // Another request a little later, while still down.
      await new Promise((r) => setTimeout(r, 1000));
      const later = await timed(() => postJson(`${s.url}/api/chat`, { text: "Wat is zorgplicht?" }));
      expect(later.status).toBe(503);

      const restartStarted = performance.now();
      await server.start();
      const serverUp = (performance.now() - restartStarted) / 1000;
      const recovery = await secondsUntil(
        async () => (await postJson(`${s.url}/api/chat`, { conversationId, text: "Wat is een TLV?" })).status === 200,
        30_000,
      );
      expect(recovery).toBeLessThan(5);
      await expect.poll(async () => (await fetch(`${s.url}/healthz`)).status, { timeout: 5000 }).toBe(200);
      const turns = (await (await fetch(`${s.url}/api/conversations/${conversationId}`)).json()) as {
        turns: unknown[];
      };
      expect(turns.turns).toHaveLength(4);

      report({
        fault: "postgres stopped (pg_ctl stop -m fast) and started",
        during: {
          chat: `${chats.length + 1} × 503 "De chat werkt even niet" (Retry-After 30), slowest after ${fmt(Math.max(...chats.map((c) => c.ms), later.ms))}`,
          healthz: `${health.status} after ${fmt(health.ms)}`,
          livez: `${live.status} after ${fmt(live.ms)}`,
        },
        recoverySeconds: Number(recovery.toFixed(2)),
        notes: `the server itself took ${serverUp.toFixed(1)} s to start; recovery counts from when it accepted connections`,
      });
    } finally {
      await s.close();
      await stores.close();
    }
  }, 90_000);
});
