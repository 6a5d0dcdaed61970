import { describe, expect, it } from "vitest";
import {
  composeDraft,
  INFORMAL_AFTER_U,
  plainText,
  splitQuestions,
  toFormal,
  type DraftEntry,
} from "../../src/console/draft.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/index.js";

describe("toFormal", () => {
  // Sentences in the style of the knowledge answers and next steps, with the formal text staff would send.
  const cases: Array<[string, string]> = [
    ["Kun je het niet vinden? Vraag erom bij de school.", "Kunt u het niet vinden? Vraag erom bij de school."],
    ["Heb je je kind aangemeld? Dan loopt de termijn.", "Hebt u uw kind aangemeld? Dan loopt de termijn."],
    [
      "Ben je het niet eens met het besluit? Dan kun je bezwaar maken.",
      "Bent u het niet eens met het besluit? Dan kunt u bezwaar maken.",
    ],
    ["Wil je weten of jouw school remedial teaching biedt?", "Wilt u weten of uw school remedial teaching biedt?"],
    [
      "Dan ga je naar de Geschillencommissie Passend Onderwijs.",
      "Dan gaat u naar de Geschillencommissie Passend Onderwijs.",
    ],
    ["Zo doe je het: stuur een mail naar de directeur.", "Zo doet u het: stuur een mail naar de directeur."],
    [
      "Vraag je om extra kopieën? Dan mag de school kosten vragen.",
      "Vraagt u om extra kopieën? Dan mag de school kosten vragen.",
    ],
    ["Vind je dat de school niet genoeg doet?", "Vindt u dat de school niet genoeg doet?"],
    ["Dan mag je de school vragen om een OPP.", "Dan mag u de school vragen om een OPP."],
    ["Soms weet je dat al bij het aanmelden.", "Soms weet u dat al bij het aanmelden."],
    [
      "Een OPP is een plan dat de school maakt als je kind meer hulp nodig heeft.",
      "Een OPP is een plan dat de school maakt als uw kind meer hulp nodig heeft.",
    ],
    ["Je kunt ook het samenwerkingsverband om hulp vragen.", "U kunt ook het samenwerkingsverband om hulp vragen."],
    ["Het ouder- en jeugdsteunpunt helpt je gratis.", "Het ouder- en jeugdsteunpunt helpt u gratis."],
    ["De school praat met jou over de doelen.", "De school praat met u over de doelen."],
    ["Met het handelingsdeel moet jij het eens zijn.", "Met het handelingsdeel moet u het eens zijn."],
    [
      "Vraag de intern begeleider of je kind een OPP heeft en vraag om een kopie.",
      "Vraag de intern begeleider of uw kind een OPP heeft en vraag om een kopie.",
    ],
    [
      "Lees het plan thuis rustig door en schrijf je vragen op.",
      "Lees het plan thuis rustig door en schrijf uw vragen op.",
    ],
    [
      "Meld je kind schriftelijk aan bij de school van je voorkeur.",
      "Meld uw kind schriftelijk aan bij de school van uw voorkeur.",
    ],
    [
      "Meld je aan via de website van de onderwijsconsulenten.",
      "Meld u aan via de website van de onderwijsconsulenten.",
    ],
    [
      "Maak je je zorgen over je kind? Dan kun je zelf contact opnemen.",
      "Maakt u zich zorgen over uw kind? Dan kunt u zelf contact opnemen.",
    ],
    ["Begin bij de leerkracht als je je zorgen maakt.", "Begin bij de leerkracht als u zich zorgen maakt."],
    ["Leg dan kalm uit dat je je niet gehoord voelt.", "Leg dan kalm uit dat u zich niet gehoord voelt."],
    ["In het gesprek vertel je je zorgen.", "In het gesprek vertelt u uw zorgen."],
    ["Vertel in het gesprek open wat je zorgen zijn.", "Vertel in het gesprek open wat uw zorgen zijn."],
    [
      "Schrijf je eigen reactie op en vraag school die toe te voegen.",
      "Schrijf uw eigen reactie op en vraag school die toe te voegen.",
    ],
    ["Je hebt geen advocaat nodig. Het kost je niets.", "U hebt geen advocaat nodig. Het kost u niets."],
    ["Jij kent je kind het best.", "U kent uw kind het best."],
    ["Daarna kies jij of het naar school mag.", "Daarna kiest u of het naar school mag."],
    ["Kan je kind meepraten? Dan kan dat.", "Kan uw kind meepraten? Dan kan dat."],
    ["Zit je kind langer dan 4 weken thuis?", "Zit uw kind langer dan 4 weken thuis?"],
    ["De school wil je kind verwijderen.", "De school wil uw kind verwijderen."],
    ["Hoe je bezwaar kunt maken, staat in de brief.", "Hoe u bezwaar kunt maken, staat in de brief."],
    ["Dien je zaak in binnen 6 weken.", "Dien uw zaak in binnen 6 weken."],
    ["Voordat je toestemming geeft, mag je vragen waarom.", "Voordat u toestemming geeft, mag u vragen waarom."],
    ["Dan heb je recht op een kopie van het dossier.", "Dan hebt u recht op een kopie van het dossier."],
    ["Twijfel je? Bel het ouder- en jeugdsteunpunt.", "Twijfelt u? Bel het ouder- en jeugdsteunpunt."],
    ["Hoor je woorden of afkortingen die je niet kent?", "Hoort u woorden of afkortingen die u niet kent?"],
    ["Na je aanmelding word je teruggebeld.", "Na uw aanmelding wordt u teruggebeld."],
    ["Denk aan jezelf: neem op tijd rust.", "Denk aan uzelf: neem op tijd rust."],
    ["Welke hulp jouw school geeft, staat in de schoolgids.", "Welke hulp uw school geeft, staat in de schoolgids."],
    ["Zul je het zelf doen, of ga je naar de GGD?", "Zult u het zelf doen, of gaat u naar de GGD?"],
    ["Als je wil, kun je iemand meenemen.", "Als u wilt, kunt u iemand meenemen."],
    ["Laat je vooraf goed adviseren.", "Laat u vooraf goed adviseren."],
    ["Wat wil je weten?", "Wat wilt u weten?"],
    ["Stuur per mail je bezwaar naar de commissie.", "Stuur per mail uw bezwaar naar de commissie."],
  ];
  for (const [informal, formal] of cases) {
    it(`"${informal}"`, () => expect(toFormal(informal)).toBe(formal));
  }

  it("keeps capitals and all-caps", () => {
    expect(toFormal("Jouw kind. Je kind. Jij mag.")).toBe("Uw kind. Uw kind. U mag.");
    expect(toFormal("JE KIND")).toBe("UW KIND");
  });

  it("leaves words that contain je, URLs and e-mail addresses alone", () => {
    const text = "Jeugdhulp en projecten voor je kind: https://example.nl/je/jouw-kind?je=1 of mail je@example.nl.";
    expect(toFormal(text)).toBe(
      "Jeugdhulp en projecten voor uw kind: https://example.nl/je/jouw-kind?je=1 of mail je@example.nl.",
    );
    expect(toFormal("jeugd jeugdarts jezus jets")).toBe("jeugd jeugdarts jezus jets");
  });

  it("keeps Markdown and list layout", () => {
    expect(toFormal("- **Je kind** krijgt hulp;\n- met dat deel moet **jij** instemmen.")).toBe(
      "- **Uw kind** krijgt hulp;\n- met dat deel moet **u** instemmen.",
    );
  });

  it("leaves text without informal address unchanged", () => {
    const text = "Vraag de school om een gesprek. Neem iemand mee.";
    expect(toFormal(text)).toBe(text);
    expect(toFormal("")).toBe("");
  });

  it("converts every answer and next step of the knowledge base without leftovers", () => {
    const { knowledge } = loadKnowledge(defaultKnowledgeDir);
    const texts = knowledge.entries.flatMap((e) => [e.answer, ...e.nextSteps]);
    expect(texts.length).toBeGreaterThan(300);
    const informal = /(?<![\p{L}\p{N}@/.'’-])(je|jij|jou|jouw|jezelf)(?![\p{L}\p{N}'’-])/iu;
    const badAfterU = new RegExp(`(?<![\\p{L}])u (${INFORMAL_AFTER_U.join("|")})(?![\\p{L}])`, "iu");
    const badBeforeU = /(?<![\p{L}])(kun|heb|wil|zul|ben|ga|doe|vind|krijg|kom|vraag) u(?![\p{L}])/iu;
    const problems: string[] = [];
    for (const text of texts) {
      const formal = toFormal(text);
      // Only whole words are replaced: the number of words stays the same.
      expect(formal.split(/\s+/).length).toBe(text.split(/\s+/).length);
      for (const sentence of formal.split(/(?<=[.?!:])\s+|\n/)) {
        if (informal.test(sentence) || badAfterU.test(sentence)) problems.push(sentence);
        // An inverted verb before "u" must have its formal form, unless it is an imperative with a reflexive "u".
        if (badBeforeU.test(sentence) && !/^(- )?(Meld|Vraag|Laat) u\b/.test(sentence)) problems.push(sentence);
      }
    }
    expect(problems).toEqual([]);
  });
});

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

