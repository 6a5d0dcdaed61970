import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteStores } from "../../src/stores/index.js";
import type { Stores } from "../../src/stores/types.js";
import { postJson, startTestService, tempDir, type TestService } from "./harness.js";
import { docxText } from "./unzip.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** A word no letter contains: every value filled in carries it, so its absence from the database and log shows. */
const MARK = "Zwaluwstaart";

interface ListedLetter {
  id: string;
  title: string;
  fields: Array<{ name: string; label: string; required: boolean; kind: string }>;
}

/** For each letter: phrases of its legal elements, and the deadline a decision/letter date of 2 maart 2026 gives. */
const expected: Record<string, { phrases: RegExp[]; deadline: string | null }> = {
  // A written aanmelding starts the zorgplicht: 6 weeks for the decision (WPO art. 40).
  "aanmelding-extra-ondersteuning": {
    phrases: [/schriftelijk aan/, /extra ondersteuning/, /zorgplicht/, /eerste keus/, /uiterlijk 13 april 2026/],
    deadline: "2026-04-13",
  },
  // Consent covers the handelingsdeel; the uitstroomprofiel only OOGO; the pupil's hoorrecht.
  "opp-gesprek": {
    phrases: [/handelingsdeel/, /instemming/, /uitstroomprofiel/, /mening van mijn kind/],
    deadline: null,
  },
  // Awb 6:5: name, address, date, the decision, the grounds, signature; 7:2 hearing; 6 weeks from 2 March.
  "bezwaar-tlv": {
    phrases: [/maak bezwaar/, /besluit van 2 maart 2026/, /Mijn redenen zijn/, /gehoord/, /Handtekening/, /LBT/],
    deadline: "2026-04-13",
  },
  // No removal before another school admits the child (WPO art. 40); the GPO's suspensive effect.
  "bezwaar-verwijdering": {
    phrases: [
      /maak bezwaar/,
      /besluit van 2 maart 2026/,
      /andere school/,
      /Geschillencommissie Passend Onderwijs/,
      /gehoord/,
      /Handtekening/,
    ],
    deadline: "2026-04-13",
  },
  // AVG art. 15: copy, purposes, recipients, retention, source; one month (art. 12).
  "dossier-inzage": {
    phrases: [/artikel 15/, /kopie/, /waarvoor/, /met wie/, /hoe lang/, /binnen een maand/, /uiterlijk 2 april 2026/],
    deadline: "2026-04-02",
  },
  // AVG art. 16: rectify or complete; tell recipients (art. 19); one month.
  "dossier-correctie": {
    phrases: [/artikel 16/, /verbeteren of aan te vullen/, /Dit klopt niet/, /uiterlijk 2 april 2026/],
    deadline: "2026-04-02",
  },
  // WPO art. 14: the school's klachtenregeling.
  "klacht-schoolbestuur": { phrases: [/klacht/, /klachtenregeling/, /klachtencommissie/], deadline: null },
  // What the GPO must know: parties, the decision and its date, the grounds, the request; within 6 weeks.
  "verzoek-gpo": {
    phrases: [
      /Geschillencommissie Passend Onderwijs/,
      /Datum van het besluit van het schoolbestuur: 2 maart 2026/,
      /Waarom ik het niet eens ben/,
      /Wat ik de commissie vraag/,
      /6 weken/,
    ],
    deadline: "2026-04-13",
  },
  // The gemeente decides under its verordening; ask for a written decision (to be able to object).
  "leerlingenvervoer-aanvraag": {
    phrases: [/leerlingenvervoer/, /verordening leerlingenvervoer/, /besluit schriftelijk/],
    deadline: null,
  },
  "bezwaar-leerlingenvervoer": {
    phrases: [/maak bezwaar/, /besluit van 2 maart 2026/, /gehoord/, /Handtekening/],
    deadline: "2026-04-13",
  },
};

function valuesFor(letter: ListedLetter): Record<string, string> {
  return Object.fromEntries(letter.fields.map((f) => [f.name, f.kind === "date" ? "2026-03-02" : `${MARK} ${f.name}`]));
}

