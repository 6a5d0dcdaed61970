import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationIdOf } from "../../src/telegram/index.js";
import { parseTelegramHtml, type RecordedCall } from "./fake-bot-api.js";
import { callbackData, startHarness, type Harness } from "./harness.js";

// Buttons do what their labels say (issue 13): every button carries its action (an entry, a letter, the handoff, a
// text to send) instead of a label that is searched for, and goes through the handoff dialogue like typed text.

function textOf(call: RecordedCall | undefined): string {
  const parsed = parseTelegramHtml(String(call?.payload.text ?? ""));
  if (!parsed.ok) throw new Error(`invalid HTML: ${parsed.error}`);
  return parsed.text;
}

/** The inline buttons of a sent message: label and callback data. */
function buttons(call: RecordedCall | undefined): Array<{ text: string; data: string }> {
  const rows: Array<Array<{ text: string; callback_data?: string }>> =
    call?.payload.reply_markup?.inline_keyboard ?? [];
  return rows.flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
}

describe("Telegram buttons", () => {
  let h: Harness;
  let chat = 7100;
  const nextChat = () => ++chat;

  beforeAll(async () => {
    h = await startHarness({ mode: "polling", config: { OPENING_HOURS: "altijd" } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("opens the handoff dialogue from /start's person button, not the entry about the College voor de Rechten van de Mens", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "/start"));
    const [welcome] = await h.fake.waitForSent(1, id);
    const person = buttons(welcome).find((b) => /mens/i.test(b.text));
    expect(person).toEqual({ text: "Ik wil met een mens praten", data: "i:handoff" });
    h.fake.pushUpdate(h.fake.callback(id, person?.data ?? ""));
    const sent = await h.fake.waitForSent(2, id);
    const text = textOf(sent[1]);
    expect(text).not.toMatch(/College voor de Rechten van de Mens/i);
    expect(text).toContain("Mag de medewerker dit gesprek lezen?");
    // The dialogue's answers as a one-time reply keyboard, and a request waiting for consent.
    expect(sent[1]?.payload.reply_markup?.keyboard).toEqual([
      [{ text: "Ja, dat mag" }],
      [{ text: "Nee, liever niet" }],
    ]);
    expect((await h.stores.handoffs.active(conversationIdOf(id)))?.status).toBe("consent");
  });

  it("answers /start's question buttons as if the question was typed", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "/start"));
    const [welcome] = await h.fake.waitForSent(1, id);
    const tlv = buttons(welcome).find((b) => b.text === "Wat is een TLV?");
    expect(tlv?.data).toBe("x:Wat is een TLV?");
    h.fake.pushUpdate(h.fake.callback(id, tlv?.data ?? ""));
    const sent = await h.fake.waitForSent(2, id);
    expect(callbackData(sent[1]?.payload ?? {})).toContain("f:1:tlv-wat-is");
  });

  it("lets the fallback's buttons do what their labels say: 'Wat kun jij allemaal?' explains the bot", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "Hoe laat vertrekt de trein naar Parijs?"));
    const [fallback] = await h.fake.waitForSent(1, id);
    expect(buttons(fallback).map((b) => b.data)).toEqual(["x:Wat is passend onderwijs?", "x:Wat kun jij allemaal?"]);
    h.fake.pushUpdate(h.fake.callback(id, "x:Wat kun jij allemaal?"));
    const sent = await h.fake.waitForSent(2, id);
    expect(textOf(sent[1])).toContain("Ik ben een digitale assistent, geen mens.");
    // Its own person button opens the handoff too.
    expect(buttons(sent[1]).find((b) => b.text === "Ik wil met een mens praten")?.data).toBe("i:handoff");
    // Both turns are in the transcript, the tapped text as the parent's.
    const turns = await h.stores.conversations.turns(conversationIdOf(id));
    expect(turns.map((t) => t.text).slice(2, 3)).toEqual(["Wat kun jij allemaal?"]);
  });

  it("sends a tapped entry through the handoff dialogue like typed text: it ends an unfinished dialogue", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "Wat is een TLV?"));
    const [answer] = await h.fake.waitForSent(1, id);
    const entry = callbackData(answer?.payload ?? {}).find((d) => d.startsWith("e:")) as string;
    h.fake.pushUpdate(h.fake.message(id, "/mens"));
    await h.fake.waitForSent(2, id);
    expect((await h.stores.handoffs.active(conversationIdOf(id)))?.status).toBe("consent");
    h.fake.pushUpdate(h.fake.callback(id, entry));
    const sent = await h.fake.waitForSent(3, id);
    expect(callbackData(sent[2]?.payload ?? {})).toContain(`f:1:${entry.slice(2)}`);
    expect(await h.stores.handoffs.active(conversationIdOf(id))).toBeUndefined();
  });
});
