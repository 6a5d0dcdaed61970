import fc from "fast-check";
import type { InlineKeyboardMarkup } from "grammy/types";
import { describe, expect, it } from "vitest";
import {
  CALLBACK_DATA_MAX_BYTES,
  decodeCallback,
  encodeCallback,
  replyKeyboard,
  topicQuestionsKeyboard,
  topicsKeyboard,
  type CallbackAction,
} from "../../src/telegram/keyboards.js";
import { realAssistant } from "../helpers.js";

const SEED = 20261123;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("callback data", () => {
  const assistant = realAssistant();
  const entryIds = assistant.topics().flatMap((t) => t.entries.map((e) => e.id));

  it("fits every entry, topic and feedback button of the knowledge base in 64 bytes, and decodes back", () => {
    const actions: CallbackAction[] = [
      ...entryIds.map((entryId) => ({ kind: "entry" as const, entryId })),
      ...entryIds.flatMap((answerId) =>
        [true, false].map((helpful) => ({ kind: "feedback" as const, answerId, helpful })),
      ),
      ...assistant.topics().map((t) => ({ kind: "topic" as const, topicId: t.id })),
      { kind: "topic", topicId: null },
      ...assistant.letters().map((l) => ({ kind: "letter" as const, letterId: l.id })),
    ];
    for (const action of actions) {
      const data = encodeCallback(action);
      expect(data, JSON.stringify(action)).toBeDefined();
      expect(bytes(data as string)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(decodeCallback(data)).toEqual(action);
    }
  });

  it("never makes data over 64 bytes or from anything but a knowledge id (fuzzed with diacritics)", () => {
    const id = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.array(fc.constantFrom("a", "ë", "é", "-", "z", "0", "ĳ", " ", "😀"), { maxLength: 80 }).map((c) => c.join("")),
      fc.stringMatching(/^[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,4}$/),
    );
    fc.assert(
      fc.property(id, fc.boolean(), fc.constantFrom("entry", "topic", "feedback", "letter"), (s, helpful, kind) => {
        const action: CallbackAction =
          kind === "entry"
            ? { kind, entryId: s }
            : kind === "topic"
              ? { kind, topicId: s }
              : kind === "letter"
                ? { kind, letterId: s }
                : { kind: "feedback", answerId: s, helpful };
        const data = encodeCallback(action);
        if (data === undefined) return;
        expect(bytes(data)).toBeLessThanOrEqual(64);
        expect(/^[a-z0-9:-]+$/.test(data.replace(/^t:$/, "t"))).toBe(true);
        expect(decodeCallback(data)).toEqual(action);
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it("decodes anything without throwing, and only what the bot makes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 100 }), (s) => {
        const action = decodeCallback(s);
        if (action) expect(encodeCallback(action)).toBe(s);
      }),
      { seed: SEED, numRuns: 2_000 },
    );
    expect(decodeCallback("e:Jan de Vries")).toBeUndefined();
    expect(decodeCallback(`e:${"a".repeat(70)}`)).toBeUndefined();
  });
});

describe("keyboards", () => {
  const assistant = realAssistant();
  const allData = (markup: InlineKeyboardMarkup | undefined) =>
    (markup?.inline_keyboard ?? []).flat().map((b) => ("callback_data" in b ? b.callback_data : ""));

  it("turns every suggestion of every answer into a button for its entry (a letter offer: for its letter), and adds feedback buttons", async () => {
    for (const topic of assistant.topics()) {
      for (const { id } of topic.entries) {
        const reply = await assistant.replyWithEntry("k", id);
        if (!reply) throw new Error(id);
        const data = allData(replyKeyboard(reply));
        for (const d of data) expect(bytes(d)).toBeLessThanOrEqual(64);
        const entries = data.filter((d) => d.startsWith("e:")).map((d) => d.slice(2));
        // Each suggestion's choice names its entry (a letter offer: its letter); no label is searched for.
        expect(reply.choices?.map((c) => c.label)).toEqual(reply.suggestions);
        const expected = (reply.choices ?? [])
          .flatMap((c) => (c.action.type === "entry" ? [c.action.answerId] : []))
          .filter((e) => e !== id);
        expect(entries).toEqual([...new Set(expected)]);
        expect(data.filter((d) => d.startsWith("l:"))).toEqual((reply.letters ?? []).map((l) => `l:${l.id}`));
        expect(data).toContain(`f:1:${id}`);
        expect(data).toContain(`f:0:${id}`);
      }
    }
  });

  it("gives a crisis reply no keyboard", async () => {
    const reply = await assistant.reply("crisis", "Mijn kind wil niet meer leven");
    expect(reply.kind).toBe("crisis");
    expect(replyKeyboard(reply)).toBeUndefined();
  });

  it("lists all topics, and each topic's questions with a way back", () => {
    const topics = topicsKeyboard(assistant);
    expect(allData(topics)).toEqual(assistant.topics().map((t) => `t:${t.id}`));
    for (const t of assistant.topics()) {
      const data = allData(topicQuestionsKeyboard(t));
      expect(data).toEqual([...t.entries.map((e) => `e:${e.id}`), "t:"]);
    }
  });
});
