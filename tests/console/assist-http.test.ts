import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type ConsoleClient, type ConsoleHarness } from "./client.js";
import { THREE_QUESTION_MAIL, THREE_QUESTIONS } from "./mails.js";

// Assist over real HTTP for a whole e-mail (issue 16): one result set per question, each holding the entry the
// chatbot of the same service gives for that question, and one draft that answers every question in order.

interface AssistJson {
  questions: Array<{ question: string; asked: boolean; kind: string; candidates: Array<{ id: string }> }>;
  candidates: Array<{ id: string }>;
  draft: string;
}

describe("assist for a whole e-mail", () => {
  let h: ConsoleHarness;
  let staff: ConsoleClient;

  beforeAll(async () => {
    h = await startConsole();
    const pw = await h.addStaff("fatima@steunpunt.example");
    staff = h.client();
    await staff.login("fatima@steunpunt.example", pw);
  }, 60_000);
  afterAll(() => h.close());

  const assist = async (body: Record<string, unknown>) => {
    const res = await fetch(`${h.service.url}/console/api/hulp`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: staff.cookie ?? "", "x-csrf-token": staff.csrf ?? "" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as AssistJson;
  };
  const chatbot = async (text: string) => {
    const res = await fetch(`${h.service.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    return ((await res.json()) as { reply: { kind: string; answerId: string | null } }).reply;
  };

  it("answers the JSON API with one result set per question and a draft for all of them", async () => {
    const body = await assist({ text: THREE_QUESTION_MAIL, vorm: "u" });
    expect(body.questions.map((q) => q.question)).toEqual([...THREE_QUESTIONS]);
    for (const q of body.questions) {
      const reply = await chatbot(q.question);
      expect(reply.kind).toBe("answer");
      expect(q.candidates.map((c) => c.id)).toContain(reply.answerId);
      expect(q.candidates.length).toBeLessThanOrEqual(3);
    }
    // Every entry once over all questions.
    const ids = body.candidates.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(body.questions.map((q) => q.candidates[0]?.id)));

    const draft = body.draft;
    expect(draft).toMatch(/^Beste \[naam\],\n\nDank u wel voor uw vragen\./);
    expect(draft).not.toContain("Beste ouder");
    expect(draft.match(/Bronnen:/g)).toHaveLength(1);
    for (const url of new Set(draft.match(/https?:\/\/\S+/gu) ?? [])) expect(draft.split(url).length - 1, url).toBe(1);
    expect(draft.endsWith("Met vriendelijke groet,\n[naam], ouder- en jeugdsteunpunt\n")).toBe(true);
  }, 60_000);

  it("shows one set per question on the page and drafts from the entries chosen per question", async () => {
    const page = await staff.post("/console/hulp", { text: THREE_QUESTION_MAIL, vorm: "je" });
    expect(page.status).toBe(200);
    expect(page.text.match(/<fieldset class="question">/g)).toHaveLength(3);
    for (const q of THREE_QUESTIONS) expect(page.text).toContain(`<q>${q}</q>`);
    const checked = [...page.text.matchAll(/name="kies" value="([^"]+)" checked/g)].map((m) => m[1] as string);
    expect(checked.map((k) => k.split(":")[0])).toEqual(["0", "1", "2"]);

    // Only the second question's entry: the other two questions are named, to be looked up.
    const second = checked[1] as string;
    const again = await staff.post("/console/hulp", { text: THREE_QUESTION_MAIL, vorm: "je", kies: [second] });
    const draft = /<textarea id="draft-text"[^>]*>([^<]*)<\/textarea>/u.exec(again.text)?.[1] ?? "";
    expect(draft).toMatch(/^Hallo \[naam\],\n\nDank je wel voor je vragen\./);
    expect(draft).toContain(`${THREE_QUESTIONS[0]}\n\nHier zoeken we het antwoord nog voor je op.`);
    expect(draft).toContain(`${THREE_QUESTIONS[2]}\n\nHier zoeken we het antwoord nog voor je op.`);
    expect(again.text.match(/name="kies" value="[^"]+" checked/g)).toHaveLength(1);
  }, 60_000);

  it("still answers a single question with the best three entries and a draft for it", async () => {
    const body = await assist({ text: "Hoe vraag je een toelaatbaarheidsverklaring aan?" });
    expect(body.questions).toHaveLength(1);
    expect(body.candidates).toHaveLength(3);
    expect(body.draft).toMatch(/^Beste \[naam\],\n\nDank u wel voor uw vraag\./);
  }, 60_000);
});
