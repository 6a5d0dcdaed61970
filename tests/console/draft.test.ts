import { describe, expect, it } from "vitest";
import { composeDraft, plainText, type DraftEntry, type DraftQuestion } from "../../src/console/draft.js";

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
    const draft = composeDraft({ questions: [asked(entry)], form: "u" });
    expect(draft).toBe(
      [
        // Issue 16: a placeholder for the parent's name instead of "Beste ouder".
        "Beste [naam],",
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
    const draft = composeDraft({ questions: [asked(entry)], form: "je" });
    expect(draft.startsWith("Hallo [naam],\n\nDank je wel voor je vraag.")).toBe(true);
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
    const draft = composeDraft({ questions: [asked(entry), asked(second)], form: "u" });
    // The sources of all answers stand once, after the last answer (issue 16).
    expect(draft).toContain("Wie betaalt het vervoer?\n\nDat regelt uw gemeente.\n\nBronnen:\n- Informatieset");
    expect(draft.match(/Wat u kunt doen:/g)).toHaveLength(1);
    expect(draft.indexOf("Wat is een ontwikkelingsperspectief")).toBeLessThan(draft.indexOf("Wie betaalt"));
  });

  it("writes a short holding reply without entries", () => {
    expect(composeDraft({ questions: [], form: "u" })).toBe(
      "Beste [naam],\n\nDank u wel voor uw vraag. We zoeken dit voor u uit. U hoort zo snel mogelijk van ons.\n\nMet vriendelijke groet,\n[naam], ouder- en jeugdsteunpunt\n",
    );
    expect(composeDraft({ questions: [], form: "je" })).toContain("We zoeken dit voor je uit.");
    expect(composeDraft({ questions: [{ question: "Wat nu?", entries: [] }], form: "u" })).toContain(
      "Dank u wel voor uw vraag. We zoeken dit voor u uit.",
    );
  });

  describe("for an e-mail with several questions", () => {
    const cite = (section: string) => ({
      title: "Informatieset passend onderwijs po",
      section,
      url: "https://www.rijksoverheid.nl/opp",
    });
    const opp: DraftEntry = { ...entry, citations: [cite("Wat is een OPP?")] };
    const tlv: DraftEntry = {
      question: "Hoe vraag je een toelaatbaarheidsverklaring (TLV) aan?",
      answer: "De school vraagt de TLV aan bij het samenwerkingsverband. Jij praat mee.",
      nextSteps: ["Vraag de school wanneer de aanvraag de deur uit gaat."],
      citations: [cite("De toelaatbaarheidsverklaring"), cite("Wat is een OPP?")],
    };
    const transport: DraftEntry = {
      question: "Wie betaalt het vervoer naar school?",
      answer: "Dat regelt **je gemeente**.",
      nextSteps: [],
      citations: [
        { title: "Rijksoverheid", section: "Leerlingenvervoer", url: "https://www.rijksoverheid.nl/vervoer" },
      ],
    };
    const questions: DraftQuestion[] = [
      { question: "Moet ik het OPP tekenen?", entries: [opp] },
      { question: "Wie beslist over de TLV?", entries: [tlv] },
      { question: "Wie betaalt de taxi?", entries: [transport] },
    ];

    it("answers every question in order, thanks for the questions and lists each source once", () => {
      const draft = composeDraft({ questions, form: "u" });
      expect(draft.startsWith("Beste [naam],\n\nDank u wel voor uw vragen.")).toBe(true);
      const at = [opp, tlv, transport].map((e) => draft.indexOf(toFormalQuestion(e.question)));
      expect(at.every((i) => i > 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(draft).toContain("U praat mee.");
      expect(draft.match(/https:\/\/www\.rijksoverheid\.nl\/opp/g)).toHaveLength(1);
      expect(draft.match(/Bronnen:/g)).toHaveLength(1);
      expect(draft).toContain(
        "- Informatieset passend onderwijs po, Wat is een OPP?; De toelaatbaarheidsverklaring\n  https://www.rijksoverheid.nl/opp\n- Rijksoverheid, Leerlingenvervoer\n  https://www.rijksoverheid.nl/vervoer",
      );
      expect(composeDraft({ questions, form: "je" }).startsWith("Hallo [naam],\n\nDank je wel voor je vragen.")).toBe(
        true,
      );
    });

    it("does not repeat an entry chosen for an earlier question, and marks a question without one", () => {
      const draft = composeDraft({
        questions: [
          { question: "Moet ik het OPP tekenen?", entries: [opp] },
          { question: "En wat staat er in een OPP?", entries: [opp] },
          { question: "Mag de school mijn kind weigeren?", entries: [] },
        ],
        form: "u",
      });
      expect(draft.match(/Wat is een ontwikkelingsperspectief/g)).toHaveLength(1);
      expect(draft).toContain(
        "Mag de school mijn kind weigeren?\n\nHier zoeken we het antwoord nog voor u op. U hoort zo snel mogelijk van ons.",
      );
      expect(draft.indexOf("Wat is een ontwikkelingsperspectief")).toBeLessThan(draft.indexOf("Mag de school"));
    });
  });
});

/** One question answered by one entry. */
function asked(entry: DraftEntry): DraftQuestion {
  return { question: entry.question, entries: [entry] };
}

/** The entry question as it stands in a formal draft ("je" becomes "u"). */
function toFormalQuestion(question: string): string {
  return question.replace("Hoe vraag je", "Hoe vraagt u");
}
