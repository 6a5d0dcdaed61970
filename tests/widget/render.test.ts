import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  MIN_TEXT_CONTRAST,
  parseHexColor,
  STAFF_ACCENT,
  STAFF_BUBBLE_BACKGROUND,
  TEXT_COLOR,
} from "../../src/widget/contrast.js";
import { clampPollSeconds, createPoller, newStaffTurns, pollDelayMs, type PollClock } from "../../src/widget/poll.js";
import {
  blocksToPlainText,
  groupCitations,
  parseInline,
  parseLightMarkdown,
  safeHttpsUrl,
  splitPhoneNumbers,
} from "../../src/widget/render.js";
import {
  parseChatResponse,
  parseConversation,
  parseHandoff,
  parseReply,
  parseTurns,
  type WidgetTurn,
} from "../../src/widget/reply.js";

describe("light Markdown renderer (description)", () => {
  it("turns a knowledge answer into paragraphs, bold runs and a bullet list", () => {
    const blocks = parseLightMarkdown(
      "Een **TLV** is een besluit.\nNog een regel.\n\nIn de TLV staat:\n- dat je kind **toelaatbaar** is;\n- welke hulp.",
    );
    expect(blocks).toEqual([
      {
        type: "paragraph",
        lines: [
          [
            { text: "Een ", bold: false },
            { text: "TLV", bold: true },
            { text: " is een besluit.", bold: false },
          ],
          [{ text: "Nog een regel.", bold: false }],
        ],
      },
      { type: "paragraph", lines: [[{ text: "In de TLV staat:", bold: false }]] },
      {
        type: "list",
        items: [
          [
            { text: "dat je kind ", bold: false },
            { text: "toelaatbaar", bold: true },
            { text: " is;", bold: false },
          ],
          [{ text: "welke hulp.", bold: false }],
        ],
      },
    ]);
  });

  it("keeps an unpaired ** as literal text", () => {
    expect(parseInline("een **TLV** of **sbo")).toEqual([
      { text: "een ", bold: false },
      { text: "TLV", bold: true },
      { text: " of **sbo", bold: false },
    ]);
    expect(parseInline("a**b")).toEqual([{ text: "a**b", bold: false }]);
  });

  it("leaves HTML as plain text: there is no tag in the description, only characters", () => {
    const payload = '<img src=x onerror=alert(1)> <script>alert(2)</script> <a href="javascript:alert(3)">x</a>';
    const blocks = parseLightMarkdown(payload);
    expect(blocksToPlainText(blocks)).toBe(payload);
  });

  it("a bold line is not mistaken for a list item", () => {
    expect(parseLightMarkdown("**Is er direct gevaar? Bel 112.**")).toEqual([
      { type: "paragraph", lines: [[{ text: "Is er direct gevaar? Bel 112.", bold: true }]] },
    ]);
  });

  it("never loses text: apart from markers and spacing, every character comes out (property)", () => {
    const strip = (s: string) => s.replace(/[\s*•-]/g, "");
    const markdownish = fc
      .array(fc.constantFrom("**", "- ", "* ", "\n", "\n\n", " ", "a", "é", "<b>", "&amp;", "•", "1."), {
        maxLength: 40,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), markdownish), (input) => {
        const blocks = parseLightMarkdown(input);
        const runs = blocks.flatMap((b) => (b.type === "paragraph" ? b.lines.flat() : b.items.flat()));
        expect(strip(runs.map((r) => r.text).join(""))).toBe(strip(input));
        // No empty runs, no empty blocks.
        expect(runs.every((r) => r.text.length > 0)).toBe(true);
        expect(blocks.every((b) => (b.type === "paragraph" ? b.lines.length > 0 : b.items.length > 0))).toBe(true);
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  });
});

describe("citation links", () => {
  it("accepts only absolute https URLs without credentials", () => {
    expect(safeHttpsUrl("https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs")).toBe(
      "https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs",
    );
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "http://example.nl/",
      "data:text/html,<b>x</b>",
      "//evil.example/",
      "/relative",
      "https://user:pw@example.nl/",
      "",
      42,
      null,
    ]) {
      expect(safeHttpsUrl(bad), String(bad)).toBeNull();
    }
  });

  it("groups the sections of one source under one link", () => {
    const url = "https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs";
    expect(
      groupCitations([
        { title: "Informatieset", section: "7. TLV", url },
        { title: "Informatieset", section: "Begrippenlijst", url },
        { title: "Informatieset", section: "7. TLV", url },
        { title: "Onveilig", section: "x", url: "javascript:alert(1)" },
      ]),
    ).toEqual([
      { title: "Informatieset", url, sections: ["7. TLV", "Begrippenlijst"] },
      { title: "Onveilig", url: null, sections: ["x"] },
    ]);
  });
});

