import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteStores } from "../../src/stores/index.js";
import { postJson, startTestService } from "../web/harness.js";
import { fmt, report, secondsUntil, timed } from "./report.js";

// The SQLite data folder on a small file system of its own (tmpfs, 8 MB) that the test fills up: while writes
// fail, clients get 503 (never a 500) and /healthz says 503 (finding 2 of issue 14: it said 200); when space is
// free again, service resumes without a restart. (A read-only remount is refused while the database is open.)

const mountPoint = mkdtempSync(join(tmpdir(), "ow-disk-"));
let mounted = false;
let why = "";

beforeAll(() => {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", mountPoint], { stdio: "pipe" });
    mounted = true;
  } catch (err) {
    why = (err as Error).message.split("\n")[0] ?? "mount failed";
    console.warn(`[faults] cannot mount a small tmpfs here (${why}): the SQLite disk tests are SKIPPED`);
  }
});

afterAll(() => {
  if (mounted) execFileSync("umount", ["-l", mountPoint], { stdio: "pipe" });
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Writes a file until the file system is full; returns its path. */
function fillDisk(dir: string): string {
  const file = join(dir, "filler");
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full. Fill the last bytes too.
    for (let size = 32 * 1024; size >= 1; size >>= 1) {
      try {
        for (;;) writeSync(fd, chunk.subarray(0, size));
      } catch {
        // next smaller size
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

describe("SQLite when the disk is full", () => {
  it("answers 503 (not 500) while the disk is full, and serves again once space is free", async (ctx) => {
    if (!mounted) return ctx.skip();
    const stores = createSqliteStores({ dataDir: join(mountPoint, "data") });
    const s = await startTestService({}, { stores });
    try {
      const first = await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" });
      expect(first.status).toBe(200);
      const { conversationId } = (await first.json()) as { conversationId: string };

      const filler = fillDisk(mountPoint);
      const results = [];
      for (let i = 0; i < 20; i++)
        results.push(
          await timed(() =>
            postJson(`${s.url}/api/chat`, { conversationId, text: `Wat is een OPP? ${"x".repeat(400)} ${i}` }),
          ),
        );
      const statuses = results.map((r) => r.status);
      expect(
        statuses.filter((x) => x !== 503 && x !== 200),
        statuses.join(),
      ).toEqual([]);
      expect(statuses.filter((x) => x === 503).length).toBeGreaterThanOrEqual(15);
      expect(results.find((r) => r.status === 503)?.body).toMatch(/werkt even niet/);
      await expect
        .poll(async () => (await fetch(`${s.url}/healthz`)).status, { timeout: 5000, interval: 250 })
        .toBe(503);
      expect((await fetch(`${s.url}/livez`)).status).toBe(200);

      rmSync(filler);
      const recovery = await secondsUntil(
        async () =>
          (await postJson(`${s.url}/api/chat`, { conversationId, text: "Wat is een TLV?" })).status === 200 &&
          (await fetch(`${s.url}/healthz`)).status === 200,
        20_000,
      );
      expect(recovery).toBeLessThan(5);
      report({
        fault: "sqlite disk full (tmpfs filled)",
        during: {
          chat: `${statuses.filter((x) => x === 503).length} × 503 "De chat werkt even niet", ${statuses.filter((x) => x === 200).length} × 200 (WAL slack), 0 × 500; slowest ${fmt(Math.max(...results.map((r) => r.ms)))}`,
          healthz: "503",
          livez: "200",
        },
        recoverySeconds: Number(recovery.toFixed(2)),
      });
    } finally {
      await s.close();
      await stores.close();
    }
  }, 60_000);
});
