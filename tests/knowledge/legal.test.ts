import { describe, expect, it } from "vitest";
import { realKnowledge } from "../helpers.js";

// The findings of the issue "Legally right in every case", each held by a test where the text can hold it.
// (Deadlines: tests/core/deadlines-set.test.ts; openers, remedies without a term, the cluster note: tests/knowledge/lint.test.ts.)
const entries = new Map(realKnowledge().entries.map((e) => [e.id, e]));
const text = (id: string) => {
  const e = entries.get(id);
  if (!e) throw new Error(`no entry ${id}`);
  return `${e.answer}\n${e.nextSteps.join("\n")}`;
};

describe("legal findings, fixed", () => {
  it("a TLV is objected to after the decision, within 6 weeks, at the samenwerkingsverband, not against the application", () => {
    for (const id of ["tlv-niet-eens-aanvraag", "opp-onder-druk", "opp-andere-school"]) {
      expect(text(id), id).toMatch(/6 weken/u);
      expect(text(id), id).toMatch(/besluit/u);
      expect(text(id), id).toMatch(/samenwerkingsverband/u);
    }
    expect(text("tlv-niet-eens-aanvraag")).toMatch(/Tegen de aanvraag zelf kun je geen bezwaar maken/u);
  });

  it("the bezwaar against a verwijdering has its term and its starting event", () => {
    expect(text("verwijdering-bezwaar")).toMatch(/6 weken\*{0,2} nadat het verwijderingsbesluit bekend is gemaakt/u);
  });

  it("with several applications only the first-choice school has zorgplicht; cluster 1 and 2 are named", () => {
    for (const id of ["zorgplicht-geen", "aanmelden-geweigerd"]) {
      expect(text(id), id).toMatch(/eerste keus/u);
      expect(text(id), id).toMatch(/cluster 1/u);
    }
  });

  it("vrijstelling: not only before 1 July, and a last step", () => {
    const t = text("leerplicht-vrijstelling-aanvragen");
    expect(t).not.toMatch(/altijd vóór 1 juli/u);
    expect(t).toMatch(/laatste stap/u);
  });

  it("smaller findings", () => {
    expect(text("opp-niet-eens")).toMatch(/6 weken\*{0,2} na/u);
    expect(text("tlv-bezwaar-al-op-sbo")).toMatch(/Is de termijn voorbij\? Dan kun je de oude TLV niet meer aanvechten/u);
    expect(text("leerplicht-verzuim-soorten")).toMatch(/\*\*moet\*\* de school dat melden/u);
    expect(text("leerplicht-wat-is")).toMatch(/eerste schooldag/u);
    expect(text("leerplicht-wat-is")).not.toMatch(/eerste dag van de maand/u);
    expect(text("leerlingenvervoer-voorwaarden")).toMatch(/dichtstbijzijnde toegankelijke school/u);
    for (const e of entries.values()) {
      expect(e.answer, e.id).not.toMatch(/informatie van november 2026/u);
      for (const c of e.citations) expect(c.section.trim(), `${e.id} cites ${c.source}`).not.toMatch(/^[—–-]?$/u);
    }
  });

  it("the missing subjects have entries", () => {
    for (const id of ["opp-balans-onderzoek", "oneens-stappen-lang-conflict", "so-clusters", "doeltreffende-aanpassing", "jeugdhulp-betalen", "okr-wat-is"]) {
      expect(entries.has(id), id).toBe(true);
    }
    expect(text("so-clusters")).toMatch(/cluster 4/iu);
    expect(text("jeugdhulp-betalen")).toMatch(/gemeente/u);
  });

  it("every entry names its legal basis (possibly none) and a review date", () => {
    for (const e of entries.values()) {
      expect(Array.isArray(e.legalBasis), e.id).toBe(true);
      expect(e.reviewed, e.id).toMatch(/^2026-1[12]-\d{2}$/u);
    }
  });
});
