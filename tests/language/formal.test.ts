import { describe, expect, it } from "vitest";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/index.js";
import { FORMAL_RULES, INFORMAL_AFTER_U, toFormal, traceFormal } from "../../src/language/index.js";

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

describe("the table of formal rules", () => {
  it("has a unique name for every rule", () => {
    const names = FORMAL_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const rule of FORMAL_RULES) {
    it(`decides its own example: ${rule.name}`, () => {
      const [informal, formal] = rule.example;
      const { text, steps } = traceFormal(informal);
      expect(text).toBe(formal);
      expect(steps.map((s) => s.rule)).toContain(rule.name);
      expect(steps.find((s) => s.rule === rule.name)?.word.toLowerCase()).toBe(rule.word);
    });
  }

  it("ends with a rule that always applies for each informal word, so every one is rewritten", () => {
    for (const word of ["je", "jij", "jou", "jouw", "jezelf"]) {
      const { steps } = traceFormal(`xyz, qqq ${word} zzz.`);
      expect(steps.map((s) => s.word)).toEqual([word]);
    }
  });

  it("names the rule that decided each word", () => {
    expect(traceFormal("Kun je je kind aanmelden?").steps).toEqual([
      { word: "je", at: 1, rule: "inversion", write: "subject+verb" },
      { word: "je", at: 2, rule: "possessive after subject", write: "uw" },
    ]);
  });
});