describe("reading the service's answers", () => {
  it("accepts a contract reply and drops malformed parts", () => {
    const reply = parseReply({
      kind: "answer",
      text: "x",
      answerId: "tlv",
      confidence: 0.9,
      citations: [{ sourceId: "s", title: "Bron", section: "1" }, { title: 3 }, null],
      nextSteps: ["Bel", 4, ""],
      suggestions: "not a list",
    });
    expect(reply).toEqual({
      kind: "answer",
      text: "x",
      answerId: "tlv",
      citations: [{ title: "Bron", section: "1" }],
      nextSteps: ["Bel"],
      suggestions: [],
    });
    expect(parseReply({ kind: "answer" })).toBeNull();
    expect(parseChatResponse({ conversationId: "", reply: { kind: "answer", text: "x" } })).toBeNull();
    expect(
      parseTurns({
        turns: [
          { role: "parent", text: "hoi" },
          { role: "system", text: "x" },
        ],
      }),
    ).toEqual([{ role: "parent", text: "hoi", kind: null, answerId: null, seq: null }]);
  });
});

describe("reading handoffs and staff replies", () => {
  const reply = { kind: "handoff", text: "Mag ik je doorverbinden?", suggestions: ["Ja, dat mag", "Nee, liever niet"] };

  it("reads the handoff of a chat answer; an older service without one means none", () => {
    expect(
      parseChatResponse({ conversationId: "c1", reply, handoff: { status: "consent", pollSeconds: 5 } }),
    ).toMatchObject({
      conversationId: "c1",
      reply: { kind: "handoff", suggestions: ["Ja, dat mag", "Nee, liever niet"] },
      handoff: { status: "consent", pollSeconds: 5 },
    });
    expect(parseChatResponse({ conversationId: "c1", reply })?.handoff).toBeNull();
    expect(parseChatResponse({ conversationId: "c1", reply, handoff: null })?.handoff).toBeNull();
  });

  it("accepts every contract status and nothing else", () => {
    for (const status of ["consent", "contact", "open", "claimed", "closed"]) {
      expect(parseHandoff({ status, pollSeconds: 3, extra: true })).toEqual({ status, pollSeconds: 3 });
    }
    const bad: unknown[] = [
      undefined,
      null,
      "open",
      ["open", 5],
      { status: "waiting", pollSeconds: 5 },
      { status: "OPEN", pollSeconds: 5 },
      { status: "open" },
      { status: "open", pollSeconds: "5" },
      { status: "open", pollSeconds: 0 },
      { status: "open", pollSeconds: -5 },
      { status: "open", pollSeconds: Number.NaN },
      { status: "open", pollSeconds: Number.POSITIVE_INFINITY },
      { status: { toString: () => "open" }, pollSeconds: 5 },
    ];
    for (const value of bad) expect(parseHandoff(value), JSON.stringify(value)).toBeNull();
    // A malformed handoff does not cost the reply itself.
    expect(parseChatResponse({ conversationId: "c1", reply, handoff: { status: "nope" } })).toMatchObject({
      reply: { kind: "handoff" },
      handoff: null,
    });
  });

  it("reads staff turns with their seq, in transcript order, and the conversation's handoff", () => {
    const conversation = parseConversation({
      conversationId: "c1",
      turns: [
        {
          seq: 1,
          role: "parent",
          text: "Ik wil met een mens praten",
          kind: null,
          answerId: null,
          createdAt: "2026-01-01T10:00:00.000Z",
        },
        {
          seq: 2,
          role: "assistant",
          text: "Mag ik je doorverbinden?",
          kind: "handoff",
          answerId: null,
          createdAt: "2026-01-01T10:00:01.000Z",
        },
        {
          seq: 3,
          role: "staff",
          text: "Hoi, ik ben Sanne.\n<script>alert(1)</script>",
          kind: null,
          answerId: null,
          createdAt: "2026-01-01T10:02:00.000Z",
        },
      ],
      handoff: { status: "claimed", pollSeconds: 4 },
    });
    expect(conversation).toEqual({
      turns: [
        { role: "parent", text: "Ik wil met een mens praten", kind: null, answerId: null, seq: 1 },
        { role: "assistant", text: "Mag ik je doorverbinden?", kind: "handoff", answerId: null, seq: 2 },
        { role: "staff", text: "Hoi, ik ben Sanne.\n<script>alert(1)</script>", kind: null, answerId: null, seq: 3 },
      ],
      handoff: { status: "claimed", pollSeconds: 4 },
    });
  });

  it("leaves out malformed turns, unknown roles and staff turns without a usable seq or text", () => {
    const conversation = parseConversation({
      turns: [
        null,
        "staff",
        { seq: 1, role: "moderator", text: "x" },
        { seq: 2, role: "system", text: "x" },
        { seq: 3, role: "staff", text: 42 },
        { role: "staff", text: "geen seq" },
        { seq: "4", role: "staff", text: "seq als tekst" },
        { seq: 4.5, role: "staff", text: "halve seq" },
        { seq: -1, role: "staff", text: "negatieve seq" },
        { seq: 5, role: "staff", text: "   " },
        { seq: 6, role: "staff", text: "Goed bericht" },
        { role: "parent", text: "oude service zonder seq" },
      ],
      handoff: "open",
    });
    expect(conversation).toEqual({
      turns: [
        { role: "staff", text: "Goed bericht", kind: null, answerId: null, seq: 6 },
        { role: "parent", text: "oude service zonder seq", kind: null, answerId: null, seq: null },
      ],
      handoff: null,
    });
    expect(parseConversation({ turns: "none" })).toBeNull();
    expect(parseConversation([])).toBeNull();
    expect(parseConversation(null)).toBeNull();
  });
});

