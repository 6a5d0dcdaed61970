import { describe, expect, it } from "vitest";
import { realAssistant } from "../helpers.js";

// Parent phrasings (not copies of any alternate) with the entry that must answer them, and why.
// Where two entries both answer the question well, the expected value lists both, separated by "|".
const cases: Array<[string, string, string]> = [
  ["wat houdt een toelaatbaarheids verklaring precies in", "tlv-wat-is", "split spelling of the compound"],
  [
    "de ib-er zegt dat mijn zoon een opp krijgt, wat houdt zo een opp in?",
    "opp-wat-is",
    "IB'er spelled with a hyphen, OPP abbreviated",
  ],
  [
    "moet ik echt mijn handtekening onder dat ontwikkelingsperspectief zetten",
    "opp-instemming|opp-onder-druk",
    "'handtekening' is the parents' word for instemming",
  ],
  [
    "hoe lang mag een school erover doen om te beslissen na de aanmelding",
    "zorgplicht-termijnen",
    "the 6 + 4 weeks question in other words",
  ],
  [
    "ik ben het oneens met het besluit over de tlv, hoe teken ik bezwaar aan",
    "tlv-bezwaar",
    "objecting to a TLV decision",
  ],
  ["wat doet die geschillen commissie voor ouders", "gpo-wat-is", "GPO spelled as two words"],
  [
    "welke hulp moet elke school gewoon kunnen bieden",
    "basisondersteuning-wat-is|sop-wat-is|hulp-welke-hulp",
    "basisondersteuning described without the word (hulp-welke-hulp explains it too)",
  ],
  ["wat is het verschil tussen sbo en so", "sbo-so-verschil", "two abbreviations"],
  ["mag ik het dossier van mijn dochter inzien", "dossier-inzien", "right of access"],
  [
    "mn kind zit al 6 weken thuis en er is geen school, wat nu",
    "thuiszitten|onderwijsconsulent-wanneer",
    "colloquial 'mn' and 'zit thuis'",
  ],
  ["hoe lang mag een schorsing duren", "schorsing", "suspension length"],
  ["krijgt mijn kind een taxi naar de speciale school", "leerlingenvervoer", "'taxi' for leerlingenvervoer"],
  ["mijn dochter is hoogbegaafd en verveelt zich in de klas", "hoogbegaafd-verveelt", "gifted and bored"],
  ["wat is een ouder en jeugdsteunpunt", "ouder-jeugdsteunpunt", "without the hyphen"],
  [
    "waar vind ik wat de school aan extra ondersteuning biedt",
    "sop-wat-is|middelbare-school-kiezen",
    "the support offer (SOP / schoolgids)",
  ],
];

describe("ranking of parent phrasings", () => {
  const assistant = realAssistant();
  it.each(cases)("%s → %s (%s)", async (text, expected) => {
    const reply = await assistant.reply(`rank-${text}`, text);
    expect(reply.kind).toBe("answer");
    expect(expected.split("|")).toContain(reply.answerId);
    expect(reply.citations.length).toBeGreaterThan(0);
  });
});

describe("follow-up questions", () => {
  it("resolves 'en hoe maak ik daar bezwaar tegen?' against the previous answer", async () => {
    const assistant = realAssistant();
    await assistant.reply("f1", "Wat is een TLV?");
    const reply = await assistant.reply("f1", "en hoe maak ik daar bezwaar tegen?");
    expect(reply.answerId).toBe("tlv-bezwaar");
  });

  it("resolves 'mag ik daar iets aan toevoegen?' after the OKR", async () => {
    const assistant = realAssistant();
    await assistant.reply("f2", "wat is een onderwijskundig rapport?");
    const reply = await assistant.reply("f2", "mag ik daar zelf iets aan toevoegen?");
    expect(reply.kind).toBe("answer");
    expect(reply.topic).toBe("privacy");
    expect(reply.text).toMatch(/opmerking|toevoeg|erbij/i);
  });

  it("keeps conversations apart", async () => {
    const assistant = realAssistant();
    await assistant.reply("a", "Wat is een TLV?");
    await assistant.reply("b", "wat is een okr");
    const reply = await assistant.reply("a", "en hoe maak ik daar bezwaar tegen?");
    expect(reply.answerId).toBe("tlv-bezwaar");
  });

  it("takes a new complete question on its own merits", async () => {
    const assistant = realAssistant();
    await assistant.reply("n", "Wat is een TLV?");
    const reply = await assistant.reply("n", "wat doet de leerplichtambtenaar?");
    expect(reply.answerId).toBe("leerplichtambtenaar");
  });
});

describe("deadlines computed from a date", () => {
  it("gives the school's 6 and 10 week dates after a registration", async () => {
    const reply = await realAssistant().reply(
      "d1",
      "ik heb mijn zoon op 3 maart 2025 aangemeld, wanneer moet de school beslissen?",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("14 april 2025");
    expect(reply.text).toContain("12 mei 2025");
    expect(reply.deadlines?.map((d) => d.date)).toEqual(["2025-04-14", "2025-05-12", "2025-05-12"]);
  });

  it("gives the 6 week objection date after a TLV decision", async () => {
    const reply = await realAssistant().reply(
      "d2",
      "het besluit over de tlv kwam op 12-01-2026, tot wanneer kan ik bezwaar maken?",
    );
    expect(reply.answerId).toBe("tlv-bezwaar");
    expect(reply.text).toContain("23 februari 2026");
  });

  it("gives the GPO date after a school decision", async () => {
    const reply = await realAssistant().reply(
      "d3",
      "de school besloot op 2 november 2026 om mijn dochter te verwijderen. wanneer moet ik bij de gpo zijn?",
    );
    expect(reply.text).toContain("14 december 2026");
  });
});
