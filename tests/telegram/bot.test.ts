import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Conversations } from "../../src/conversation/index.js";
import type { Assistant } from "../../src/core/index.js";
import type { Stores } from "../../src/stores/types.js";
import { conversationIdOf } from "../../src/telegram/index.js";
import { parseTelegramHtml, type RecordedCall } from "./fake-bot-api.js";
import {
  callbackData,
  LONG_PARAGRAPHS,
  sleep,
  startHarness,
  WEBHOOK_SECRET,
  WEBHOOK_URL,
  type Harness,
} from "./harness.js";

// The bot end to end: real core, real grammY and runner, real HTTP to a stand-in Bot API on loopback.

function expectValidHtml(call: RecordedCall): string {
  expect(call.payload.parse_mode).toBe("HTML");
  const parsed = parseTelegramHtml(call.payload.text);
  if (!parsed.ok) throw new Error(`invalid HTML: ${parsed.error}\n${call.payload.text}`);
  expect(parsed.text.length).toBeLessThanOrEqual(4096);
  for (const data of callbackData(call.payload)) expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(64);
  return parsed.text;
}

/** No log line may contain the token or the webhook secret. */
function expectNoSecretsIn(h: Harness) {
  const all = h.logs.join("\n");
  expect(all).not.toContain(h.fake.token);
  expect(all).not.toContain(h.fake.token.split(":")[1]);
  expect(all).not.toContain(WEBHOOK_SECRET);
}