describe("staff turns are shown once (seq de-duplication)", () => {
  const turn = (seq: number | null, role: WidgetTurn["role"], text = `t${seq}`): WidgetTurn => ({
    role,
    text,
    kind: null,
    answerId: null,
    seq,
  });
  const transcript = [turn(1, "parent"), turn(2, "assistant"), turn(3, "staff"), turn(4, "parent"), turn(5, "staff")];

  it("returns the staff turns above the highest seq shown, and the new highest seq", () => {
    expect(newStaffTurns(transcript, -1)).toEqual({ fresh: [transcript[2], transcript[4]], lastSeq: 5 });
    expect(newStaffTurns(transcript, 3)).toEqual({ fresh: [transcript[4]], lastSeq: 5 });
    expect(newStaffTurns(transcript, 5)).toEqual({ fresh: [], lastSeq: 5 });
    // The parent's own turns move the mark too (they are already on screen), but never draw anything.
    expect(newStaffTurns([turn(6, "parent"), turn(7, "assistant")], 5)).toEqual({ fresh: [], lastSeq: 7 });
  });

  it("polling the same transcript twice draws nothing twice", () => {
    const first = newStaffTurns(transcript, 2);
    const second = newStaffTurns([...transcript, turn(6, "staff")], first.lastSeq);
    expect(first.fresh.map((t) => t.seq)).toEqual([3, 5]);
    expect(second.fresh.map((t) => t.seq)).toEqual([6]);
    expect(newStaffTurns([...transcript, turn(6, "staff")], second.lastSeq).fresh).toEqual([]);
  });

  it("orders by seq, takes a repeated seq once and ignores turns without one", () => {
    const { fresh, lastSeq } = newStaffTurns(
      [turn(9, "staff", "b"), turn(8, "staff", "a"), turn(9, "staff", "dubbel"), turn(null, "staff")],
      0,
    );
    expect(fresh.map((t) => t.text)).toEqual(["a", "b"]);
    expect(lastSeq).toBe(9);
    expect(newStaffTurns([], 4)).toEqual({ fresh: [], lastSeq: 4 });
  });
});

