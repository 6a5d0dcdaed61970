import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { docxText } from "../web/unzip.js";
import { startConsole, type ConsoleHarness } from "./client.js";

// Staff make a letter for a parent on the phone: the form, the letter to copy, the .docx; only the letter id is
// audited, and nothing filled in reaches the database or the log.

const MARK = "Tureluur";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("console: letters", () => {
  let h: ConsoleHarness;
  const logs: string[] = [];

  beforeAll(async () => {
    h = await startConsole(
      { LOG_LEVEL: "debug" },
      {},
      { logger: createLogger({ LOG_LEVEL: "debug" }, { write: (l: string) => void logs.push(l) }) },
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it("is for logged-in staff only", async () => {
    const page = await h.client().get("/console/brieven");
    expect(page.status).toBe(303);
    expect(page.location).toContain("/console/inloggen");
  });

  it("lists the letters, fills one in, names what is missing, and gives the letter to copy and as .docx", async () => {
    const client = h.client();
    await client.login("brief@example.org", await h.addStaff("brief@example.org"));
    const list = await client.get("/console/brieven");
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toContain("no-store");
    const letters = h.service.assistant.letters();
    for (const l of letters) expect(list.text).toContain(`href="/console/brieven/${l.id}"`);

    const letter = letters.find((l) => l.id === "verzoek-gpo");
    if (!letter) throw new Error("verzoek-gpo missing");
    const form = await client.get(`/console/brieven/${letter.id}`);
    for (const f of letter.fields) expect(form.text).toContain(`name="${f.name}"`);

    const missing = await client.post(`/console/brieven/${letter.id}`, { ouderNaam: `${MARK} <b>naam</b>` });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('aria-invalid="true"');
    expect(missing.text).toContain("Vul dit in: Naam van je kind");
    // What was typed comes back in the form, escaped.
    expect(missing.text).toContain(`${MARK} &lt;b&gt;naam&lt;/b&gt;`);

    const values = Object.fromEntries(
      letter.fields.map((f) => [f.name, f.kind === "date" ? "2026-03-02" : `${MARK} ${f.name}`]),
    );
    const made = await client.post(`/console/brieven/${letter.id}`, values);
    expect(made.status).toBe(200);
    expect(made.text).toContain('id="draft-text"');
    expect(made.text).toContain(`${MARK} verzoek`);
    expect(made.text).toContain("Termijn: uiterlijk 13-04-2026.");
    expect(made.text).toContain('id="copy-draft"');

    const body = new URLSearchParams({
      ...values,
      formaat: "docx",
      tekst: `Aangepast door ${MARK}`,
      _csrf: client.csrf ?? "",
    });
    const res = await fetch(`${h.service.url}/console/brieven/${letter.id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: client.cookie ?? "" },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain(DOCX);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(docxText(Buffer.from(await res.arrayBuffer()))).toContain(`Aangepast door ${MARK}`);

    const audit = await h.service.stores.audit.list({ limit: 10 });
    expect(audit.filter((a) => a.action === "letter.make").map((a) => a.targetId)).toEqual([
      "verzoek-gpo",
      "verzoek-gpo",
    ]);
    expect(JSON.stringify(audit)).not.toContain(MARK);
  });

  it("refuses a post without the CSRF token", async () => {
    const client = h.client();
    await client.login("brief2@example.org", await h.addStaff("brief2@example.org"));
    const page = await client.post("/console/brieven/bezwaar-tlv", { ouderNaam: "x" }, { csrf: false });
    expect(page.status).toBe(403);
  });

  it("keeps nothing filled in: not in the database, not in the log", async () => {
    expect(logs.join("\n")).toContain("POST /console/brieven/:id");
    expect(logs.join("\n")).not.toContain(MARK);
    await h.service.stores.close();
    for (const f of readdirSync(h.dataDir)) {
      if (f.startsWith("console-session-secret")) continue;
      expect(readFileSync(join(h.dataDir, f)).includes(MARK), f).toBe(false);
    }
  });
});
