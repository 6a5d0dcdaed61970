import { describe, expect, it } from "vitest";
import { choices, createHandoffFlow, UNKNOWN_CODE } from "../../src/handoff/flow.js";
import { hashReturnCode, newReturnCode, readReturnCode } from "../../src/handoff/return-code.js";
import { parseOpeningHours } from "../../src/hours.js";
import { createMemoryStores } from "../../src/stores/index.js";
import type { Reply } from "../../src/core/index.js";

describe("return codes", () => {
  it("hands out codes of three groups of four without look-alikes, mixing letters and digits", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const { code, hash } = newReturnCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(code).toMatch(/\d/);
      expect(code).toMatch(/[A-Z]/);
      expect(hash).toBe(hashReturnCode(code.replaceAll("-", "")));
      expect(hash).not.toContain(code.replaceAll("-", ""));
      seen.add(code);
    }
    expect(seen.size).toBe(500);
  });

  it("reads a code however it is typed, and nothing else as a code", () => {
    const { code } = newReturnCode();
    const plain = code.replaceAll("-", "");
    for (const typed of [code, code.toLowerCase(), plain, ` ${code.replaceAll("-", " ")} `, plain.toLowerCase()])
      expect(readReturnCode(typed)).toBe(plain);
    for (const text of [
      "groetjes",
      "dankjewel hoor",
      "06 1234 5678",
      "0612345678",
      "1234 AB",
      "NL91ABNA0417164300",
      "Wat is een TLV?",
      "abcd efgh ijkl",
      "1234 5678 9012",
      `${code} en verder`,
    ])
      expect(readReturnCode(text)).toBeNull();
  });
});

describe("coming back with a return code", () => {
  const core = async (): Promise<Reply> => ({
    kind: "handoff",
    text: "core",
    answerId: null,
    confidence: 1,
    citations: [],
    nextSteps: [],
    suggestions: [],
  });

  function setup() {
    const stores = createMemoryStores();
    const flow = createHandoffFlow({ handoffs: stores.handoffs, hours: parseOpeningHours("altijd"), pollSeconds: 5 });
    return { stores, flow };
  }

  async function openRequest(flow: ReturnType<typeof setup>["flow"], channel: "web" | "telegram") {
    const ctx = { conversationId: `c-${channel}`, channel, chatRef: channel === "telegram" ? "42" : null };
    await flow.respond(ctx, "ik wil een mens", core);
    await flow.respond(ctx, choices.yes, core);
    return flow.respond(ctx, choices.chat, core);
  }

  it("gives the web parent a code once, and finds the open request with it from another conversation", async () => {
    const { stores, flow } = setup();
    const opened = await openRequest(flow, "web");
    const code = opened.handoff?.returnCode;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Never in the reply's (stored) text.
    expect(opened.reply.text).not.toContain(code);
    expect(opened.reply.text).toContain("terugkomcode");
    // Not handed out again: the view of the request has no code.
    expect((await flow.view("c-web"))?.returnCode).toBeUndefined();

    const other = { conversationId: "c-other", channel: "web" as const, chatRef: null, fresh: true };
    const back = await flow.resume(other, String(code).toLowerCase());
    expect(back).toMatchObject({ conversationId: "c-web", handoff: { status: "open" } });
    expect(back?.reply.text).toContain("Welkom terug.");

    // An ordinary message is no code; a wrong code is said to be unknown and opens nothing.
    expect(await flow.resume(other, "Wat is een TLV?")).toBeNull();
    const wrong = await flow.resume(other, "ABCD-EFGH-2345");
    expect(wrong).toMatchObject({ conversationId: "c-other", handoff: null, reply: { text: UNKNOWN_CODE } });

    // Closed: the code opens nothing any more.
    const [request] = await stores.handoffs.list(["open"]);
    await stores.handoffs.transition(String(request?.id), ["open"], { status: "closed", closedAt: new Date() });
    expect((await flow.resume(other, String(code)))?.conversationId).toBe("c-other");
  });

  it("gives Telegram no code, and leaves a code-like message of a parent with an open request to staff", async () => {
    const { flow } = setup();
    const telegram = await openRequest(flow, "telegram");
    expect(telegram.handoff?.returnCode).toBeUndefined();
    expect(
      await flow.resume({ conversationId: "c-telegram", channel: "telegram", chatRef: "42" }, "ABCD-EFGH-2345"),
    ).toBeNull();

    await openRequest(flow, "web");
    expect(await flow.resume({ conversationId: "c-web", channel: "web", chatRef: null }, "ABCD-EFGH-2345")).toBeNull();
  });
});
