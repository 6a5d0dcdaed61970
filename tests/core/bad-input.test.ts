import { describe, expect, it } from "vitest";
import { Reply } from "../../src/core/index.js";
import { realAssistant } from "../helpers.js";

describe("bad input gets a clear reply, never a crash", () => {
  const assistant = realAssistant();
  const cases: Array<[string, string]> = [
    ["empty", ""],
    ["only spaces", "    \n\t  "],
    ["10,000 characters", "waarom ".repeat(1500)],
    ["only emoji", "😀🙈🎒"],
    ["another script", "我的孩子需要学校的帮助"],
    ["Arabic", "ابني يحتاج مساعدة في المدرسة"],
    ["an HTML tag", "<img src=x onerror=alert(1)>"],
    ["a script tag", "<script>alert('x')</script> wat is een opp"],
    ["control characters", "wat\u0000 is\u0007 een\u001b tlv\u0008"],
    ["a lone surrogate", "wat is \ud800 een opp"],
  ];

  it.each(cases)("%s", async (_name, text) => {
    const reply = await assistant.reply("bad", text);
    expect(Reply.safeParse(reply).success).toBe(true);
    expect(reply.text.length).toBeGreaterThan(10);
  });

  it("asks for a question when the message is empty", async () => {
    const reply = await assistant.reply("e", "   ");
    expect(reply.kind).toBe("clarify");
    expect(reply.text).toMatch(/geen vraag/);
  });

  it("says a message is too long and keeps the limit in the reply", async () => {
    const reply = await assistant.reply("l", "a".repeat(10_000));
    expect(reply.kind).toBe("clarify");
    expect(reply.text).toMatch(/te lang/);
    expect(reply.text).toMatch(/1000/);
  });

  it("still answers questions after bad input in the same conversation", async () => {
    await assistant.reply("same", "\u0000\u0000");
    const reply = await assistant.reply("same", "Wat is een TLV?");
    expect(reply.kind).toBe("answer");
  });

  it("answers a question wrapped in markup as text", async () => {
    const reply = await assistant.reply("m", "<b>wat is een opp</b>");
    expect(reply.kind).toBe("answer");
    expect(reply.answerId).toBe("opp-wat-is");
  });
});
