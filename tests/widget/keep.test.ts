// The pure parts of the phone work, in Node: a kept answer as text, section names, message times, the keyboard
// viewport, the dark palette's contrast, and the times of a restored transcript.

import { describe, expect, it } from "vitest";
import { contrastRatio, DARK_THEME, LIGHT_THEME, MIN_TEXT_CONTRAST, parseHexColor } from "../../src/widget/contrast.js";
import { answerAsText } from "../../src/widget/keep.js";
import { keyboardViewport, trapTab } from "../../src/widget/modal.js";
import { groupCitations, sectionLabel, splitPhoneNumbers } from "../../src/widget/render.js";
import { parseConversation, type WidgetReply } from "../../src/widget/reply.js";
import { clockTime, dateOr, longDateTime, messageTime } from "../../src/widget/time.js";

const reply: WidgetReply = {
  kind: "answer",
  text: "Een **TLV** is een besluit.\n\nIn de TLV staat:\n- dat je kind toelaatbaar is;\n- welke hulp.",
  answerId: "tlv-wat-is",
  citations: [
    {
      title: "Informatieset",
      section: "7. Andere school? > Wat is een TLV?",
      url: "https://www.rijksoverheid.nl/passendonderwijs",
    },
    { title: "Informatieset", section: "Begrippenlijst", url: "https://www.rijksoverheid.nl/passendonderwijs" },
    { title: "Onveilig", section: "x", url: "javascript:alert(1)" },
  ],
  nextSteps: ["Vraag een kopie van de TLV.", "Bel 0800-5010."],
  suggestions: ["Wat is een OPP?"],
  question: "Wat is een toelaatbaarheidsverklaring (TLV)?",
  legalBasis: ["WPO art. 18a"],
  reviewed: "2026-12-05",
};

describe("a kept answer as text (copy and share)", () => {
  it("holds the question, the answer without markup, the steps, the sources with addresses, the legal basis and the date", () => {
    const at = new Date(2026, 11, 7, 9, 5);
    expect(answerAsText({ reply, at, title: "Chatbot passend onderwijs", host: "www.steunpunt.example" })).toBe(
      [
        "Chatbot passend onderwijs: automatische chatbot, geen mens",
        "Vraag: Wat is een toelaatbaarheidsverklaring (TLV)?",
        "Antwoord van 7 december 2026 om 09:05.",
        "",
        "Een TLV is een besluit.",
        "",
        "In de TLV staat:",
        "",
        "- dat je kind toelaatbaar is;",
        "- welke hulp.",
        "",
        "Wat kun je nu doen?",
        "1. Vraag een kopie van de TLV.",
        "2. Bel 0800-5010.",
        "",
        "Bronnen:",
        "- Informatieset (7. Andere school? › Wat is een TLV?; Begrippenlijst): https://www.rijksoverheid.nl/passendonderwijs",
        "- Onveilig (x)",
        "",
        "Wettelijke basis: WPO art. 18a. Bijgewerkt op 5 december 2026.",
        "Gevonden via de chatbot op www.steunpunt.example.",
      ].join("\n"),
    );
  });

  it("uses the parent's own words when a reply has no entry question, and leaves out what is missing", () => {
    const bare: WidgetReply = {
      kind: "clarify",
      text: "Bedoel je dit?",
      answerId: null,
      citations: [],
      nextSteps: [],
      suggestions: [],
    };
    expect(answerAsText({ reply: bare, at: new Date(2026, 0, 2, 14, 0), title: "Hulp", host: "" }, "toets")).toBe(
      "Hulp: automatische chatbot, geen mens\nVraag: toets\nAntwoord van 2 januari 2026 om 14:00.\n\nBedoel je dit?",
    );
  });
});

describe("section names", () => {
  it("shows the last step of a chapter path, and the whole path when asked", () => {
    expect(sectionLabel("1. Wat is passend onderwijs? > Wanneer heeft een school zorgplicht?")).toBe(
      "Wanneer heeft een school zorgplicht?",
    );
    expect(sectionLabel("1. Wat is passend onderwijs? > Wanneer heeft een school zorgplicht?", true)).toBe(
      "1. Wat is passend onderwijs? › Wanneer heeft een school zorgplicht?",
    );
    expect(sectionLabel("Artikel 6:7 en 6:8")).toBe("Artikel 6:7 en 6:8");
    expect(sectionLabel("a>b")).toBe("a>b"); // only " > " separates steps
    expect(sectionLabel("  ")).toBe("");
  });
});

describe("sources", () => {
  it("leave out a section that only repeats the source's title", () => {
    expect(
      groupCitations([
        { title: "GPO, procedure", section: "GPO, procedure" },
        { title: "GPO, procedure", section: "Termijnen" },
      ]),
    ).toEqual([{ title: "GPO, procedure", url: null, sections: ["Termijnen"] }]);
  });
});

