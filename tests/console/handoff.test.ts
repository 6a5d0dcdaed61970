import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type ConsoleHarness } from "./client.js";

// A handoff from the web API to the console and back, over real HTTP.

async function chat(base: string, text: string, conversationId?: string) {
  const res = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(conversationId ? { conversationId, text } : { text }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    conversationId: string;
    reply: { kind: string; text: string; suggestions: string[] };
    handoff: { status: string; pollSeconds: number } | null;
  };
}

describe("handoff through the web API and the console", () => {
  let h: ConsoleHarness;
  let pw: string;

  beforeAll(async () => {
    h = await startConsole({ HANDOFF_POLL_SECONDS: 3 });
    pw = await h.addStaff("kees@steunpunt.example");
  }, 60_000);
  afterAll(() => h.close());

  it("consent, contact, request, claim, reply, close", async () => {
    const base = h.service.url;
    const first = await chat(
      base,
      "<script>alert(1)</script> ik wil graag een medewerker spreken, mijn mail is ouder@example.nl",
    );
    const id = first.conversationId;
    expect(first.reply.kind).toBe("handoff");
    expect(first.handoff).toEqual({ status: "consent", pollSeconds: 3 });
    expect(first.reply.suggestions).toEqual(["Ja, dat mag", "Nee, liever niet"]);
    expect((await chat(base, "ja", id)).handoff?.status).toBe("contact");
    const done = await chat(base, "Hier in de chat", id);
    expect(done.handoff?.status).toBe("open");

    const staff = h.client();
    await staff.login("kees@steunpunt.example", pw);
    const list = await staff.get("/console/verzoeken");
    expect(list.status).toBe(200);
    const handoffId = /\/console\/verzoeken\/([0-9a-f-]{36})/.exec(list.text)?.[1];
    expect(handoffId).toBeDefined();
    const api = JSON.parse((await staff.get("/console/api/verzoeken")).text);
    expect(api.requests).toEqual([
      expect.objectContaining({ id: handoffId, channel: "web", status: "open", contactKind: "chat" }),
    ]);

    const detail = await staff.get(`/console/verzoeken/${handoffId}`);
    // Parent text is shown as text; personal data in the transcript is masked.
    expect(detail.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(detail.text).not.toContain("<script>alert(1)");
    expect(detail.text).not.toContain("ouder@example.nl");
    const audit = await h.service.stores.audit.list({ targetId: handoffId as string });
    expect(audit[0]).toMatchObject({ action: "conversation.view", targetType: "handoff", targetId: handoffId });

    // Replying before claiming is refused; after claiming it reaches the conversation.
    const early = await staff.post(`/console/verzoeken/${handoffId}/antwoord`, { text: "Hallo" });
    expect(early.location).toContain("fout=niet-opgepakt");
    await staff.post(`/console/verzoeken/${handoffId}/oppakken`);
    const empty = await staff.post(`/console/verzoeken/${handoffId}/antwoord`, { text: "   " });
    expect(empty.location).toContain("fout=antwoord");
    const sent = await staff.post(`/console/verzoeken/${handoffId}/antwoord`, {
      text: "Hallo, ik ben Kees. Bel ons gerust: 0800-5010. Mijn privénummer 06-99887766 niet.",
    });
    expect(sent.location).toContain("melding=verstuurd");

    const transcript = await (await fetch(`${base}/api/conversations/${id}`)).json();
    const staffTurn = transcript.turns.find((t: { role: string }) => t.role === "staff");
    expect(staffTurn.text).toContain("Hallo, ik ben Kees");
    // Helpline numbers from the knowledge base stay; other numbers are masked before storing and sending.
    expect(staffTurn.text).toContain("0800-5010");
    expect(staffTurn.text).not.toContain("06-99887766");
    expect(transcript.handoff).toEqual({ status: "claimed", pollSeconds: 3 });

    await staff.post(`/console/verzoeken/${handoffId}/sluiten`);
    const after = await (await fetch(`${base}/api/conversations/${id}`)).json();
    expect(after.handoff).toEqual({ status: "closed", pollSeconds: 3 });
    // A closed request cannot be claimed again.
    const reclaim = await staff.post(`/console/verzoeken/${handoffId}/oppakken`);
    expect(reclaim.location).toContain("melding=gesloten");
    const actions = (await h.service.stores.audit.list({ targetId: handoffId as string })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["conversation.view", "handoff.claim", "handoff.reply", "handoff.close"]),
    );
  }, 60_000);

  it("marks a conversation in which the chatbot recognised danger to a child", async () => {
    const base = h.service.url;
    const crisis = await chat(base, "mijn dochter heeft krassen op haar armen en zegt dat ze het zelf doet");
    expect(crisis.reply.kind).toBe("crisis");
    const id = crisis.conversationId;
    await chat(base, "ik wil graag een medewerker spreken", id);
    await chat(base, "ja", id);
    expect((await chat(base, "Hier in de chat", id)).handoff?.status).toBe("open");
    const plain = await chat(base, "ik wil graag een medewerker spreken");
    await chat(base, "ja", plain.conversationId);
    await chat(base, "Hier in de chat", plain.conversationId);

    const staff = h.client();
    await staff.login("kees@steunpunt.example", pw);
    const requests = (await h.service.stores.handoffs.list(["open"])).map((r) => ({
      id: r.id,
      conversationId: r.conversationId,
    }));
    const marked = requests.find((r) => r.conversationId === id);
    const unmarked = requests.find((r) => r.conversationId === plain.conversationId);
    const page = await staff.get(`/console/verzoeken/${marked?.id}`);
    expect(page.text).toContain('class="crisis-notice" role="alert"');
    expect(page.text).toContain("crisis: hulplijnen gegeven");
    expect((await staff.get(`/console/verzoeken/${unmarked?.id}`)).text).not.toContain("crisis-notice");
  }, 60_000);

  it("a parent who erases the conversation also erases the request", async () => {
    const base = h.service.url;
    const first = await chat(base, "ik wil een mens spreken");
    await chat(base, "ja", first.conversationId);
    await chat(base, "0612345678", first.conversationId);
    const open = await h.service.stores.handoffs.list(["open"]);
    expect(open.some((r) => r.conversationId === first.conversationId)).toBe(true);
    expect((await fetch(`${base}/api/conversations/${first.conversationId}`, { method: "DELETE" })).status).toBe(204);
    const after = await h.service.stores.handoffs.list(["open", "claimed", "closed"]);
    expect(after.some((r) => r.conversationId === first.conversationId)).toBe(false);
  });
});