describe("long polling", () => {
  let h: Harness;
  let chat = 100;
  const nextChat = () => ++chat;

  beforeAll(async () => {
    h = await startHarness({ mode: "polling", config: { RATE_LIMIT_PER_MINUTE: 5 } });
  });
  afterAll(async () => {
    await h.close();
    expectNoSecretsIn(h);
  });

  it("removes any webhook, registers the command menu and polls only the update types it handles", async () => {
    expect(h.fake.callsOf("deleteWebhook")).toHaveLength(1);
    const commands = h.fake.callsOf("setMyCommands")[0]?.payload.commands.map((c: { command: string }) => c.command);
    expect(commands).toEqual(expect.arrayContaining(["start", "help", "onderwerpen", "mens", "wissen", "privacy"]));
    await h.fake.waitFor(() => h.fake.callsOf("getUpdates").length > 0);
    expect(h.fake.callsOf("getUpdates")[0]?.payload.allowed_updates).toEqual([
      "message",
      "edited_message",
      "callback_query",
    ]);
  });

  it("answers /start with a welcome, what it can and cannot do, and a three-line privacy note", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "/start"));
    const [call] = await h.fake.waitForSent(1, id);
    const text = expectValidHtml(call as RecordedCall);
    expect(text).toContain("Wat kan ik?");
    expect(text).toContain("Wat kan ik niet?");
    const privacy = text
      .slice(text.indexOf("Privacy\n") + "Privacy\n".length)
      .trim()
      .split("\n");
    expect(privacy).toHaveLength(3);
    expect(privacy.join(" ")).toContain("/wissen");
  });

  it("answers a question in HTML with the answer, next steps, sources and buttons", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "Wat is een TLV?"));
    const [call] = await h.fake.waitForSent(1, id);
    const text = expectValidHtml(call as RecordedCall);
    const html: string = call?.payload.text;
    expect(html).toContain("<b>toelaatbaarheidsverklaring (TLV)</b>");
    expect(text).toContain("Wat kun je doen?");
    expect(text).toContain("Bronnen");
    expect(html).toMatch(/<a href="https:\/\/www\.rijksoverheid\.nl\/[^"]*">/);
    expect(text).toContain("Was dit nuttig?");
    const data = callbackData(call?.payload ?? {});
    expect(data).toContain("f:1:tlv-wat-is");
    expect(data).toContain("f:0:tlv-wat-is");
    expect(data.filter((d) => d.startsWith("e:")).length).toBeGreaterThan(0);
  });

  it("answers the entry of a tapped suggestion", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "Wat is een TLV?"));
    const [first] = await h.fake.waitForSent(1, id);
    const suggestion = callbackData(first?.payload ?? {}).find((d) => d.startsWith("e:")) as string;
    const entryId = suggestion.slice(2);
    const tap = h.fake.pushUpdate(h.fake.callback(id, suggestion));
    const sent = await h.fake.waitForSent(2, id);
    const text = expectValidHtml(sent[1] as RecordedCall);
    const answer = h.assistant.entry(entryId)?.answer ?? "";
    expect(text).toContain(answer.replace(/\*\*/g, "").split("\n")[0]?.slice(0, 60));
    expect(callbackData(sent[1]?.payload ?? {})).toContain(`f:1:${entryId}`);
    const answered = h.fake
      .callsOf("answerCallbackQuery")
      .find((c) => c.payload.callback_query_id === tap.callback_query.id);
    expect(answered).toBeDefined();
  });

  it("escapes < and & from the text, and keeps them readable", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.callback(id, "e:test-tekens"));
    const [call] = await h.fake.waitForSent(1, id);
    const text = expectValidHtml(call as RecordedCall);
    const html: string = call?.payload.text;
    expect(html).toContain("1 &lt; 2 &amp; 3 &gt; 2");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&amp;amp;");
    expect(html).not.toContain("<script");
    expect(text).toContain("Soms geldt 1 < 2 & 3 > 2.");
    expect(text).toContain("<script>alert(1)</script> of </b> en &amp; blijft gewone tekst.");
    expect(html).toContain("• <b>Vet</b> en a_b*c en [x](y) en `x`.");
  });

  it("sends a 5,000-character answer as two messages, split between paragraphs, with the buttons under the last", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.callback(id, "e:test-lange-uitleg"));
    const sent = await h.fake.waitForSent(2, id);
    await sleep(200);
    expect(h.fake.sent(id)).toHaveLength(2);
    const [one, two] = sent.map((c) => expectValidHtml(c));
    expect(one?.trim().endsWith(".")).toBe(true);
    // Every paragraph arrives whole, in order.
    const all = `${one}\n\n${two}`;
    let at = 0;
    for (const p of LONG_PARAGRAPHS) {
      const found = all.indexOf(p, at);
      expect(found).toBeGreaterThanOrEqual(0);
      at = found + p.length;
    }
    expect(sent[0]?.payload.reply_markup).toBeUndefined();
    expect(callbackData(sent[1]?.payload ?? {})).toContain("f:1:test-lange-uitleg");
  });

  it("waits out a 429 with retry_after and then delivers the message", async () => {
    const id = nextChat();
    h.fake.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      retry_after: 1,
    });
    h.fake.pushUpdate(h.fake.message(id, "Wat is een OPP?"));
    await h.fake.waitForSent(1, id, 8_000);
    const attempts = h.fake.callsOf("sendMessage").filter((c) => c.payload.chat_id === id);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.errorCode).toBe(429);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("sends a message Telegram cannot parse once more as plain text", async () => {
    const id = nextChat();
    h.fake.failNext("sendMessage", {
      error_code: 400,
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 3',
    });
    h.fake.pushUpdate(h.fake.message(id, "/help"));
    const [call] = await h.fake.waitForSent(1, id);
    expect(call?.payload.parse_mode).toBeUndefined();
    expect(call?.payload.text).toContain("Zo werkt het");
    expect(call?.payload.text).not.toMatch(/<\/?b>/);
    expect(h.fake.callsOf("sendMessage").filter((c) => c.payload.chat_id === id)).toHaveLength(2);
  });

  it("shows the topics, then the questions of a topic, and answers the chosen question", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "/onderwerpen"));
    const [topics] = await h.fake.waitForSent(1, id);
    expectValidHtml(topics as RecordedCall);
    const topicData = callbackData(topics?.payload ?? {});
    expect(topicData).toContain("t:opp");
    expect(topicData.length).toBe(h.assistant.topics().length);
    h.fake.pushUpdate(h.fake.callback(id, "t:opp"));
    const sent = await h.fake.waitForSent(2, id);
    expectValidHtml(sent[1] as RecordedCall);
    const questions = callbackData(sent[1]?.payload ?? {});
    const oppTopic = h.assistant.topics().find((t) => t.id === "opp");
    expect(questions.filter((d) => d.startsWith("e:"))).toEqual(oppTopic?.entries.map((e) => `e:${e.id}`));
    expect(questions).toContain("t:");
    h.fake.pushUpdate(h.fake.callback(id, questions[0] as string));
    const after = await h.fake.waitForSent(3, id);
    expect(callbackData(after[2]?.payload ?? {})).toContain(`f:1:${questions[0]?.slice(2)}`);
  });

  it("stores 👍/👎 feedback, thanks the parent and removes the feedback buttons", async () => {
    const id = nextChat();
    const keyboard = {
      inline_keyboard: [
        [{ text: "Vraag", callback_data: "e:tlv-bezwaar" }],
        [
          { text: "👍 Ja", callback_data: "f:1:tlv-wat-is" },
          { text: "👎 Nee", callback_data: "f:0:tlv-wat-is" },
        ],
      ],
    };
    h.fake.pushUpdate(h.fake.callback(id, "f:0:tlv-wat-is", { reply_markup: keyboard }));
    const [sorry] = await h.fake.waitForSent(1, id);
    expect(sorry?.payload.text).toContain("/mens");
    const feedback = await h.stores.feedback.list();
    expect(feedback).toContainEqual(
      expect.objectContaining({ conversationId: conversationIdOf(id), answerId: "tlv-wat-is", helpful: false }),
    );
    const thanks = h.fake.callsOf("answerCallbackQuery").at(-1);
    expect(thanks?.payload.text).toBe("Dank je wel!");
    const edit = h.fake.callsOf("editMessageReplyMarkup").at(-1);
    expect(edit?.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Vraag", callback_data: "e:tlv-bezwaar" }]],
    });
  });

  it("answers stickers, photos, locations and edited messages with a short note, and ignores service messages", async () => {
    const id = nextChat();
    const base = h.fake.message(id, "x").message;
    const noText = { ...base, text: undefined };
    h.fake.pushUpdate({
      update_id: h.fake.newUpdateId(),
      message: {
        ...noText,
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    });
    h.fake.pushUpdate({
      update_id: h.fake.newUpdateId(),
      message: { ...noText, photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] },
    });
    h.fake.pushUpdate({
      update_id: h.fake.newUpdateId(),
      message: { ...noText, location: { latitude: 52.1, longitude: 5.1 } },
    });
    h.fake.pushUpdate({ update_id: h.fake.newUpdateId(), message: { ...noText, new_chat_title: "Nieuwe naam" } });
    h.fake.pushUpdate({
      update_id: h.fake.newUpdateId(),
      edited_message: { ...base, text: "Wat is een OPP?", edit_date: Number(base.date) + 5 },
    });
    const sent = await h.fake.waitForSent(4, id);
    await sleep(300);
    expect(h.fake.sent(id)).toHaveLength(4);
    expect(sent.slice(0, 3).every((c) => c.payload.text.includes("alleen tekst"))).toBe(true);
    expect(sent[3]?.payload.text).toContain("aangepast");
  });

  it("in a group answers only when addressed: a mention, a reply to the bot, or its own command", async () => {
    const group = -(nextChat() * 1000);
    const me = h.fake.botInfo;
    h.fake.pushUpdate(h.fake.message(group, "Wat is een TLV?"));
    h.fake.pushUpdate(h.fake.message(group, "/help@een_andere_bot"));
    const mention = `@${me.username}`;
    const mentioned = h.fake.message(group, `${mention} wat is een TLV?`, {
      entities: [{ type: "mention", offset: 0, length: mention.length }],
    });
    h.fake.pushUpdate(mentioned);
    const [answer] = await h.fake.waitForSent(1, group);
    expect(callbackData(answer?.payload ?? {})).toContain("f:1:tlv-wat-is");
    expect(answer?.payload.reply_parameters?.message_id).toBe(mentioned.message.message_id);
    h.fake.pushUpdate(
      h.fake.message(group, "En hoe vraag ik die aan?", {
        reply_to_message: {
          message_id: 1,
          date: 0,
          chat: { id: group, type: "group", title: "g" },
          from: { id: me.id, is_bot: true, first_name: "Ouderwijzer" },
        },
      }),
    );
    h.fake.pushUpdate(h.fake.message(group, `/help@${me.username}`));
    await h.fake.waitForSent(3, group);
    await sleep(300);
    expect(h.fake.sent(group)).toHaveLength(3);
  });

  it("limits a chat that sends too much, with one friendly warning", async () => {
    const id = nextChat();
    for (let i = 0; i < 9; i++) h.fake.pushUpdate(h.fake.message(id, "/help"));
    await h.fake.waitForSent(6, id);
    await sleep(400);
    const sent = h.fake.sent(id);
    expect(sent).toHaveLength(6);
    expect(sent.filter((c) => c.payload.text.includes("Wacht even"))).toHaveLength(1);
    // Another chat is not affected.
    const other = nextChat();
    h.fake.pushUpdate(h.fake.message(other, "/help"));
    await h.fake.waitForSent(1, other);
  });

  it("keys conversations by a hash of the chat id and erases them on /wissen", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "Mijn nummer is 0612345678. Wat is een OPP?"));
    await h.fake.waitForSent(1, id);
    const conversation = `tg-${createHash("sha256").update(String(id)).digest("hex")}`;
    expect(conversationIdOf(id)).toBe(conversation);
    // The transcript is written right after the reply is sent.
    await vi.waitFor(async () =>
      expect((await h.stores.conversations.turns(conversation)).map((t) => t.role)).toEqual(["parent", "assistant"]),
    );
    expect(await h.stores.conversations.exists(conversation)).toBe(true);
    const turns = await h.stores.conversations.turns(conversation);
    expect(turns[0]?.channel).toBe("telegram");
    expect(turns[0]?.text).not.toContain("0612345678");
    h.fake.pushUpdate(h.fake.message(id, "/wissen"));
    const sent = await h.fake.waitForSent(2, id);
    expect(sent[1]?.payload.text).toContain("gewist");
    expect(sent[1]?.payload.text).toContain("Wis chat");
    expect(await h.stores.conversations.exists(conversation)).toBe(false);
    expect(h.logs.join("\n")).not.toContain("0612345678");
    expect(h.logs.join("\n")).not.toContain(`"chat":${id}`);
  });

  it("tells how to reach a person on /mens, with & escaped", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "/mens"));
    const [call] = await h.fake.waitForSent(1, id);
    const text = expectValidHtml(call as RecordedCall);
    expect(text).toContain("0800-5010");
    expect(call?.payload.text).toContain("Ouders &amp; Onderwijs");
  });

  it("sends crisis help first and alone: no buttons, no sources", async () => {
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "Mijn kind wil niet meer leven"));
    const [call] = await h.fake.waitForSent(1, id);
    const text = expectValidHtml(call as RecordedCall);
    expect(text.startsWith("Is er direct gevaar? Bel 112.")).toBe(true);
    expect(text).toContain("113");
    expect(text).not.toContain("Bronnen");
    expect(call?.payload.reply_markup).toBeUndefined();
  });

  it("keeps running while the Bot API is down and picks up again when it returns", async () => {
    await h.fake.down();
    await sleep(1_500);
    await h.fake.up();
    const id = nextChat();
    h.fake.pushUpdate(h.fake.message(id, "Wat is een OPP?"));
    await h.fake.waitForSent(1, id, 10_000);
    const again = nextChat();
    h.fake.pushUpdate(h.fake.message(again, "/help"));
    await h.fake.waitForSent(1, again);
    expect(h.logs.some((l) => l.includes("Bot API unreachable"))).toBe(true);
    expect(h.logs.some((l) => l.includes("Bot API reachable again"))).toBe(true);
  });
});

