import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/console/password.js";
import { CLAIMED_NOTICE } from "../../src/conversation/index.js";
import { ConsoleClient, FIXTURE_SCRYPT } from "../console/client.js";
import { startHarness, type Harness } from "./harness.js";

// A real conversation with a person in Telegram (issue 16), through grammY against the Bot API stand-in and the
// console over HTTP: messages of a chat with an open request go to staff, the parent is told when someone picked
// up, staff replies arrive at once, and /terug goes back to the chatbot.

describe("Telegram: a two-way conversation with a staff member", () => {
  let h: Harness;
  const chat = 9001;
  const STAFF = "sem@steunpunt.example";
  const PASSWORD = "pw-sem-Secret123";

  beforeAll(async () => {
    h = await startHarness({ mode: "webhook", config: { OPENING_HOURS: "altijd", RATE_LIMIT_PER_MINUTE: 100 } });
    await h.stores.staff.add({
      email: STAFF,
      passwordHash: await hashPassword(PASSWORD, FIXTURE_SCRYPT),
      role: "agent",
    });
  }, 60_000);
  afterAll(() => h.close());

  const say = async (text: string) => {
    const before = h.fake.sent(chat).length;
    expect((await h.postUpdate(h.fake.message(chat, text))).status).toBe(200);
    return before;
  };
  const nthText = async (n: number) => (await h.fake.waitForSent(n, chat, 10_000))[n - 1]?.payload.text as string;

  it("passes messages on, tells the parent when someone picked up, relays replies, and goes back on /terug", async () => {
    const service = h.service;
    if (!service) throw new Error("no service");
    await say("/mens");
    await nthText(1);
    await say("Ja, dat mag");
    await nthText(2);
    await say("Hier in de chat");
    expect(await nthText(3)).toContain("Je vraag staat nu klaar");
    const [request] = await h.stores.handoffs.list(["open"]);
    if (!request) throw new Error("no open request");

    // Before pickup: passed on, with the way back.
    await say("Mijn nummer is 06-12345678");
    expect(await nthText(4)).toContain("Je bericht is doorgegeven aan een medewerker.");
    expect(service.conversations.relay.unmasked(request.id, true).map((m) => m.text)).toEqual([
      "Mijn nummer is 06-12345678",
    ]);

    // Staff claim: the parent is told at once; the reply arrives at once.
    const staff = new ConsoleClient(service.url);
    await staff.login(STAFF, PASSWORD);
    await staff.post(`/console/verzoeken/${request.id}/oppakken`);
    expect(await nthText(5)).toContain(CLAIMED_NOTICE.slice(0, 30));
    await staff.post(`/console/verzoeken/${request.id}/antwoord`, { text: "Hallo, met Sem. Wanneer kan ik bellen?" });
    expect(await nthText(6)).toContain("Wanneer kan ik bellen?");

    // After pickup the bot says nothing; the staff member sees the message.
    const before = await say("Na drie uur, graag");
    await new Promise((r) => setTimeout(r, 500));
    expect(h.fake.sent(chat)).toHaveLength(before);
    const turns = await h.stores.conversations.turns(request.conversationId);
    expect(turns.at(-1)).toMatchObject({ role: "parent", text: "Na drie uur, graag" });
    const page = await staff.get(`/console/verzoeken/${request.id}`);
    expect(page.text).toContain("Na drie uur, graag");
    expect(page.text).toContain("06-12345678");

    // /terug: back to the chatbot, the request closed with a note; the bot answers again.
    await say("/terug");
    expect(await nthText(7)).toContain("Je praat weer met de chatbot.");
    expect((await h.stores.handoffs.get(request.id))?.status).toBe("closed");
    await say("/terug");
    expect(await nthText(8)).toContain("Je praat al met de chatbot.");
    await say("Wat is een TLV?");
    expect(await nthText(9)).toMatch(/TLV|toelaatbaarheidsverklaring/i);
  }, 60_000);
});