describe("letters over HTTP", () => {
  let svc: TestService;
  let stores: Stores;
  let dataDir: string;
  let letters: ListedLetter[] = [];

  beforeAll(async () => {
    dataDir = tempDir("ow-letters-");
    stores = createSqliteStores({ dataDir });
    svc = await startTestService({ LOG_LEVEL: "debug" }, { stores });
    const res = await fetch(`${svc.url}/api/letters`);
    letters = ((await res.json()) as { letters: ListedLetter[] }).letters;
  });
  afterAll(async () => {
    await svc.close();
    await stores.close();
  });

  it("lists at least 8 letters with their blanks, no-store", async () => {
    const res = await fetch(`${svc.url}/api/letters`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(letters.length).toBeGreaterThanOrEqual(8);
    expect(letters.map((l) => l.id).sort()).toEqual(Object.keys(expected).sort());
    for (const l of letters) {
      expect(l.title.length).toBeGreaterThan(5);
      expect(l.fields.length).toBeGreaterThan(0);
      for (const f of l.fields)
        expect(f).toMatchObject({ name: expect.any(String), label: expect.any(String), required: expect.any(Boolean) });
    }
  });

  it("fills every letter with what was given, its legal elements and its computed deadline", async () => {
    for (const letter of letters) {
      const values = valuesFor(letter);
      const res = await postJson(`${svc.url}/api/letters/${letter.id}`, { fields: values });
      expect(res.status, letter.id).toBe(200);
      expect(res.headers.get("cache-control"), letter.id).toContain("no-store");
      const body = (await res.json()) as { title: string; text: string; deadline: string | null };
      expect(body.title).toBe(letter.title);
      for (const f of letter.fields) {
        if (f.kind === "date") expect(body.text, `${letter.id}.${f.name}`).toContain("2 maart 2026");
        else expect(body.text, `${letter.id}.${f.name}`).toContain(`${MARK} ${f.name}`);
      }
      for (const phrase of expected[letter.id]?.phrases ?? []) expect(body.text, letter.id).toMatch(phrase);
      expect(body.deadline, letter.id).toBe(expected[letter.id]?.deadline);
      expect(body.text).not.toMatch(/[{}]/);
    }
  });

  it("leaves out a paragraph whose optional blank is empty, and dates the letter today when no date is given", async () => {
    const letter = letters.find((l) => l.id === "bezwaar-tlv") as ListedLetter;
    const values = valuesFor(letter);
    delete values.besluitKenmerk;
    delete values.briefDatum;
    const body = (await (await postJson(`${svc.url}/api/letters/bezwaar-tlv`, { fields: values })).json()) as {
      text: string;
    };
    expect(body.text).not.toContain("Kenmerk");
    expect(body.text).toMatch(/Datum: \d{1,2} [a-z]+ 20\d\d/);
  });

  it("reads dates as parents write them, and names a date it cannot read", async () => {
    const letter = letters.find((l) => l.id === "bezwaar-leerlingenvervoer") as ListedLetter;
    const ok = await postJson(`${svc.url}/api/letters/${letter.id}`, {
      fields: { ...valuesFor(letter), besluitDatum: "2 maart 2026" },
    });
    expect(((await ok.json()) as { deadline: string }).deadline).toBe("2026-04-13");
    const bad = await postJson(`${svc.url}/api/letters/${letter.id}`, {
      fields: { ...valuesFor(letter), besluitDatum: "vorige week" },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string; fields: Record<string, string> };
    expect(Object.keys(body.fields)).toEqual(["besluitDatum"]);
    expect(body.error).toContain("Datum op de brief met het besluit");
  });

  it("answers a missing required blank with a 400 that names it", async () => {
    for (const letter of letters) {
      const required = letter.fields.find((f) => f.required) as ListedLetter["fields"][number];
      const values = Object.fromEntries(Object.entries(valuesFor(letter)).filter(([name]) => name !== required.name));
      const res = await postJson(`${svc.url}/api/letters/${letter.id}`, { fields: values });
      expect(res.status, letter.id).toBe(400);
      const body = (await res.json()) as { error: string; fields: Record<string, string> };
      expect(body.error).toContain(required.label);
      expect(Object.keys(body.fields)).toEqual([required.name]);
    }
    const empty = await postJson(`${svc.url}/api/letters/bezwaar-tlv`, { fields: {} });
    expect(empty.status).toBe(400);
    expect((await postJson(`${svc.url}/api/letters/bezwaar-tlv`, { fields: { ouderNaam: 3 } })).status).toBe(400);
    expect((await postJson(`${svc.url}/api/letters/bezwaar-tlv`, "niet json")).status).toBe(400);
    expect((await postJson(`${svc.url}/api/letters/bestaat-niet`, { fields: {} })).status).toBe(404);
  });

  it("gives the letter as a .docx that unzips and holds the text", async () => {
    for (const letter of letters) {
      const res = await postJson(
        `${svc.url}/api/letters/${letter.id}`,
        { fields: valuesFor(letter) },
        { Accept: DOCX },
      );
      expect(res.status, letter.id).toBe(200);
      expect(res.headers.get("content-type")).toContain(DOCX);
      expect(res.headers.get("cache-control")).toContain("no-store");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${letter.id}.docx"`);
      const buf = Buffer.from(await res.arrayBuffer());
      expect(buf.subarray(0, 2).toString()).toBe("PK");
      const text = docxText(buf);
      expect(text).toContain(`${MARK} ouderNaam`);
      expect(text).toContain("Met vriendelijke groet,");
    }
  });

  it("keeps nothing filled in: not in the database, not in the log", async () => {
    // A chat turn, so the database is in use while letters are made.
    await postJson(`${svc.url}/api/chat`, { text: "Hoe maak ik bezwaar tegen een TLV?" });
    const lines = svc.logs.lines.join("\n");
    expect(lines).toContain("POST /api/letters/:id");
    expect(lines).not.toContain(MARK);
    expect(lines).not.toContain("2026-03-02");
    // Every file of the SQLite database (with its WAL), after a checkpoint and as it is.
    await stores.close();
    for (const f of readdirSync(dataDir)) expect(readFileSync(join(dataDir, f)).includes(MARK), f).toBe(false);
    stores = createSqliteStores({ dataDir });
  });
});
