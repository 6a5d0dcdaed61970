import { describe, expect, it } from "vitest";
import { createMemoryStores, maskPersonalData, maskingStores } from "../../src/stores/index.js";
import { createMemoryBackend } from "../../src/stores/memory.js";

// Masking is applied once, by maskingStores around a backend; the backends themselves write what they are given.

const parentText = "Mail me op ouder@example.nl\u0000 of bel 06-12345678\uD800";
const masked = "Mail me op [e-mail] of bel [telefoon]\uFFFD";

describe("maskingStores", () => {
  it("leaves the backend itself writing what it is given", async () => {
    const raw = createMemoryBackend();
    await raw.conversations.appendTurn("c1", { role: "parent", text: parentText, channel: "web" });
    expect((await raw.conversations.turns("c1"))[0]?.text).toBe(parentText);
  });

  it("masks parent, assistant and staff turns, one by one and several at once", async () => {
    const stores = maskingStores(createMemoryBackend(), maskPersonalData);
    await stores.conversations.appendTurn("c1", { role: "parent", text: parentText, channel: "web" });
    await stores.conversations.appendTurns("c1", [
      { role: "assistant", text: `Bekend: ${parentText}`, channel: "web" },
      { role: "staff", text: `Ik bel u op 06-12345678`, channel: "console" },
    ]);
    expect((await stores.conversations.turns("c1")).map((t) => t.text)).toEqual([
      masked,
      `Bekend: ${masked}`,
      "Ik bel u op [telefoon]",
    ]);
  });

  it("masks feedback comments and keeps feedback without one", async () => {
    const stores = maskingStores(createMemoryBackend(), maskPersonalData);
    await stores.feedback.add({ conversationId: "c1", answerId: "a", helpful: false, comment: parentText });
    await stores.feedback.add({ conversationId: "c1", answerId: "a", helpful: true });
    expect((await stores.feedback.list()).map((f) => f.comment)).toEqual([masked, null]);
  });

  it("makes a handoff contact storable without masking it, and leaves other patches alone", async () => {
    const stores = maskingStores(createMemoryBackend(), maskPersonalData);
    const h = await stores.handoffs.start({ conversationId: "c1", channel: "web", chatRef: null });
    const contact = await stores.handoffs.transition(h.id, ["consent"], {
      status: "contact",
      contactKind: "email",
      contactValue: "ouder@example.nl\u0000",
    });
    expect(contact?.contactValue).toBe("ouder@example.nl");
    const open = await stores.handoffs.transition(h.id, ["contact"], { status: "open" });
    expect(open?.contactValue).toBe("ouder@example.nl");
  });

  it("uses the masker it is given, as the composed stores do", async () => {
    const stores = createMemoryStores({ mask: (text) => text.toUpperCase() });
    await stores.conversations.appendTurn("c1", { role: "parent", text: "hoi\u0000", channel: "web" });
    expect((await stores.conversations.turns("c1"))[0]?.text).toBe("HOI");
    expect(stores.kind).toBe("memory");
  });
});
