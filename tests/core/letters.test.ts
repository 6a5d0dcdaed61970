import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KnowledgeError, fillLetter, isLetterProblems, parseLetterDate, type Letter } from "../../src/core/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/index.js";
import { realAssistant, realKnowledge } from "../helpers.js";

const today = new Date("2026-11-23T12:00:00Z");
const letterOf = (id: string) => (realKnowledge().letters ?? []).find((l) => l.id === id) as Letter;

describe("letters in the knowledge base", () => {
  it("has at least 8 letters, each with a legal basis, registered sources and the entries it belongs to", () => {
    const { letters = [], sources, entries, deadlines } = realKnowledge();
    expect(letters.length).toBeGreaterThanOrEqual(8);
    for (const l of letters) {
      expect(l.legalBasis.length, l.id).toBeGreaterThan(0);
      for (const c of l.citations)
        expect(
          sources.some((s) => s.id === c.source),
          `${l.id}: ${c.source}`,
        ).toBe(true);
      for (const e of l.entries)
        expect(
          entries.some((x) => x.id === e),
          `${l.id}: ${e}`,
        ).toBe(true);
      if (l.deadline) expect(deadlines.some((d) => d.id === l.deadline?.rule)).toBe(true);
    }
  });

  it("stops loading on a broken letter file, naming the file and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "ow-knowledge-"));
    cpSync(defaultKnowledgeDir, dir, { recursive: true });
    const good = letterOf("bezwaar-tlv");
    writeFileSync(
      join(dir, "letters", "kapot.yaml"),
      JSON.stringify({
        ...good,
        id: "kapot",
        fields: [{ name: "ouderNaam" }],
        deadline: { rule: "bestaat-niet", from: "besluitDatum" },
      }),
    );
    writeFileSync(
      join(dir, "letters", "onbekend.yaml"),
      JSON.stringify({
        ...good,
        id: "onbekend",
        entries: ["geen-entry"],
        citations: [{ source: "geen-bron", section: "x" }],
      }),
    );
    let error: unknown;
    try {
      loadKnowledge(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    const issues = (error as KnowledgeError).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/letters\/kapot\.yaml$/), field: "fields[0].label" }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/letters\/onbekend\.yaml$/), field: "entries[0]" }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/letters\/onbekend\.yaml$/),
        field: "citations[0].source",
      }),
    );
  });
});

describe("fillLetter", () => {
  const rules = realKnowledge().deadlines;
  const letter = letterOf("bezwaar-tlv");
  const full = Object.fromEntries(
    letter.fields.map((f) => [f.name, f.kind === "date" ? "13-10-2026" : `waarde ${f.name}`]),
  );

  it("computes the term from the decision date with the deadline rule", () => {
    const r = fillLetter(letter, rules, full, today);
    if (isLetterProblems(r)) throw new Error("unexpected problems");
    expect(r.deadline).toBe("2026-11-24");
    expect(r.deadlineText).toContain("24 november 2026");
    expect(r.text).toContain("besluit van 13 oktober 2026");
  });

  it("names every missing required blank and every unreadable date", () => {
    const r = fillLetter(letter, rules, { ...full, ouderNaam: "  ", besluitDatum: "gisteren" }, today);
    expect(isLetterProblems(r) && Object.keys(r.problems).sort()).toEqual(["besluitDatum", "ouderNaam"]);
  });

  it("refuses a value that is too long", () => {
    const r = fillLetter(letter, rules, { ...full, ouderNaam: "x".repeat(500) }, today);
    expect(isLetterProblems(r) && Object.keys(r.problems)).toEqual(["ouderNaam"]);
  });

  it("keeps braces a parent typed as text", () => {
    const r = fillLetter(letter, rules, { ...full, bezwaarGronden: "zie {ouderNaam} en {termijn}" }, today);
    expect(!isLetterProblems(r) && r.text).toContain("zie {ouderNaam} en {termijn}");
  });

  it("reads a date only when the whole value is one date", () => {
    expect(parseLetterDate("2 maart 2026", today)?.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(parseLetterDate("02-03-2026", today)?.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(parseLetterDate("2026-03-02", today)?.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(parseLetterDate("op 2 maart 2026 kreeg ik", today)).toBeNull();
    expect(parseLetterDate("31-02-2026", today)).toBeNull();
  });
});

describe("letters offered with answers", () => {
  it("offers the bezwaarbrief under the answer about bezwaar against a TLV", async () => {
    const reply = await realAssistant().reply("c1", "Hoe maak ik bezwaar tegen een besluit over een TLV?");
    expect(reply.answerId).toBe("tlv-bezwaar");
    expect(reply.suggestions[0]).toBe("Wil je hulp bij een bezwaarbrief tegen het TLV-besluit?");
    expect(reply.letters).toEqual([expect.objectContaining({ id: "bezwaar-tlv" })]);
  });

  it("offers no letter under an answer without one", async () => {
    const reply = await realAssistant().reply("c2", "Wat is passend onderwijs?");
    expect(reply.letters).toBeUndefined();
  });
});
