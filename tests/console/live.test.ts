import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type ConsoleHarness } from "./client.js";

// The live side of a request (issue 16), over real HTTP: the parent's messages reach the request page as typed
// through server-sent events behind the console login, with the last activity; staff hand back to the chatbot.

async function chat(base: string, text: string, conversationId?: string) {
  const res = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(conversationId ? { conversationId, text } : { text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    conversationId: string;
    reply: { kind: string; text: string };
    handoff: { status: string } | null;
    relayed?: string;
  };
}

/** Reads a server-sent event stream until `done` says the text so far is enough (or 10 s pass). */
async function readUntil(body: ReadableStream<Uint8Array>, done: (text: string) => boolean): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 10_000;
  while (!done(text) && Date.now() < deadline) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text;
}

describe("a request's live page", () => {
  let h: ConsoleHarness;
  let pw: string;

  beforeAll(async () => {
    h = await startConsole({ HANDOFF_POLL_SECONDS: 3 });
    pw = await h.addStaff("lotte@steunpunt.example");
  }, 60_000);
  afterAll(() => h.close());

  async function openRequest() {
    const base = h.service.url;
    const first = await chat(base, "ik wil graag een medewerker spreken");
    const id = first.conversationId;
    await chat(base, "ja", id);
    expect((await chat(base, "Hier in de chat", id)).handoff?.status).toBe("open");
    const request = (await h.service.stores.handoffs.list(["open"])).find((r) => r.conversationId === id);
    if (!request) throw new Error("no request");
    return { base, id, request };
  }

  it("streams the parent's new messages as typed, behind the login, and shows the last activity", async () => {
    const { base, id, request } = await openRequest();
    const path = `/console/verzoeken/${request.id}/live`;
    // Not without a login.
    const anonymous = await fetch(base + path, { redirect: "manual" });
    expect(anonymous.status).not.toBe(200);

    const staff = h.client();
    await staff.login("lotte@steunpunt.example", pw);
    const stream = await fetch(base + path, { headers: { cookie: staff.cookie ?? "" } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    if (!stream.body) throw new Error("no body");
    const reading = readUntil(stream.body, (t) => t.includes("event: parent"));
    // Give the stream a moment to subscribe before the parent writes.
    await new Promise((r) => setTimeout(r, 200));
    const passed = await chat(base, "Bel me op 06-12345678, ik ben er na drie uur", id);
    expect(passed.relayed).toBe("waiting");
    const events = await reading;
    expect(events).toContain("event: parent");
    expect(events).toContain("Bel me op 06-12345678");

    // The page: the live section with the text as typed while open, the last activity, hand back.
    const page = await staff.get(`/console/verzoeken/${request.id}`);
    expect(page.text).toContain(`data-live="${path}"`);
    expect(page.text).toContain("Bel me op 06-12345678");
    expect(page.text).toMatch(/Laatst actief: <time id="last-active" datetime="\d{4}-/);
    expect(page.text).toContain("Teruggeven aan de chatbot");
    // The stored transcript stays masked.
    const stored = await h.service.stores.conversations.turns(id);
    expect(stored.some((t) => t.text.includes("06-12345678"))).toBe(false);
  }, 60_000);

  it("hands the conversation back to the chatbot: the request closes, the parent is told, the bot answers again", async () => {
    const { base, id, request } = await openRequest();
    await chat(base, "Mijn nummer is 06-12345678", id);
    const staff = h.client();
    await staff.login("lotte@steunpunt.example", pw);
    await staff.post(`/console/verzoeken/${request.id}/oppakken`);
    const handed = await staff.post(`/console/verzoeken/${request.id}/teruggeven`);
    expect(handed.status).toBe(303);
    expect((await h.service.stores.handoffs.get(request.id))?.status).toBe("closed");
    const transcript = (await (await fetch(`${base}/api/conversations/${id}`)).json()) as {
      turns: Array<{ role: string; text: string }>;
      handoff: { status: string };
    };
    expect(transcript.turns.at(-1)?.text).toContain("teruggegeven aan de chatbot");
    expect(transcript.handoff.status).toBe("closed");
    // Closed: the text as typed is gone from the page, and the stream has nothing to give.
    const page = await staff.get(`/console/verzoeken/${request.id}`);
    expect(page.text).not.toContain("06-12345678");
    expect(page.text).not.toContain("data-live=");
    const stream = await fetch(`${base}/console/verzoeken/${request.id}/live`, {
      headers: { cookie: staff.cookie ?? "" },
    });
    expect(stream.status).toBe(204);
    const next = await chat(base, "Wat is een TLV?", id);
    expect(next.reply.kind).toBe("answer");
    expect(next.relayed).toBeUndefined();
  }, 60_000);
});
