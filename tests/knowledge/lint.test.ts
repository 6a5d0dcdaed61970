import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/core/index.js";
import { lintEntries } from "../../src/knowledge/lint.js";
import { realKnowledge } from "../helpers.js";

const entry = (answer: string, nextSteps: string[] = ["Bel het steunpunt."]): Entry => ({
  id: "x",
  question: "Vraag?",
  alternates: [],
  answer,
  nextSteps,
  related: [],
  tags: ["x"],
  citations: [{ source: "s", section: "s" }],
  reviewed: "2026-12-05",
  legalBasis: [],
  topic: "t",
});
const messages = (answer: string, steps?: string[]) => lintEntries([entry(answer, steps)]).map((i) => i.message);

describe("knowledge lint", () => {
  it("rejects answers that open with Ja, Nee, Soms, Vaak, Meestal or Dat kan", () => {
    for (const opener of ["Ja, dat mag.", "Nee, je hoeft niet te tekenen.", "Soms wel.", "Vaak wel.", "Meestal niet.", "Dat kan, als je wilt."]) {
      expect(messages(opener).join(), opener).toMatch(/opens with/);
    }
    expect(messages("De school mag je kind alleen laten onderzoeken als jij toestemming geeft.")).toEqual([]);
    expect(messages("Jarenlang was dat anders.")).toEqual([]);
  });

  it("rejects a remedy without its term, and accepts one with a term", () => {
    expect(messages("Je kunt bezwaar maken bij het samenwerkingsverband.").join()).toMatch(/without its term/);
    expect(messages("Je kunt naar de Geschillencommissie Passend Onderwijs.").join()).toMatch(/without its term/);
    expect(messages("Maak bezwaar bij het samenwerkingsverband, binnen 6 weken na het besluit.")).toEqual([]);
    expect(messages("Je kunt een klacht indienen.", ["Dien je klacht binnen een jaar in."])).toEqual([]);
    expect(messages("Je doet een beroep op vrijstelling bij de leerplichtambtenaar.")).toEqual([]);
    expect(messages("Je hebt bezwaar tegen de richting van alle scholen.")).toEqual([]);
  });

  it("rejects 'the so needs a TLV' without the cluster 1/2 note", () => {
    expect(messages("Voor het speciaal onderwijs is een TLV nodig.").join()).toMatch(/cluster 1 and 2/);
    expect(messages("Voor het speciaal onderwijs is een TLV nodig. Scholen van cluster 1 en 2 laten je kind toe zonder TLV.")).toEqual([]);
    expect(messages("Voor het sbo is een TLV nodig.")).toEqual([]);
  });

  it("finds nothing in the repository's knowledge base", () => {
    expect(lintEntries(realKnowledge().entries)).toEqual([]);
  });
});