describe.each(["memory", "sqlite"] as const)("webhook (%s stores)", (store) => {
  let h: Harness;
  let failLedger = false;
  let chat = 5000;
  const nextChat = () => ++chat;

  beforeAll(async () => {
    h = await startHarness({
      mode: "webhook",
      store,
      wrapStores: (stores: Stores): Stores => ({
        ...stores,
        updates: {
          claim: async (id) => {
            if (failLedger) throw new Error("stores: database unavailable");
            return stores.updates.claim(id);
          },
          purgeOlderThan: (cutoff) => stores.updates.purgeOlderThan(cutoff),
        },
      }),
      wrapAssistant: (assistant: Assistant): Assistant => ({
        ...assistant,
        reply: async (id, text) => {
          if (text === "boem") throw new Error("a bug in handling");
          return assistant.reply(id, text);
        },
      }),
    });
  });
  afterAll(async () => {
    await h.close();
    expectNoSecretsIn(h);
  });

  it("registers the webhook with its secret token and the update types it handles", () => {
    const [set] = h.fake.callsOf("setWebhook");
    expect(set?.payload).toEqual({
      url: WEBHOOK_URL,
      secret_token: WEBHOOK_SECRET,
      allowed_updates: ["message", "edited_message", "callback_query"],
      max_connections: 40,
      drop_pending_updates: false,
    });
    expect(h.fake.callsOf("getWebhookInfo")).toHaveLength(1);
    expect(h.fake.callsOf("getUpdates")).toHaveLength(0);
    expect(h.fake.callsOf("setMyCommands")).toHaveLength(1);
  });

  it("answers 401 without or with a wrong secret, stores nothing, and handles the update with the right one", async () => {
    const id = nextChat();
    const update = h.fake.message(id, "/help");
    expect((await h.postUpdate(update, null)).status).toBe(401);
    expect((await h.postUpdate(update, "wrong-secret")).status).toBe(401);
    expect((await h.postUpdate(update, `${WEBHOOK_SECRET}x`)).status).toBe(401);
    await sleep(200);
    expect(h.fake.sent(id)).toHaveLength(0);
    // Nothing was claimed: the same update id is still new.
    expect((await h.postUpdate(update)).status).toBe(200);
    const [call] = await h.fake.waitForSent(1, id);
    expectValidHtml(call as RecordedCall);
  });

  it("answers a redelivered update once, also when the copies arrive at the same time", async () => {
    const id = nextChat();
    const update = h.fake.message(id, "Wat is een TLV?");
    expect((await h.postUpdate(update)).status).toBe(200);
    expect((await h.postUpdate(update)).status).toBe(200);
    const twice = h.fake.message(id, "/privacy");
    const statuses = await Promise.all([1, 2, 3].map(() => h.postUpdate(twice).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200]);
    await h.fake.waitForSent(2, id);
    await sleep(300);
    expect(h.fake.sent(id)).toHaveLength(2);
    // A lower id than before is a new update (ids restart at random after a quiet week).
    const lower = { ...h.fake.message(id, "/help"), update_id: 7 };
    expect((await h.postUpdate(lower)).status).toBe(200);
    await h.fake.waitForSent(3, id);
  });

  it("answers 503 only when the update cannot be stored, and handles it when Telegram delivers it again", async () => {
    const id = nextChat();
    const update = h.fake.message(id, "/help");
    failLedger = true;
    const res = await h.postUpdate(update);
    failLedger = false;
    expect(res.status).toBe(503);
    await sleep(200);
    expect(h.fake.sent(id)).toHaveLength(0);
    expect((await h.postUpdate(update)).status).toBe(200);
    await h.fake.waitForSent(1, id);
  });

  it("answers 200 when handling fails, gives the parent a kind reply, and the chat goes on", async () => {
    const id = nextChat();
    expect((await h.postUpdate(h.fake.message(id, "boem"))).status).toBe(200);
    const [sorry] = await h.fake.waitForSent(1, id);
    expect(sorry?.payload.text).toContain("er ging iets mis");
    expect((await h.postUpdate(h.fake.message(id, "/help"))).status).toBe(200);
    await h.fake.waitForSent(2, id);
  });

  it("answers at once while a 429 wait happens in the worker, and the message still arrives", async () => {
    const id = nextChat();
    h.fake.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 2",
      retry_after: 2,
    });
    const started = Date.now();
    const res = await h.postUpdate(h.fake.message(id, "Wat is een OPP?"));
    const ackMs = Date.now() - started;
    expect(res.status).toBe(200);
    expect(ackMs).toBeLessThan(1_000);
    await h.fake.waitForSent(1, id, 8_000);
    const attempts = h.fake.callsOf("sendMessage").filter((c) => c.payload.chat_id === id);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1_950);
  });

  it("keeps each chat's order while handling chats side by side", async () => {
    const a = nextChat();
    const b = nextChat();
    const order = ["/help", "/privacy", "/start", "/onderwerpen"];
    for (const text of order) {
      expect((await h.postUpdate(h.fake.message(a, text))).status).toBe(200);
      expect((await h.postUpdate(h.fake.message(b, text))).status).toBe(200);
    }
    const sentA = await h.fake.waitForSent(4, a);
    const sentB = await h.fake.waitForSent(4, b);
    const kinds = (calls: RecordedCall[]) =>
      calls.map((c) =>
        c.payload.text.includes("Zo werkt het")
          ? "/help"
          : c.payload.text.startsWith("<b>Privacy")
            ? "/privacy"
            : c.payload.text.startsWith("Hoi!")
              ? "/start"
              : "/onderwerpen",
      );
    expect(kinds(sentA)).toEqual(order);
    expect(kinds(sentB)).toEqual(order);
  });

  it("acknowledges an update type it does not handle and ignores it", async () => {
    const res = await h.postUpdate({
      update_id: 990_001,
      my_chat_member: {
        chat: { id: 1, type: "private" },
        from: { id: 1, is_bot: false, first_name: "x" },
        date: 0,
        old_chat_member: { status: "member", user: { id: 1, is_bot: false, first_name: "x" } },
        new_chat_member: { status: "kicked", until_date: 0, user: { id: 1, is_bot: false, first_name: "x" } },
      },
    });
    expect(res.status).toBe(200);
    const bad = await h.postUpdate({ hello: "world" });
    expect(bad.status).toBe(400);
  });

  it("delivers a reply when the Bot API comes back after an outage", async () => {
    const id = nextChat();
    await h.fake.down();
    expect((await h.postUpdate(h.fake.message(id, "Wat is een TLV?"))).status).toBe(200);
    await sleep(500);
    await h.fake.up();
    await h.fake.waitForSent(1, id, 8_000);
    const next = nextChat();
    expect((await h.postUpdate(h.fake.message(next, "/help"))).status).toBe(200);
    await h.fake.waitForSent(1, next);
  });
});