describe("erasing a conversation from the console", () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsole();
  }, 60_000);
  afterAll(() => h.close());

  it("is for admins only, needs a confirmation, erases everything and is audited", async () => {
    const base = h.service.url;
    const first = await chat(base, "ik wil een mens spreken");
    await chat(base, "ja", first.conversationId);
    await chat(base, "Hier in de chat", first.conversationId);
    const [request] = await h.service.stores.handoffs.list(["open"]);
    const path = `/console/verzoeken/${request?.id}/wissen`;

    const agent = h.client();
    await agent.login("agent@steunpunt.example", await h.addStaff("agent@steunpunt.example"));
    const refused = await agent.post(path, { zeker: "ja" });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("Dit mag alleen een beheerder");
    expect(await h.service.stores.conversations.exists(first.conversationId)).toBe(true);

    const admin = h.client();
    await admin.login("admin@steunpunt.example", await h.addStaff("admin@steunpunt.example", "admin"));
    const unconfirmed = await admin.post(path, {});
    expect(unconfirmed.location, `${unconfirmed.status} ${unconfirmed.text.slice(0, 300)}`).toContain("fout=bevestig");
    expect(await h.service.stores.conversations.exists(first.conversationId)).toBe(true);
    const erased = await admin.post(path, { zeker: "ja" });
    expect(erased.location).toBe("/console/verzoeken?melding=gewist");
    expect(await h.service.stores.conversations.exists(first.conversationId)).toBe(false);
    expect(await h.service.stores.handoffs.get(request?.id as string)).toBeUndefined();
    expect((await fetch(`${base}/api/conversations/${first.conversationId}`)).status).toBe(404);
    const [last] = await h.service.stores.audit.list({ limit: 1 });
    expect(last).toMatchObject({ action: "conversation.erase", targetType: "handoff", targetId: request?.id });
  }, 60_000);
});