describe("phone numbers and web addresses", () => {
  it("leaves a web address such as 113.nl as text, but links 113 before a full stop", () => {
    expect(
      splitPhoneNumbers("chat op 113.nl of bel 113.")
        .filter((p) => p.tel)
        .map((p) => p.text),
    ).toEqual(["113"]);
    expect(splitPhoneNumbers("chat op 113.nl").some((p) => p.tel)).toBe(false);
  });
});

describe("message times", () => {
  const now = new Date(2026, 11, 5, 16, 30);
  it("shows the clock time today, the day before it on other days, and the year when it differs", () => {
    expect(messageTime(new Date(2026, 11, 5, 9, 3), now)).toBe("09:03");
    expect(messageTime(new Date(2026, 11, 4, 23, 59), now)).toBe("4 dec 23:59");
    expect(messageTime(new Date(2025, 2, 1, 8, 0), now)).toBe("1 mrt 2025 08:00");
    expect(clockTime(new Date(2026, 0, 1, 0, 0))).toBe("00:00");
    expect(longDateTime(new Date(2026, 4, 17, 13, 45))).toBe("17 mei 2026 om 13:45");
  });

  it("reads ISO times and falls back for anything else", () => {
    const fallback = new Date(0);
    expect(dateOr("2026-12-05T10:00:00.000Z", fallback).toISOString()).toBe("2026-12-05T10:00:00.000Z");
    expect(dateOr("gisteren", fallback)).toBe(fallback);
    expect(dateOr(undefined, fallback)).toBe(fallback);
  });
});

describe("a restored transcript's times", () => {
  const value = {
    turns: [
      { seq: 1, role: "parent", text: "hoi", createdAt: "2026-12-05T10:00:00.000Z" },
      { seq: 2, role: "assistant", text: "Hallo", kind: "smalltalk", createdAt: "2026-12-05T10:00:01+01:00" },
      { seq: 3, role: "staff", text: "Ik ben Anna", createdAt: "<script>" },
    ],
    handoff: null,
  };
  it("carries the service's createdAt as `at` only when asked, and only when it is a real time", () => {
    expect(parseConversation(value, { times: true })?.turns.map((t) => t.at)).toEqual([
      "2026-12-05T10:00:00.000Z",
      "2026-12-05T09:00:01.000Z",
      undefined,
    ]);
    expect(parseConversation(value)?.turns.some((t) => "at" in t)).toBe(false);
  });
});

describe("the phone panel and the keyboard", () => {
  it("follows the visual viewport while the keyboard is open, not while the page is zoomed", () => {
    expect(keyboardViewport({ height: 400, offsetTop: 0, scale: 1 })).toEqual({ height: 400, top: 0 });
    expect(keyboardViewport({ height: 390, offsetTop: 12, scale: 1 })).toEqual({ height: 390, top: 12 });
    expect(keyboardViewport({ height: 300, offsetTop: 40, scale: 2 })).toBeNull();
    expect(keyboardViewport(null)).toBeNull();
    expect(keyboardViewport({ height: 0, offsetTop: 0, scale: 1 })).toBeNull();
  });

  it("ignores keys other than Tab", () => {
    const event = { key: "Enter", altKey: false, ctrlKey: false, metaKey: false, shiftKey: false } as KeyboardEvent;
    expect(trapTab(event, { querySelectorAll: () => [] } as unknown as ParentNode, null)).toBe(false);
  });
});

describe("colours in light and dark mode", () => {
  const ratio = (a: string, b: string) => contrastRatio(parseHexColor(a)!, parseHexColor(b)!);

  it("text, muted text, errors, links and the staff label reach 4.5:1 on every dark background", () => {
    for (const background of [DARK_THEME.background, DARK_THEME.bubble, DARK_THEME.staffBubble]) {
      for (const foreground of [
        DARK_THEME.text,
        DARK_THEME.muted,
        DARK_THEME.danger,
        DARK_THEME.link,
        DARK_THEME.staffAccent,
      ]) {
        expect(ratio(foreground, background), `${foreground} on ${background}`).toBeGreaterThanOrEqual(
          MIN_TEXT_CONTRAST,
        );
      }
      // Input borders and outlined controls stand out (non-text contrast, 3:1).
      expect(ratio(DARK_THEME.border, background)).toBeGreaterThanOrEqual(3);
    }
    // A pressed button: dark text on the light link colour.
    expect(ratio(DARK_THEME.background, DARK_THEME.link)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it("the light palette does the same on white and on the bubble", () => {
    for (const background of [LIGHT_THEME.background, LIGHT_THEME.bubble]) {
      for (const foreground of [LIGHT_THEME.text, LIGHT_THEME.muted, LIGHT_THEME.danger]) {
        expect(ratio(foreground, background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      }
      expect(ratio(LIGHT_THEME.border, background)).toBeGreaterThanOrEqual(3);
    }
  });
});
