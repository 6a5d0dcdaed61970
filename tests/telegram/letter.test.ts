import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationIdOf } from "../../src/telegram/index.js";
import { docxText } from "../web/unzip.js";
import { parseTelegramHtml, type RecordedCall, type UploadedFile } from "./fake-bot-api.js";
import { callbackData, startHarness, type Harness } from "./harness.js";

// Making a letter in Telegram, end to end: real core, real grammY, real HTTP to the stand-in Bot API (which reads
// the multipart upload of sendDocument). What the parent types for the letter is not stored and not logged.

const MARK = "Kievit";

function plain(call: RecordedCall | undefined): string {
  const parsed = parseTelegramHtml(call?.payload.text ?? "");
  if (!parsed.ok) throw new Error(`invalid HTML: ${parsed.error}`);
  return parsed.text;
}

describe("a letter in Telegram", () => {
  let h: Harness;
  let chat = 500;

  beforeAll(async () => {
    h = await startHarness({ mode: "polling", store: "sqlite", config: { RATE_LIMIT_PER_MINUTE: 1000 } });
  });
  afterAll(async () => {
    await h.close();
  });

  /** Sends a message and waits for the bot's next message in that chat. */
  async function say(id: number, text: string): Promise<string> {
    const before = h.fake.sent(id).length;
    h.fake.pushUpdate(h.fake.message(id, text));
    const sent = await h.fake.waitForSent(before + 1, id);
    return plain(sent[before]);
  }

  it("offers the letter under its answer, asks its blanks one by one, and sends it as a .docx and as text", async () => {
    const id = ++chat;
    h.fake.pushUpdate(h.fake.message(id, "Hoe maak ik bezwaar tegen een besluit over een TLV?"));
    const [answer] = await h.fake.waitForSent(1, id);
    expect(callbackData(answer?.payload ?? {})).toContain("l:bezwaar-tlv");
    const button = (
      answer?.payload.reply_markup.inline_keyboard as Array<Array<{ text: string; callback_data: string }>>
    )
      .flat()
      .find((b) => b.callback_data === "l:bezwaar-tlv");
    expect(button?.text).toBe("Wil je hulp bij een bezwaarbrief tegen het TLV-besluit?");

    h.fake.pushUpdate(h.fake.callback(id, "l:bezwaar-tlv"));
    const started = await h.fake.waitForSent(3, id);
    expect(plain(started[1])).toContain("Bezwaar tegen een besluit over een toelaatbaarheidsverklaring (TLV)");
    expect(plain(started[1])).toContain("bewaar ik niet");
    const letter = h.assistant.letters().find((l) => l.id === "bezwaar-tlv");
    const fields = letter?.fields ?? [];
    expect(plain(started[2])).toContain(`Vraag 1 van ${fields.length}: Jouw naam`);

    for (const [i, field] of fields.entries()) {
      if (field.name === "besluitDatum") {
        // A date the bot cannot read is asked again.
        expect(await say(id, "vorige week")).toContain("Deze datum kan ik niet lezen");
      }
      const value =
        field.kind === "date"
          ? field.required
            ? "2 maart 2026"
            : "-"
          : field.required
            ? `${MARK} ${field.name}`
            : "-";
      if (i < fields.length - 1) expect(await say(id, value)).toContain(`Vraag ${i + 2} van ${fields.length}`);
      else h.fake.pushUpdate(h.fake.message(id, value));
    }

    await h.fake.waitFor(
      () => h.fake.callsOf("sendDocument").some((c) => c.payload.chat_id === id),
      10_000,
      "the document",
    );
    const doc = h.fake.callsOf("sendDocument").find((c) => c.payload.chat_id === id) as RecordedCall;
    expect(doc.ok).toBe(true);
    const file = doc.payload.document as UploadedFile;
    expect(file.filename).toBe("bezwaar-tlv.docx");
    const text = docxText(file.bytes);
    expect(text).toContain(`${MARK} ouderNaam`);
    expect(text).toContain("besluit van 2 maart 2026");
    expect(text).not.toContain("Kenmerk van het besluit");
    expect(doc.payload.caption).toContain("uiterlijk 13 april 2026");
    const sent = await h.fake
      .waitFor(() => plain(h.fake.sent(id).at(-1)).includes("Zo verstuur je de brief"), 5_000, "the letter as text")
      .then(() => h.fake.sent(id));
    const last = plain(sent.at(-1));
    expect(last).toContain(`${MARK} bezwaarGronden`);
    expect(last).toContain("Let op: uiterlijk 13 april 2026.");

    // The conversation keeps the question and its answer, nothing of the letter; the log has none of it either.
    const turns = await h.stores.conversations.turns(conversationIdOf(id));
    expect(turns.map((t) => t.role)).toEqual(["parent", "assistant"]);
    expect(JSON.stringify(turns)).not.toContain(MARK);
    // The handler logs when it is done, which may be just after the last message is sent (a busy machine).
    await h.fake.waitFor(() => h.logs.join("\n").includes("telegram: letter made"), 5_000, "the log line");
    expect(h.logs.join("\n")).not.toContain(MARK);

    // After the letter, a message is a question again.
    const next = await say(id, "Wat is een TLV?");
    expect(next).toContain("toelaatbaarheidsverklaring");
  });

  it("stops when the parent types stop, and forgets what was typed", async () => {
    const id = ++chat;
    h.fake.pushUpdate(h.fake.callback(id, "l:dossier-inzage"));
    await h.fake.waitForSent(2, id);
    expect(await say(id, `${MARK} naam`)).toContain("Vraag 2 van");
    expect(await say(id, "stop")).toContain("Je bent gestopt met de brief");
    expect(await say(id, "Wat is een OPP?")).toContain("ontwikkelingsperspectief");
    expect(h.fake.callsOf("sendDocument").some((c) => c.payload.chat_id === id)).toBe(false);
    expect(JSON.stringify(await h.stores.conversations.turns(conversationIdOf(id)))).not.toContain(MARK);
  });

  it("sends a long letter in several valid messages of at most 4,096 characters", async () => {
    const id = ++chat;
    h.fake.pushUpdate(h.fake.callback(id, "l:verzoek-gpo"));
    await h.fake.waitForSent(2, id);
    const fields = h.assistant.letters().find((l) => l.id === "verzoek-gpo")?.fields ?? [];
    const long = "Dit is een lange uitleg over wat er gebeurde op school & waarom <dat> niet klopt. "
      .repeat(45)
      .slice(0, 3900);
    for (const [i, field] of fields.entries()) {
      const value =
        field.kind === "date"
          ? field.required
            ? "2 maart 2026"
            : "-"
          : field.kind === "long"
            ? field.required
              ? long
              : "-"
            : `${MARK} ${field.name}`;
      if (i < fields.length - 1) await say(id, value);
      else h.fake.pushUpdate(h.fake.message(id, value));
    }
    await h.fake.waitFor(
      () => plain(h.fake.sent(id).at(-1)).includes("Zo verstuur je de brief"),
      10_000,
      "the long letter",
    );
    const after = h.fake.sent(id).slice(fields.length + 1);
    expect(after.length).toBeGreaterThan(1);
    for (const call of after) expect(plain(call).length).toBeLessThanOrEqual(4096);
    expect(after.map(plain).join("")).toContain("waarom <dat> niet klopt");
    expect(h.fake.callsOf("sendDocument").some((c) => c.payload.chat_id === id && c.ok)).toBe(true);
  });

  it("makes no letter in a group", async () => {
    const group = -9001;
    h.fake.pushUpdate(h.fake.callback(group, "l:bezwaar-tlv"));
    const [reply] = await h.fake.waitForSent(1, group);
    expect(plain(reply)).toContain("alleen in een privégesprek");
  });
});
