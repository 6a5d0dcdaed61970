/// <reference lib="dom" />
// The shapes the widget reads from the service (see CONTRACT.md), checked by hand: the widget does not bundle
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
}

export interface WidgetTurn {
  role: "parent" | "assistant";
  text: string;
  kind: string | null;
  answerId: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string" && s.trim() !== "") : []);
const stringOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);

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
  };
}

/** `{conversationId, reply}` from POST /api/chat, or null. */
export function parseChatResponse(value: unknown): { conversationId: string; reply: WidgetReply } | null {
  if (!isRecord(value) || typeof value.conversationId !== "string" || value.conversationId === "") return null;
  const reply = parseReply(value.reply);
  return reply ? { conversationId: value.conversationId, reply } : null;
}

/** The turns from GET /api/conversations/:id; malformed turns are left out. */
export function parseTurns(value: unknown): WidgetTurn[] | null {
  if (!isRecord(value) || !Array.isArray(value.turns)) return null;
  const turns: WidgetTurn[] = [];
  for (const t of value.turns) {
    if (!isRecord(t) || (t.role !== "parent" && t.role !== "assistant") || typeof t.text !== "string") continue;
    turns.push({ role: t.role, text: t.text, kind: stringOrNull(t.kind), answerId: stringOrNull(t.answerId) });
  }
  return turns;
}