describe("splitQuestions", () => {
  it("keeps the questions of a mail and drops greeting, thanks, signature and quoted text", () => {
    const mail = [
      "Beste medewerker,",
      "",
      "Ik heb een paar vragen. Mijn zoon (8) heeft ADHD en de school zegt dat hij een OPP krijgt. Wat is dat precies?",
      "Moet ik daarmee instemmen? En wat als ik het niet eens ben met het plan, bijv. met de doelen?",
      "",
      "1. Kan de school hem zomaar naar het sbo sturen?",
      "2) Wie betaalt het vervoer?",
      "",
      "Alvast bedankt!",
      "",
      "Met vriendelijke groet,",
      "Sandra de Vries",
      "Wie betaalt de taxi?",
      "",
      "Verzonden vanaf mijn iPhone",
    ].join("\r\n");
    expect(splitQuestions(mail)).toEqual([
      "Mijn zoon (8) heeft ADHD en de school zegt dat hij een OPP krijgt.",
      "Wat is dat precies?",
      "Moet ik daarmee instemmen?",
      "En wat als ik het niet eens ben met het plan, bijv. met de doelen?",
      "Kan de school hem zomaar naar het sbo sturen?",
      "Wie betaalt het vervoer?",
    ]);
  });

  it("drops quoted replies and earlier messages", () => {
    const mail = [
      "Hallo, mag de school mijn dochter schorsen zonder gesprek?",
      "> Beste ouder, wat is uw vraag?",
      ">> Eerdere tekst",
      "Op 3 okt. 2026 om 10:12 schreef Steunpunt <info@steunpunt.nl>:",
      "Wat is een TLV?",
    ].join("\n");
    expect(splitQuestions(mail)).toEqual(["mag de school mijn dochter schorsen zonder gesprek?"]);
  });

  it("stops at the phone signature even without a closing", () => {
    expect(splitQuestions("Hoe vraag ik leerlingenvervoer aan\nVerzonden vanaf mijn iPhone\nhttps://x")).toEqual([
      "Hoe vraag ik leerlingenvervoer aan",
    ]);
  });

  it("joins wrapped lines and splits long sentences to at most 300 characters", () => {
    const long = `Mijn kind zit al ${"heel ".repeat(40)}lang thuis, de school reageert niet op mijn mails en de leerplichtambtenaar ook niet, ${"echt ".repeat(30)}wat kan ik doen?`;
    const parts = splitQuestions(`De school wil mijn zoon\nnaar een andere school sturen.\n\n${long}`);
    expect(parts[0]).toBe("De school wil mijn zoon naar een andere school sturen.");
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(300);
    expect(parts.join(" ").replace(/\s+/g, " ")).toContain("wat kan ik doen?");
  });

  it("returns nothing for empty or noise-only text and removes duplicates", () => {
    expect(splitQuestions("")).toEqual([]);
    expect(splitQuestions("Hoi!\n\nDank je wel!\n\nGroetjes")).toEqual([]);
    expect(splitQuestions("Wat is een OPP? Wat is een OPP?")).toEqual(["Wat is een OPP?"]);
  });
});
