import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startChildService, type ChildService } from "./child-service.js";
import { report } from "./report.js";

// kill -9 of the service in the middle of chat traffic (SQLite, the embedded default), then a restart on the same
// data folder: clients see their connections fail while it is down; every answer a client did receive is still
// in its transcript afterwards, no turn is half written, and the database is intact.

const dir = mkdtempSync(join(tmpdir(), "ow-kill9-"));
const services: ChildService[] = [];
afterAll(async () => {
  for (const s of services) await s.stop(2000);
  rmSync(dir, { recursive: true, force: true });
});

describe("kill -9 during traffic", () => {
  it("loses no answered turn, leaves the database intact, and serves again after a restart", async () => {
    const env = { DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: "100000" };
    const first = await startChildService(env);
    services.push(first);
    const base = first.url;

    // Eight parents chatting: each keeps its conversation and counts the answers it received.
    const acked = new Map<string, number>();
    const outcomes: Record<string, number> = {};
    let running = true;
    const parent = async (n: number) => {
      let conversationId: string | undefined;
      while (running) {
        try {
          const res = await fetch(`${base}/api/chat`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              ...(conversationId ? { conversationId } : {}),
              text: n % 2 ? "Wat is een TLV?" : "Mijn kind krijgt geen hulp op school",
            }),
            signal: AbortSignal.timeout(5000),
          });
          outcomes[res.status] = (outcomes[res.status] ?? 0) + 1;
          if (res.status === 200) {
            const body = (await res.json()) as { conversationId: string };
            conversationId = body.conversationId;
            acked.set(conversationId, (acked.get(conversationId) ?? 0) + 1);
          } else await res.text();
        } catch (err) {
          const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
          outcomes[code] = (outcomes[code] ?? 0) + 1;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, i) => parent(i));
    await new Promise((r) => setTimeout(r, 2000));
    const before = { ...outcomes };
    expect(before["200"] ?? 0).toBeGreaterThan(8);

    const killedAt = performance.now();
    await first.kill9();
    await new Promise((r) => setTimeout(r, 500));
    const duringDown = Object.fromEntries(
      Object.entries(outcomes)
        .filter(([k]) => k !== "200")
        .map(([k, v]) => [k, v - (before[k] ?? 0)]),
    );
    const restartAt = performance.now();
    const second = await startChildService(env, { port: first.port });
    services.push(second);
    const readyAt = performance.now();
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await Promise.all(clients);

    // Every answer a client received is in its transcript; turns come in pairs (parent + assistant in one
    // transaction), so none is half written.
    for (const [id, count] of acked) {
      const res = await fetch(`${second.url}/api/conversations/${id}`);
      expect(res.status).toBe(200);
      const { turns } = (await res.json()) as { turns: Array<{ role: string; seq: number }> };
      expect(turns.length % 2).toBe(0);
      expect(turns.length / 2).toBeGreaterThanOrEqual(count);
      expect(turns.map((t) => t.seq)).toEqual(turns.map((_, i) => i + 1));
    }
    await second.stop();
    const db = new Database(join(dir, "ouderwijzer.db"), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();

    report({
      fault: "kill -9 during chat traffic (SQLite), restart on the same folder",
      during: {
        chat: `connection errors while down: ${JSON.stringify(duringDown)}; ${outcomes["200"]} answers in all, ${acked.size} conversations, none lost`,
      },
      recoverySeconds: Number(((readyAt - killedAt) / 1000).toFixed(2)),
      notes: `of which ${((readyAt - restartAt) / 1000).toFixed(1)} s start-up of the new process (tsx, knowledge loaded and indexed)`,
    });
  }, 180_000);
});
