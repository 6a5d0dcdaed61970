import { describe, expect, it } from "vitest";
import { addMonths, bindDate, compileDeadlineRule, computeDeadlines } from "../../src/core/index.js";
import { realAssistant, realKnowledge } from "../helpers.js";

// The date set of the issue "Legally right in every case": for each message, the entry being answered and the term
// that must (or must not) be computed from it. A term counts only for the answered subject and only from a date the
// parent ties to that subject's event.
const today = new Date("2026-11-23T12:00:00Z");
const rules = realKnowledge().deadlines.map(compileDeadlineRule);
const iso = (d: Date) => d.toISOString().slice(0, 10);
function termFor(entryId: string, text: string): string | null {
  const compiled = rules.find((r) => r.rule.entries.includes(entryId));
  const start = compiled ? bindDate(compiled, text, today) : null;
  return compiled && start ? `${compiled.rule.id} ${iso(start)}` : null;
}

const cases: Array<[string, string, string | null]> = [
  // TLV bezwaar: 6 weeks from the SWV's decision.
  [
    "het besluit over de tlv kwam op 12-01-2026, tot wanneer kan ik bezwaar maken?",
    "tlv-bezwaar",
    "tlv-bezwaar 2026-01-12",
  ],
  ["De TLV is op 3 november afgewezen. Kan ik nog bezwaar maken?", "tlv-bezwaar", "tlv-bezwaar 2026-11-03"],
  [
    "we kregen op 2 oktober 2026 de brief van het swv dat de tlv is toegekend, maar voor het verkeerde cluster",
    "tlv-bezwaar",
    "tlv-bezwaar 2026-10-02",
  ],
  [
    "Beslissing samenwerkingsverband gedateerd 15-09-2026, wij zijn het er niet mee eens",
    "tlv-bezwaar",
    "tlv-bezwaar 2026-09-15",
  ],
  // Traps: the day the TLV was applied for, a meeting, the future.
  ["school heeft op 1 maart een TLV aangevraagd, wanneer hoor ik iets?", "tlv-bezwaar", null],
  ["de aanvraag voor de tlv is op 14 oktober ingediend", "tlv-bezwaar", null],
  ["op 20 november hadden we een gesprek over de tlv, ik wil bezwaar maken", "tlv-bezwaar", null],
  ["het besluit over de tlv komt op 15 januari 2027", "tlv-bezwaar", null],
  ["de tlv is op 3 maart aangevraagd en op 10 april kwam het besluit", "tlv-bezwaar", "tlv-bezwaar 2026-04-10"],
  // The wrong subject: a TLV term never follows from a schorsing, a verwijdering or a transport decision.
  ["Mijn kind is op 3 maart geschorst, ik wil bezwaar maken", "schorsing-bezwaar", "schorsing 2026-03-03"],
  ["Mijn kind is op 3 maart geschorst, ik wil bezwaar maken", "schorsing", "schorsing 2026-03-03"],
  [
    "het schoolbestuur besloot op 2 november 2026 om mijn dochter te verwijderen, ik maak bezwaar",
    "verwijdering-bezwaar",
    "verwijdering 2026-11-02",
  ],
  ["de brief over de verwijdering kregen we op 5 oktober", "verwijdering", "verwijdering 2026-10-05"],
  [
    "de gemeente heeft op 12 september besloten dat er geen leerlingenvervoer komt, ik wil bezwaar maken",
    "leerlingenvervoer-bezwaar",
    "leerlingenvervoer 2026-09-12",
  ],
  [
    "beschikking leerlingenvervoer ontvangen op 01-10-2026, afgewezen",
    "leerlingenvervoer-bezwaar",
    "leerlingenvervoer 2026-10-01",
  ],
  ["ik heb op 3 juni leerlingenvervoer aangevraagd", "leerlingenvervoer-aanvragen", null],
  ["het vervoer begint op 1 september", "leerlingenvervoer", null],
  // GPO: a school's decision, never a municipality's transport decision or a complaints committee's ruling.
  [
    "de school besloot op 2 november 2026 om mijn dochter niet toe te laten. wanneer moet ik bij de gpo zijn?",
    "gpo-hoe",
    "gpo 2026-11-02",
  ],
  [
    "op 8 oktober kregen we de beslissing van het bestuur, kan ik naar de geschillencommissie?",
    "gpo-wat-is",
    "gpo 2026-10-08",
  ],
  ["de gemeente besloot op 12 september over het vervoer, kan dat naar de gpo?", "gpo-wat-is", null],
  ["de klachtencommissie deed op 1 oktober uitspraak, wat nu?", "gpo-wat-is", null],
  ["de uitspraak van de commissie kwam op 4 november", "gpo-hoe", null],
  ["ons kind is op 10 september geweigerd door de school", "aanmelden-geweigerd", "gpo 2026-09-10"],
  // Zorgplicht: 6 and 10 weeks from the registration.
  [
    "ik heb mijn zoon op 3 maart 2025 aangemeld, wanneer moet de school beslissen?",
    "zorgplicht-termijnen",
    "zorgplicht 2025-03-03",
  ],
  [
    "aanmelding ingeleverd op 1-10-2026 bij de basisschool, hoe lang mag de school erover doen?",
    "zorgplicht-termijnen",
    "zorgplicht 2026-10-01",
  ],
  ["we meldden onze dochter op 15 september aan", "aanmelden-wat-gebeurt", "zorgplicht 2026-09-15"],
  ["op 2 november heb ik het aanmeldformulier opgestuurd", "zorgplicht-termijnen", "zorgplicht 2026-11-02"],
  // Traps: enrolment, a fourth birthday, an intake, a decision date.
  ["mijn zoon is op 1 september ingeschreven, heeft de school nu zorgplicht?", "zorgplicht-wat-is", null],
  ["mijn dochter wordt op 12 januari 4 jaar, wanneer moet ik haar aanmelden?", "aanmelden-hoe", null],
  ["hij is op 3 maart jarig en dan mag hij naar school", "zorgplicht-termijnen", null],
  ["op 10 oktober hadden we het intakegesprek, ik heb haar in september aangemeld", "zorgplicht-termijnen", null],
  ["geboren op 05-05-2022, wanneer aanmelden?", "aanmelden-hoe", null],
  // Schorsing.
  ["de school heeft mijn zoon op 18 november voor drie dagen geschorst", "schorsing", "schorsing 2026-11-18"],
  ["brief over de schorsing kregen we op 19-11-2026", "schorsing-bezwaar", "schorsing 2026-11-19"],
  ["na het incident op 10 november is hij geschorst", "schorsing", null],
  // AVG inzage: one month, three when the school extends in time.
  [
    "ik heb op 1 oktober 2026 een kopie van het dossier gevraagd en nog niets gehoord",
    "dossier-termijn",
    "avg-inzage 2026-10-01",
  ],
  ["verzoek om inzage gemaild op 15-10-2026", "dossier-inzien", "avg-inzage 2026-10-15"],
  ["mijn dochter is op 3 maart 2014 geboren, mag ik haar dossier zien?", "dossier-inzien", null],
  // Entries without a term: no term, whatever the date.
  ["op 3 maart hebben we het opp getekend", "opp-instemming", null],
  ["de tlv is afgewezen op 3 maart", "tlv-wat-is", null],
  ["de gpo deed op 4 november uitspraak", "gpo-oordeel", null],
  ["op 1 september begon hij op het sbo", "sbo-wat-is", null],
  // Unclear or impossible dates.
  ["het besluit over de tlv kwam vorige week", "tlv-bezwaar", null],
  ["het besluit kwam op 31 februari 2026", "tlv-bezwaar", null],
  ["de tlv is afgewezen op 30-02-2026", "tlv-bezwaar", null],
  ["besluit ontvangen op 45-10-2026", "tlv-bezwaar", null],
  ["besluit over de tlv ontvangen in oktober", "tlv-bezwaar", null],
  ["besluit van 3/3", "tlv-bezwaar", null],
  ["het besluit is van 1 januari 1980", "tlv-bezwaar", null],
  ["aangemeld op 13-13-2026", "zorgplicht-termijnen", null],
  // Written dates in every form.
  ["besluit tlv ontvangen op 2026-10-05", "tlv-bezwaar", "tlv-bezwaar 2026-10-05"],
  ["besluit tlv ontvangen op 5/10/26", "tlv-bezwaar", "tlv-bezwaar 2026-10-05"],
  ["besluit tlv ontvangen op 5 okt. 2026", "tlv-bezwaar", "tlv-bezwaar 2026-10-05"],
  ["besluit tlv ontvangen op 5e oktober", "tlv-bezwaar", "tlv-bezwaar 2026-10-05"],
  ["besluit tlv ontvangen op 05.10.2026", "tlv-bezwaar", "tlv-bezwaar 2026-10-05"],
  ["BESLUIT TLV ONTVANGEN OP 5 OKTOBER 2026", "tlv-bezwaar", "tlv-bezwaar 2026-10-05"],
  // Two dates: the one tied to the event counts.
  [
    "ik heb haar op 1 september aangemeld en op 20 oktober kwam er een besluit",
    "zorgplicht-termijnen",
    "zorgplicht 2026-09-01",
  ],
  [
    "op 1 september gesprek gehad, op 20 oktober kregen we de brief met het besluit over de tlv",
    "tlv-bezwaar",
    "tlv-bezwaar 2026-10-20",
  ],
  [
    "geschorst op 3 november, en op 10 november het besluit tot verwijdering ontvangen",
    "verwijdering-bezwaar",
    "verwijdering 2026-11-10",
  ],
  [
    "geschorst op 3 november, en op 10 november het besluit tot verwijdering ontvangen",
    "schorsing",
    "schorsing 2026-11-03",
  ],
  [
    "de school besloot op 1 oktober, maar de gemeente besloot op 5 oktober over het vervoer",
    "leerlingenvervoer-bezwaar",
    "leerlingenvervoer 2026-10-01",
  ],
  ["de gemeente besloot op 5 oktober over het vervoer, de school besloot op 1 oktober", "gpo-hoe", "gpo 2026-10-01"],
  // A date without a year lies in the past (up to 60 days ahead is read as this year).
  ["besluit tlv ontvangen op 20 december", "tlv-bezwaar", "tlv-bezwaar 2025-12-20"],
  ["besluit tlv ontvangen op 10 januari", "tlv-bezwaar", "tlv-bezwaar 2026-01-10"],
];

