import { describe, expect, it } from "vitest";
import { createConversations, type TurnContext } from "../../src/conversation/index.js";
import { createAssistant } from "../../src/core/index.js";
import { createHandoffFlow, parseOpeningHours } from "../../src/handoff/index.js";
import { StoreUnavailableError } from "../../src/stores/errors.js";
import { maskPersonalData } from "../../src/stores/mask.js";
import { createMemoryStores } from "../../src/stores/index.js";
import type { HandoffRecord } from "../../src/stores/types.js";
import { realKnowledge } from "../helpers.js";

// The seam every channel calls: the handoff dialogue, the core and the transcript, once, with one failure policy.

const knowledge = realKnowledge();

function setup(delivery: { telegram?: (chatRef: string, text: string) => Promise<void> } = {}) {
  const stores = createMemoryStores();
  const assistant = createAssistant(knowledge, { store: stores.conversations });
  const handoff = createHandoffFlow({ handoffs: stores.handoffs, hours: parseOpeningHours("altijd"), pollSeconds: 5 });
  const conversations = createConversations({
    assistant,
    transcript: stores.conversations,
    handoff,
    mask: maskPersonalData,
    delivery,
  });
  return { stores, assistant, conversations };
}

const web = (conversationId: string): TurnContext => ({ conversationId, channel: "web", chatRef: null });

describe("the conversation seam", () => {
  it("answers a message and records both turns before the reply goes back", async () => {
    const { stores, conversations } = setup();
    const { reply, handoff } = await conversations.answer(web("c1"), "Wat is een TLV?");
    expect(reply.kind).toBe("answer");
    expect(handoff).toBeNull();
    const turns = await stores.conversations.turns("c1");
    expect(turns.map((t) => [t.role, t.text])).toEqual([
      ["parent", "Wat is een TLV?"],
      ["assistant", reply.text],
    ]);
  });

  it("fails the whole turn with the store's error when the transcript cannot be written", async () => {
    const { stores, assistant } = setup();
    const failing = createConversations({
      assistant,
      transcript: {
        appendTurns: () => Promise.reject(new StoreUnavailableError("store: down")),
        erase: (id) => stores.conversations.erase(id),
      },
    });
    await expect(failing.answer(web("c2"), "Wat is een OPP?")).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("answers a chosen entry, records its question as the parent's turn, and knows no unknown entry", async () => {
    const { stores, conversations } = setup();
    const answered = await conversations.answerEntry(web("c3"), "tlv-wat-is");
    expect(answered?.reply.answerId).toBe("tlv-wat-is");
    const question = knowledge.entries.find((e) => e.id === "tlv-wat-is")?.question;
    expect((await stores.conversations.turns("c3"))[0]?.text).toBe(question);
    expect(await conversations.answerEntry(web("c3"), "bestaat-niet")).toBeNull();
  });

  it("opens the handoff dialogue for the intent, and a chosen entry ends an unfinished dialogue", async () => {
    const { stores, conversations } = setup();
    const asked = await conversations.act(
      web("c4"),
      { type: "intent", intent: "handoff" },
      "Ik wil met een mens praten",
    );
    expect(asked?.reply.kind).toBe("handoff");
    expect(asked?.handoff?.status).toBe("consent");
    expect(asked?.reply.choices?.map((c) => c.action)).toEqual([
      { type: "text", text: "Ja, dat mag" },
      { type: "text", text: "Nee, liever niet" },
    ]);
    await conversations.act(web("c4"), { type: "entry", answerId: "tlv-wat-is" }, "Wat is een TLV?");
    expect(await stores.handoffs.active("c4")).toBeUndefined();
  });

  it("erases a conversation's transcript and the core's state at once", async () => {
    const { stores, conversations } = setup();
    await conversations.answer(web("c5"), "Wat is een TLV?");
    expect(await conversations.erase("c5")).toBe(true);
    expect(await stores.conversations.exists("c5")).toBe(false);
    expect(await conversations.erase("c5")).toBe(false);
  });

  it("masks a staff reply, sends it first and stores it only when it was sent", async () => {
    const sent: string[] = [];
    let fail = true;
    const { stores, conversations } = setup({
      telegram: (_chatRef, text) =>
        fail ? Promise.reject(new Error("telegram: down")) : (sent.push(text), Promise.resolve()),
    });
    const request = { conversationId: "tg-1", channel: "telegram", chatRef: "42" } as HandoffRecord;
    const failed = await conversations.staffReply(request, "Bel me op 06-12345678");
    expect(failed.sent).toBe(false);
    expect(await stores.conversations.turns("tg-1")).toEqual([]);
    fail = false;
    const ok = await conversations.staffReply(request, "Bel me op 06-12345678");
    expect(ok.sent).toBe(true);
    expect(sent[0]).not.toContain("06-12345678");
    expect((await stores.conversations.turns("tg-1")).map((t) => [t.role, t.text])).toEqual([["staff", sent[0]]]);
  });
});
