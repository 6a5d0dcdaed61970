import { describe, expect, it } from "vitest";
import { computeInsights, daysBetween, localDay } from "../../src/console/insights.js";
import type { Channel, FeedbackRecord, TurnRecord } from "../../src/stores/types.js";

// Daylight saving time ends in the Netherlands on Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET,
// so that day has 25 hours. Before: UTC+2, after: UTC+1.

let seqs = new Map<string, number>();
function turn(
  conversationId: string,
  role: TurnRecord["role"],
  at: string,
  extra: { kind?: string; answerId?: string; text?: string; channel?: Channel } = {},
): TurnRecord {
  const seq = (seqs.get(conversationId) ?? 0) + 1;
  seqs.set(conversationId, seq);
  return {
    conversationId,
    seq,
    role,
    text: extra.text ?? (role === "parent" ? `vraag ${conversationId}-${seq}` : `antwoord ${seq}`),
    kind: role === "assistant" ? (extra.kind ?? "answer") : null,
    answerId: extra.answerId ?? null,
    channel: extra.channel ?? "web",
    createdAt: new Date(at),
  };
}
/** A parent question and the assistant's reply a few seconds later. */
function exchange(
  conversationId: string,
  at: string,
  kind: string,
  extra: { answerId?: string; text?: string; channel?: Channel } = {},
) {
  const reply = new Date(new Date(at).getTime() + 2000).toISOString();
  return [
    turn(conversationId, "parent", at, { text: extra.text, channel: extra.channel }),
    turn(conversationId, "assistant", reply, { kind, answerId: extra.answerId, channel: extra.channel }),
  ];
}
const feedback = (
  conversationId: string,
  answerId: string,
  helpful: boolean,
  at: string,
  comment: string | null = null,
): FeedbackRecord => ({
  conversationId,
  answerId,
  helpful,
  comment,
  createdAt: new Date(at),
});

// Local 24 October 00:00 (CEST) up to local 26 October 23:59:59 (CET).
const since = new Date("2026-10-23T22:00:00Z");
const until = new Date("2026-10-26T22:59:59Z");