/** Timers on a clock that only moves when the test says so. */
function fakeClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: PollClock = {
    now: () => now,
    setTimeout(run, ms) {
      timers.set(++nextId, { at: now + ms, run });
      return nextId;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
  };
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return {
    clock,
    /** Milliseconds until the next timer, or null when none is set. */
    next: () => (timers.size === 0 ? null : Math.min(...[...timers.values()].map((t) => t.at)) - now),
    pending: () => timers.size,
    /** Moves the clock on, running timers as they come due (and the promises they start). */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}

/** A poll that waits until the test answers it; counts calls and how many ran at once. */
function controlledPoll() {
  const waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  let calls = 0;
  let running = 0;
  let maxRunning = 0;
  const poll = () => {
    calls++;
    running++;
    maxRunning = Math.max(maxRunning, running);
    return new Promise<void>((resolve, reject) => waiting.push({ resolve, reject })).finally(() => running--);
  };
  return {
    poll,
    calls: () => calls,
    maxRunning: () => maxRunning,
    async succeed() {
      waiting.shift()!.resolve();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
    async fail() {
      waiting.shift()!.reject(new Error("offline"));
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
  };
}

describe("asking for staff replies (poll scheduler)", () => {
  it("keeps the interval within 2..60 seconds", () => {
    expect(clampPollSeconds(5)).toBe(5);
    expect(clampPollSeconds(2.5)).toBe(2.5);
    expect(clampPollSeconds(0.1)).toBe(2);
    expect(clampPollSeconds(-3)).toBe(2);
    expect(clampPollSeconds(3600)).toBe(60);
    expect(clampPollSeconds(Number.NaN)).toBe(60);
    expect(clampPollSeconds(Number.POSITIVE_INFINITY)).toBe(60);
  });

  it("doubles the interval per failure, up to 60 seconds", () => {
    expect([0, 1, 2, 3, 4, 5, 50, 2000].map((f) => pollDelayMs(5, f))).toEqual([
      5000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000, 60_000,
    ]);
    expect(pollDelayMs(1, 0)).toBe(2000);
    expect(pollDelayMs(1, 1)).toBe(4000);
    expect(pollDelayMs(600, 0)).toBe(60_000);
  });

  it("polls every interval, counted from the end of the previous poll, until stopped", async () => {
    const t = fakeClock();
    const p = controlledPoll();
    const poller = createPoller(t.clock, p.poll, true);
    expect(t.pending()).toBe(0); // nothing before a handoff is open
    poller.set(5);
    expect(t.next()).toBe(5000); // the first poll waits one interval
    await t.advance(4999);
    expect(p.calls()).toBe(0);
    await t.advance(1);
    expect(p.calls()).toBe(1);
    expect(t.pending()).toBe(0); // no timer while a poll runs
    await t.advance(3000); // a slow answer
    await p.succeed();
    expect(t.next()).toBe(5000);
    poller.set(5); // the same interval again (every answer repeats it) changes nothing
    expect(t.next()).toBe(5000);
    await t.advance(5000);
    expect(p.calls()).toBe(2);
    await p.succeed();
    poller.set(null);
    expect(t.pending()).toBe(0);
    await t.advance(600_000);
    expect(p.calls()).toBe(2);
  });

  it("uses a new interval at once and clamps it", async () => {
    const t = fakeClock();
    const p = controlledPoll();
    const poller = createPoller(t.clock, p.poll, true);
    poller.set(0.5);
    expect(t.next()).toBe(2000);
    await t.advance(1000);
    poller.set(30);
    expect(t.next()).toBe(29_000);
    poller.set(10_000);
    expect(t.next()).toBe(59_000);
  });

  it("backs off on failures and returns to the interval after a success", async () => {
    const t = fakeClock();
    const p = controlledPoll();
    const poller = createPoller(t.clock, p.poll, true);
    poller.set(5);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      await t.advance(t.next()!);
      await p.fail();
      delays.push(t.next()!);
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    await t.advance(t.next()!);
    await p.succeed();
    expect(t.next()).toBe(5000);
    expect(p.calls()).toBe(7);
  });

  it("pauses while the page is hidden and catches up when it is shown again", async () => {
    const t = fakeClock();
    const p = controlledPoll();
    const poller = createPoller(t.clock, p.poll, false);
    poller.set(5);
    expect(t.pending()).toBe(0); // started hidden: nothing
    await t.advance(60_000);
    expect(p.calls()).toBe(0);
    poller.setVisible(true);
    expect(t.next()).toBe(0); // overdue: poll at once
    await t.advance(0);
    expect(p.calls()).toBe(1);
    await p.succeed();
    await t.advance(2000);
    poller.setVisible(false);
    expect(t.pending()).toBe(0);
    await t.advance(1000);
    poller.setVisible(true);
    expect(t.next()).toBe(2000); // not overdue yet: the rest of the interval
    await t.advance(2000);
    expect(p.calls()).toBe(2);
    // Hidden while a poll runs: it finishes, but no next one is planned until shown.
    poller.setVisible(false);
    await p.succeed();
    expect(t.pending()).toBe(0);
  });

  it("never runs two polls at once, also across a stop and a new start", async () => {
    const t = fakeClock();
    const p = controlledPoll();
    const poller = createPoller(t.clock, p.poll, true);
    poller.set(2);
    await t.advance(2000);
    expect(p.calls()).toBe(1);
    // Stop and start again while that poll still runs (e.g. a new conversation with a handoff).
    poller.set(null);
    poller.set(2);
    poller.setVisible(false);
    poller.setVisible(true);
    await t.advance(10_000);
    expect(p.calls()).toBe(1);
    await p.fail(); // the old round's failure does not slow the new round
    expect(t.next()).toBe(0);
    await t.advance(0);
    expect(p.calls()).toBe(2);
    expect(p.maxRunning()).toBe(1);
  });

  it("stops when the poll itself stops it (handoff closed, or 404)", async () => {
    const t = fakeClock();
    let calls = 0;
    const poller = createPoller(
      t.clock,
      async () => {
        calls++;
        poller.set(null);
      },
      true,
    );
    poller.set(3);
    await t.advance(3000);
    expect(calls).toBe(1);
    expect(t.pending()).toBe(0);
    await t.advance(120_000);
    expect(calls).toBe(1);
  });
});

describe("staff message colours", () => {
  it("text and the 'Medewerker' label reach 4.5:1 on the staff bubble", () => {
    const bubble = parseHexColor(STAFF_BUBBLE_BACKGROUND)!;
    expect(contrastRatio(parseHexColor(TEXT_COLOR)!, bubble)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(contrastRatio(parseHexColor(STAFF_ACCENT)!, bubble)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    // The edge in the accent colour sets the bubble apart from the white log (non-text contrast, 3:1).
    expect(contrastRatio(parseHexColor(STAFF_ACCENT)!, parseHexColor("#ffffff")!)).toBeGreaterThanOrEqual(3);
  });
});

describe("widget source", () => {
  it("never parses strings as HTML or code (W-01 grep check)", () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "widget");
    const forbidden =
      /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b|DOMParser|createContextualFragment|srcdoc/;
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8");
      expect(forbidden.exec(source)?.[0], file).toBeUndefined();
    }
  });
});

describe("phone numbers become tap-to-call links", () => {
  it("finds the help lines and service numbers, digits only in the tel: address", () => {
    const parts = splitPhoneNumbers("Bel 112, of 113 of 0800-0113. Veilig Thuis: 0800-2000; politie 0900-8844.");
    expect(parts.filter((p) => p.tel).map((p) => [p.text, p.tel])).toEqual([
      ["112", "tel:112"],
      ["113", "tel:113"],
      ["0800-0113", "tel:08000113"],
      ["0800-2000", "tel:08002000"],
      ["0900-8844", "tel:09008844"],
    ]);
    expect(parts.map((p) => p.text).join("")).toBe(
      "Bel 112, of 113 of 0800-0113. Veilig Thuis: 0800-2000; politie 0900-8844.",
    );
  });

  it("leaves other numbers alone: years, amounts, dates, parts of longer numbers", () => {
    for (const text of ["in 2025 en 1120 euro", "op 12-01-2026", "groep 1123", "nummer 31120"]) {
      expect(splitPhoneNumbers(text).some((p) => p.tel)).toBe(false);
    }
  });
});
