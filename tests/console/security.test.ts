import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type ConsoleHarness } from "./client.js";

// The console's access rules over real HTTP (SQLite stores in a temp folder, the real knowledge base).

const PAGES = [
  "/console",
  "/console/verzoeken",
  "/console/verzoeken/00000000-0000-4000-8000-000000000000",
  "/console/hulp",
  "/console/kennisbank",
  "/console/kennisbank/tlv-bezwaar",
  "/console/inzichten",
  "/console/inzichten.csv",
  "/console/audit",
  "/console/bestaat-niet",
];
const CHANGES = [
  "/console/hulp",
  "/console/verzoeken/00000000-0000-4000-8000-000000000000/oppakken",
  "/console/verzoeken/00000000-0000-4000-8000-000000000000/antwoord",
  "/console/verzoeken/00000000-0000-4000-8000-000000000000/sluiten",
  "/console/inzichten/voorstel",
];
const APIS = ["/console/api/verzoeken"];

describe("console access", () => {
  let h: ConsoleHarness;
  let agentPw: string;
  let adminPw: string;

  beforeAll(async () => {
    h = await startConsole({ CONSOLE_MAX_FAILED_LOGINS: 5 }, { maxPerIpPerDay: 12 });
    agentPw = await h.addStaff("medewerker@steunpunt.example");
    adminPw = await h.addStaff("beheer@steunpunt.example", "admin");
  }, 60_000);
  afterAll(() => h.close());

  it("every console page redirects to the login page without a session", async () => {
    const c = h.client();
    for (const path of PAGES) {
      const page = await c.get(path);
      expect(page.status, path).toBe(303);
      expect(page.location, path).toMatch(/^\/console\/inloggen/);
    }
  });

  it("every change and API answers 401 or redirects without a session, and changes nothing", async () => {
    const c = h.client();
    for (const path of CHANGES) {
      const page = await c.post(path, { text: "x" }, { csrf: false });
      expect([303, 401], path).toContain(page.status);
      if (page.status === 303) expect(page.location).toMatch(/^\/console\/inloggen/);
    }
    for (const path of APIS) {
      const res = await c.get(path);
      expect(res.status, path).toBe(401);
      expect(JSON.parse(res.text)).toEqual({ error: expect.any(String) });
    }
    expect(await h.service.stores.audit.list({ limit: 1000 })).not.toContainEqual(
      expect.objectContaining({ action: "handoff.claim" }),
    );
  });

  it("sets a hardened session cookie", async () => {
    const c = h.client();
    await c.get("/console/inloggen");
    const res = await fetch(`${h.service.url}/console/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: c.cookie ?? "" },
      body: new URLSearchParams({ email: "medewerker@steunpunt.example", password: agentPw, _csrf: c.csrf ?? "" }),
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith("ow_console="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/console/i);
    expect(cookie).toMatch(/Expires=/i);
    // Plain http here, so not Secure; behind https (next test) it is.
    expect(cookie).not.toMatch(/;\s*Secure/i);
    // Login gives a new session id (no fixation).
    expect(cookie?.split(";")[0]).not.toBe(c.cookie);
  });

  it("marks the cookie Secure behind an https proxy", async () => {
    const proxied = await startConsole({ TRUST_PROXY: "1" });
    try {
      const pw = await proxied.addStaff("proxy@steunpunt.example");
      const c = proxied.client();
      const https = { "x-forwarded-proto": "https" };
      await c.get("/console/inloggen", https);
      const res = await c.post(
        "/console/inloggen",
        { email: "proxy@steunpunt.example", password: pw },
        { headers: https },
      );
      expect(res.status).toBe(303);
      const raw = await fetch(`${proxied.service.url}/console/verzoeken`, {
        redirect: "manual",
        headers: { cookie: c.cookie ?? "", ...https },
      });
      expect(raw.status).toBe(200);
      expect(raw.headers.getSetCookie().join("\n")).toMatch(/;\s*Secure/i);
    } finally {
      await proxied.close();
    }
  }, 60_000);

  it("refuses a change without the CSRF token, with a valid session", async () => {
    const c = h.client();
    expect((await c.login("medewerker@steunpunt.example", agentPw)).status).toBe(303);
    const without = await c.post("/console/hulp", { text: "wat is een tlv" }, { csrf: false });
    expect(without.status).toBe(403);
    const wrong = await c.post("/console/hulp", { text: "wat is een tlv", _csrf: "forged-token" }, { csrf: false });
    expect(wrong.status).toBe(403);
    const jsonWithout = await fetch(`${h.service.url}/console/api/hulp`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: c.cookie ?? "" },
      body: JSON.stringify({ text: "wat is een tlv" }),
    });
    expect(jsonWithout.status).toBe(403);
    // A cross-site form post carries no cookie at all (SameSite=Strict): it is sent to the login page.
    const crossSite = await h
      .client()
      .post(
        "/console/verzoeken/00000000-0000-4000-8000-000000000000/sluiten",
        {},
        { csrf: false, headers: { origin: "https://evil.example" } },
      );
    expect(crossSite.status).toBe(303);
    // With the token it works.
    const ok = await c.post("/console/hulp", { text: "wat is een tlv" });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("Concept-antwoord");
    const api = await fetch(`${h.service.url}/console/api/hulp`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: c.cookie ?? "", "x-csrf-token": c.csrf ?? "" },
      body: JSON.stringify({ text: "wat is een tlv" }),
    });
    expect(api.status).toBe(200);
    expect((await api.json()).candidates.length).toBeGreaterThan(0);
  }, 60_000);

  it("slows down and then locks repeated wrong passwords, also for the right password", async () => {
    const c = h.client();
    const email = "medewerker@steunpunt.example";
    h.delays.length = 0;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.login(email, `wrong-${i}`)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[4]).toBe(429);
    // Slowed down: no wait after the first failure, then growing waits.
    expect(h.delays.length).toBe(4);
    expect(h.delays).toEqual([...h.delays].sort((a, b) => a - b));
    expect(h.delays[0]).toBeGreaterThan(0);
    const locked = await c.login(email, agentPw);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(locked.text).toContain("Te vaak een verkeerd wachtwoord");
    // Another staff member on the same IP is not locked out by this.
    expect((await h.client().login("beheer@steunpunt.example", adminPw)).status).toBe(303);
  }, 60_000);

  it("caps failures per IP so one address cannot try every account", async () => {
    // 5 failures above plus these: the per-IP cap of 12 is reached across different addresses.
    const c = h.client();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await c.login(`onbekend${i}@example.nl`, "raden")).status);
    expect(statuses).toContain(429);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);

  it("a session cannot be used after logout", async () => {
    const fresh = await startConsole();
    try {
      const pw = await fresh.addStaff("uit@steunpunt.example");
      const c = fresh.client();
      await c.login("uit@steunpunt.example", pw);
      const cookie = c.cookie;
      expect((await c.get("/console/verzoeken")).status).toBe(200);
      const out = await c.post("/console/uitloggen");
      expect(out.status).toBe(303);
      // Replaying the old cookie does not work: the session is gone from the store.
      const replay = await fetch(`${fresh.service.url}/console/verzoeken`, {
        redirect: "manual",
        headers: { cookie: cookie ?? "" },
      });
      expect(replay.status).toBe(303);
      expect(replay.headers.get("location")).toMatch(/inloggen/);
      const audit = await fresh.service.stores.audit.list();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["login", "logout"]));
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it("sessions survive a restart of the service", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ow-console-restart-"));
    try {
      const first = await startConsole({}, {}, { dataDir });
      const pw = await first.addStaff("herstart@steunpunt.example");
      const c = first.client();
      await c.login("herstart@steunpunt.example", pw);
      await first.close();
      const second = await startConsole({}, {}, { dataDir });
      const again = await fetch(`${second.service.url}/console/verzoeken`, {
        redirect: "manual",
        headers: { cookie: c.cookie ?? "" },
      });
      expect(again.status).toBe(200);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("agents cannot export or read the audit log; admins can", async () => {
    const fresh = await startConsole();
    try {
      const apw = await fresh.addStaff("agent@steunpunt.example");
      const bpw = await fresh.addStaff("admin@steunpunt.example", "admin");
      const a = fresh.client();
      await a.login("agent@steunpunt.example", apw);
      expect((await a.get("/console/inzichten.csv")).status).toBe(403);
      expect((await a.get("/console/audit")).status).toBe(403);
      const b = fresh.client();
      await b.login("admin@steunpunt.example", bpw);
      const csv = await b.get("/console/inzichten.csv");
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
      expect((await b.get("/console/audit")).status).toBe(200);
      const actions = (await fresh.service.stores.audit.list()).map((r) => r.action);
      expect(actions).toContain("insights.export");
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it("the console cannot be framed and is not cached", async () => {
    const res = await fetch(`${h.service.url}/console/inloggen`);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("only redirects back into the console after login", async () => {
    const fresh = await startConsole();
    try {
      const pw = await fresh.addStaff("terug@steunpunt.example");
      const c = fresh.client();
      await c.get("/console/inloggen");
      const res = await c.post("/console/inloggen", {
        email: "terug@steunpunt.example",
        password: pw,
        terug: "//evil.example/x",
      });
      expect(res.location).toBe("/console/verzoeken");
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
