import { describe, expect, it } from "vitest";
import { composeDraft, plainText, type DraftEntry } from "../../src/console/draft.js";

describe("plainText", () => {
  it("removes bold markers and keeps lists", () => {
    expect(plainText("Een **OPP** is:\n- het **handelingsdeel**;\n- het uitstroomprofiel.\n\n\n\nKlaar.  ")).toBe(
      "Een OPP is:\n- het handelingsdeel;\n- het uitstroomprofiel.\n\nKlaar.",
    );
  });
});

describe("composeDraft", () => {
  const entry: DraftEntry = {
    question: "Wat is een ontwikkelingsperspectief (OPP)?",
    answer:
      "Een OPP is een plan dat de school maakt als **je kind** extra hulp nodig heeft.\n\nEen OPP heeft twee delen:\n- het **uitstroomprofiel**;\n- het **handelingsdeel**: daar moet jij mee instemmen.",
    nextSteps: ["Vraag de intern begeleider of je kind een OPP heeft.", "Lees het plan thuis en schrijf je vragen op."],
    citations: [
      {
        title: "Informatieset passend onderwijs po",
        section: "Wat is een OPP?",
        url: "https://www.rijksoverheid.nl/opp",
      },
      { title: "PO-Raad", section: "Instemmingsrecht" },
    ],
  };

  it("writes a formal draft with greeting, steps, sources and closing", () => {
    const draft = composeDraft({ entries: [entry], form: "u" });
    expect(draft).toBe(
      [
        "Beste ouder,",
        "",
        "Dank u wel voor uw vraag. Hieronder leest u wat we erover weten.",
        "",
        "Wat is een ontwikkelingsperspectief (OPP)?",
        "",
        "Een OPP is een plan dat de school maakt als uw kind extra hulp nodig heeft.",
        "",
        "Een OPP heeft twee delen:",
        "- het uitstroomprofiel;",
        "- het handelingsdeel: daar moet u mee instemmen.",
        "",
        "Wat u kunt doen:",
        "1. Vraag de intern begeleider of uw kind een OPP heeft.",
        "2. Lees het plan thuis en schrijf uw vragen op.",
        "",
        "Bronnen:",
        "- Informatieset passend onderwijs po, Wat is een OPP?",
        "  https://www.rijksoverheid.nl/opp",
        "- PO-Raad, Instemmingsrecht",
        "",
        "Hebt u nog vragen? Neem dan gerust contact met ons op.",
        "",
        "Met vriendelijke groet,",
        "[naam], ouder- en jeugdsteunpunt",
        "",
      ].join("\n"),
    );
    expect(draft).not.toMatch(/\*\*/);
    expect(draft).not.toMatch(/\b(je|jij|jouw)\b/i);
  });

  it("keeps the informal form with form je", () => {
    const draft = composeDraft({ entries: [entry], form: "je" });
    expect(draft.startsWith("Hallo,\n\nDank je wel voor je vraag.")).toBe(true);
    expect(draft).toContain("Wat je kunt doen:\n1. Vraag de intern begeleider of je kind een OPP heeft.");
    expect(draft).toContain("daar moet jij mee instemmen.");
    expect(draft).toContain("Met vriendelijke groet,\n[naam], ouder- en jeugdsteunpunt");
    expect(draft).not.toMatch(/\*\*/);
  });

  it("handles several entries and entries without steps or sources", () => {
    const second: DraftEntry = {
      question: "Wie betaalt het vervoer?",
      answer: "Dat regelt **je gemeente**.",
      nextSteps: [],
      citations: [],
    };
    const draft = composeDraft({ entries: [entry, second], form: "u" });
    expect(draft).toContain("Wie betaalt het vervoer?\n\nDat regelt uw gemeente.\n\nHebt u nog vragen?");
    expect(draft.match(/Wat u kunt doen:/g)).toHaveLength(1);
    expect(draft.indexOf("Wat is een ontwikkelingsperspectief")).toBeLessThan(draft.indexOf("Wie betaalt"));
  });

  it("writes a short holding reply without entries", () => {
    expect(composeDraft({ entries: [], form: "u" })).toBe(
      "Beste ouder,\n\nDank u wel voor uw vraag. We zoeken dit voor u uit. U hoort zo snel mogelijk van ons.\n\nMet vriendelijke groet,\n[naam], ouder- en jeugdsteunpunt\n",
    );
    expect(composeDraft({ entries: [], form: "je" })).toContain("We zoeken dit voor je uit.");
  });
});
