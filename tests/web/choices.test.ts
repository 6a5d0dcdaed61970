import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/index.js";
import { postJson, startTestService, type TestService } from "./harness.js";

// POST /api/chat with a tapped choice: `action` says what to do, `text` stays the label the parent tapped.

interface ChatBody {
  conversationId: string;
  reply: Reply;
  handoff: { status: string } | null;
}

describe("POST /api/chat with a chosen action", () => {
  let s: TestService;
  beforeAll(async () => {
    s = await startTestService({ OPENING_HOURS: "altijd" });
  });
  afterAll(async () => {
    await s.close();
  });

  const chat = async (body: unknown) => {
    const res = await postJson(`${s.url}/api/chat`, body);
    return { status: res.status, body: (await res.json()) as ChatBody & { error?: string } };
  };

  it("answers the chosen entry and records its question as the parent's turn", async () => {
    const { status, body } = await chat({
      text: "Wat is een TLV?",
      action: { type: "entry", answerId: "tlv-bezwaar" },
    });
    expect(status).toBe(200);
    expect(body.reply.answerId).toBe("tlv-bezwaar");
    expect(body.reply.choices?.map((c) => c.label)).toEqual(body.reply.suggestions);
    const turns = (await (await fetch(`${s.url}/api/conversations/${body.conversationId}`)).json()) as {
      turns: Array<{ text: string }>;
    };
    expect(turns.turns[0]?.text).toBe(body.reply.question);
  });

  it("opens the handoff dialogue for the handoff intent", async () => {
    const { body } = await chat({ text: "Ik wil met een mens praten", action: { type: "intent", intent: "handoff" } });
    expect(body.reply.kind).toBe("handoff");
    expect(body.handoff?.status).toBe("consent");
  });

  it("answers an entry it no longer knows as the text", async () => {
    const { body } = await chat({ text: "Wat is een TLV?", action: { type: "entry", answerId: "bestaat-niet" } });
    expect(body.reply.answerId).toBe("tlv-wat-is");
  });

  it("refuses an action it does not know with 400", async () => {
    const { status, body } = await chat({ text: "Wat is een TLV?", action: { type: "letter", letterId: "x" } });
    expect(status).toBe(400);
    expect(body.error).toBeTruthy();
  });
});
