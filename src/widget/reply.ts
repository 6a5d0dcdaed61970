/// <reference lib="dom" />
// The shapes the widget reads from the service (see docs/CONTRACT.md), checked by hand: the widget does not bundle
// zod to stay small. Anything that does not fit is dropped, never rendered.

export interface WidgetCitation {
  title: string;
  section: string;
  url?: string;
}

export interface WidgetReply {
  kind: string;
  text: string;
  answerId: string | null;
  citations: WidgetCitation[];
  nextSteps: string[];
  suggestions: string[];
  /** Kind "answer": the entry's main question, shown above the answer. */
  question?: string;
  /** Kind "answer": the articles of law the answer rests on. */
  legalBasis?: string[];
  /** Kind "answer": the date the facts were last reviewed (YYYY-MM-DD). */
  reviewed?: string;
  /** Kind "answer": letters offered in `suggestions`; tapping one opens the letter instead of sending the text. */
  letters?: Array<{ id: string; suggestion: string }>;
  /** What tapping each suggestion does: one per suggestion, in the same order and with the same label. */
  choices?: WidgetChoice[];
}

/** What tapping a suggestion does: answer an entry, start an intent (a person), open a letter, or send a text. */
export type WidgetChoiceAction =
  | { type: "entry"; answerId: string }
  | { type: "intent"; intent: "handoff" }
  | { type: "letter"; letterId: string }
  | { type: "text"; text: string };

export interface WidgetChoice {
  label: string;
  action: WidgetChoiceAction;
}

export interface WidgetTurn {
  /** "staff": written by a staff member of the steunpunt (plain text, never Markdown). */
  role: "parent" | "assistant" | "staff";
  text: string;
  kind: string | null;
  answerId: string | null;
  /** The service's sequence number; always set on staff turns (they are de-duplicated by it). */
  seq: number | null;
  /** When the turn was stored (ISO 8601), read only with `{ times: true }`: shown as the message's time. */
  at?: string;
}

export type HandoffStatus = "consent" | "contact" | "open" | "claimed" | "closed";

/** Where a request for a person stands; `pollSeconds` is how often the service wants to be asked. */
export interface WidgetHandoff {
  status: HandoffStatus;
  pollSeconds: number;
  /** The first name of the staff member who picked up, when the service gives one. */
  staffName?: string;
  /** Only when the request was just made: the code that brings the parent back to it on another device. */
  returnCode?: string;
}

/** GET /api/conversations/:id */
export interface WidgetConversation {
  turns: WidgetTurn[];
  handoff: WidgetHandoff | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string" && s.trim() !== "") : [];
const stringOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);
const seqOrNull = (v: unknown): number | null => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : null);
/** The shape of a return code the service hands out ("K7M4-PQ2X-9WRT"). */
export const RETURN_CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const HANDOFF_STATUSES: readonly unknown[] = ["consent", "contact", "open", "claimed", "closed"];

/** The handoff object; null when it is missing (older services), null, or anything but the contract's shape. */
export function parseHandoff(value: unknown): WidgetHandoff | null {
  if (!isRecord(value) || !HANDOFF_STATUSES.includes(value.status)) return null;
  const poll = value.pollSeconds;
  if (typeof poll !== "number" || !Number.isFinite(poll) || poll <= 0) return null;
  const name = typeof value.staffName === "string" ? value.staffName.trim().slice(0, 40) : "";
  const code = typeof value.returnCode === "string" && RETURN_CODE.test(value.returnCode) ? value.returnCode : "";
  return {
    status: value.status as HandoffStatus,
    pollSeconds: poll,
    ...(name ? { staffName: name } : {}),
    ...(code ? { returnCode: code } : {}),
  };
}

/** A reply from the service, or null when it lacks a kind or text. */
export function parseReply(value: unknown): WidgetReply | null {
  if (!isRecord(value) || typeof value.kind !== "string" || typeof value.text !== "string") return null;
  const citations: WidgetCitation[] = [];
  if (Array.isArray(value.citations)) {
    for (const c of value.citations) {
      if (!isRecord(c) || typeof c.title !== "string" || c.title.trim() === "") continue;
      citations.push({
        title: c.title,
        section: typeof c.section === "string" ? c.section : "",
        ...(typeof c.url === "string" ? { url: c.url } : {}),
      });
    }
  }
  return {
    kind: value.kind,
    text: value.text,
    answerId: stringOrNull(value.answerId),
    citations,
    nextSteps: strings(value.nextSteps),
    suggestions: strings(value.suggestions),
    ...(strings(value.legalBasis).length > 0 ? { legalBasis: strings(value.legalBasis) } : {}),
    ...(typeof value.question === "string" && value.question.trim() !== "" ? { question: value.question } : {}),
    ...(typeof value.reviewed === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value.reviewed)
      ? { reviewed: value.reviewed }
      : {}),
    ...lettersOf(value.letters),
    ...choicesOf(value.choices),
  };
}