describe("deadline rules bound to the subject and the event", () => {
  it("holds at least 60 date messages", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)("%s (%s) → %s", (text, entryId, expected) => {
    expect(termFor(entryId, text)).toBe(expected);
  });

  it("every rule says to count from the letter, that it is an indication, and whom to ask", () => {
    for (const { rule } of rules) {
      expect(rule.note, rule.id).toMatch(/Tel vanaf/);
      expect(rule.note, rule.id).toMatch(/indicatie/);
      expect(rule.note, rule.id).toMatch(/vraag/i);
    }
  });

  it("marks a term that has passed and counts months by the calendar", () => {
    const rule = rules.find((r) => r.rule.id === "avg-inzage")?.rule;
    expect(rule).toBeDefined();
    const out = computeDeadlines(rule!, new Date(Date.UTC(2026, 0, 31)), today);
    expect(out.dates.map((d) => d.date)).toEqual(["2026-02-28", "2026-04-30"]);
    expect(out.text).toContain("Die datum is al voorbij.");
    expect(iso(addMonths(new Date(Date.UTC(2028, 0, 31)), 1))).toBe("2028-02-29");
  });
});

describe("deadlines in replies", () => {
  const assistant = realAssistant();

  it("gives no TLV term for a schorsing or a transport decision", async () => {
    const schorsing = await assistant.reply("t1", "Mijn kind is op 3 maart geschorst, ik wil bezwaar maken");
    expect(schorsing.text).not.toMatch(/TLV/);
    const vervoer = await assistant.reply(
      "t2",
      "de gemeente besloot op 12 september dat er geen leerlingenvervoer komt, ik wil bezwaar maken",
    );
    expect(vervoer.text).not.toMatch(/Geschillencommissie Passend Onderwijs \(6 weken/);
    expect(vervoer.text).not.toMatch(/besluit over de TLV/);
  });

  it("adds a date to the previous answer's subject", async () => {
    await assistant.reply("t3", "hoe maak ik bezwaar tegen de tlv?");
    const reply = await assistant.reply("t3", "ik kreeg de brief met het besluit op 1 november 2026");
    expect(reply.kind).toBe("answer");
    expect(reply.deadlines?.[0]?.date).toBe("2026-12-13");
  });
});
