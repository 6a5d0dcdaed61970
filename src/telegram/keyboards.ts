import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Assistant, Reply, ReplyAction, ReplyChoice } from "../core/index.js";
import { texts } from "./texts.js";

// Callback data is short and opaque: a one-letter kind and a knowledge id, or (for a suggestion that sends a text,
// such as "Wat kun jij allemaal?") the knowledge base's own suggestion text. Never user text, never a name.
// Telegram allows at most 64 bytes (UTF-8); a button whose data would be longer is left out.

export const CALLBACK_DATA_MAX_BYTES = 64;

export type CallbackAction =
  | { kind: "entry"; entryId: string }
  | { kind: "topic"; topicId: string | null }
  | { kind: "feedback"; answerId: string; helpful: boolean }
  | { kind: "letter"; letterId: string }
  | { kind: "intent"; intent: "handoff" }
  | { kind: "text"; text: string };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Encodes an action as callback data; undefined when it would not fit in 64 bytes or the id is not a knowledge id. */
export function encodeCallback(action: CallbackAction): string | undefined {
  let data: string;
  if (action.kind === "entry") {
    if (!ID.test(action.entryId)) return undefined;
    data = `e:${action.entryId}`;
  } else if (action.kind === "topic") {
    if (action.topicId !== null && !ID.test(action.topicId)) return undefined;
    data = `t:${action.topicId ?? ""}`;
  } else if (action.kind === "letter") {
    if (!ID.test(action.letterId)) return undefined;
    data = `l:${action.letterId}`;
  } else if (action.kind === "intent") {
    data = `i:${action.intent}`;
  } else if (action.kind === "text") {
    if (action.text === "") return undefined;
    data = `x:${action.text}`;
  } else {
    if (!ID.test(action.answerId)) return undefined;
    data = `f:${action.helpful ? 1 : 0}:${action.answerId}`;
  }
  return Buffer.byteLength(data, "utf8") <= CALLBACK_DATA_MAX_BYTES ? data : undefined;
}

/** Decodes callback data; undefined for anything the bot did not make. */
export function decodeCallback(data: string | undefined): CallbackAction | undefined {
  if (!data || Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES) return undefined;
  let m = /^e:(.+)$/.exec(data);
  if (m?.[1] && ID.test(m[1])) return { kind: "entry", entryId: m[1] };
  m = /^t:(.*)$/.exec(data);
  if (m)
    return m[1] === ""
      ? { kind: "topic", topicId: null }
      : m[1] && ID.test(m[1])
        ? { kind: "topic", topicId: m[1] }
        : undefined;
  m = /^l:(.+)$/.exec(data);
  if (m?.[1] && ID.test(m[1])) return { kind: "letter", letterId: m[1] };
  m = /^f:([01]):(.+)$/.exec(data);
  if (m?.[2] && ID.test(m[2])) return { kind: "feedback", answerId: m[2], helpful: m[1] === "1" };
  if (data === "i:handoff") return { kind: "intent", intent: "handoff" };
  m = /^x:(.+)$/su.exec(data);
  if (m?.[1]) return { kind: "text", text: m[1] };
  return undefined;
}

/** The callback of a choice's action: what tapping the button does. */
export function callbackOf(action: ReplyAction): CallbackAction {
  switch (action.type) {
    case "entry":
      return { kind: "entry", entryId: action.answerId };
    case "letter":
      return { kind: "letter", letterId: action.letterId };
    case "intent":
      return { kind: "intent", intent: action.intent };
    case "text":
      return { kind: "text", text: action.text };
  }
}

/** The choices of a reply; a reply without them (from elsewhere than the core) offers its suggestions as texts. */
export function choicesOf(reply: Pick<Reply, "choices" | "suggestions">): ReplyChoice[] {
  return reply.choices ?? reply.suggestions.map((label) => ({ label, action: { type: "text", text: label } }));
}

/** Telegram shows about this many characters on a button; longer labels are shortened with an ellipsis. */
const BUTTON_LABEL_MAX = 120;

function label(text: string): string {
  const t = text.trim();
  return t.length <= BUTTON_LABEL_MAX ? t : `${t.slice(0, BUTTON_LABEL_MAX - 1).trimEnd()}…`;
}

/**
 * One row per choice, doing what its label says: an entry answers it, a letter starts it, the handoff intent opens
 * the dialogue with a person, a text is sent as if typed. `skip` holds entries not to offer (the one just answered).
 */
export function choicesKeyboard(choices: readonly ReplyChoice[], skip: readonly string[] = []): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const seen = new Set<string>(skip);
  for (const choice of choices) {
    const data = encodeCallback(callbackOf(choice.action));
    if (!data || seen.has(data)) continue;
    seen.add(data);
    keyboard.text(label(choice.label), data).row();
  }
  return keyboard;
}

/**
 * The keyboard under a reply: one row per choice (see `choicesKeyboard`), then "👍 Ja / 👎 Nee" for an answer.
 * A crisis reply gets only the school entries it offers (a later message in a conversation that showed danger), no
 * feedback buttons. Undefined when there is nothing to show.
 */
export function replyKeyboard(reply: Reply): InlineKeyboardMarkup | undefined {
  if (reply.kind === "crisis") return markupOf(choicesKeyboard(choicesOf(reply), []));
  const keyboard = choicesKeyboard(choicesOf(reply), reply.answerId ? [`e:${reply.answerId}`] : []);
  if (reply.kind === "answer" && reply.answerId) {
    const yes = encodeCallback({ kind: "feedback", answerId: reply.answerId, helpful: true });
    const no = encodeCallback({ kind: "feedback", answerId: reply.answerId, helpful: false });
    if (yes && no) keyboard.text(texts.feedbackYes, yes).text(texts.feedbackNo, no);
  }
  return markupOf(keyboard);
}

/** The keyboard's rows without empty ones; undefined when no button is left. */
export function markupOf(keyboard: InlineKeyboard): InlineKeyboardMarkup | undefined {
  const rows = keyboard.inline_keyboard.filter((row) => row.length > 0);
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/** All topics, one per row. */
export function topicsKeyboard(assistant: Assistant): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = [];
  for (const t of assistant.topics()) {
    const data = encodeCallback({ kind: "topic", topicId: t.id });
    if (data && t.entries.length) rows.push([{ text: label(t.label), callback_data: data }]);
  }
  return { inline_keyboard: rows };
}

/** The questions of one topic, one per row, and a way back to all topics. */
export function topicQuestionsKeyboard(topic: {
  entries: Array<{ id: string; question: string }>;
}): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = [];
  for (const e of topic.entries) {
    const data = encodeCallback({ kind: "entry", entryId: e.id });
    if (data) rows.push([{ text: label(e.question), callback_data: data }]);
  }
  rows.push([{ text: texts.allTopics, callback_data: encodeCallback({ kind: "topic", topicId: null }) as string }]);
  return { inline_keyboard: rows };
}

/** The keyboard without its feedback row, once the parent has answered "Was dit nuttig?". */
export function withoutFeedback(markup: InlineKeyboardMarkup | undefined): InlineKeyboardMarkup {
  const rows = (markup?.inline_keyboard ?? []).filter(
    (row) =>
      !row.some((b) => "callback_data" in b && typeof b.callback_data === "string" && b.callback_data.startsWith("f:")),
  );
  return { inline_keyboard: rows };
}
