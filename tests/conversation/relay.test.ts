import { describe, expect, it } from "vitest";
import {
  createConversations,
  createRelay,
  ERASED_BY_PARENT,
  type RelayEvent,
  type TurnContext,
} from "../../src/conversation/index.js";
import { createAssistant } from "../../src/core/index.js";
import { BACK_TO_BOT, choices, createHandoffFlow, parseOpeningHours, PASSED_ON } from "../../src/handoff/index.js";
import { maskPersonalData } from "../../src/stores/mask.js";
import { createMemoryStores } from "../../src/stores/index.js";
import { realKnowledge } from "../helpers.js";

// While a request for a person is open or claimed, the parent talks to the person, not to the bot.

const knowledge = realKnowledge();

async function withOpenRequest(conversationId = "r1") {
  const stores = createMemoryStores();
  const assistant = createAssistant(knowledge, { store: stores.conversations });
  const handoff = createHandoffFlow({ handoffs: stores.handoffs, hours: parseOpeningHours("altijd"), pollSeconds: 5 });
  const conversations = createConversations({
    assistant,
    transcript: stores.conversations,
    handoff,
    mask: maskPersonalData,
    requests: stores.handoffs,
    audit: stores.audit,
  });
  const at: TurnContext = { conversationId, channel: "web", chatRef: null };
  await conversations.answer(at, "Ik wil met een mens praten");
  await conversations.answer(at, choices.yes);
  const opened = await conversations.answer(at, choices.chat);
  expect(opened.handoff?.status).toBe("open");
  const [request] = await stores.handoffs.list(["open"]);
  if (!request) throw new Error("no request");
  const events: RelayEvent[] = [];
  conversations.relay.subscribe(request.id, (e) => events.push(e));
  const turns = async () => (await stores.conversations.turns(conversationId)).map((t) => [t.role, t.text]);
  return { stores, conversations, at, request, events, turns };
}

describe("a conversation with an open request", () => {
  it("passes a message on to staff before anyone picked up, instead of answering it", async () => {
    const { conversations, at, request, events, turns } = await withOpenRequest();
    const before = (await turns()).length;
    const said = await conversations.answer(at, "Wat is een TLV? Bel me op 06-12345678");
    expect(said.relayed).toBe("waiting");
    expect(said.reply.kind).toBe("handoff");
    expect(said.reply.text).toBe(PASSED_ON);
    expect(said.reply.text).toMatch(/^Je bericht is doorgegeven aan een medewerker\./);
    expect(said.reply.choices?.map((c) => c.label)).toEqual([choices.back]);
    expect(said.handoff?.status).toBe("open");
    // Stored masked, as every turn; the bot did not answer the question.
    const stored = (await turns()).slice(before);
    expect(stored).toEqual([
      ["parent", expect.not.stringContaining("06-12345678")],
      ["assistant", PASSED_ON],
    ]);
    // Staff read it as typed, live and afterwards, while the request is open.
    expect(events).toEqual([{ type: "parent", text: "Wat is een TLV? Bel me op 06-12345678", at: expect.any(Date) }]);
    expect(conversations.relay.unmasked(request.id, true).map((m) => m.text)).toEqual([
      "Wat is een TLV? Bel me op 06-12345678",
    ]);
    expect(conversations.relay.lastActive(request.id)).toBeInstanceOf(Date);
  });

  it("says nothing from the bot once a staff member picked up; the message is the staff member's", async () => {
    const { stores, conversations, at, request, events, turns } = await withOpenRequest("r2");
    await stores.handoffs.transition(request.id, ["open"], { status: "claimed", claimedBy: 7, claimedAt: new Date() });
    await conversations.staffReply({ ...request, status: "claimed" }, "Hoe oud is je kind?");
    const before = (await turns()).length;
    const said = await conversations.answer(at, "Hij is 9. Mijn nummer is 06-12345678");
    expect(said.relayed).toBe("staff");
    expect(said.reply.text).toBe("");
    expect(said.handoff?.status).toBe("claimed");
    expect((await turns()).slice(before)).toEqual([["parent", expect.stringContaining("Hij is 9.")]]);
    expect((await turns()).at(-1)?.[1]).not.toContain("06-12345678");
    expect(events.map((e) => e.type)).toEqual(["staff", "parent"]);
  });

  it("goes back to the chatbot on 'Terug naar de chatbot': closes the request with a note and forgets the text", async () => {
    const { stores, conversations, at, request, events, turns } = await withOpenRequest("r3");
    await conversations.answer(at, "Mijn mail is ouder@example.nl");
    const back = await conversations.act(at, { type: "text", text: choices.back }, choices.back);
    expect(back?.relayed).toBe("back");
    expect(back?.reply.text).toBe(BACK_TO_BOT);
    expect(back?.handoff?.status).toBe("closed");
    expect((await stores.handoffs.get(request.id))?.status).toBe("closed");
    expect((await turns()).slice(-2)).toEqual([
      ["parent", choices.back],
      ["assistant", BACK_TO_BOT],
    ]);
    expect(events.map((e) => e.type)).toEqual(["parent", "back"]);
    expect(conversations.relay.unmasked(request.id, true)).toEqual([]);
    // The bot answers again.
    const next = await conversations.answer(at, "Wat is een TLV?");
    expect(next.reply.kind).toBe("answer");
    expect(next.relayed).toBeUndefined();
  });

  it("hands back through handBack (/terug), and a tapped entry closes the request and is answered by the bot", async () => {
    const first = await withOpenRequest("r4");
    const back = await first.conversations.handBack(first.at, "/terug");
    expect(back?.relayed).toBe("back");
    expect(await first.conversations.handBack(first.at, "/terug")).toBeNull();

    const second = await withOpenRequest("r5");
    const entry = await second.conversations.answerEntry(second.at, "tlv-wat-is");
    expect(entry?.reply.answerId).toBe("tlv-wat-is");
    expect(entry?.relayed).toBe("back");
    expect((await second.stores.handoffs.get(second.request.id))?.status).toBe("closed");
    expect(second.events.map((e) => e.type)).toEqual(["back"]);
  });

  it("shows staff the unmasked text only while the request is open", async () => {
    const { conversations, at, request } = await withOpenRequest("r6");
    await conversations.answer(at, "Bel 06-12345678");
    expect(conversations.relay.unmasked(request.id, true)).toHaveLength(1);
    // A reader that finds the request closed (staff closed it) gets nothing, and the text is dropped.
    expect(conversations.relay.unmasked(request.id, false)).toEqual([]);
    expect(conversations.relay.unmasked(request.id, true)).toEqual([]);
  });

  it("leaves staff a note when the parent erases the conversation while the request is open", async () => {
    const { stores, conversations, request, events } = await withOpenRequest("r7");
    await conversations.answer({ conversationId: "r7", channel: "web", chatRef: null }, "Bel 06-12345678");
    expect(await conversations.erase("r7")).toBe(true);
    expect(await stores.handoffs.get(request.id)).toBeUndefined();
    const audit = await stores.audit.list({ targetId: request.id });
    expect(audit.map((a) => [a.action, a.staffId, a.targetType])).toEqual([[ERASED_BY_PARENT, null, "handoff"]]);
    expect(events.map((e) => e.type)).toEqual(["parent", "erased"]);
    expect(conversations.relay.unmasked(request.id, true)).toEqual([]);
  });
});

