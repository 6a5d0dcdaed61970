import type { FeedbackRecord, TurnRecord } from "../stores/types.js";

// Statistics for the console's insights page, computed from stored (masked) turns and feedback.
// Pure: the caller loads the rows (ConversationStore.turnsSince, FeedbackStore.list) and renders the result.

export const DEFAULT_TIME_ZONE = "Europe/Amsterdam";
export const TOP_ENTRIES = 10;
export const LIST_LIMIT = 100;
/** At most this many day rows (ten years); a longer range is cut at the start. */
export const MAX_DAYS = 3660;

export type ChannelGroup = "web" | "telegram" | "overig";
export const CHANNEL_GROUPS: readonly ChannelGroup[] = ["web", "telegram", "overig"];

export interface DayRow {
  /** Local calendar day, "YYYY-MM-DD". */
  date: string;
  web: number;
  telegram: number;
  overig: number;
  total: number;
}

export interface EntryCount {
  answerId: string;
  count: number;
}

export interface OpenQuestion {
  conversationId: string;
  /** Sequence number of the parent's turn. */
  seq: number;
  /** The parent's text, already masked by the store. */
  text: string;
  /** Kind of the assistant's reply: "fallback" or "clarify". */
  kind: string;
  /** When the parent asked. */
  createdAt: Date;
}

export interface NotHelpfulItem {
  conversationId: string;
  answerId: string;
  /** The parent's (masked) question that led to the answer, when it can be found. */
  question: string | null;
  createdAt: Date;
  comment: string | null;
}

export interface Insights {
  since: Date;
  until: Date;
  timeZone: string;
  perDay: DayRow[];
  /** Assistant turns per reply kind ("unknown" for turns without a kind). */
  byKind: Record<string, number>;
  topEntries: EntryCount[];
  unanswered: {
    /** Questions the assistant could not answer (reply kind "fallback"), newest first. */
    fallback: OpenQuestion[];
    /** Questions the assistant asked to rephrase (reply kind "clarify"), newest first. */
    clarify: OpenQuestion[];
  };
  notHelpful: NotHelpfulItem[];
  totals: {
    /** Assistant replies to a parent's message. */
    questions: number;
    /** Of those, replies of kind "answer". */
    answered: number;
    /** answered / questions, 0 when there are no questions. */
    answeredShare: number;
    /** Assistant turns of kind "handoff". */
    handoffs: number;
  };
}

export interface InsightsInput {
  turns: readonly TurnRecord[];
  feedback: readonly FeedbackRecord[];
  since: Date;
  until: Date;
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `date` in `timeZone`, as "YYYY-MM-DD". */
export function localDay(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The first moment of the local calendar day of `date` in `timeZone` (midnight there, also across DST). */
export function startOfLocalDay(date: Date, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const [y, m, d] = localDay(date, timeZone).split("-").map(Number) as [number, number, number];
  const wall = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  });
  // The zone's offset at instant t: its wall-clock time read as UTC, minus t.
  const offset = (t: number) => {
    const p = Object.fromEntries(wall.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second) - t;
  };
  const midnightUtc = Date.UTC(y, m - 1, d);
  const first = midnightUtc - offset(midnightUtc);
  return new Date(midnightUtc - offset(first));
}

