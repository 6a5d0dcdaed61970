import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/index.js";
import { choices, createHandoffFlow } from "../../src/handoff/flow.js";
import { parseOpeningHours } from "../../src/hours.js";
import { createMemoryStores } from "../../src/stores/index.js";

const coreReply = (kind: Reply["kind"], text = "core"): Reply => ({
  kind,
  text,
  answerId: kind === "answer" ? "tlv" : null,
  confidence: 1,
  citations: [],
  nextSteps: ["Bel 0800-5010"],
  suggestions: [],
});

function setup(nowIso = "2026-11-23T10:00:00Z") {
  const stores = createMemoryStores();
  let now = new Date(nowIso);
  const flow = createHandoffFlow({
    handoffs: stores.handoffs,
    hours: parseOpeningHours("ma-vr 09:00-17:00"),
    pollSeconds: 5,
    now: () => now,
  });
  const ctx = { conversationId: "c1", channel: "web" as const, chatRef: null };
  let asked = 0;
  const say = (text: string, kind: Reply["kind"] = "answer") =>
    flow.respond(ctx, text, async () => {
      asked++;
      return coreReply(kind, `core:${text}`);
    });
  return { stores, flow, say, asked: () => asked, setNow: (iso: string) => void (now = new Date(iso)) };
}

describe("handoff dialogue", () => {
  it("asks consent, then contact, then opens a request", async () => {
    const { stores, say } = setup();
    const first = await say("ik wil een mens spreken", "handoff");
    expect(first.reply.kind).toBe("handoff");
    expect(first.reply.suggestions).toEqual([choices.yes, choices.no]);
    expect(first.reply.text).toMatch(/Mag de medewerker dit gesprek lezen/);
    expect(first.handoff?.status).toBe("consent");
    // Nothing is listed for staff before the parent agreed.
    expect(await stores.handoffs.list(["open", "claimed"])).toHaveLength(0);

    const second = await say("Ja, dat mag");
    expect(second.reply.suggestions).toEqual([choices.chat]);
    expect(second.handoff?.status).toBe("contact");

    const third = await say("bel me maar op 06-12345678");
    expect(third.handoff?.status).toBe("open");
    expect(third.reply.text).toMatch(/We bellen je/);
    const [request] = await stores.handoffs.list(["open"]);
    expect(request).toMatchObject({
      conversationId: "c1",
      channel: "web",
      contactKind: "phone",
      contactValue: "06-12345678",
    });
  });

  it("shares nothing when the parent says no", async () => {
    const { stores, say } = setup();
    await say("mens aub", "handoff");
    const no = await say("Nee, liever niet");
    expect(no.handoff).toBeNull();
    expect(no.reply.text).toMatch(/delen je gesprek niet/);
    expect(await stores.handoffs.list(["open", "claimed", "consent", "contact"])).toHaveLength(0);
  });

  it("a new question ends the dialogue and is answered by the core", async () => {
    const { stores, say, asked } = setup();
    await say("mens aub", "handoff");
    const before = asked();
    const turn = await say("wat is een tlv?");
    expect(asked()).toBe(before + 1);
    expect(turn.reply.text).toBe("core:wat is een tlv?");
    expect(turn.handoff).toBeNull();
    expect(await stores.handoffs.active("c1")).toBeUndefined();
  });

  it("asks again for a contact it cannot read", async () => {
    const { say } = setup();
    await say("mens", "handoff");
    await say("ja");
    const again = await say("0612");
    expect(again.handoff?.status).toBe("contact");
    expect(again.reply.text).toMatch(/kan ik niet lezen/);
  });

  it("tells when someone replies outside opening hours", async () => {
    const { say } = setup("2026-11-28T10:00:00Z"); // Saturday
    const first = await say("mens", "handoff");
    expect(first.reply.text).toMatch(/gesloten.*maandag 30 november om 09:00/s);
    await say("ja");
    const done = await say(choices.chat);
    expect(done.reply.text).toMatch(/maandag 30 november om 09:00/);
    expect(done.reply.text).toMatch(/verschijnt hier in de chat/);
  });

  // Issue 16: while a request is open the parent's messages go to the person, not to the bot (this test used to
  // expect the bot to keep answering; see tests/conversation/relay.test.ts for the seam's side).
  it("does not open a second request while one is open, and passes messages on instead of answering them", async () => {
    const { stores, say } = setup();
    await say("mens", "handoff");
    await say("ja");
    await say(choices.chat);
    const again = await say("ik wil echt een mens", "handoff");
    expect(again.reply.text).toMatch(/doorgegeven aan een medewerker/);
    expect(again.relayed?.to).toBe("waiting");
    const question = await say("wat is een opp");
    expect(question.reply.text).not.toBe("core:wat is een opp");
    expect(question.handoff?.status).toBe("open");
    expect(await stores.handoffs.list(["open"])).toHaveLength(1);
    const back = await say(choices.back);
    expect(back.relayed?.to).toBe("back");
    expect((await say("wat is een opp")).reply.text).toBe("core:wat is een opp");
  });
});