export interface WidgetChatResponse {
  conversationId: string;
  reply: WidgetReply;
  handoff: WidgetHandoff | null;
  /** The message went to a person: "waiting" (passed on), "staff" (nothing from the bot) or "back" (to the bot). */
  relayed?: "waiting" | "staff" | "back";
  /** The reply continues another conversation (the parent typed the return code of an open request): load it. */
  resumed?: boolean;
}

/** `{conversationId, reply, handoff}` from POST /api/chat, or null. */
export function parseChatResponse(value: unknown): WidgetChatResponse | null {
  if (!isRecord(value) || typeof value.conversationId !== "string" || value.conversationId === "") return null;
  const reply = parseReply(value.reply);
  if (!reply) return null;
  const relayed =
    value.relayed === "waiting" || value.relayed === "staff" || value.relayed === "back" ? value.relayed : null;
  return {
    conversationId: value.conversationId,
    reply,
    handoff: parseHandoff(value.handoff),
    ...(relayed ? { relayed } : {}),
    ...(value.resumed === true ? { resumed: true } : {}),
  };
}

/** An ISO 8601 time the browser can read, or null. */
function isoTimeOrNull(v: unknown): string | null {
  if (typeof v !== "string" || v.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * The turns and handoff from GET /api/conversations/:id, or null. Malformed turns, turns of unknown roles and
 * staff turns without a valid seq or with no text are left out. With `{ times: true }` each turn also carries
 * `at`, the time it was stored (when the service sent a readable createdAt).
 */
export function parseConversation(value: unknown, options: { times?: boolean } = {}): WidgetConversation | null {
  if (!isRecord(value) || !Array.isArray(value.turns)) return null;
  const turns: WidgetTurn[] = [];
  for (const t of value.turns) {
    if (
      !isRecord(t) ||
      (t.role !== "parent" && t.role !== "assistant" && t.role !== "staff") ||
      typeof t.text !== "string"
    )
      continue;
    const seq = seqOrNull(t.seq);
    if (t.role === "staff" && (seq === null || t.text.trim() === "")) continue;
    const turn: WidgetTurn = {
      role: t.role,
      text: t.text,
      kind: stringOrNull(t.kind),
      answerId: stringOrNull(t.answerId),
      seq,
    };
    const at = options.times ? isoTimeOrNull(t.createdAt) : null;
    turns.push(at ? { ...turn, at } : turn);
  }
  return { turns, handoff: parseHandoff(value.handoff) };
}

/** Just the turns of {@link parseConversation}. */
export function parseTurns(value: unknown): WidgetTurn[] | null {
  return parseConversation(value)?.turns ?? null;
}

const LETTER_ID = /^[a-z0-9-]+$/;

/** One choice's action; an action the widget does not know (a newer service) sends the label, as a text does. */
function actionOf(value: unknown, label: string): WidgetChoiceAction | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case "entry":
      return typeof value.answerId === "string" && value.answerId !== ""
        ? { type: "entry", answerId: value.answerId }
        : null;
    case "intent":
      return value.intent === "handoff" ? { type: "intent", intent: "handoff" } : { type: "text", text: label };
    case "letter":
      return typeof value.letterId === "string" && LETTER_ID.test(value.letterId)
        ? { type: "letter", letterId: value.letterId }
        : null;
    case "text":
      return typeof value.text === "string" && value.text.trim() !== "" ? { type: "text", text: value.text } : null;
    default:
      return { type: "text", text: label };
  }
}

/** The typed suggestions of a reply; an item without a label or with a malformed action is left out. */
function choicesOf(value: unknown): { choices?: WidgetChoice[] } {
  if (!Array.isArray(value)) return {};
  const choices = value.flatMap((c: unknown): WidgetChoice[] => {
    if (!isRecord(c) || typeof c.label !== "string" || c.label.trim() === "") return [];
    const action = actionOf(c.action, c.label);
    return action ? [{ label: c.label, action }] : [];
  });
  return choices.length > 0 ? { choices } : {};
}

/**
 * What each suggestion button does, in the order of `suggestions`. From the reply's `choices` when they match
 * the suggestions one for one (same labels, same order); otherwise as services without `choices` mean it: a
 * suggestion that offers a letter opens it, any other sends its text.
 */
export function suggestionChoices(reply: WidgetReply): WidgetChoice[] {
  const { choices, suggestions } = reply;
  if (choices?.length === suggestions.length && choices.every((c, i) => c.label === suggestions[i])) return choices;
  return suggestions.map((label) => {
    const letter = reply.letters?.find((l) => l.suggestion === label);
    return { label, action: letter ? { type: "letter", letterId: letter.id } : { type: "text", text: label } };
  });
}

/** The letters a reply offers: an id and the suggestion that opens it. */
function lettersOf(value: unknown): { letters?: Array<{ id: string; suggestion: string }> } {
  if (!Array.isArray(value)) return {};
  const letters = value.flatMap((l: unknown) =>
    isRecord(l) && typeof l.id === "string" && LETTER_ID.test(l.id) && typeof l.suggestion === "string"
      ? [{ id: l.id, suggestion: l.suggestion }]
      : [],
  );
  return letters.length > 0 ? { letters } : {};
}