describe("the live line over several instances", () => {
  /** A bus like Redis publish/subscribe: every listener gets every message, the sender's own included. */
  function memoryBus() {
    const receivers = new Set<(m: string) => void>();
    const sent: string[] = [];
    return {
      sent,
      send(message: string) {
        sent.push(message);
        for (const r of receivers) r(message);
      },
      listen(receive: (m: string) => void) {
        receivers.add(receive);
        return () => receivers.delete(receive);
      },
    };
  }

  it("gives every instance the parent's text as typed and the live events, once each", () => {
    const bus = memoryBus();
    const a = createRelay({ bus });
    const b = createRelay({ bus });
    const seenOnB: RelayEvent[] = [];
    b.subscribe("req-1", (e) => seenOnB.push(e));
    const at = new Date("2026-12-05T10:00:00Z");
    a.publish("req-1", { type: "parent", text: "Bel me op 06-12345678", at });
    expect(a.unmasked("req-1", true)).toEqual([{ text: "Bel me op 06-12345678", at }]);
    expect(b.unmasked("req-1", true)).toEqual([{ text: "Bel me op 06-12345678", at }]);
    expect(seenOnB).toEqual([{ type: "parent", text: "Bel me op 06-12345678", at }]);
    expect(b.lastActive("req-1")).toEqual(at);
    // Going back to the bot on one instance forgets the text on all.
    a.publish("req-1", { type: "back", at });
    expect(b.unmasked("req-1", true)).toEqual([]);
    // Anything on the bus that is not an event changes nothing.
    bus.send("not json");
    bus.send(JSON.stringify({ origin: "x", requestId: "req-1", event: { type: "parent", at: "soon" } }));
    expect(b.unmasked("req-1", true)).toEqual([]);
    a.close();
    b.close();
    a.publish("req-2", { type: "parent", text: "na het sluiten", at });
    expect(b.unmasked("req-2", true)).toEqual([]);
  });
});
