import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSuggestion } from "../../src/console/suggestions.js";
import { startConsole, type ConsoleHarness } from "./client.js";

// Insights over real HTTP: parents' questions through the web API show up as figures and as unanswered
// questions, and one click writes a reviewable suggestion file.

async function ask(base: string, text: string, conversationId?: string) {
  const res = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(conversationId ? { conversationId, text } : { text }),
  });
  return (await res.json()) as { conversationId: string; reply: { kind: string; answerId: string | null } };
}

describe("insights", () => {
  let h: ConsoleHarness;
  let suggestionsDir: string;
  let agentPw: string;
  let adminPw: string;

  beforeAll(async () => {
    suggestionsDir = mkdtempSync(join(tmpdir(), "ow-suggestions-"));
    h = await startConsole({ SUGGESTIONS_DIR: suggestionsDir });
    agentPw = await h.addStaff("lotte@steunpunt.example");
    adminPw = await h.addStaff("beheer@steunpunt.example", "admin");
  }, 60_000);
  afterAll(async () => {
    await h.close();
    rmSync(suggestionsDir, { recursive: true, force: true });
  });

  it("counts questions, lists the unanswered one and turns it into a suggestion file", async () => {
    const base = h.service.url;
    const answered = await ask(base, "Wat is een ontwikkelingsperspectief?");
    expect(answered.reply.kind).toBe("answer");
    const feedback = await fetch(`${base}/api/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        conversationId: answered.conversationId,
        answerId: answered.reply.answerId,
        helpful: false,
      }),
    });
    expect(feedback.status).toBe(201);
    const unknown = await ask(base, "Hoe laat begint de schoolreis naar de Efteling, mail me op piet@example.nl");
    expect(unknown.reply.kind).toBe("fallback");

    const staff = h.client();
    await staff.login("lotte@steunpunt.example", agentPw);
    const page = await staff.get("/console/inzichten?dagen=7");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<svg");
    // Every id once (issue 16: the heading and the chart's title both had "top-title").
    const ids = [...page.text.matchAll(/\sid="([^"]+)"/gu)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(page.text).toContain("schoolreis naar de Efteling");
    // Masked before storing, so masked here too.
    expect(page.text).not.toContain("piet@example.nl");
    // The not-helpful answer's question is listed as well.
    expect(page.text).toContain("Wat is een ontwikkelingsperspectief?");
    // Agents see no export link.
    expect(page.text).not.toContain("inzichten.csv");

    const text = /name="text" value="([^"]*Efteling[^"]*)"/.exec(page.text)?.[1];
    expect(text).toBeDefined();
    const res = await staff.post("/console/inzichten/voorstel", {
      text: (text as string)
        .replace(/&amp;/g, "&")
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">"),
      doel: "nieuw",
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/console/inzichten?melding=voorstel");
    const files = readdirSync(suggestionsDir);
    expect(files).toHaveLength(1);
    const suggestion = readSuggestion(join(suggestionsDir, files[0] as string));
    expect(suggestion.suggestion).toBe("entry");
    expect(JSON.stringify(suggestion)).toContain("Efteling");
    expect(JSON.stringify(suggestion)).not.toContain("piet@example.nl");
    const audit = await h.service.stores.audit.list();
    expect(audit[0]).toMatchObject({ action: "suggestion.create", targetType: "suggestion", targetId: files[0] });

    // A suggestion for an entry that does not exist is refused and writes nothing.
    const bad = await staff.post("/console/inzichten/voorstel", { text: "iets", doel: "bestaat-niet" });
    expect(bad.status).toBe(400);
    expect(readdirSync(suggestionsDir)).toHaveLength(1);
  }, 60_000);

  it("exports statistics only, for admins", async () => {
    const admin = h.client();
    await admin.login("beheer@steunpunt.example", adminPw);
    const csv = await admin.get("/console/inzichten.csv?dagen=7");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="ouderwijzer-inzichten-.*\.csv"/);
    expect(csv.text).not.toContain("Efteling");
    expect(csv.text).not.toContain("ontwikkelingsperspectief?");
    expect(csv.text).toMatch(/\d/);
  }, 60_000);
});