describe("start-up", () => {
  it("goes on when the Bot API is down at start-up, and connects when it comes up", async () => {
    const { FakeBotApi } = await import("./fake-bot-api.js");
    const fake = await FakeBotApi.start();
    await fake.down();
    const h = await startHarness({ mode: "polling", fake });
    try {
      expect(h.logs.some((l) => l.includes("not reachable at start-up"))).toBe(true);
      await fake.up();
      await fake.waitFor(() => fake.callsOf("getUpdates").length > 0, 8_000, "polling");
      fake.pushUpdate(fake.message(42, "/start"));
      await fake.waitForSent(1, 42);
    } finally {
      await h.close();
      await fake.close();
    }
  });

  it("refuses to create a channel without a token", async () => {
    const { ConfigSchema } = await import("../../src/config.js");
    const { createTelegramChannel, TelegramSetupError } = await import("../../src/telegram/index.js");
    const { createMemoryStores } = await import("../../src/stores/index.js");
    const { default: pino } = await import("pino");
    const config = ConfigSchema.parse({});
    expect(() =>
      createTelegramChannel({
        config,
        logger: pino({ level: "silent" }),
        assistant: {} as Assistant,
        stores: createMemoryStores(),
        conversations: {} as Conversations,
      }),
    ).toThrow(TelegramSetupError);
  });

  it("fails start-up with a clear error when Telegram refuses the token", async () => {
    const { FakeBotApi } = await import("./fake-bot-api.js");
    const fake = await FakeBotApi.start({ token: "999:WRONG-token_abcdefghijklmnopqrstuvwxyz" });
    const other = await FakeBotApi.start();
    try {
      // The channel uses `other`'s token against `fake`, which knows a different one.
      await expect(
        startHarness({ mode: "polling", fake: other, config: { TELEGRAM_API_ROOT: fake.apiRoot } }),
      ).rejects.toThrow(/refused the token/);
    } finally {
      await fake.close();
      await other.close();
    }
  });
});
