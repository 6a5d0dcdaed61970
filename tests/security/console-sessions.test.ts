import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type ConsoleHarness } from "../console/client.js";

// Finding 4 of issue 14: every GET of the console's login page stored a session (1,884 rows a second from one
// address, the WAL grew to 41 MB in 5 s). No session row may exist before a login succeeds.

describe("console sessions", () => {
  let h: ConsoleHarness;
  let pw: string;
  const sessionRows = () => {
    const db = new Database(join(h.dataDir, "ouderwijzer.db"), { readonly: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM sessions").get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    h = await startConsole();
    pw = await h.addStaff("sessie@steunpunt.example");
  }, 60_000);
  afterAll(() => h.close());

  it("stores no session for views of the login page, pages that redirect to it, or failed logins", async () => {
    for (let i = 0; i < 60; i++) {
      const res = await fetch(`${h.service.url}/console/inloggen`);
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie().join()).not.toContain("ow_console=");
      await res.text();
    }
    for (const path of ["/console/verzoeken", "/console/hulp", "/console/bestaat-niet"]) {
      const res = await fetch(`${h.service.url}${path}`, { redirect: "manual" });
      expect(res.status).toBe(303);
      await res.text();
    }
    const c = h.client();
    expect((await c.login("sessie@steunpunt.example", "wrong password")).status).toBe(401);
    expect(c.cookie).toBeUndefined();
    expect(sessionRows()).toBe(0);
  });

  it("stores exactly one session when a login succeeds", async () => {
    const c = h.client();
    expect((await c.login("sessie@steunpunt.example", pw)).status).toBe(303);
    expect(c.cookie).toBeDefined();
    expect(sessionRows()).toBe(1);
    expect((await c.get("/console/verzoeken")).status).toBe(200);
  });

  it("refuses a login post without the form's token, with a forged one, or from another site", async () => {
    const c = h.client();
    await c.get("/console/inloggen");
    const token = c.csrf as string;
    expect(token).toBeTruthy();
    const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${h.service.url}/console/inloggen`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(form),
      });
    const creds = { email: "sessie@steunpunt.example", password: pw };
    expect((await post(creds)).status).toBe(403);
    expect((await post({ ...creds, _csrf: `${token.split(".")[0]}.forged` })).status).toBe(403);
    expect((await post({ ...creds, _csrf: token }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ ...creds, _csrf: token }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    // The same token from this site logs in.
    expect((await post({ ...creds, _csrf: token }, { origin: h.service.url })).status).toBe(303);
  });
});