describe("local days", () => {
  it("maps instants to Amsterdam calendar days across the DST change", () => {
    expect(localDay(new Date("2026-10-23T21:59:59Z"))).toBe("2026-10-23"); // 23:59:59 CEST
    expect(localDay(new Date("2026-10-23T22:00:00Z"))).toBe("2026-10-24"); // 00:00 CEST
    expect(localDay(new Date("2026-10-24T22:30:00Z"))).toBe("2026-10-25"); // 00:30 CEST
    expect(localDay(new Date("2026-10-25T00:30:00Z"))).toBe("2026-10-25"); // 02:30 CEST
    expect(localDay(new Date("2026-10-25T01:30:00Z"))).toBe("2026-10-25"); // 02:30 CET (the hour again)
    expect(localDay(new Date("2026-10-25T22:59:59Z"))).toBe("2026-10-25"); // 23:59:59 CET
    expect(localDay(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26"); // 00:00 CET
    expect(localDay(new Date("2026-10-25T23:00:00Z"), "UTC")).toBe("2026-10-25");
  });

  it("lists every day of a range, including month and year ends", () => {
    expect(daysBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(daysBetween("2026-10-24", "2026-10-24")).toEqual(["2026-10-24"]);
    expect(daysBetween("2026-10-25", "2026-10-24")).toEqual([]);
    expect(daysBetween("2028-02-28", "2028-03-01")).toHaveLength(3);
  });
});

describe("computeInsights", () => {
  function sample() {
    seqs = new Map();
    return [
      // Before the range: ignored (but its parent turns can still be found).
      ...exchange("a", "2026-10-23T21:59:00Z", "answer", { answerId: "opp-wat-is" }),
      // 24 Oct, just after local midnight.
      ...exchange("b", "2026-10-23T22:00:00Z", "answer", { answerId: "opp-wat-is", channel: "telegram" }),
      // 24 Oct 23:59 CEST (21:59Z) and the reply after local midnight: counted on 25 Oct.
      turn("c", "parent", "2026-10-24T21:59:59Z", { text: "mag school mijn kind weigeren?" }),
      turn("c", "assistant", "2026-10-24T22:00:01Z", { kind: "fallback" }),
      // 25 Oct, in the repeated hour and late in the evening (CET).
      ...exchange("d", "2026-10-25T01:30:00Z", "answer", { answerId: "tlv-wat-is", channel: "cli" }),
      ...exchange("d", "2026-10-25T22:50:00Z", "clarify", { text: "en dan?" }),
      // 26 Oct 00:10 CET = 25 Oct 23:10Z.
      ...exchange("e", "2026-10-25T23:10:00Z", "handoff", { channel: "telegram" }),
      ...exchange("e", "2026-10-25T23:20:00Z", "answer", { answerId: "tlv-wat-is", channel: "telegram" }),
      ...exchange("f", "2026-10-26T10:00:00Z", "answer", { answerId: "aanmelden", channel: "console" }),
      // A greeting by the assistant that does not follow a parent turn: not a question.
      turn("g", "assistant", "2026-10-26T11:00:00Z", { kind: "smalltalk" }),
      // After the range.
      ...exchange("h", "2026-10-26T23:00:00Z", "answer", { answerId: "aanmelden" }),
    ];
  }

  it("counts questions per local day and channel, with empty days", () => {
    const insights = computeInsights({ turns: sample(), feedback: [], since, until });
    expect(insights.timeZone).toBe("Europe/Amsterdam");
    expect(insights.perDay).toEqual([
      { date: "2026-10-24", web: 0, telegram: 1, overig: 0, total: 1 },
      { date: "2026-10-25", web: 2, telegram: 0, overig: 1, total: 3 },
      { date: "2026-10-26", web: 0, telegram: 2, overig: 1, total: 3 },
    ]);
    expect(insights.totals).toEqual({ questions: 7, answered: 4, answeredShare: 4 / 7, handoffs: 1 });
    expect(insights.byKind).toEqual({ answer: 4, fallback: 1, clarify: 1, handoff: 1, smalltalk: 1 });
  });

  it("includes days without questions", () => {
    seqs = new Map();
    const insights = computeInsights({
      turns: exchange("x", "2026-10-28T12:00:00Z", "answer", { answerId: "opp-wat-is" }),
      feedback: [],
      since: new Date("2026-10-25T23:00:00Z"),
      until: new Date("2026-10-29T22:59:59Z"),
    });
    expect(insights.perDay.map((d) => [d.date, d.total])).toEqual([
      ["2026-10-26", 0],
      ["2026-10-27", 0],
      ["2026-10-28", 1],
      ["2026-10-29", 0],
    ]);
  });

  it("uses another time zone when asked", () => {
    const insights = computeInsights({ turns: sample(), feedback: [], since, until, timeZone: "UTC" });
    expect(insights.perDay.map((d) => d.date)).toEqual(["2026-10-23", "2026-10-24", "2026-10-25", "2026-10-26"]);
    // The reply at 22:00:01Z on 24 Oct belongs to 24 Oct in UTC.
    expect(insights.perDay.find((d) => d.date === "2026-10-24")?.total).toBe(1);
  });

  it("ranks answered entries, ties by id, at most 10", () => {
    seqs = new Map();
    const turns = [
      ...exchange("a", "2026-10-24T10:00:00Z", "answer", { answerId: "b-entry" }),
      ...exchange("a", "2026-10-24T10:01:00Z", "answer", { answerId: "a-entry" }),
      ...exchange("a", "2026-10-24T10:02:00Z", "answer", { answerId: "c-entry" }),
      ...exchange("a", "2026-10-24T10:03:00Z", "answer", { answerId: "c-entry" }),
      ...Array.from({ length: 12 }, (_, i) =>
        exchange(`z${i}`, "2026-10-24T11:00:00Z", "answer", { answerId: `z-${String(i).padStart(2, "0")}` }),
      ).flat(),
    ];
    const { topEntries } = computeInsights({ turns, feedback: [], since, until });
    expect(topEntries).toHaveLength(10);
    expect(topEntries.slice(0, 4)).toEqual([
      { answerId: "c-entry", count: 2 },
      { answerId: "a-entry", count: 1 },
      { answerId: "b-entry", count: 1 },
      { answerId: "z-00", count: 1 },
    ]);
  });

  it("lists fallback and clarify questions separately, newest first, with the parent's turn", () => {
    const { unanswered } = computeInsights({ turns: sample(), feedback: [], since, until });
    expect(unanswered.fallback).toEqual([
      {
        conversationId: "c",
        seq: 1,
        text: "mag school mijn kind weigeren?",
        kind: "fallback",
        createdAt: new Date("2026-10-24T21:59:59Z"),
      },
    ]);
    expect(unanswered.clarify).toEqual([
      { conversationId: "d", seq: 3, text: "en dan?", kind: "clarify", createdAt: new Date("2026-10-25T22:50:00Z") },
    ]);
  });

  it("keeps at most 100 open questions, newest first", () => {
    seqs = new Map();
    const turns = Array.from({ length: 120 }, (_, i) =>
      exchange(`c${i}`, new Date(Date.UTC(2026, 9, 24, 0, i)).toISOString(), "fallback"),
    ).flat();
    const { unanswered } = computeInsights({ turns, feedback: [], since, until });
    expect(unanswered.fallback).toHaveLength(100);
    expect(unanswered.fallback[0]!.conversationId).toBe("c119");
    expect(unanswered.fallback[99]!.conversationId).toBe("c20");
  });

  it("links not-helpful feedback to the question behind the answer", () => {
    seqs = new Map();
    const turns = [
      ...exchange("k", "2026-10-24T09:00:00Z", "answer", { answerId: "opp-wat-is", text: "wat is een opp" }),
      ...exchange("k", "2026-10-24T09:05:00Z", "answer", { answerId: "tlv-wat-is", text: "en een tlv?" }),
      ...exchange("k", "2026-10-24T09:10:00Z", "answer", { answerId: "opp-wat-is", text: "nog eens opp uitleg" }),
    ];
    const insights = computeInsights({
      turns,
      feedback: [
        feedback("k", "opp-wat-is", false, "2026-10-24T09:11:00Z", "te lang"),
        feedback("k", "tlv-wat-is", false, "2026-10-24T09:06:00Z"),
        feedback("k", "tlv-wat-is", true, "2026-10-24T09:07:00Z"),
        feedback("gone", "aanmelden", false, "2026-10-24T09:08:00Z"),
        feedback("k", "opp-wat-is", false, "2026-10-20T09:00:00Z"), // before the range
      ],
      since,
      until,
    });
    expect(insights.notHelpful).toEqual([
      {
        conversationId: "k",
        answerId: "opp-wat-is",
        question: "nog eens opp uitleg",
        createdAt: new Date("2026-10-24T09:11:00Z"),
        comment: "te lang",
      },
      {
        conversationId: "gone",
        answerId: "aanmelden",
        question: null,
        createdAt: new Date("2026-10-24T09:08:00Z"),
        comment: null,
      },
      {
        conversationId: "k",
        answerId: "tlv-wat-is",
        question: "en een tlv?",
        createdAt: new Date("2026-10-24T09:06:00Z"),
        comment: null,
      },
    ]);
  });

  it("finds the parent turn of an early answer when feedback comes before a later one", () => {
    seqs = new Map();
    const turns = [
      ...exchange("m", "2026-10-24T09:00:00Z", "answer", { answerId: "opp-wat-is", text: "eerste vraag" }),
      ...exchange("m", "2026-10-24T09:30:00Z", "answer", { answerId: "opp-wat-is", text: "tweede vraag" }),
    ];
    const insights = computeInsights({
      turns,
      feedback: [feedback("m", "opp-wat-is", false, "2026-10-24T09:10:00Z")],
      since,
      until,
    });
    expect(insights.notHelpful[0]?.question).toBe("eerste vraag");
  });

  it("handles no data at all", () => {
    const insights = computeInsights({ turns: [], feedback: [], since, until });
    expect(insights.perDay).toHaveLength(3);
    expect(insights.perDay.every((d) => d.total === 0)).toBe(true);
    expect(insights.totals).toEqual({ questions: 0, answered: 0, answeredShare: 0, handoffs: 0 });
    expect(insights.topEntries).toEqual([]);
    expect(insights.byKind).toEqual({});
  });

  it("does not depend on the order of the input turns", () => {
    const turns = sample();
    const a = computeInsights({ turns, feedback: [], since, until });
    const b = computeInsights({ turns: [...turns].reverse(), feedback: [], since, until });
    expect(b).toEqual(a);
  });
});

describe("startOfLocalDay", () => {
  it("is midnight in Amsterdam, in winter and in summer", async () => {
    const { startOfLocalDay } = await import("../../src/console/insights.js");
    expect(startOfLocalDay(new Date("2026-11-23T15:00:00Z")).toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(startOfLocalDay(new Date("2026-07-06T15:00:00Z")).toISOString()).toBe("2026-07-05T22:00:00.000Z");
    // 00:30 local on 23 November is still that day.
    expect(startOfLocalDay(new Date("2026-11-22T23:30:00Z")).toISOString()).toBe("2026-11-22T23:00:00.000Z");
    // The day DST ends (25 October 2026) starts at 00:00 summer time.
    expect(startOfLocalDay(new Date("2026-10-25T12:00:00Z")).toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });
});