/** Every calendar day from `first` to `last` ("YYYY-MM-DD", inclusive), at most MAX_DAYS (the last ones). */
export function daysBetween(first: string, last: string): string[] {
  const toUtc = (day: string) => {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  const start = toUtc(first);
  const end = toUtc(last);
  if (!(end >= start)) return [];
  const count = Math.min(Math.round((end - start) / 86_400_000) + 1, MAX_DAYS);
  const days: string[] = [];
  for (let i = count - 1; i >= 0; i--) days.push(new Date(end - i * 86_400_000).toISOString().slice(0, 10));
  return days;
}

export function channelGroup(channel: string): ChannelGroup {
  return channel === "web" || channel === "telegram" ? channel : "overig";
}

const newestFirst = <T extends { createdAt: Date }>(a: T, b: T) => b.createdAt.getTime() - a.createdAt.getTime();

export function computeInsights(input: InsightsInput): Insights {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const { since, until } = input;
  const inRange = (d: Date) => d.getTime() >= since.getTime() && d.getTime() <= until.getTime();

  const perDay = daysBetween(localDay(since, timeZone), localDay(until, timeZone)).map((date): DayRow => ({
    date,
    web: 0,
    telegram: 0,
    overig: 0,
    total: 0,
  }));
  const dayIndex = new Map(perDay.map((row, i) => [row.date, i]));

  // Transcripts in order; all turns are used to find the parent turn before an assistant turn, even when the
  // parent wrote just before `since`.
  const conversations = new Map<string, TurnRecord[]>();
  for (const turn of input.turns) {
    const list = conversations.get(turn.conversationId);
    if (list) list.push(turn);
    else conversations.set(turn.conversationId, [turn]);
  }
  for (const list of conversations.values()) list.sort((a, b) => a.seq - b.seq);

  const byKind: Record<string, number> = {};
  const entryCounts = new Map<string, number>();
  const fallback: OpenQuestion[] = [];
  const clarify: OpenQuestion[] = [];
  let questions = 0;
  let answered = 0;
  let handoffs = 0;

  for (const list of conversations.values()) {
    list.forEach((turn, i) => {
      if (turn.role !== "assistant" || !inRange(turn.createdAt)) return;
      const kind = turn.kind ?? "unknown";
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      if (kind === "handoff") handoffs++;
      if (kind === "answer" && turn.answerId) entryCounts.set(turn.answerId, (entryCounts.get(turn.answerId) ?? 0) + 1);

      const before = list[i - 1];
      if (before?.role !== "parent") return;
      questions++;
      if (kind === "answer") answered++;
      const row = perDay[dayIndex.get(localDay(turn.createdAt, timeZone)) ?? -1];
      if (row) {
        row[channelGroup(turn.channel)]++;
        row.total++;
      }
      if (kind === "fallback" || kind === "clarify") {
        const item: OpenQuestion = {
          conversationId: before.conversationId,
          seq: before.seq,
          text: before.text,
          kind,
          createdAt: before.createdAt,
        };
        (kind === "fallback" ? fallback : clarify).push(item);
      }
    });
  }

  const topEntries = [...entryCounts]
    .map(([answerId, count]) => ({ answerId, count }))
    .sort((a, b) => b.count - a.count || (a.answerId < b.answerId ? -1 : a.answerId > b.answerId ? 1 : 0))
    .slice(0, TOP_ENTRIES);

  const notHelpful = input.feedback
    .filter((f) => !f.helpful && inRange(f.createdAt))
    .map((f): NotHelpfulItem => ({
      conversationId: f.conversationId,
      answerId: f.answerId,
      question: questionFor(conversations.get(f.conversationId) ?? [], f.answerId, f.createdAt),
      createdAt: f.createdAt,
      comment: f.comment,
    }))
    .sort(newestFirst)
    .slice(0, LIST_LIMIT);

  return {
    since,
    until,
    timeZone,
    perDay,
    byKind,
    topEntries,
    unanswered: {
      fallback: fallback.sort(newestFirst).slice(0, LIST_LIMIT),
      clarify: clarify.sort(newestFirst).slice(0, LIST_LIMIT),
    },
    notHelpful,
    totals: { questions, answered, answeredShare: questions === 0 ? 0 : answered / questions, handoffs },
  };
}

/**
 * The parent's question behind an answer: the last parent turn before the last assistant turn with that
 * answerId (given at or before the feedback; any, when the clocks disagree).
 */
function questionFor(transcript: readonly TurnRecord[], answerId: string, at: Date): string | null {
  let answerIndex = -1;
  let fallbackIndex = -1;
  transcript.forEach((t, i) => {
    if (t.role !== "assistant" || t.answerId !== answerId) return;
    fallbackIndex = i;
    if (t.createdAt.getTime() <= at.getTime()) answerIndex = i;
  });
  if (answerIndex < 0) answerIndex = fallbackIndex;
  for (let i = answerIndex - 1; i >= 0; i--) {
    const t = transcript[i];
    if (t?.role === "parent") return t.text;
  }
  return null;
}
