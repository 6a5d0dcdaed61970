import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { createLoginGuard, loadStaff } from "../../src/console/auth.js";
import { createMemoryStores } from "../../src/stores/index.js";

// Session lifetime and the login guard, without HTTP (the HTTP behaviour is in security.test.ts).

function run(mw: ReturnType<typeof loadStaff>, session: Record<string, unknown>) {
  let destroyed = false;
  const req = {
    session: {
      ...session,
      destroy: (cb: () => void) => {
        destroyed = true;
        cb();
      },
    },
  } as unknown as Request;
  const res = { locals: {} } as unknown as Response;
  return new Promise<{ staff: unknown; destroyed: boolean }>((resolve, reject) => {
    const next: NextFunction = (err?: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
      else resolve({ staff: (res.locals as { staff?: unknown }).staff, destroyed });
    };
    mw(req, res, next);
  });
}

describe("console sessions", () => {
  it("end CONSOLE_MAX_HOURS after login, also when used all the time", async () => {
    const stores = createMemoryStores();
    const staff = await stores.staff.add({ email: "a@b.nl", passwordHash: "x", role: "agent" });
    const loginAt = Date.parse("2026-11-23T08:00:00Z");
    let now = loginAt + 9.9 * 3_600_000;
    const mw = loadStaff(stores, 10, () => new Date(now));
    expect(await run(mw, { staffId: staff?.id, loginAt })).toEqual({
      staff: expect.objectContaining({ email: "a@b.nl" }),
      destroyed: false,
    });
    now = loginAt + 10.1 * 3_600_000;
    expect(await run(mw, { staffId: staff?.id, loginAt })).toEqual({ staff: undefined, destroyed: true });
  });

  it("end at once when the account is disabled or removed", async () => {
    const stores = createMemoryStores();
    const staff = await stores.staff.add({ email: "a@b.nl", passwordHash: "x", role: "agent" });
    const mw = loadStaff(stores, 10);
    await stores.staff.setDisabled(staff?.id as number, true);
    expect((await run(mw, { staffId: staff?.id, loginAt: Date.now() })).destroyed).toBe(true);
    await stores.staff.remove(staff?.id as number);
    expect((await run(mw, { staffId: staff?.id, loginAt: Date.now() })).destroyed).toBe(true);
  });
});

describe("login guard", () => {
  it("waits longer after each failure, locks at the limit and forgets after a success", async () => {
    const delays: number[] = [];
    const guard = createLoginGuard({ maxConsecutive: 4, sleep: async (ms) => void delays.push(ms) });
    for (let i = 0; i < 3; i++) expect(await guard.failed("a@b.nl", "1.2.3.4")).toBe(0);
    expect(delays).toEqual([250, 500]);
    expect(await guard.failed("A@B.nl ", "1.2.3.4")).toBeGreaterThan(0);
    expect(await guard.blockedFor("a@b.nl", "1.2.3.4")).toBeGreaterThan(0);
    // Another IP for the same address is not blocked.
    expect(await guard.blockedFor("a@b.nl", "5.6.7.8")).toBe(0);

    const other = createLoginGuard({ maxConsecutive: 4, sleep: async () => {} });
    await other.failed("c@d.nl", "1.1.1.1");
    await other.failed("c@d.nl", "1.1.1.1");
    await other.succeeded("c@d.nl", "1.1.1.1");
    await other.failed("c@d.nl", "1.1.1.1");
    await other.failed("c@d.nl", "1.1.1.1");
    await other.failed("c@d.nl", "1.1.1.1");
    expect(await other.blockedFor("c@d.nl", "1.1.1.1")).toBe(0);
  });
});
